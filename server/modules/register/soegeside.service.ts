// The search page of the afgørelsesregister (/afgoerelser): reads the query string as a
// person typed it, calls the register's search (soegning.ts, which owns the query and
// only ever finds published decisions) and prepares the page: hits, filters with their
// facet counts, pages whose links repeat every filter, and Danish messages for bad input
// that keep what was typed.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { ValidationError } from '../../platform/errors.js'
import { MAKS_RESULTATVINDUE, soeg, type Facet, type SoegeParametre, type Soegeresultat } from './soegning.js'
import { linkMed, tekstParam } from './offentlig-side.js'
import { datoTekst, medholdTekst, talTekst, udfaldTekst } from './visning.js'

export const PER_SIDE = 20

/** The query string's fields, in the order every link repeats them. */
export const SOEGEFELTER = ['q', 'naevnType', 'naevnId', 'kommunekode', 'emne', 'udfald', 'medhold', 'fra', 'til', 'lov', 'sortering'] as const
type Felt = (typeof SOEGEFELTER)[number]
export type SoegeInput = Record<Felt | 'side', string>

const feltLabels: Record<string, string> = {
  q: 'Søgetekst',
  naevnType: 'Nævnstype',
  naevnId: 'Nævn',
  kommunekode: 'Kommune',
  emne: 'Sagsområde',
  udfald: 'Udfald',
  medhold: 'Medhold',
  fra: 'Afgjort fra',
  til: 'Afgjort til',
  lov: 'Lov og paragraf',
  sortering: 'Sortering',
  side: 'Side',
}

export function laesInput(query: unknown): SoegeInput {
  const q = (query ?? {}) as Record<string, unknown>
  return Object.fromEntries([...SOEGEFELTER, 'side'].map((f) => [f, tekstParam(q[f])])) as SoegeInput
}

/** 'åååå-mm-dd', 'dd.mm.åååå', 'd-m-åååå' or 'dd/mm/åååå' → 'åååå-mm-dd'; null when no such date exists. */
export function fortolkDato(s: string): string | null {
  let y: number, m: number, d: number
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)
  const dansk = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s)
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else if (dansk) [d, m, y] = [Number(dansk[1]), Number(dansk[2]), Number(dansk[3])]
  else return null
  const dt = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || y > 2999 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** The page's own checks, before the search: dates as people write them, numbers. */
function kontroller(input: SoegeInput): { p: SoegeParametre; fejl: Record<string, string> } {
  const fejl: Record<string, string> = {}
  const fra = input.fra ? fortolkDato(input.fra) : undefined
  const til = input.til ? fortolkDato(input.til) : undefined
  if (fra === null) fejl.fra = 'Skriv fra-datoen som dd.mm.åååå, fx 01.01.2025.'
  if (til === null) fejl.til = 'Skriv til-datoen som dd.mm.åååå, fx 31.12.2025.'
  if (fra && til && fra > til) fejl.til = 'Til-datoen skal ligge efter fra-datoen.'
  if (input.kommunekode && !/^\d{1,4}$/.test(input.kommunekode)) fejl.kommunekode = 'Vælg en kommune fra listen.'
  if (input.side && !/^[1-9]\d{0,5}$/.test(input.side)) fejl.side = 'Sidetallet skal være et helt tal fra 1.'
  if (input.sortering && input.sortering !== 'relevans' && input.sortering !== 'dato') fejl.sortering = 'Vælg sortering efter relevans eller dato.'
  const sortering = input.sortering === 'relevans' || input.sortering === 'dato' ? input.sortering : input.q ? 'relevans' : 'dato'
  const p: SoegeParametre = {
    sortering,
    side: input.side && !fejl.side ? Number(input.side) : 1,
    perSide: PER_SIDE,
    ...(input.q ? { q: input.q } : {}),
    ...(input.naevnType ? { naevnType: input.naevnType as SoegeParametre['naevnType'] } : {}),
    ...(input.naevnId ? { naevnId: input.naevnId } : {}),
    ...(input.kommunekode && !fejl.kommunekode ? { kommunekode: Number(input.kommunekode) } : {}),
    ...(input.emne ? { emne: input.emne } : {}),
    ...(input.udfald ? { udfald: input.udfald } : {}),
    ...(input.medhold ? { medhold: input.medhold } : {}),
    ...(fra ? { fra } : {}),
    ...(til ? { til } : {}),
    ...(input.lov ? { lov: input.lov } : {}),
  }
  return { p, fejl }
}

/** A select's options from a facet, the chosen value kept even when it has no hits now. */
function valg(facet: Facet[], valgt: string, label: (v: string) => string = (v) => v) {
  const options = facet.map((f) => ({ value: f.vaerdi, label: `${f.label} (${talTekst(f.antal)})` }))
  if (valgt && !facet.some((f) => f.vaerdi === valgt)) options.unshift({ value: valgt, label: `${label(valgt)} (0)` })
  return options
}

export interface Soegeside {
  status: 200 | 400
  vm: Record<string, unknown> & { titel: string }
}

export async function soegeside(db: Kysely<DB>, query: unknown): Promise<Soegeside> {
  const input = laesInput(query)
  const { p, fejl } = kontroller(input)
  let r: Soegeresultat | null = null
  if (Object.keys(fejl).length === 0) {
    try {
      r = await soeg(db, p)
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err
      Object.assign(fejl, err.fields)
    }
  }
  const filtre = Object.fromEntries(SOEGEFELTER.map((f) => [f, input[f]])) as Record<Felt, string>
  const link = (extra: Record<string, string | number>) => linkMed('/afgoerelser', { ...filtre, ...extra })
  const felles = {
    titel: input.q ? `Søgning: ${input.q} – afgørelser` : 'Søg i afgørelser',
    f: input,
    fejl,
    fejlListe: Object.entries(fejl).map(([felt, besked]) => ({ felt: felt === 'side' ? 'q' : felt, besked: `${feltLabels[felt] ?? felt}: ${besked}` })),
    sorteringValg: [
      { value: 'relevans', label: 'Mest relevante først' },
      { value: 'dato', label: 'Nyeste først' },
    ].map((o) => ({ ...o, valgt: o.value === p.sortering })),
  }
  if (!r) {
    const tom: Soegeresultat['facetter'] = { naevnType: [], naevn: [], kommune: [], emne: [], udfald: [], medhold: [], lov: [], aar: [] }
    return { status: 400, vm: { ...felles, ...filterValg(tom, input), resultat: null } }
  }

  const sider = Math.max(1, Math.ceil(Math.min(r.total, MAKS_RESULTATVINDUE) / PER_SIDE))
  const side = p.side
  const nr = [...new Set([1, side - 2, side - 1, side, side + 1, side + 2, sider])].filter((n) => n >= 1 && n <= sider).sort((a, b) => a - b)
  const sideLinks: { nr?: number; href?: string; aktuel?: boolean; udeladt?: boolean }[] = []
  nr.forEach((n, i) => {
    if (i > 0 && n - nr[i - 1]! > 1) sideLinks.push({ udeladt: true })
    sideLinks.push({ nr: n, href: link({ side: n }), aktuel: n === side })
  })
  const ca = r.totalErEstimat ? 'ca. ' : ''
  const aarFacet = [...r.facetter.aar].sort((a, b) => Number(b.vaerdi) - Number(a.vaerdi))
  return {
    status: 200,
    vm: {
      ...felles,
      ...filterValg(r.facetter, input),
      resultat: {
        antalTekst: `${ca}${talTekst(r.total)} ${r.total === 1 && !ca ? 'afgørelse' : 'afgørelser'}`,
        fraTil: r.hits.length ? `Viser ${talTekst((side - 1) * PER_SIDE + 1)}–${talTekst((side - 1) * PER_SIDE + r.hits.length)}` : null,
        hits: r.hits.map((h) => ({
          href: `/afgoerelser/${h.id}`,
          titel: h.titel,
          meta: [h.naevnNavn, h.kommunenavn, datoTekst(h.dateOfDecision)].filter(Boolean).join(' · '),
          udfald: udfaldTekst(h.reasonForClosing),
          medhold: h.inFavour === 'NOT_SET' ? null : medholdTekst(h.inFavour),
          emner: h.subjectLabels.join(', '),
          // Already HTML-escaped by soeg() (only <mark> is markup): the template prints it raw.
          uddrag: h.uddrag,
        })),
        side,
        sider,
        forrige: side > 1 ? link({ side: side - 1 }) : null,
        naeste: side < sider ? link({ side: side + 1 }) : null,
        sideLinks: sider > 1 ? sideLinks : [],
        aar: aarFacet.map((a) => ({ label: a.label, antal: talTekst(a.antal), href: link({ fra: `${a.vaerdi}-01-01`, til: `${a.vaerdi}-12-31`, side: '' }) })),
        nulstil: input.q ? linkMed('/afgoerelser', { q: input.q }) : null,
        harFiltre: SOEGEFELTER.some((f) => f !== 'q' && f !== 'sortering' && input[f] !== ''),
      },
    },
  }
}

function filterValg(facetter: Soegeresultat['facetter'], input: SoegeInput) {
  return {
    naevnTypeValg: valg(facetter.naevnType, input.naevnType),
    naevnValg: valg(facetter.naevn, input.naevnId, () => 'Valgt nævn'),
    kommuneValg: valg(facetter.kommune, input.kommunekode, (v) => `Kommune ${v}`),
    emneValg: valg(facetter.emne, input.emne),
    udfaldValg: valg(facetter.udfald, input.udfald, udfaldTekst),
    medholdValg: valg(facetter.medhold, input.medhold, medholdTekst),
    lovValg: valg(facetter.lov, input.lov),
  }
}
