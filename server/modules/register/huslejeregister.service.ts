// The huslejeregister page: the search form as a person fills it in, a page of decided
// rents, the statistics of kr. per m² per year per municipality and postal code by
// method, and a box chart of them (server-drawn SVG: attributes and classes only, as the
// CSP allows no style attributes).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { readKommuner } from '../../kerne/referencedata/kommuner.js'
import { cachedPerDir } from '../../kerne/referencedata/cache.js'
import { huslejekategorier, huslejemetoder } from '../../kerne/sag/koder.js'
import { huslejeAntal, huslejeSide, huslejeStatistik, type HuslejeFiltre, type StatistikRaekke } from './huslejeregister.repository.js'
import { linkMed, tekstParam } from './offentlig-side.js'
import { beloebTekst, kortDato, metodeTekst, talTekst } from './visning.js'

export const HUSLEJER_PR_SIDE = 50

// One collator: localeCompare with a locale builds a new one on every call.
const dansk = new Intl.Collator('da').compare

const kommuner = cachedPerDir(async (dir) => (await readKommuner(dir)).sort((a, b) => dansk(a.navn, b.navn)))

const FELTER = ['adresse', 'postnr', 'kommunekode', 'metode'] as const
export type HuslejeInput = Record<(typeof FELTER)[number] | 'side' | 'format', string>

export function laesHuslejeInput(query: unknown): HuslejeInput {
  const q = (query ?? {}) as Record<string, unknown>
  return Object.fromEntries([...FELTER, 'side', 'format'].map((f) => [f, tekstParam(q[f])])) as HuslejeInput
}

/** The filters as the queries take them, and a Danish message per bad field. */
export async function kontrollerHuslejeInput(input: HuslejeInput, referenceDataDir: string): Promise<{ f: HuslejeFiltre; side: number; fejl: Record<string, string> }> {
  const fejl: Record<string, string> = {}
  if (input.adresse.length > 200) fejl.adresse = 'Skriv højst 200 tegn.'
  if (input.postnr && !/^\d{4}$/.test(input.postnr)) fejl.postnr = 'Skriv postnummeret med fire cifre, fx 8000.'
  if (input.kommunekode && !(await kommuner(referenceDataDir)).some((k) => String(k.kommunekode) === input.kommunekode)) fejl.kommunekode = 'Vælg en kommune fra listen.'
  if (input.metode && !Object.hasOwn(huslejemetoder, input.metode)) fejl.metode = 'Vælg en metode fra listen.'
  if (input.side && !/^[1-9]\d{0,5}$/.test(input.side)) fejl.side = 'Sidetallet skal være et helt tal fra 1.'
  const f: HuslejeFiltre = {
    ...(input.adresse && !fejl.adresse ? { adresse: input.adresse } : {}),
    ...(input.postnr && !fejl.postnr ? { postnr: input.postnr } : {}),
    ...(input.kommunekode && !fejl.kommunekode ? { kommunekode: Number(input.kommunekode) } : {}),
    ...(input.metode && !fejl.metode ? { metode: input.metode } : {}),
  }
  return { f, side: input.side && !fejl.side ? Number(input.side) : 1, fejl }
}

const feltLabels: Record<string, string> = { adresse: 'Adresse', postnr: 'Postnummer', kommunekode: 'Kommune', metode: 'Metode', side: 'Side' }

const kortMetode: Record<string, string> = { BASED_ON_EXPENSES: 'Omkostningsbestemt', BASED_ON_COMPARABLE_RENTS: 'Det lejedes værdi', BASED_ON_FREE_MARKET_PRICE: 'Markedsleje' }
const metodeKlasse: Record<string, string> = { BASED_ON_EXPENSES: 'metode-omk', BASED_ON_COMPARABLE_RENTS: 'metode-vaerdi', BASED_ON_FREE_MARKET_PRICE: 'metode-marked' }

function statistikVisning(rows: StatistikRaekke[], gruppe: 'kommune' | 'postnr') {
  return rows.map((r) => ({
    omraade: gruppe === 'postnr' ? `${r.noegle} ${r.navn}`.trim() : r.navn,
    metode: r.method ? metodeTekst(r.method) : 'Ikke angivet',
    antal: talTekst(r.antal),
    q1: beloebTekst(Math.round(r.q1)),
    median: beloebTekst(Math.round(r.median)),
    q3: beloebTekst(Math.round(r.q3)),
  }))
}

/** 1, 2, 2.5 or 5 times a power of ten at or above x: the chart's ticks fall on round numbers. */
function rundOp(x: number): number {
  if (x <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(x))
  return ([1, 2, 2.5, 5, 10].find((m) => m * p >= x) ?? 10) * p
}

/** The axis around the quartiles with some air, on round ticks (not from 0: rents sit close together). */
function akse(lo: number, hi: number): { min: number; maks: number; ticks: number[] } {
  const trin = rundOp(Math.max(hi - lo, hi * 0.05, 1) / 4)
  const min = Math.max(0, Math.floor((lo - trin / 2) / trin) * trin)
  const maks = Math.ceil((hi + trin / 2) / trin) * trin
  const ticks: number[] = []
  for (let t = min; t <= maks + trin / 1000; t += trin) ticks.push(Math.round(t * 100) / 100)
  return { min, maks, ticks }
}

export const GRAF_MAKS_RAEKKER = 20

/** The box chart: per group and method the middle half (quartiles) as a bar and the median as a line. */
export function grafVisning(rows: StatistikRaekke[], gruppe: 'kommune' | 'postnr') {
  const valgte = [...rows].sort((a, b) => b.antal - a.antal || dansk(a.navn, b.navn)).slice(0, GRAF_MAKS_RAEKKER)
  valgte.sort((a, b) => dansk(a.navn, b.navn) || dansk(a.noegle, b.noegle) || dansk(String(a.method), String(b.method)))
  if (valgte.length === 0) return null
  const venstre = 260
  const bredde = 440
  const hoejde = 26
  const top = 10
  const { min, maks, ticks } = akse(Math.min(...valgte.map((r) => r.q1)), Math.max(...valgte.map((r) => r.q3)))
  const x = (v: number) => Math.round((venstre + ((v - min) / (maks - min)) * bredde) * 10) / 10
  const akseY = top + valgte.length * hoejde
  return {
    bredde: venstre + bredde + 40,
    hoejde: akseY + 40,
    akseY,
    akseX1: venstre,
    akseX2: venstre + bredde,
    tekstY: akseY + 18,
    enhedY: akseY + 34,
    enhedX: venstre + bredde / 2,
    beskrivelse: `Kvartiler og median for kr. pr. m² pr. år${rows.length > valgte.length ? `, de ${valgte.length} grupper med flest afgørelser` : ''}. Tallene står i tabellen herunder.`,
    ticks: ticks.map((t) => ({ x: x(t), tekst: talTekst(t) })),
    raekker: valgte.map((r, i) => {
      const y = top + i * hoejde
      const x1 = x(r.q1)
      return {
        label: `${gruppe === 'postnr' ? `${r.noegle} ` : ''}${r.navn} – ${r.method ? (kortMetode[r.method] ?? r.method) : 'Ikke angivet'}`,
        labelY: y + 17,
        labelX: venstre - 8,
        y: y + 5,
        h: hoejde - 10,
        x: x1,
        w: Math.max(2, Math.round((x(r.q3) - x1) * 10) / 10),
        medianX: x(r.median),
        medianY1: y + 2,
        medianY2: y + hoejde - 2,
        klasse: r.method ? (metodeKlasse[r.method] ?? 'metode-ukendt') : 'metode-ukendt',
        titel: `${r.navn}, ${r.method ? metodeTekst(r.method) : 'metode ikke angivet'}: median ${talTekst(r.median)} kr., midterste halvdel ${talTekst(r.q1)}–${talTekst(r.q3)} kr. (${talTekst(r.antal)} afgørelser)`,
      }
    }),
  }
}

const kategoriEnhed: Record<string, string> = { MONTHLY_RENT: 'pr. måned', ANNUAL_RENT_PER_SQUARE_METERS: 'pr. m² pr. år' }

/** The statistics by filters and grouping, remembered for a while (see statistikCache). */
export type StatistikMemo = (noegle: string, fn: () => Promise<StatistikRaekke[]>) => Promise<StatistikRaekke[]>

export async function huslejeregisterSide(db: Kysely<DB>, referenceDataDir: string, query: unknown, memo: StatistikMemo = (_k, fn) => fn()) {
  const input = laesHuslejeInput(query)
  const { f, side, fejl } = await kontrollerHuslejeInput(input, referenceDataDir)
  const alleKommuner = await kommuner(referenceDataDir)
  const felles = {
    titel: 'Huslejeregister',
    f: input,
    fejl,
    fejlListe: Object.entries(fejl).map(([felt, besked]) => ({ felt: felt === 'side' ? 'adresse' : felt, besked: `${feltLabels[felt] ?? felt}: ${besked}` })),
    kommuneValg: alleKommuner.map((k) => ({ value: String(k.kommunekode), label: k.navn })),
    metodeValg: Object.entries(huslejemetoder).map(([value, label]) => ({ value, label })),
  }
  if (Object.keys(fejl).length > 0) return { status: 400 as const, vm: { ...felles, resultat: null } }

  // Per postal code only once the search is narrowed: for the whole country it would be
  // hundreds of rows.
  const visPostnr = Boolean(f.kommunekode !== undefined || f.postnr || f.adresse)
  const noegle = JSON.stringify([f.adresse, f.postnr, f.kommunekode, f.metode])
  const [rows, kommuneStat, postnrStat] = await Promise.all([
    huslejeSide(db, f, HUSLEJER_PR_SIDE, (side - 1) * HUSLEJER_PR_SIDE),
    memo(`kommune|${noegle}`, () => huslejeStatistik(db, f, 'kommune')),
    visPostnr ? memo(`postnr|${noegle}`, () => huslejeStatistik(db, f, 'postnr')) : Promise.resolve([]),
  ])
  // Past the last page the window has no row to ride on: count apart.
  const total = rows.length > 0 ? Number(rows[0]!.total) : side > 1 ? await huslejeAntal(db, f) : 0
  const filtre = Object.fromEntries(FELTER.map((k) => [k, input[k]]))
  const sider = Math.max(1, Math.ceil(total / HUSLEJER_PR_SIDE))
  return {
    status: 200 as const,
    vm: {
      ...felles,
      resultat: {
        antalTekst: `${talTekst(total)} ${total === 1 ? 'fastsat husleje' : 'fastsatte huslejer'}`,
        csvHref: linkMed('/huslejeregister', { ...filtre, format: 'csv' }),
        huslejer: rows.map((r) => ({
          adresse: r.adresse_tekst,
          metode: r.method ? metodeTekst(r.method) : 'Ikke angivet',
          beloeb: `${beloebTekst(r.amount)} ${r.category ? (kategoriEnhed[r.category] ?? '') : ''}`.trim(),
          kategori: r.category && Object.hasOwn(huslejekategorier, r.category) ? huslejekategorier[r.category as keyof typeof huslejekategorier] : '',
          areal: r.gross_area === null ? '' : `${talTekst(Number(r.gross_area))} m²`,
          krPrM2: r.kr_per_m2_aar === null ? '' : beloebTekst(Math.round(Number(r.kr_per_m2_aar))),
          dato: kortDato(r.date_of_determination),
          href: r.register_afgoerelse_id === null ? null : `/afgoerelser/${r.register_afgoerelse_id}`,
        })),
        side,
        sider,
        forrige: side > 1 ? linkMed('/huslejeregister', { ...filtre, side: side - 1 }) : null,
        naeste: side < sider ? linkMed('/huslejeregister', { ...filtre, side: side + 1 }) : null,
        kommuneStatistik: statistikVisning(kommuneStat, 'kommune'),
        postnrStatistik: statistikVisning(postnrStat, 'postnr'),
        visPostnr,
        graf: grafVisning(visPostnr && postnrStat.length > 0 ? postnrStat : kommuneStat, visPostnr && postnrStat.length > 0 ? 'postnr' : 'kommune'),
        grafGruppe: visPostnr && postnrStat.length > 0 ? 'postnummer' : 'kommune',
      },
    },
  }
}
