// Demo cases: a handful of filed cases in different areas for both demo boards, and
// one draft, filed through the same service functions as the wizard (so they carry
// numbers, journal entries and receipts like real ones).
import type { Config } from '../../server/config.js'
import type { Database } from '../../server/db/database.js'
import { loadPrincipal } from '../../server/access/principal.js'
import { createCprCipher } from '../../server/identitet/cpr-crypto.js'
import { loadPostnumre } from '../../server/referencedata/postnumre.js'
import { bekraeftGebyr, gemHvem, gemLejemaal, gemParter, gemSagen, indsend, startKladde, type IndbringelseCtx } from '../../server/modules/indbringelse/indbringelse.service.js'
import type { FormValues } from '../../server/forms/form.js'

interface DemoSag {
  email: string
  rolle: 'lejer' | 'udlejer'
  lejemaal: FormValues
  parter: FormValues
  sagen: FormValues
  indsend: boolean
}

const kbh = (vej: string, nr: string, postnr = '2200') => ({ vejnavn: vej, husnummer: nr, etage: '3', doer: 'tv', postnr, lejemaal_type: 'privat', kommunekode: '101' })
const aarhus = (vej: string, nr: string) => ({ vejnavn: vej, husnummer: nr, etage: '1', doer: 'th', postnr: '8000', lejemaal_type: 'almen', kommunekode: '751' })

const sager: DemoSag[] = [
  {
    email: 'lejer@demo.naevn.dk',
    rolle: 'lejer',
    lejemaal: kbh('Blågårdsgade', '14'),
    parter: { mig_navn: 'Camilla Nørgaard', mig_email: 'lejer@demo.naevn.dk', modpart_navn: 'Nørrebro Ejendomme ApS', modpart_email: 'udlejning@nbe.example' },
    sagen: { formaal: 'klage', sagsomraader: ['vedligeholdelse'], beskrivelse: 'Der har været fugt og skimmel i badeværelset siden januar. Udlejer har lovet at udbedre det, men intet er sket.\nJeg beder nævnet pålægge udlejer at udføre arbejdet.' },
    indsend: true,
  },
  {
    email: 'lejer@demo.naevn.dk',
    rolle: 'lejer',
    lejemaal: kbh('Istedgade', '80', '1650'),
    parter: { mig_navn: 'Camilla Nørgaard', mig_email: 'lejer@demo.naevn.dk', modpart_navn: 'Vesterbro Bolig A/S' },
    sagen: { formaal: 'klage', sagsomraader: ['depositum', 'fraflytning'], beskrivelse: 'Udlejer har tilbageholdt hele depositummet på 36.000 kr. efter min fraflytning og kræver nymaling af hele lejligheden.', svar_depositum_beloeb: '36.000', svar_fraflytningsdato: '31-08-2026' },
    indsend: true,
  },
  {
    email: 'udlejer@demo.naevn.dk',
    rolle: 'udlejer',
    lejemaal: kbh('Amagerbrogade', '120', '2300'),
    parter: { mig_navn: 'Frederik Winther', mig_email: 'udlejer@demo.naevn.dk', modpart_navn: 'Jonas Lejer' },
    sagen: { formaal: 'klage', sagsomraader: ['husorden'], beskrivelse: 'Lejeren spiller høj musik om natten trods to skriftlige advarsler. Jeg beder nævnet tage stilling til, om husordenen er overtrådt.' },
    indsend: true,
  },
  {
    email: 'lejer@demo.naevn.dk',
    rolle: 'lejer',
    lejemaal: kbh('Jagtvej', '55'),
    parter: { mig_navn: 'Camilla Nørgaard', mig_email: 'lejer@demo.naevn.dk', modpart_navn: 'Nørrebro Ejendomme ApS' },
    sagen: { formaal: 'klage', sagsomraader: ['forbrug'], beskrivelse: 'Varmeregnskabet for sidste år er 11.000 kr. højere end året før, og udlejer vil ikke vise målerdata.', svar_regnskabsperiode_fra: '01-06-2025', svar_regnskabsperiode_til: '31-05-2026' },
    indsend: true,
  },
  {
    email: 'lejer@demo.naevn.dk',
    rolle: 'lejer',
    lejemaal: aarhus('Gudrunsvej', '30'),
    parter: { mig_navn: 'Camilla Nørgaard', mig_email: 'lejer@demo.naevn.dk', modpart_navn: 'Brabrand Boligforening' },
    sagen: { formaal: 'klage', sagsomraader: ['fraflytning'], beskrivelse: 'Boligforeningen kræver 18.500 kr. for istandsættelse af gulve, som var slidte ved indflytningen.', svar_fraflytningsdato: '30-09-2026' },
    indsend: true,
  },
  {
    email: 'lejer@demo.naevn.dk',
    rolle: 'lejer',
    lejemaal: aarhus('Tovshøjvej', '12'),
    parter: { mig_navn: 'Camilla Nørgaard', mig_email: 'lejer@demo.naevn.dk', modpart_navn: 'Brabrand Boligforening' },
    sagen: { formaal: 'klage', sagsomraader: ['boligens_stand'], beskrivelse: 'Vinduerne i stuen kan ikke lukkes tæt, og der trækker kold luft ind. Boligforeningen har ikke reageret på tre henvendelser.' },
    indsend: true,
  },
  {
    email: 'lejer@demo.naevn.dk',
    rolle: 'lejer',
    lejemaal: kbh('Ryesgade', '3', '2100'),
    parter: { mig_navn: 'Camilla Nørgaard', mig_email: 'lejer@demo.naevn.dk', modpart_navn: 'Østerbro Udlejning' },
    sagen: { formaal: 'klage', sagsomraader: ['husleje'], beskrivelse: 'Udlejer har varslet en lejeforhøjelse på 1.800 kr. om måneden, som jeg mener er for høj.', svar_nuvaerende_maanedlig_leje: '9.800', svar_varslet_forhoejelse_dato: '01-01-2027' },
    indsend: false,
  },
]

export async function seedDemoSager(db: Database, config: Pick<Config, 'referenceDataDir' | 'cprEncryptionKey' | 'upload'> & Config): Promise<number> {
  const users = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', [...new Set(sager.map((s) => s.email))]).execute()
  if (users.length === 0) return 0
  // Idempotent: the demo citizens' cases are made once.
  const existing = await db.selectFrom('sager').select('id').where('oprettet_af', 'in', users.map((u) => u.id)).executeTakeFirst()
  if (existing) return 0
  const ctx: IndbringelseCtx = { db, config, postnumre: await loadPostnumre(config.referenceDataDir), cpr: createCprCipher(config.cprEncryptionKey) }
  let count = 0
  for (const s of sager) {
    const user = users.find((u) => u.email === s.email)
    const p = user && (await loadPrincipal(db, user.id, 'seed'))
    if (!p) continue
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
    }
    count++
  }
  return count
}
