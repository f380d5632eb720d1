// Rows of the bulk seed: a decision for register_afgoerelser and, for about half of
// them, its decided rent for register_huslejer. Pure: the same reference data and seed
// give the same rows.
import { afgoerelseTekst, heltal, rng, vaegtet, vaelg, zipf, type Rng } from './tekst.js'

export interface Bestemmelsedata {
  id: string
  lov: string
  label: string
  tekst: string
  statutory: unknown
}

export interface Naevndata {
  id: string
  navn: string
  type: 'huslejenaevn' | 'beboerklagenaevn'
  kommunekoder: number[]
}

export interface Referencer {
  naevn: Naevndata[]
  kommunenavne: Record<number, string>
  /** Postal codes (and their names) per municipality. */
  postnumre: Record<number, [string, string][]>
  vejnavne: string[]
  /** Per law, the provisions in an order where the first ones are cited most. */
  bestemmelser: Record<string, Bestemmelsedata[]>
  /** Case areas per board type: [code, label, weight]. */
  omraader: Record<'huslejenaevn' | 'beboerklagenaevn', [string, string, number][]>
  /** The last day decisions are dated (YYYY-MM-DD); ten years before it the first. */
  slutdato: string
}

export interface AfgoerelseRaekke {
  naevn_id: string
  naevn_navn: string
  naevn_type: string
  kommunekode: number
  kommunenavn: string
  date_of_filing: string
  date_of_decision: string
  reason_for_closing: string
  in_favour: string
  submitter: string
  subjects: string[]
  subject_labels: string[]
  statutories: string
  statute_keys: string[]
  locally_inspected: string
  general_public_interest: string
  imposition_of_fee: string
  titel: string
  tekst: string
  husleje: HuslejeRaekke | null
}

export interface HuslejeRaekke {
  vejnavn: string | null
  husnummer: string | null
  etage: string | null
  doer: string | null
  postnr: string
  postnavn: string
  kommunekode: number
  kommunenavn: string
  method: string
  declaration: string
  category: string
  amount: string
  gross_area: string
  date_of_determination: string
  kr_per_m2_aar: string
  adresse_tekst: string
}

const DAG = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const maaneder = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december']
const danskDato = (d: string) => `${Number(d.slice(8, 10))}. ${maaneder[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`

// Bigger municipalities have more cases.
const kommunevaegt: Record<number, number> = { 101: 14, 751: 7, 851: 4, 461: 4, 147: 3, 169: 2, 157: 2, 173: 2, 561: 2, 621: 2, 630: 2 }

const udfald: [string, number][] = [
  ['IN_FAVOUR', 30],
  ['IN_PARTIAL_FAVOUR', 25],
  ['REJECTED', 15],
  ['DISMISSED', 15],
  ['SETTLEMENT', 10],
  ['NOT_SET', 5],
]
const udfaldTekst: Record<string, string> = {
  IN_FAVOUR: 'Nævnet giver indbringeren medhold',
  IN_PARTIAL_FAVOUR: 'Nævnet giver indbringeren delvist medhold',
  REJECTED: 'Nævnet afviser at behandle sagen, da den ligger uden for nævnets kompetence',
  DISMISSED: 'Sagen henlægges, da indbringeren har trukket klagen tilbage',
  SETTLEMENT: 'Parterne har indgået forlig, og sagen afsluttes',
  NOT_SET: 'Nævnet har truffet afgørelse i sagen',
}

export function lavRaekke(ref: Referencer, r: Rng, medHusleje: boolean): AfgoerelseRaekke {
  const type: 'huslejenaevn' | 'beboerklagenaevn' = medHusleje || r() < 0.4 ? 'huslejenaevn' : 'beboerklagenaevn'
  const kandidater = ref.naevn.filter((n) => n.type === type)
  const naevn = vaegtet(
    r,
    kandidater.map((n) => [n, Math.max(...n.kommunekoder.map((k) => kommunevaegt[k] ?? 1))] as const),
  )
  const kommunekode = vaelg(r, naevn.kommunekoder)
  const kommunenavn = ref.kommunenavne[kommunekode] ?? ''

  const slut = Date.parse(`${ref.slutdato}T00:00:00Z`)
  // Ten years, more decisions in recent years.
  const decision = iso(slut - Math.floor(Math.pow(r(), 1.3) * 3650) * DAG)
  const filing = iso(Date.parse(decision) - heltal(r, 37, 257) * DAG)

  const omraadeListe = ref.omraader[type]
  const antalOmraader = vaegtet(r, [[1, 60], [2, 30], [3, 10]] as const)
  const omraader = new Map<string, string>()
  if (medHusleje) omraader.set(omraadeListe[0]![0], omraadeListe[0]![1])
  while (omraader.size < antalOmraader) {
    const [kode, label] = vaegtet(r, omraadeListe.map((o) => [o, o[2]] as const))
    omraader.set(kode, label)
  }

  const reason = vaegtet(r, udfald)
  const submitter = r() < 0.7 ? 'TENANT' : 'LANDLORD'
  const inFavour = reason === 'IN_FAVOUR' ? submitter : reason === 'IN_PARTIAL_FAVOUR' ? 'SHARED' : 'NOT_SET'

  const love = type === 'huslejenaevn' ? ['lejeloven'] : r() < 0.8 ? ['almenlejeloven'] : ['almenlejeloven', 'almenboligloven']
  const bestemmelser = new Map<string, Bestemmelsedata>()
  const antalBestemmelser = heltal(r, 1, 3)
  for (let i = 0; i < antalBestemmelser * 3 && bestemmelser.size < antalBestemmelser; i++) {
    const liste = ref.bestemmelser[vaelg(r, love)] ?? []
    if (liste.length === 0) break
    const b = liste[zipf(r, liste.length, 1.2)]!
    bestemmelser.set(b.id, b)
  }
  const bList = [...bestemmelser.values()]

  const vej = vaelg(r, ref.vejnavne)
  const husnummer = `${heltal(r, 1, 160)}${r() < 0.1 ? vaelg(r, ['A', 'B', 'C']) : ''}`
  const [postnr, postnavn] = vaelg(r, ref.postnumre[kommunekode] ?? [['0000', kommunenavn]])
  const medholdTekst = inFavour === 'TENANT' ? 'Lejeren får medhold.' : inFavour === 'LANDLORD' ? 'Udlejeren får medhold.' : inFavour === 'SHARED' ? 'Parterne får hver delvist medhold.' : ''

  const labels = [...omraader.values()]
  const tekst = afgoerelseTekst(r, {
    omraader: [...omraader.keys()],
    udfaldTekst: udfaldTekst[reason]!,
    medholdTekst,
    vej: `${vej} ${husnummer}, ${postnr} ${postnavn}`,
    dato: danskDato(iso(Date.parse(filing) - heltal(r, 30, 700) * DAG)),
    dato2: danskDato(filing),
    lovCitater: bList.map((b) => ({ label: b.label, tekst: b.tekst })),
    laengde: heltal(r, 3000, 5000),
  })

  let husleje: HuslejeRaekke | null = null
  if (medHusleje) {
    const areal = heltal(r, 25, 180)
    const perM2 = heltal(r, 550, 2400)
    const maanedlig = r() < 0.7
    const amount = maanedlig ? Math.round((perM2 * areal) / 12) : perM2
    const visning = vaegtet(r, [['vej', 70], ['fuld', 15], ['postnr', 15]] as const)
    const adr = {
      vejnavn: visning === 'postnr' ? null : vej,
      husnummer: visning === 'postnr' ? null : husnummer,
      etage: visning === 'fuld' ? vaelg(r, ['st', '1', '2', '3', '4', '5']) : null,
      doer: visning === 'fuld' ? vaelg(r, ['th', 'tv', 'mf']) : null,
    }
    husleje = {
      ...adr,
      postnr,
      postnavn,
      kommunekode,
      kommunenavn,
      method: vaegtet(r, [['BASED_ON_COMPARABLE_RENTS', 60], ['BASED_ON_EXPENSES', 30], ['BASED_ON_FREE_MARKET_PRICE', 10]] as const),
      declaration: r() < 0.85 ? 'TENANCY_SPECIFIC_RENT' : 'EXAMPLE_RENT',
      category: maanedlig ? 'MONTHLY_RENT' : 'ANNUAL_RENT_PER_SQUARE_METERS',
      amount: amount.toFixed(2),
      gross_area: areal.toFixed(2),
      date_of_determination: iso(Date.parse(decision) - heltal(r, 0, 60) * DAG),
      kr_per_m2_aar: (maanedlig ? Math.round(((amount * 12) / areal) * 100) / 100 : amount).toFixed(2),
      adresse_tekst: [
        [adr.vejnavn, adr.husnummer].filter(Boolean).join(' '),
        [adr.etage && `${adr.etage}.`, adr.doer].filter(Boolean).join(' '),
        [postnr, postnavn].filter(Boolean).join(' '),
      ]
        .filter(Boolean)
        .join(', '),
    }
  }

  return {
    naevn_id: naevn.id,
    naevn_navn: naevn.navn,
    naevn_type: type === 'huslejenaevn' ? 'RENT_BOARD' : 'RESIDENT_COMPLAINTS_BOARD',
    kommunekode,
    kommunenavn,
    date_of_filing: filing,
    date_of_decision: decision,
    reason_for_closing: reason,
    in_favour: inFavour,
    submitter,
    subjects: [...omraader.keys()],
    subject_labels: labels,
    statutories: JSON.stringify(bList.map((b) => b.statutory)),
    statute_keys: bList.map((b) => b.id),
    locally_inspected: r() < 0.3 ? 'HELD' : 'NOT_HELD',
    general_public_interest: r() < 0.05 ? 'YES' : 'NO',
    imposition_of_fee: r() < 0.2 ? 'YES' : 'NO',
    titel: `${labels.join(', ') || 'Afgørelse'} – ${naevn.navn}, ${danskDato(decision)}`,
    tekst,
    husleje,
  }
}

export { rng }
