// Demo meetings for the two demo boards: a held meeting about ten days ago with an
// outcome on every item (decided, postponed, more information needed), and an upcoming
// meeting with a published agenda (the postponed case and a new one) and an inspection.
// Their cases are filed and handled like the other demo cases, and the meetings go
// through the same service functions as the pages. Idempotent: a board that has any
// meeting is left alone, so a second run adds nothing (also on a database seeded before
// meetings existed).
import type { Config } from '../../server/platform/config.js'
import type { Database } from '../../server/platform/db/database.js'
import { loadPrincipal } from '../../server/kerne/access/principal.js'
import { findNaevnForKommune, type NaevnType } from '../../server/kerne/naevn/naevn.js'
import { fraDate } from '../../server/kerne/sag/frister.js'
import { adresseTekst } from '../../server/kerne/sag/visning.js'
import {
  markerAfholdt,
  offentliggoerDagsorden,
  opretBesigtigelse,
  opretMoede,
  registrerUdfald,
  tilfoejPunkt,
} from '../../server/modules/naevnsmoede/moeder.service.js'
import { indbringDemoSag, staff, type DemoSag, type Handling } from './demo-sager.js'

const klarTilMoede = (vurdering: string): Handling[] => [{ tag: true }, { gebyrBetalt: true }, { status: 'under_behandling' }, { vurdering }, { status: 'klar_til_moede' }]

interface DemoBoard {
  type: NaevnType
  kommunekode: '101' | '751'
  sted: string
  afgjort: DemoSag
  udsat: DemoSag
  mereInformation: DemoSag
  ny: DemoSag
}

const lejer = 'lejer@demo.naevn.dk'
const kbhLejemaal = (vej: string, nr: string, postnr: string) => ({ vejnavn: vej, husnummer: nr, etage: '2', doer: 'th', postnr, lejemaal_type: 'privat', kommunekode: '101' })
const aarhusLejemaal = (vej: string, nr: string) => ({ vejnavn: vej, husnummer: nr, etage: 'st', doer: 'tv', postnr: '8000', lejemaal_type: 'almen', kommunekode: '751' })

const boards: DemoBoard[] = [
  {
    type: 'huslejenaevn',
    kommunekode: '101',
    sted: 'Københavns Rådhus, mødelokale 12, 1599 København V',
    afgjort: {
      email: lejer,
      rolle: 'lejer',
      lejemaal: kbhLejemaal('Tagensvej', '90', '2200'),
      parter: { mig_navn: 'Camilla Nørgaard', mig_email: lejer, modpart_navn: 'Tagensvej Ejendomme ApS', modpart_email: 'drift@tagensvej.example' },
      sagen: { formaal: 'klage', sagsomraader: ['vedligeholdelse'], beskrivelse: 'Radiatorerne i stuen og soveværelset har været kolde hele vinteren. Udlejer har ikke udbedret fejlen.' },
      indsend: true,
      behandling: klarTilMoede('Udlejer har erkendt fejlen, men ikke udbedret den inden for en rimelig frist.\nIndstilling: lejer gives medhold; udlejer pålægges at udbedre varmeanlægget inden 6 uger.'),
    },
    udsat: {
      email: lejer,
      rolle: 'lejer',
      lejemaal: kbhLejemaal('Griffenfeldsgade', '17', '2200'),
      parter: { mig_navn: 'Camilla Nørgaard', mig_email: lejer, modpart_navn: 'Nørrebro Bolig A/S' },
      sagen: { formaal: 'klage', sagsomraader: ['forbrug'], beskrivelse: 'Vandregnskabet opkræver forbrug for hele året, selv om lejemålet stod tomt i tre måneder efter en vandskade.', svar_regnskabsperiode_fra: '01-01-2025', svar_regnskabsperiode_til: '31-12-2025' },
      indsend: true,
      behandling: klarTilMoede('Målerdata viser forbrug i de tre måneder, hvor lejemålet stod tomt; udlejer har ikke forklaret hvorfor.\nIndstilling: regnskabet er ikke opgjort korrekt, og lejer gives medhold.'),
    },
    mereInformation: {
      email: lejer,
      rolle: 'lejer',
      lejemaal: kbhLejemaal('Østerbrogade', '112', '2100'),
      parter: { mig_navn: 'Camilla Nørgaard', mig_email: lejer, modpart_navn: 'Østerbro Udlejning' },
      sagen: { formaal: 'klage', sagsomraader: ['depositum'], beskrivelse: 'Udlejer har modregnet 9.000 kr. i depositum for en skade på køkkenbordet, som var der ved indflytningen.', svar_depositum_beloeb: '27.000', svar_fraflytningsdato: '31-07-2026' },
      indsend: true,
      behandling: klarTilMoede('Indflytningsrapporten nævner ikke køkkenbordet.\nIndstilling: udlejer bør dokumentere skadens omfang, før nævnet tager stilling.'),
    },
    ny: {
      email: lejer,
      rolle: 'lejer',
      lejemaal: kbhLejemaal('Ravnsborggade', '8', '2200'),
      parter: { mig_navn: 'Camilla Nørgaard', mig_email: lejer, modpart_navn: 'Ravnsborg Ejendomme ApS', modpart_email: 'post@ravnsborg.example' },
      sagen: { formaal: 'klage', sagsomraader: ['vedligeholdelse'], beskrivelse: 'Der er skimmelsvamp i loftet i badeværelset og fugtskjolder i soveværelset. Udlejer mener, det skyldes manglende udluftning.' },
      indsend: true,
      behandling: klarTilMoede('Parterne er uenige om årsagen til fugten. En besigtigelse vil vise, om der er en bygningsfejl.\nIndstilling: nævnet besigtiger lejemålet og træffer derefter afgørelse.'),
    },
  },
  {
    type: 'beboerklagenaevn',
    kommunekode: '751',
    sted: 'Aarhus Rådhus, lokale 3.14, 8000 Aarhus C',
    afgjort: {
      email: lejer,
      rolle: 'lejer',
      lejemaal: aarhusLejemaal('Søren Frichs Vej', '40'),
      parter: { mig_navn: 'Camilla Nørgaard', mig_email: lejer, modpart_navn: 'Åbyhøj Boligforening' },
      sagen: { formaal: 'klage', sagsomraader: ['fraflytning'], beskrivelse: 'Boligforeningen kræver 12.000 kr. for maling af hele lejemålet, selv om jeg kun har boet der i 14 måneder.', svar_fraflytningsdato: '31-08-2026' },
      indsend: true,
      behandling: klarTilMoede('Lejemålet er malet ved indflytningen; almindeligt slid efter 14 måneder er dækket af vedligeholdelseskontoen.\nIndstilling: lejer gives delvist medhold.'),
    },
    udsat: {
      email: lejer,
      rolle: 'lejer',
      lejemaal: aarhusLejemaal('Gudrunsvej', '62'),
      parter: { mig_navn: 'Camilla Nørgaard', mig_email: lejer, modpart_navn: 'Brabrand Boligforening' },
      sagen: { formaal: 'klage', sagsomraader: ['boligens_stand'], beskrivelse: 'Ventilationen i køkkenet har ikke virket i et år, og der er fugt på vinduerne hver morgen.' },
      indsend: true,
      behandling: klarTilMoede('Boligforeningen har bestilt en ny emhætte, men ikke sat den op.\nIndstilling: boligforeningen pålægges at udbedre ventilationen.'),
    },
    mereInformation: {
      email: lejer,
      rolle: 'lejer',
      lejemaal: aarhusLejemaal('Tovshøjvej', '30'),
      parter: { mig_navn: 'Camilla Nørgaard', mig_email: lejer, modpart_navn: 'Brabrand Boligforening' },
      sagen: { formaal: 'klage', sagsomraader: ['forbedringer'], beskrivelse: 'Boligforeningen har afvist min ansøgning om at sætte en altan op efter råderetten.' },
      indsend: true,
      behandling: klarTilMoede('Afslaget henviser til en afdelingsbeslutning, som ikke er sendt til sekretariatet.\nIndstilling: beslutningen indhentes, før sagen afgøres.'),
    },
    ny: {
      email: lejer,
      rolle: 'lejer',
      lejemaal: aarhusLejemaal('Hasle Torv', '15'),
      parter: { mig_navn: 'Camilla Nørgaard', mig_email: lejer, modpart_navn: 'Hasle Boligselskab', modpart_email: 'drift@hasle.example' },
      sagen: { formaal: 'klage', sagsomraader: ['boligens_stand'], beskrivelse: 'Gulvet i stuen har rejst sig efter en vandskade i lejligheden ovenover, og boligselskabet vil ikke skifte det.' },
      indsend: true,
      behandling: klarTilMoede('Skaden er ikke beskrevet i boligselskabets synsrapport.\nIndstilling: nævnet besigtiger lejemålet.'),
    },
  },
]

/** Today plus n days, yyyy-mm-dd in Danish time. */
const dag = (n: number) => fraDate(new Date(Date.now() + n * 86_400_000))

export async function seedDemoMoeder(db: Database, config: Config): Promise<number> {
  let antal = 0
  for (const b of boards) {
    const naevn = await findNaevnForKommune(db, b.type, Number(b.kommunekode))
    const user = await db.selectFrom('users').select('id').where('email', '=', staff[b.kommunekode]).executeTakeFirst()
    const p = user && (await loadPrincipal(db, user.id, 'seed'))
    if (!naevn || !p) continue
    if (await db.selectFrom('moeder').select('id').where('naevn_id', '=', naevn.id).executeTakeFirst()) continue

    const ids: (string | null)[] = []
    for (const s of [b.afgjort, b.udsat, b.mereInformation, b.ny]) ids.push(await indbringDemoSag(db, config, s))
    const [afgjort, udsat, mere, ny] = ids
    if (!afgjort || !udsat || !mere || !ny) continue

    // The held meeting: every item dealt with, then marked as held.
    const holdt = await opretMoede(db, p, { naevnId: naevn.id, dato: dag(-10), tid: '13:00', sted: b.sted })
    for (const s of [afgjort, udsat, mere]) await tilfoejPunkt(db, p, holdt, s)
    await offentliggoerDagsorden(db, p, holdt)
    const punkt = async (sagId: string) => (await db.selectFrom('dagsordenpunkter').select('id').where('moede_id', '=', holdt).where('sag_id', '=', sagId).executeTakeFirstOrThrow()).id
    await registrerUdfald(db, p, holdt, await punkt(afgjort), { udfald: 'afgjort', note: 'Nævnet fulgte indstillingen. Afgørelsen skrives af sekretariatet.' })
    await registrerUdfald(db, p, holdt, await punkt(udsat), { udfald: 'udsat', note: 'Udlejer bad om udsættelse for at fremlægge målerdata; sagen tages op på næste møde.' })
    await registrerUdfald(db, p, holdt, await punkt(mere), { udfald: 'mere_information', note: 'Nævnet ønsker den dokumentation, indstillingen nævner, før sagen afgøres.' })
    await markerAfholdt(db, p, holdt)

    // The coming meeting: the postponed case and a new one, published, with an inspection on the meeting day.
    const kommende = await opretMoede(db, p, { naevnId: naevn.id, dato: dag(9), tid: '13:00', sted: b.sted })
    for (const s of [ny, udsat]) await tilfoejPunkt(db, p, kommende, s)
    await offentliggoerDagsorden(db, p, kommende)
    const nyPunkt = await db.selectFrom('dagsordenpunkter').select('id').where('moede_id', '=', kommende).where('sag_id', '=', ny).executeTakeFirstOrThrow()
    const adresse = await db.selectFrom('sager').select(['vejnavn', 'husnummer', 'etage', 'doer', 'postnr', 'by']).where('id', '=', ny).executeTakeFirstOrThrow()
    await opretBesigtigelse(db, p, kommende, nyPunkt.id, { dato: dag(9), tid: '10:00', adresse: adresseTekst(adresse) })
    antal += 2
  }
  return antal
}
