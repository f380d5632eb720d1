// Resolvers of the GraphQL API: `where` and `order` become the repository's filter tree
// over whitelisted columns (schema.ts), pages fetch take + 1 rows to know whether there
// is a next one, totalCount is counted only when asked for, and a page's rents are read
// in one query (a mercurius loader), not one per decision.
import { GraphQLError, GraphQLScalarType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql'
import mercurius from 'mercurius'
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/types.js'
import type { Config } from '../../../config.js'
import { citerbarUrl } from '../publicering.service.js'
import { pdfUrl } from '../api.routes.js'
import {
  antalAfgoerelser,
  antalHuslejer,
  huslejerForAfgoerelser,
  huslejeVisning,
  kommuneListe,
  listAfgoerelser,
  listHuslejer,
  loveMedKapitler,
  sagsomraadeListe,
  type AfgoerelseRaekke,
  type Filter,
  type HuslejeRaekke,
  type NaevnTypeKode,
  type Operator,
  type Sortering,
} from '../api.repository.js'
import { addressFelter, decisionFelter, enums, MAKS_TAKE, operationerFor, type FeltSpec } from './schema.js'
import { STANDARD_TAKE_LISTE, STANDARD_TAKE_SIDE } from './limits.js'

const { ErrorWithProps } = mercurius

// ─── Scalars ──────────────────────────────────────────────────────────────────────

const DATO = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/

function parseDato(v: unknown): string {
  const m = typeof v === 'string' ? DATO.exec(v) : null
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    const dt = new Date(Date.UTC(y, mo - 1, d))
    if (dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d) return `${m[1]}-${m[2]}-${m[3]}`
  }
  throw new GraphQLError(`Date must be a calendar date YYYY-MM-DD (got ${JSON.stringify(v)}).`)
}

const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10)),
  parseValue: parseDato,
  parseLiteral: (ast) => parseDato(ast.kind === Kind.STRING ? ast.value : undefined),
})

function parseDecimal(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN
  if (!Number.isFinite(n)) throw new GraphQLError(`Decimal must be a number (got ${JSON.stringify(v)}).`)
  return n
}

const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  serialize: (v) => Number(v),
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.INT || ast.kind === Kind.FLOAT || ast.kind === Kind.STRING ? ast.value : undefined),
})

// ─── where and order → the repository's filter tree ────────────────────────────────

const MAKS_FILTER_DYBDE = 5
const MAKS_BETINGELSER = 100

function ugyldig(besked: string): never {
  throw new ErrorWithProps(besked, { code: 'INVALID_FILTER' })
}

function tilFilter<K extends string>(where: Record<string, unknown>, felter: Record<string, FeltSpec<K>>): Filter<K> | undefined {
  let antal = 0
  const gaa = (w: Record<string, unknown>, dybde: number): Filter<K> => {
    if (dybde > MAKS_FILTER_DYBDE) ugyldig(`where may nest and/or at most ${MAKS_FILTER_DYBDE} levels.`)
    const alle: Filter<K>[] = []
    for (const [felt, v] of Object.entries(w)) {
      if (v === undefined || v === null) continue
      if (felt === 'and' || felt === 'or') {
        const dele = (v as Record<string, unknown>[]).map((x) => gaa(x, dybde + 1))
        alle.push(felt === 'and' ? { alle: dele } : { enAf: dele })
        continue
      }
      const spec = Object.hasOwn(felter, felt) ? felter[felt] : undefined
      if (!spec) ugyldig(`${felt} cannot be filtered on.`)
      const tilladte = operationerFor(spec.type)
      for (const [op, vaerdi] of Object.entries(v as Record<string, unknown>)) {
        if (vaerdi === undefined) continue
        if (!tilladte.includes(op)) ugyldig(`${felt} does not support ${op}.`)
        // A comparison with null has no meaning; eq/neq null test for absence (HotChocolate).
        if (vaerdi === null && op !== 'eq' && op !== 'neq') continue
        if (++antal > MAKS_BETINGELSER) ugyldig(`where may hold at most ${MAKS_BETINGELSER} conditions.`)
        alle.push({ kolonne: spec.kolonne, op: op as Operator, vaerdi })
      }
    }
    return { alle }
  }
  const f = gaa(where, 0)
  return 'alle' in f && f.alle.length === 0 ? undefined : f
}

function tilSortering<K extends string>(order: Record<string, unknown>[] | undefined | null, felter: Record<string, FeltSpec<K>>): Sortering<K>[] {
  const s: Sortering<K>[] = []
  for (const o of order ?? []) {
    for (const [felt, retning] of Object.entries(o)) {
      if (retning === undefined || retning === null) continue
      const spec = Object.hasOwn(felter, felt) ? felter[felt] : undefined
      if (!spec) ugyldig(`${felt} cannot be sorted on.`)
      s.push({ kolonne: spec.kolonne, retning: retning === 'DESC' ? 'desc' : 'asc' })
    }
  }
  return s.slice(0, 10)
}

interface SideArgs {
  skip?: number | null
  take?: number | null
  where?: Record<string, unknown> | null
  order?: Record<string, unknown>[] | null
}

/** skip and take with their defaults; take above MAKS_TAKE is an error (as in the national API). */
function skipTake(a: SideArgs, standard: number): { offset: number; limit: number } {
  const take = a.take ?? standard
  const skip = a.skip ?? 0
  if (take > MAKS_TAKE) throw new ErrorWithProps(`The maximum allowed items per page were exceeded: take is at most ${MAKS_TAKE}, page with skip.`, { code: 'MAX_PAGE_SIZE_EXCEEDED' })
  if (take < 0 || skip < 0) throw new ErrorWithProps('skip and take must not be negative.', { code: 'INVALID_PAGING' })
  return { offset: skip, limit: take }
}

/** Whether the selection under a field asks for `navn` anywhere (fragments followed). */
function spoergerEfter(info: GraphQLResolveInfo, navn: string): boolean {
  const set = new Set<string>()
  const gaa = (s: SelectionSetNode | undefined): boolean =>
    (s?.selections ?? []).some((sel) => {
      if (sel.kind === Kind.FIELD) return sel.name.value === navn || gaa(sel.selectionSet)
      if (sel.kind === Kind.INLINE_FRAGMENT) return gaa(sel.selectionSet)
      if (set.has(sel.name.value)) return false
      set.add(sel.name.value)
      return gaa(info.fragments[sel.name.value]?.selectionSet)
    })
  return info.fieldNodes.some((f: FieldNode) => gaa(f.selectionSet))
}

// ─── Objects ──────────────────────────────────────────────────────────────────────

const kendt = <E extends keyof typeof enums>(e: E, v: string | null, standard: string | null = null) => (v !== null && (enums[e] as readonly string[]).includes(v) ? v : standard)

function decision(r: AfgoerelseRaekke, publicUrl: string) {
  const labels = r.subject_labels
  const type = r.naevn_type as NaevnTypeKode
  return {
    id: r.id,
    url: citerbarUrl(publicUrl, r.id),
    title: r.titel,
    municipalityCode: r.kommunekode,
    municipalityName: r.kommunenavn,
    boardName: r.naevn_navn,
    decisiveBoard: type,
    dateOfFiling: r.date_of_filing,
    dateOfDecision: r.date_of_decision,
    reasonForClosing: kendt('ReasonForClosing', r.reason_for_closing, 'NOT_SET'),
    inFavour: kendt('InFavour', r.in_favour, 'NOT_SET'),
    submitter: kendt('Submitter', r.submitter),
    locallyInspected: kendt('LocallyInspected', r.locally_inspected),
    generalPublicInterest: kendt('GeneralPublicInterest', r.general_public_interest),
    impositionOfFee: kendt('ImpositionOfFee', r.imposition_of_fee),
    subjects: r.subjects.map((kode, i) => ({ id: kode, name: labels[i] ?? kode, decisiveBoard: type })),
    statutories: Array.isArray(r.statutories) ? r.statutories : [],
    document: { url: pdfUrl(publicUrl, r.id), fileName: `afgoerelse-${r.id}.pdf`, contentType: 'application/pdf' },
    text: r.tekst ?? '',
    published: r.publiceret.toISOString(),
    updated: r.opdateret.toISOString(),
  }
}

function address(r: HuslejeRaekke) {
  const v = huslejeVisning(r)
  return {
    ...v,
    decisionId: v.afgoerelseId,
    address: v.adresse,
    method: kendt('RentDeterminationMethod', v.method),
    declaration: kendt('RentDeclaration', v.declaration),
    category: kendt('RentCategory', v.category),
  }
}

// ─── Resolvers ────────────────────────────────────────────────────────────────────

export function lavResolvers(db: Kysely<DB>, config: Config) {
  const { publicUrl, referenceDataDir } = config

  async function decisions(a: SideArgs, info: GraphQLResolveInfo, standard: number) {
    const { offset, limit } = skipTake(a, standard)
    const filter = a.where ? tilFilter(a.where, decisionFelter) : undefined
    const sortering = tilSortering(a.order, decisionFelter)
    return { filter, offset, limit, rows: (r: number) => listAfgoerelser(db, { filter, sortering, offset, limit: r }, { medTekst: spoergerEfter(info, 'text') }) }
  }

  async function addresses(a: SideArgs, standard: number) {
    const { offset, limit } = skipTake(a, standard)
    const filter = a.where ? tilFilter(a.where, addressFelter) : undefined
    const sortering = tilSortering(a.order, addressFelter)
    return { filter, offset, limit, rows: (r: number) => listHuslejer(db, { filter, sortering, offset, limit: r }) }
  }

  const resolvers = {
    Date: DateScalar,
    Decimal: DecimalScalar,
    Query: {
      decisions: async (_: unknown, a: SideArgs, _ctx: unknown, info: GraphQLResolveInfo) => {
        const q = await decisions(a, info, STANDARD_TAKE_LISTE)
        return (await q.rows(q.limit)).map((r) => decision(r, publicUrl))
      },
      pagedDecisions: async (_: unknown, a: SideArgs, _ctx: unknown, info: GraphQLResolveInfo) => {
        const q = await decisions(a, info, STANDARD_TAKE_SIDE)
        const rows = await q.rows(q.limit + 1)
        return {
          items: rows.slice(0, q.limit).map((r) => decision(r, publicUrl)),
          pageInfo: { hasNextPage: rows.length > q.limit, hasPreviousPage: q.offset > 0 },
          // Counted only when the query asks for it (graphql-js calls a function property).
          totalCount: () => antalAfgoerelser(db, q.filter),
        }
      },
      decision: async (_: unknown, a: { id: number }, _ctx: unknown, info: GraphQLResolveInfo) => {
        const rows = await listAfgoerelser(db, { filter: { kolonne: 'id', op: 'eq', vaerdi: a.id }, sortering: [], offset: 0, limit: 1 }, { medTekst: spoergerEfter(info, 'text') })
        return rows[0] ? decision(rows[0], publicUrl) : null
      },
      addresses: async (_: unknown, a: SideArgs) => {
        const q = await addresses(a, STANDARD_TAKE_LISTE)
        return (await q.rows(q.limit)).map(address)
      },
      pagedAddresses: async (_: unknown, a: SideArgs) => {
        const q = await addresses(a, STANDARD_TAKE_SIDE)
        const rows = await q.rows(q.limit + 1)
        return {
          items: rows.slice(0, q.limit).map(address),
          pageInfo: { hasNextPage: rows.length > q.limit, hasPreviousPage: q.offset > 0 },
          totalCount: () => antalHuslejer(db, { filter: q.filter }),
        }
      },
      laws: async () =>
        (await loveMedKapitler(referenceDataDir)).map((l) => ({
          id: l.lawId,
          text: l.lawText,
          name: l.name,
          chapters: l.chapters.map((k) => ({
            id: k.chapterId,
            text: k.chapterText,
            sections: k.sections.map((s) => ({ id: s.sectionId, text: s.sectionText, provisionId: s.id, fullText: s.text })),
          })),
        })),
      municipalities: () => kommuneListe(referenceDataDir),
      subjects: (_: unknown, a: { decisiveBoard?: NaevnTypeKode | null }) => sagsomraadeListe(a.decisiveBoard ?? undefined).map((s) => ({ id: s.kode, name: s.label, decisiveBoard: s.naevnType })),
    },
  }

  // One query for the rents of every decision on a page.
  const loaders = {
    Decision: {
      rents: async (queries: { obj: { id: number } }[]) => {
        const rows = await huslejerForAfgoerelser(db, [...new Set(queries.map((q) => q.obj.id))])
        const pr = new Map<number, ReturnType<typeof address>[]>()
        for (const r of rows) {
          if (r.register_afgoerelse_id === null) continue
          const liste = pr.get(r.register_afgoerelse_id) ?? []
          liste.push(address(r))
          pr.set(r.register_afgoerelse_id, liste)
        }
        return queries.map((q) => pr.get(q.obj.id) ?? [])
      },
    },
  }

  return { resolvers, loaders }
}
