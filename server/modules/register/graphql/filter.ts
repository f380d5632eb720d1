// `where` and `order` as the repository's filter tree over whitelisted columns
// (felter.ts), with the national API's semantics where our columns differ from its
// types: a DateTime bound on a date column is compared as that date's midnight UTC, a
// municipality code is a string over an integer column, NOT_SET matches a missing value,
// and a field every public row shares (caseStatus) is decided here.
import mercurius from 'mercurius'
import type { DecisionListe } from './felter.js'
import { decisionLister, enums, operationerFor, type FeltSpec, type KonstantSpec } from './felter.js'
import type { Filter, Operator, Sortering } from '../api.repository.js'

const { ErrorWithProps } = mercurius

const MAKS_FILTER_DYBDE = 5
const MAKS_BETINGELSER = 100

const SAND: Filter<never> = { alle: [] }
const FALSK: Filter<never> = { enAf: [] }

function ugyldig(besked: string): never {
  throw new ErrorWithProps(besked, { code: 'INVALID_FILTER' })
}

const erMidnat = (t: Date) => t.getTime() % 86_400_000 === 0
const datoAf = (t: Date) => t.toISOString().slice(0, 10)

/**
 * A bound on a date column given as an instant: the stored date d stands for d 00:00Z, so
 * an instant inside a day (not at midnight) moves the bound to a whole day, and eq/neq
 * on it can never/always hold.
 */
function datoBetingelse<K extends string>(kolonne: K, op: Operator, t: Date): Filter<K> {
  const d = datoAf(t)
  if (erMidnat(t)) return { kolonne, op, vaerdi: d }
  const erstat: Partial<Record<Operator, Operator>> = { gte: 'gt', ngte: 'ngt', lt: 'lte', nlt: 'nlte' }
  if (op === 'eq') return FALSK
  if (op === 'neq') return SAND
  return { kolonne, op: erstat[op] ?? op, vaerdi: d }
}

/** One field's operations as conditions (values already parsed by the scalars). */
function feltBetingelser<K extends string>(felt: string, spec: FeltSpec<K> | KonstantSpec, ops: Record<string, unknown>, taeller: () => void): Filter<K>[] {
  const tilladte = operationerFor(spec.type)
  const ud: Filter<K>[] = []
  for (const [op, vaerdi] of Object.entries(ops)) {
    if (vaerdi === undefined) continue
    if (!tilladte.includes(op)) ugyldig(`${felt} does not support ${op}.`)
    // A comparison with null has no meaning; eq/neq null test for absence (HotChocolate).
    if (vaerdi === null && op !== 'eq' && op !== 'neq') continue
    taeller()
    ud.push(betingelse(spec, op as Operator, vaerdi))
  }
  return ud
}

function betingelse<K extends string>(spec: FeltSpec<K> | KonstantSpec, op: Operator, vaerdi: unknown): Filter<K> {
  const liste = Array.isArray(vaerdi) ? vaerdi : [vaerdi]
  if ('konstant' in spec) {
    const rammer = liste.includes(spec.konstant)
    return (op === 'eq' || op === 'in') === rammer ? SAND : FALSK
  }
  const { kolonne } = spec
  if (spec.type === 'DateTime' && !spec.tidspunkt) {
    if (op === 'in' || op === 'nin') return { kolonne, op, vaerdi: (liste as (Date | null)[]).filter((t) => t === null || erMidnat(t)).map((t) => (t === null ? null : datoAf(t))) }
    return vaerdi === null ? { kolonne, op, vaerdi } : datoBetingelse(kolonne, op, vaerdi as Date)
  }
  if (spec.heltalSomTekst && (op === 'eq' || op === 'neq' || op === 'in' || op === 'nin')) {
    // Only a string of digits can equal an integer code.
    const tal = liste.filter((v) => v === null || /^\d{1,9}$/.test(String(v))).map((v) => (v === null ? null : Number(v)))
    if (op === 'eq' || op === 'neq') return tal.length === 0 ? (op === 'eq' ? FALSK : SAND) : { kolonne, op, vaerdi: tal[0] }
    return { kolonne, op, vaerdi: tal }
  }
  // NOT_SET is how the national API writes a missing value.
  if (typeof spec.type === 'object' && liste.includes('NOT_SET')) {
    const medNull = [...liste, null]
    if (op === 'in' || op === 'nin') return { kolonne, op, vaerdi: medNull }
    return op === 'eq' ? { kolonne, op: 'in', vaerdi: medNull } : { kolonne, op: 'nin', vaerdi: medNull }
  }
  return { kolonne, op, vaerdi }
}

const kvantorer = ['some', 'none', 'all', 'any'] as const

export function tilFilter<K extends string>(where: Record<string, unknown>, felter: Record<string, FeltSpec<K> | KonstantSpec>, lister: readonly DecisionListe[] = []): Filter<K> | undefined {
  let antal = 0
  const taeller = () => {
    if (++antal > MAKS_BETINGELSER) ugyldig(`where may hold at most ${MAKS_BETINGELSER} conditions.`)
  }
  const gaa = (w: Record<string, unknown>, dybde: number, f: Record<string, FeltSpec<string> | KonstantSpec>, l: readonly DecisionListe[]): Filter<string> => {
    if (dybde > MAKS_FILTER_DYBDE) ugyldig(`where may nest and/or at most ${MAKS_FILTER_DYBDE} levels.`)
    const alle: Filter<string>[] = []
    for (const [felt, v] of Object.entries(w)) {
      if (v === undefined || v === null) continue
      if (felt === 'and' || felt === 'or') {
        const dele = (v as Record<string, unknown>[]).map((x) => gaa(x, dybde + 1, f, l))
        alle.push(felt === 'and' ? { alle: dele } : { enAf: dele })
        continue
      }
      if ((l as readonly string[]).includes(felt)) {
        const liste = felt as DecisionListe
        const elementFelter = Object.fromEntries(decisionLister[liste].felter.map((e) => [e, { kolonne: e, type: 'String' as const }]))
        for (const [kvantor, under] of Object.entries(v as Record<string, unknown>)) {
          if (under === undefined || under === null || !(kvantorer as readonly string[]).includes(kvantor)) continue
          taeller()
          if (kvantor === 'any') alle.push(under === true ? { liste, kvantor } : { liste, kvantor: 'none' })
          else alle.push({ liste, kvantor: kvantor as 'some' | 'none' | 'all', filter: gaa(under as Record<string, unknown>, dybde + 1, elementFelter, []) })
        }
        continue
      }
      const spec = Object.hasOwn(f, felt) ? f[felt] : undefined
      if (!spec) ugyldig(`${felt} cannot be filtered on.`)
      alle.push(...feltBetingelser(felt, spec, v as Record<string, unknown>, taeller))
    }
    return { alle }
  }
  const resultat = gaa(where, 0, felter, lister) as Filter<K>
  return 'alle' in resultat && resultat.alle.length === 0 ? undefined : resultat
}

/** `order` as one object or a list (GraphQL coerces a single object to a list of one). */
export function tilSortering<K extends string>(order: Record<string, unknown>[] | undefined | null, felter: Record<string, FeltSpec<K> | KonstantSpec>): Sortering<K>[] {
  const s: Sortering<K>[] = []
  for (const o of order ?? []) {
    for (const [felt, retning] of Object.entries(o)) {
      if (retning === undefined || retning === null) continue
      const spec = Object.hasOwn(felter, felt) ? felter[felt] : undefined
      if (!spec) ugyldig(`${felt} cannot be sorted on.`)
      // Every public row has the same value: nothing to sort by.
      if ('konstant' in spec) continue
      s.push({ kolonne: spec.kolonne, retning: retning === 'DESC' ? 'desc' : 'asc' })
    }
  }
  return s.slice(0, 10)
}

/** An enum value we store, or the national API's NOT_SET for a missing one (where the enum has it). */
export function kendt<E extends keyof typeof enums>(e: E, v: string | null): string | null {
  const vaerdier = enums[e] as readonly string[]
  if (v !== null && vaerdier.includes(v)) return v
  return vaerdier.includes('NOT_SET') ? 'NOT_SET' : null
}
