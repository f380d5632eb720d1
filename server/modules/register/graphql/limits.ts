// What one GraphQL request may ask for. The endpoint is public, so a single query must
// not be able to make the server read the whole register or nest lists without bound:
//   - the query text is at most MAKS_LAENGDE characters;
//   - take is at most MAKS_TAKE (the national API's page size: its clients page 50 at a
//     time), skip and take are never negative;
//   - the selection is at most MAKS_DYBDE fields deep, fragments followed (mercurius's own
//     queryDepth does not follow fragment spreads; introspection's ofType chains do not count);
//   - the estimated cost is at most MAKS_KOMPLEKSITET: every selected field costs 1 per
//     object it is resolved on, and a list multiplies what is selected inside it by its
//     length (take for the register's lists, a fixed estimate for the others), and every
//     look-up in the register (decisions, pagedDecisions, …) costs OPSLAGSPRIS on top:
//     each is a database round trip (two with totalCount) whatever it selects. So the
//     national API's clients' ~15 aliased counts per request pass, and hundreds of
//     aliases are refused.
import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql'
import { MAKS_TAKE } from './schema.js'

export const MAKS_LAENGDE = 10_000
export const MAKS_DYBDE = 8
export const MAKS_KOMPLEKSITET = 20_000
export const OPSLAGSPRIS = 100

/** Defaults when a query gives no take: a list answers MAKS_TAKE, a page 10 (HotChocolate's default page size). */
export const STANDARD_TAKE_LISTE = MAKS_TAKE
export const STANDARD_TAKE_SIDE = 10

const registerLister = new Set(['decisions', 'addresses', 'publications'])
const registerSider = new Set(['pagedDecisions', 'pagedAddresses', 'pagedPublications'])
const registerOpslag = new Set([...registerLister, ...registerSider, 'decision'])

/** Lengths of the other lists, generous estimates (the laws have ~25 chapters of ~20 §§). */
const listeLaengder: Record<string, number> = {
  statutories: 5,
  subjects: 3,
  rents: 3,
  laws: 3,
  chapters: 25,
  sections: 20,
  municipalities: 100,
}
const rodListeLaengder: Record<string, number> = { subjects: 30 }

// Introspection reads the schema, not the database, and its standard query (GraphiQL's)
// nests three lists (types → fields → args). Its lists are counted once each; a query
// nesting more of them (types → fields → type → fields → …) is refused instead.
const introspektionsLister = new Set(['types', 'fields', 'inputFields', 'enumValues', 'args', 'possibleTypes', 'interfaces', 'directives', 'locations'])
export const MAKS_INTROSPEKTION_LISTER = 3

export class GraenseFejl extends Error {
  constructor(
    readonly kode: string,
    message: string,
  ) {
    super(message)
  }
}

export interface Analyse {
  dybde: number
  kompleksitet: number
}

/**
 * Checks a parsed, validated query against the limits with its variables (take may be a
 * variable); throws GraenseFejl on the first limit exceeded.
 */
export function analyser(doc: DocumentNode, operationName: string | undefined | null, variables: Record<string, unknown> | undefined | null): Analyse {
  const fragmenter = new Map<string, FragmentDefinitionNode>()
  const operationer: OperationDefinitionNode[] = []
  for (const d of doc.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragmenter.set(d.name.value, d)
    else if (d.kind === Kind.OPERATION_DEFINITION) operationer.push(d)
  }
  const op = operationName ? operationer.find((o) => o.name?.value === operationName) : operationer[0]
  if (!op) return { dybde: 0, kompleksitet: 0 }

  const vaerdi = (v: ValueNode | undefined): unknown => {
    if (!v) return undefined
    if (v.kind === Kind.VARIABLE) return variables?.[v.name.value]
    if (v.kind === Kind.INT) return Number.parseInt(v.value, 10)
    if (v.kind === Kind.NULL) return null
    return undefined
  }
  const arg = (f: FieldNode, navn: string) => vaerdi(f.arguments?.find((a) => a.name.value === navn)?.value)

  function take(f: FieldNode, standard: number): number {
    const t = arg(f, 'take')
    const s = arg(f, 'skip')
    if (typeof s === 'number' && s < 0) throw new GraenseFejl('INVALID_SKIP', 'skip must not be negative.')
    if (t === undefined || t === null) return standard
    if (typeof t !== 'number' || t < 0) throw new GraenseFejl('INVALID_TAKE', 'take must not be negative.')
    if (t > MAKS_TAKE) throw new GraenseFejl('MAX_PAGE_SIZE_EXCEEDED', `The maximum allowed items per page were exceeded: take is at most ${MAKS_TAKE}, page with skip.`)
    return t
  }

  let maksDybde = 0
  interface Sted {
    dybde: number
    rod: boolean
    /** Inside a paged query: the length of its items. */
    sideTake?: number | undefined
    /** Inside __schema or __type: how many of its lists enclose this selection. */
    introspektion?: number | undefined
    fragmenter: ReadonlySet<string>
  }
  // Walks a selection set; the result is its cost for one parent object.
  function gaa(set: SelectionSetNode, st: Sted): number {
    const { dybde, rod, sideTake, introspektion } = st
    let sum = 0
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        sum += gaa(sel.selectionSet, st)
        continue
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const navn = sel.name.value
        const frag = fragmenter.get(navn)
        // Validation refuses cycles and unknown fragments; guard anyway.
        if (!frag || st.fragmenter.has(navn)) continue
        sum += gaa(frag.selectionSet, { ...st, fragmenter: new Set([...st.fragmenter, navn]) })
        continue
      }
      const navn = sel.name.value
      // ofType chains make introspection deep without making it heavy.
      const egenDybde = navn === 'ofType' ? dybde : dybde + 1
      maksDybde = Math.max(maksDybde, egenDybde)
      if (maksDybde > MAKS_DYBDE) throw new GraenseFejl('QUERY_TOO_DEEP', `The query is nested ${maksDybde} levels deep; at most ${MAKS_DYBDE} are allowed.`)
      sum += 1
      if (rod && registerOpslag.has(navn)) sum += OPSLAGSPRIS
      if (!sel.selectionSet) continue
      const under: Sted = { dybde: egenDybde, rod: false, fragmenter: st.fragmenter }
      let laengde = 1
      if (introspektion !== undefined || navn.startsWith('__')) {
        under.introspektion = (introspektion ?? 0) + (introspektionsLister.has(navn) ? 1 : 0)
        if (under.introspektion > MAKS_INTROSPEKTION_LISTER) {
          throw new GraenseFejl('QUERY_TOO_DEEP', `Introspection may nest at most ${MAKS_INTROSPEKTION_LISTER} lists (types, fields, args, …).`)
        }
      } else if (rod && registerLister.has(navn)) laengde = take(sel, STANDARD_TAKE_LISTE)
      else if (rod && registerSider.has(navn)) under.sideTake = take(sel, STANDARD_TAKE_SIDE)
      else if (navn === 'items' && sideTake !== undefined) laengde = sideTake
      else laengde = (rod ? rodListeLaengder[navn] : undefined) ?? listeLaengder[navn] ?? 1
      sum += laengde * gaa(sel.selectionSet, under)
    }
    return sum
  }

  const kompleksitet = gaa(op.selectionSet, { dybde: 0, rod: true, fragmenter: new Set() })
  if (kompleksitet > MAKS_KOMPLEKSITET) {
    throw new GraenseFejl('QUERY_TOO_COMPLEX', `The query's estimated cost is ${kompleksitet}; at most ${MAKS_KOMPLEKSITET} is allowed. Ask for fewer fields or a smaller take.`)
  }
  return { dybde: maksDybde, kompleksitet }
}
