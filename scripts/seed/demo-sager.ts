// Demo cases: filed cases in every state and different areas for both demo boards, and
// one draft, filed and handled through the same service functions as the pages (so they
// carry numbers, journal entries, notes, hearings and receipts like real ones).
import type { Config } from '../../server/platform/config.js'
import type { Database } from '../../server/platform/db/database.js'
import { loadPrincipal } from '../../server/kerne/access/principal.js'
import { createCprCipher } from '../../server/kerne/identitet/cpr-crypto.js'
import { demoCpr, demoCvr } from '../../server/kerne/auth/oidc/demo-identiteter.js'
import { loadPostnumre } from '../../server/kerne/referencedata/postnumre.js'
import { bekraeftGebyr, gemHvem, gemLejemaal, gemParter, gemSagen, indsend, startKladde, type IndbringelseCtx } from '../../server/modules/indbringelse/indbringelse.service.js'
import type { FormValues } from '../../server/platform/forms/form.js'
import type { SagStatus } from '../../server/kerne/sag/status.js'
import { gemVurdering, registrerGebyrBetalt, skiftStatusSomPersonale, skrivTilPart, tildel, tilfoejNotat } from '../../server/modules/sagsbehandling/sagsbehandling.service.js'
import { opretPartshoering, standardSvarfrist } from '../../server/modules/sagsbehandling/partshoering.service.js'
import { anonymiserVersion, godkend, hentTilGennemsyn } from '../../server/modules/anonymisering/anonymisering.service.js'
import { publicerAfgoerelse } from '../../server/modules/register/publicering.service.js'
import { endeliggoer, gemAfgoerelse, hentUdkast, type AfgoerelseCtx } from '../../server/modules/afgoerelse/afgoerelse.service.js'
import { loadLovgrundlag } from '../../server/kerne/sag/lovgrundlag.js'
import { fraDate } from '../../server/kerne/sag/frister.js'
import type { Principal } from '../../server/kerne/access/principal.js'

export type Handling =
  | { tag: true }
  | { notat: string }
  | { vurdering: string }
  | { status: SagStatus; begrundelse?: string }
  | { hoering: string }
  | { besked: string }
  | { gebyrBetalt: true }
  | { afgoerelse: DemoAfgoerelse }

interface DemoAfgoerelse {
  aarsag: 'IN_FAVOUR' | 'IN_PARTIAL_FAVOUR' | 'REJECTED' | 'DISMISSED' | 'SETTLEMENT'
  medhold?: 'TENANT' | 'LANDLORD' | 'SHARED'
  grund?: string
  gebyr?: boolean
  /** Searches in the law texts; the first hit of each becomes a provision. */
  lovSoeg: { q: string; lov: string }[]
  begrundelse: string
  husleje?: { dato: string; metode: string; kategori: string; angivelse: string; beloeb: string; areal: string }
  /** Left for the caseworker's review of the anonymization; the others are published. */
  tilGennemsyn?: true
}

export interface DemoSag {
  email: string
  rolle: 'lejer' | 'udlejer'
  lejemaal: FormValues
  parter: FormValues
  sagen: FormValues
  indsend: boolean
  /** What the board's caseworker has done with it, so the inbox shows every state. */
  behandling?: Handling[]
}

export const staff = { '101': 'sagsbehandler1.kbh@demo.naevn.dk', '751': 'sagsbehandler1.aarhus@demo.naevn.dk' } as const

const kbh = (vej: string, nr: string, postnr = '2200') => ({ vejnavn: vej, husnummer: nr, etage: '3', doer: 'tv', postnr, lejemaal_type: 'privat', kommunekode: '101' })
const aarhus = (vej: string, nr: string) => ({ vejnavn: vej, husnummer: nr, etage: '1', doer: 'th', postnr: '8000', lejemaal_type: 'almen', kommunekode: '751' })

/** Taken, paid, handled and put on a meeting's agenda: where every decided demo case starts. */
const tilDagsorden: Handling[] = [{ tag: true }, { gebyrBetalt: true }, { status: 'under_behandling' }, { status: 'klar_til_moede' }, { status: 'paa_dagsorden' }]

const sager: DemoSag[] = [
  {
    email: 'lejer@demo.naevn.dk',
    rolle: 'lejer',
    lejemaal: kbh('Blågårdsgade', '14'),
    parter: { mig_navn: 'Camilla Nørgaard', mig_cprcvr: demoCpr.camilla, mig_email: 'lejer@demo.naevn.dk', modpart_navn: 'Nørrebro Ejendomme ApS', modpart_cprcvr: demoCvr.noerrebroEjendomme, modpart_email: 'udlejning@nbe.example' },
    sagen: { formaal: 'klage', sagsomraader: ['vedligeholdelse'], beskrivelse: 'Der har været fugt og skimmel i badeværelset siden januar. Udlejer har lovet at udbedre det, men intet er sket.\nJeg beder nævnet pålægge udlejer at udføre arbejdet.' },
    indsend: true,
    behandling: [{ tag: true }, { gebyrBetalt: true }, { status: 'under_behandling' }, { notat: 'Talt med lejer i telefonen: skimmel i loft og fuger, billeder eftersendes.' }, { besked: 'Vi har modtaget din sag og gebyret. Send gerne billeder af skaden.' }],
  },
  {
    email: 'lejer@demo.naevn.dk',
    rolle: 'lejer',
    lejemaal: kbh('Istedgade', '80', '1650'),
    parter: { mig_navn: 'Camilla Nørgaard', mig_cprcvr: demoCpr.camilla, mig_email: 'lejer@demo.naevn.dk', modpart_navn: 'Vesterbro Bolig A/S', modpart_cprcvr: demoCvr.vesterbroBolig },
    sagen: { formaal: 'klage', sagsomraader: ['depositum', 'fraflytning'], beskrivelse: 'Udlejer har tilbageholdt hele depositummet på 36.000 kr. efter min fraflytning og kræver nymaling af hele lejligheden.', svar_depositum_beloeb: '36.000', svar_fraflytningsdato: '31-08-2026' },
    indsend: true,
    behandling: [{ tag: true }, { gebyrBetalt: true }, { hoering: 'Nævnet beder udlejer om bemærkninger til lejers krav om tilbagebetaling af depositum og om dokumentation for istandsættelsesudgifterne.' }],
  },
  {
    email: 'udlejer@demo.naevn.dk',
    rolle: 'udlejer',
    lejemaal: kbh('Amagerbrogade', '120', '2300'),
    parter: { mig_navn: 'Frederik Winther', mig_cprcvr: demoCpr.frederik, mig_email: 'udlejer@demo.naevn.dk', modpart_navn: 'Jonas Lejer' },
    sagen: { formaal: 'klage', sagsomraader: ['husorden'], beskrivelse: 'Lejeren spiller høj musik om natten trods to skriftlige advarsler. Jeg beder nævnet tage stilling til, om husordenen er overtrådt.' },
    indsend: true,
    behandling: [{ tag: true }, { gebyrBetalt: true }, { status: 'under_behandling' }, { notat: 'Begge parter har udtalt sig; klar til nævnsmøde.' }, { vurdering: 'Advarslerne er dokumenteret. Indstilling: husordenen er overtrådt.' }, { status: 'klar_til_moede' }],
  },
  {
    email: 'lejer@demo.naevn.dk',
    rolle: 'lejer',
    lejemaal: kbh('Jagtvej', '55'),
    parter: { mig_navn: 'Camilla Nørgaard', mig_cprcvr: demoCpr.camilla, mig_email: 'lejer@demo.naevn.dk', modpart_navn: 'Nørrebro Ejendomme ApS', modpart_cprcvr: demoCvr.noerrebroEjendomme },
    sagen: { formaal: 'klage', sagsomraader: ['forbrug'], beskrivelse: 'Varmeregnskabet for sidste år er 11.000 kr. højere end året før, og udlejer vil ikke vise målerdata.', svar_regnskabsperiode_fra: '01-06-2025', svar_regnskabsperiode_til: '31-05-2026' },
    indsend: true,
  },
  {
    email: 'lejer@demo.naevn.dk',
    rolle: 'lejer',
    lejemaal: aarhus('Gudrunsvej', '30'),
    parter: { mig_navn: 'Camilla Nørgaard', mig_cprcvr: demoCpr.camilla, mig_email: 'lejer@demo.naevn.dk', modpart_navn: 'Brabrand Boligforening' },
    sagen: { formaal: 'klage', sagsomraader: ['fraflytning'], beskrivelse: 'Boligforeningen kræver 18.500 kr. for istandsættelse af gulve, som var slidte ved indflytningen.', svar_fraflytningsdato: '30-09-2026' },
    indsend: true,
    behandling: tilDagsorden,
  },
  {
    email: 'lejer@demo.naevn.dk',
    rolle: 'lejer',
    lejemaal: aarhus('Tovshøjvej', '12'),
    parter: { mig_navn: 'Camilla Nørgaard', mig_cprcvr: demoCpr.camilla, mig_email: 'lejer@demo.naevn.dk', modpart_navn: 'Brabrand Boligforening' },
    sagen: { formaal: 'klage', sagsomraader: ['boligens_stand'], beskrivelse: 'Vinduerne i stuen kan ikke lukkes tæt, og der trækker kold luft ind. Boligforeningen har ikke reageret på tre henvendelser.' },
    indsend: true,
    behandling: [
      ...tilDagsorden,
      {
        afgoerelse: {
          aarsag: 'IN_FAVOUR',
          medhold: 'TENANT',
          gebyr: false,
          lovSoeg: [{ q: 'vedligeholdelse', lov: 'almenlejeloven' }],
          begrundelse: 'Boligorganisationen har pligt til at holde det lejede i god og forsvarlig stand. Utætte vinduer er en mangel, som skal udbedres.',
        },
      },
    ],
  },
  {
    email: 'lejer@demo.naevn.dk',
    rolle: 'lejer',
    lejemaal: kbh('Ryesgade', '3', '2100'),
    parter: { mig_navn: 'Camilla Nørgaard', mig_cprcvr: demoCpr.camilla, mig_email: 'lejer@demo.naevn.dk', modpart_navn: 'Østerbro Udlejning' },
    sagen: { formaal: 'klage', sagsomraader: ['husleje'], beskrivelse: 'Udlejer har varslet en lejeforhøjelse på 1.800 kr. om måneden, som jeg mener er for høj.', svar_nuvaerende_maanedlig_leje: '9.800', svar_varslet_forhoejelse_dato: '01-01-2027' },
    indsend: false,
  },

  {
    email: 'lejer@demo.naevn.dk',
    rolle: 'lejer',
    lejemaal: kbh('Frederiksborggade', '22', '1360'),
    parter: { mig_navn: 'Camilla Nørgaard', mig_cprcvr: demoCpr.camilla, mig_email: 'lejer@demo.naevn.dk', modpart_navn: 'City Udlejning A/S' },
    sagen: { formaal: 'klage', sagsomraader: ['husleje'], beskrivelse: 'Huslejen på 14.800 kr. om måneden er langt over det lejedes værdi for en 2-værelses lejlighed på 62 m².', svar_nuvaerende_maanedlig_leje: '14.800' },
    indsend: true,
    behandling: [
      ...tilDagsorden,
      {
        afgoerelse: {
          aarsag: 'IN_PARTIAL_FAVOUR',
          medhold: 'TENANT',
          gebyr: false,
          lovSoeg: [{ q: 'lejedes værdi', lov: 'lejeloven' }],
          begrundelse: 'Nævnet har sammenlignet med tre lejemål i kvarteret og finder, at huslejen overstiger det lejedes værdi væsentligt.',
          husleje: { dato: '2026-11-01', metode: 'BASED_ON_COMPARABLE_RENTS', kategori: 'MONTHLY_RENT', angivelse: 'TENANCY_SPECIFIC_RENT', beloeb: '11.900', areal: '62' },
        },
      },
    ],
  },
  {
    email: 'udlejer@demo.naevn.dk',
    rolle: 'udlejer',
    lejemaal: kbh('Nørrebrogade', '200'),
    parter: { mig_navn: 'Frederik Winther', mig_cprcvr: demoCpr.frederik, mig_email: 'udlejer@demo.naevn.dk', modpart_navn: 'Sofie Lejer' },
    sagen: { formaal: 'klage', sagsomraader: ['vedligeholdelse'], beskrivelse: 'Lejeren har ikke vedligeholdt lejligheden indvendigt som aftalt i lejekontrakten.' },
    indsend: true,
    behandling: [
      { tag: true },
      { status: 'under_behandling' },
      { afgoerelse: { aarsag: 'DISMISSED', grund: 'Gebyret er ikke betalt trods to rykkere.', lovSoeg: [{ q: 'vedligeholdelse', lov: 'lejeloven' }], begrundelse: 'Nævnet behandler ikke sagen, før gebyret er betalt. Gebyret er ikke betalt inden fristen.' } },
    ],
  },
  {
    email: 'lejer@demo.naevn.dk',
    rolle: 'lejer',
    lejemaal: aarhus('Hasle Ringvej', '100'),
    parter: { mig_navn: 'Camilla Nørgaard', mig_cprcvr: demoCpr.camilla, mig_email: 'lejer@demo.naevn.dk', modpart_navn: 'Hasle Boligselskab' },
    sagen: { formaal: 'klage', sagsomraader: ['husorden'], beskrivelse: 'Naboen holder hund i strid med husordenen, og boligselskabet gør intet ved det.' },
    indsend: true,
    behandling: [
      { tag: true },
      { afgoerelse: { aarsag: 'REJECTED', grund: 'Klager over en anden beboer skal først rettes til boligorganisationen.', lovSoeg: [{ q: 'husorden', lov: 'almenlejeloven' }], begrundelse: 'Sagen om en anden beboers overtrædelse af husordenen skal først behandles af boligorganisationen.' } },
    ],
  },
  {
    email: 'lejer@demo.naevn.dk',
    rolle: 'lejer',
    lejemaal: kbh('Valby Langgade', '40', '2500'),
    parter: { mig_navn: 'Camilla Nørgaard', mig_cprcvr: demoCpr.camilla, mig_email: 'lejer@demo.naevn.dk', modpart_navn: 'Valby Ejendomme' },
    sagen: { formaal: 'klage', sagsomraader: ['antenne'], beskrivelse: 'Udlejer opkræver betaling for en antenneforsyning, som ikke virker.' },
    indsend: true,
    behandling: [
      { tag: true },
      { gebyrBetalt: true },
      { status: 'under_behandling' },
      { afgoerelse: { aarsag: 'SETTLEMENT', tilGennemsyn: true, lovSoeg: [{ q: 'antenne', lov: 'lejeloven' }], begrundelse: 'Parterne har indgået forlig: udlejer tilbagebetaler antennebidraget for 2025 og 2026.' } },
    ],
  },
  {
    email: 'lejer@demo.naevn.dk',
    rolle: 'lejer',
    lejemaal: aarhus('Vestergade', '5'),
    parter: { mig_navn: 'Camilla Nørgaard', mig_cprcvr: demoCpr.camilla, mig_email: 'lejer@demo.naevn.dk', modpart_navn: 'Aarhus Almene Boliger' },
    sagen: { formaal: 'klage', sagsomraader: ['forbedringer'], beskrivelse: 'Boligselskabet har afvist min ansøgning om at sætte et nyt køkken op efter råderetten.' },
    indsend: true,
    behandling: [
      ...tilDagsorden,
      { afgoerelse: { aarsag: 'IN_PARTIAL_FAVOUR', medhold: 'SHARED', lovSoeg: [{ q: 'råderet', lov: 'almenlejeloven' }], begrundelse: 'Lejer har ret til at udskifte køkkenet efter råderetten, men arbejdet skal udføres af en autoriseret installatør.' } },
      { status: 'afsluttet' },
    ],
  },
]

export async function seedDemoSager(db: Database, config: Pick<Config, 'referenceDataDir' | 'cprEncryptionKey' | 'upload'> & Config): Promise<number> {
  const users = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', [...new Set(sager.map((s) => s.email))]).execute()
  if (users.length === 0) return 0
  await seedDemoFuldmagt(db)
  // Idempotent: the demo citizens' cases are made once.
  const existing = await db.selectFrom('sager').select('id').where('oprettet_af', 'in', users.map((u) => u.id)).executeTakeFirst()
  if (existing) return 0
  let count = 0
  for (const s of sager) {
    if (await indbringDemoSag(db, config, s)) count++
  }
  return count
}

/** Files one demo case as its citizen and lets the board's caseworker handle it; returns its id. */
export async function indbringDemoSag(db: Database, config: Config, s: DemoSag): Promise<string | null> {
  const ctx: IndbringelseCtx = { db, config, postnumre: await loadPostnumre(config.referenceDataDir), cpr: createCprCipher(config.cprEncryptionKey) }
  const user = await db.selectFrom('users').select('id').where('email', '=', s.email).executeTakeFirst()
  const p = user && (await loadPrincipal(db, user.id, 'seed'))
  if (!p) return null
  const id = await startKladde(ctx, p)
  const steps = [
    () => gemHvem(ctx, p, id, { indbringer_rolle: s.rolle, for_hvem: 'selv' }),
    () => gemLejemaal(ctx, p, id, s.lejemaal),
    () => gemParter(ctx, p, id, s.parter),
    () => gemSagen(ctx, p, id, s.sagen),
  ]
  for (const step of steps) {
    const r = await step()
    if (!r.ok) throw new Error(`Demo-sagen på ${String(s.lejemaal.vejnavn)} kunne ikke udfyldes: ${JSON.stringify(r.errors.toView().fejl)}`)
  }
  if (s.indsend) {
    await bekraeftGebyr(ctx, p, id)
    const r = await indsend(ctx, p, id)
    if (!r.ok) throw new Error(`Demo-sag kunne ikke indsendes: ${r.mangler.map((m) => m.besked).join(' ')}`)
    if (s.behandling) await behandl(db, config, id, String(s.lejemaal.kommunekode), s.behandling)
  }
  return id
}

async function afgoer(db: Database, config: Config, p: Principal, sagId: string, a: DemoAfgoerelse): Promise<void> {
  const ctx: AfgoerelseCtx = { db, config, love: await loadLovgrundlag(config.referenceDataDir) }
  const { afgoerelse } = await hentUdkast(ctx, p, sagId)
  const sag = await db.selectFrom('sager').select(['sagsomraader']).where('id', '=', sagId).executeTakeFirstOrThrow()
  const r = await gemAfgoerelse(ctx, p, sagId, {
    afgoerelsesdato: fraDate(new Date()),
    afslutningsaarsag: a.aarsag,
    medhold: a.medhold ?? '',
    henlaeggelsesaarsag: a.aarsag === 'DISMISSED' ? (a.grund ?? '') : '',
    afvisningsaarsag: a.aarsag === 'REJECTED' ? (a.grund ?? '') : '',
    gebyrpaalaeggelse: a.gebyr ? 'ja' : 'nej',
    besigtigelse: 'NOT_HELD',
    offentlig_interesse: 'nej',
    sagsomraader: sag.sagsomraader,
    lovgrundlag: a.lovSoeg.map((s) => ctx.love.soeg(s.q, { lov: s.lov, limit: 1 })[0]?.id).filter((id): id is string => Boolean(id)),
    afgoerelse_tekst: '',
    sagsfremstilling: afgoerelse.sagsfremstilling,
    begrundelse: a.begrundelse,
    ...(a.husleje
      ? {
          fastsaetter_husleje: 'ja',
          huslejefastsaettelse_dato: a.husleje.dato,
          huslejefastsaettelse_metode: a.husleje.metode,
          huslejekategori: a.husleje.kategori,
          huslejeangivelse: a.husleje.angivelse,
          husleje: a.husleje.beloeb,
          areal: a.husleje.areal,
        }
      : {}),
  })
  if (!r.ok) throw new Error(`Demo-afgørelsen kunne ikke gemmes: ${JSON.stringify(r.errors.toView().fejl)}`)
  await endeliggoer(ctx, p, sagId, '')
  // The demo register has content at once: anonymized, approved and published here, as the
  // workers would (their queued jobs then find the work done). One is left for review.
  await anonymiserVersion({ db, cpr: createCprCipher(config.cprEncryptionKey), referenceDataDir: config.referenceDataDir }, afgoerelse.id, 1)
  if (a.tilGennemsyn) return
  const { anonymisering } = await hentTilGennemsyn(db, p, sagId)
  if (anonymisering?.status === 'til_gennemsyn') await godkend(db, p, sagId, anonymisering.revision)
  await publicerAfgoerelse({ db, referenceDataDir: config.referenceDataDir, publicUrl: config.publicUrl }, afgoerelse.id)
}

async function behandl(db: Database, config: Config, sagId: string, kommunekode: string, handlinger: Handling[]): Promise<void> {
  const email = staff[kommunekode as keyof typeof staff]
  const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
  const p = user && (await loadPrincipal(db, user.id, 'seed'))
  if (!p) return
  for (const h of handlinger) {
    if ('tag' in h) await tildel(db, p, sagId, p.userId)
    else if ('notat' in h) await tilfoejNotat(db, p, sagId, h.notat)
    else if ('vurdering' in h) await gemVurdering(db, p, sagId, h.vurdering)
    else if ('status' in h) await skiftStatusSomPersonale(db, p, sagId, h.status, h.begrundelse ?? '')
    else if ('gebyrBetalt' in h) await registrerGebyrBetalt(db, p, sagId)
    else if ('besked' in h) {
      const sag = await db.selectFrom('sager').select('oprettet_af').where('id', '=', sagId).executeTakeFirstOrThrow()
      await skrivTilPart(db, p, sagId, { tilUserId: sag.oprettet_af, tekst: h.besked })
    }
    else if ('afgoerelse' in h) await afgoer(db, config, p, sagId, h.afgoerelse)
    else if ('hoering' in h) {
      const modpart = await db.selectFrom('parter').select('id').where('sag_id', '=', sagId).where('rolle', '=', 'modpart').executeTakeFirstOrThrow()
      const naevn = await db.selectFrom('sager').select('naevn_id').where('id', '=', sagId).executeTakeFirstOrThrow()
      await opretPartshoering(db, p, sagId, { modtagere: [modpart.id], dokumenter: [], besked: h.hoering, frist: await standardSvarfrist(db, naevn.naevn_id!) })
    }
  }
}

/** The demo law firm (MitID Erhverv, "Søren Juhl") holds a power of attorney from Vesterbro Bolig A/S. */
async function seedDemoFuldmagt(db: Database): Promise<void> {
  const findes = await db.selectFrom('fuldmagter').select('id').where('fuldmaegtig_cvr', '=', demoCvr.juhlAdvokater).where('giver_cvr', '=', demoCvr.vesterbroBolig).executeTakeFirst()
  if (findes) return
  await db
    .insertInto('fuldmagter')
    .values({ fuldmaegtig_cvr: demoCvr.juhlAdvokater, fuldmaegtig_navn: 'Juhl Advokater', giver_cvr: demoCvr.vesterbroBolig, giver_navn: 'Vesterbro Bolig A/S', gyldig_fra: '2026-01-01', gyldig_til: null })
    .execute()
}
