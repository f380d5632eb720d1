// Resolvers of the GraphQL API: `where` and `order` become the repository's filter tree
// (filter.ts), pages fetch take + 1 rows to know whether there is a next one, totalCount
// is counted only when asked for, and a page's rents are read in one query (a mercurius
// loader), not one per decision. Objects carry the national API's field names.
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql'
import mercurius from 'mercurius'
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/types.js'
import type { Config } from '../../../platform/config.js'
import { citerbarUrl } from '../publicering.service.js'
import { pdfUrl } from '../api.routes.js'
import {
  antalAfgoerelser,
  antalHuslejer,
  huslejerForAfgoerelser,
  kommuneListe,
  listAfgoerelser,
  listHuslejer,
  loveMedKapitler,
  sagsomraadeListe,
  type AfgoerelseRaekke,
  type HuslejeRaekke,
  type NaevnTypeKode,
} from '../api.repository.js'
import { addressFelter, decisionFelter, publicationFelter } from './felter.js'
import { kendt, tilFilter, tilSortering } from './filter.js'
import { MAKS_TAKE } from './schema.js'
import { DateTimeScalar, DecimalScalar, UuidScalar } from './skalarer.js'
import { STANDARD_TAKE_LISTE, STANDARD_TAKE_SIDE } from './limits.js'

const { ErrorWithProps } = mercurius

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

/** A page of results as HotChocolate's collection segment. */
function side<T>(rows: T[], offset: number, limit: number, antal: () => Promise<number>) {
  return {
    items: rows.slice(0, limit),
    pageInfo: { hasNextPage: rows.length > limit, hasPreviousPage: offset > 0 },
    // Counted only when the query asks for it (graphql-js calls a function property).
    totalCount: antal,
  }
}

// ─── Objects ──────────────────────────────────────────────────────────────────────

function decision(r: AfgoerelseRaekke, publicUrl: string) {
  const labels = r.subject_labels
  const type = r.naevn_type as NaevnTypeKode
  return {
    id: r.id,
    serialNumber: r.serial_number,
    caseIdentifier: r.serial_number,
    caseStatus: 'CLOSED',
    municipalityCode: String(r.kommunekode),
    municipalityName: r.kommunenavn,
    decisiveBoard: kendt('DecisiveBoard', type),
    dateOfFiling: r.date_of_filing,
    dateOfDecision: r.date_of_ruling,
    dateOfDismissal: r.date_of_dismissal,
    dateOfPublishing: r.publiceret,
    effectiveDate: r.date_of_ruling,
    submitter: kendt('Submitter', r.submitter),
    reasonForClosing: kendt('ReasonForClosing', r.reason_for_closing),
    inFavour: kendt('InFavour', r.in_favour),
    locallyInspected: kendt('LocallyInspected', r.locally_inspected),
    generalPublicInterest: kendt('GeneralPublicInterest', r.general_public_interest),
    impositionOfFee: kendt('ImpositionOfFee', r.imposition_of_fee),
    subjects: r.subjects.map((kode, i) => ({ id: kode, name: labels[i] ?? kode, decisiveBoard: type })),
    statutories: Array.isArray(r.statutories) ? r.statutories : [],
    decisionDocumentId: r.decision_document_id,
    url: citerbarUrl(publicUrl, r.id),
    title: r.titel,
    boardName: r.naevn_navn,
    document: { url: pdfUrl(publicUrl, r.id), fileName: `afgoerelse-${r.id}.pdf`, contentType: 'application/pdf' },
    text: r.tekst ?? '',
    updated: r.opdateret,
  }
}

function publication(r: AfgoerelseRaekke, publicUrl: string) {
  const d = decision(r, publicUrl)
  return { id: d.id, title: d.title, dateOfPublishing: d.dateOfPublishing, municipalityCode: d.municipalityCode, municipalityName: d.municipalityName, decisiveBoard: d.decisiveBoard, decisionDocumentId: d.decisionDocumentId, decision: d }
}

const tal = (s: string | null): number | null => (s === null ? null : Number(s))

function address(r: HuslejeRaekke) {
  const postnr = r.postnr !== null && /^\d+$/.test(r.postnr) ? Number(r.postnr) : null
  return {
    id: r.id,
    decisionId: r.register_afgoerelse_id,
    designation: r.adresse_tekst,
    streetName: r.vejnavn,
    streetBuildingIdentifier: r.husnummer,
    floorIdentifier: r.etage,
    suiteIdentifier: r.doer,
    postalNumber: postnr,
    postalDistrict: r.postnavn,
    municipalityCode: String(r.kommunekode),
    municipalityName: r.kommunenavn,
    methodOfRentDetermination: kendt('MethodOfRentDetermination', r.method),
    declarationOfRent: kendt('DeclarationOfRent', r.declaration),
    categoryOfRent: kendt('CategoryOfRent', r.category),
    rent: Number(r.amount),
    grossArea: tal(r.gross_area),
    dateOfRentDetermination: r.date_of_determination,
    rentPerSquareMeterPerYear: tal(r.kr_per_m2_aar),
  }
}

// ─── Resolvers ────────────────────────────────────────────────────────────────────

export function lavResolvers(db: Kysely<DB>, config: Config) {
  const { publicUrl, referenceDataDir } = config

  /** Decisions or publications (the same rows) for a list or a page. */
  function afgoerelser(a: SideArgs, info: GraphQLResolveInfo, standard: number, felter: typeof decisionFelter | typeof publicationFelter) {
    const { offset, limit } = skipTake(a, standard)
    const filter = a.where ? tilFilter(a.where, felter, felter === decisionFelter ? ['subjects', 'statutories'] : []) : undefined
    const sortering = tilSortering(a.order, felter)
    return { filter, offset, limit, rows: (n: number) => listAfgoerelser(db, { filter, sortering, offset, limit: n }, { medTekst: spoergerEfter(info, 'text') }) }
  }

  async function afgoerelseSide<T>(a: SideArgs, info: GraphQLResolveInfo, felter: typeof decisionFelter | typeof publicationFelter, som: (r: AfgoerelseRaekke) => T) {
    const q = afgoerelser(a, info, STANDARD_TAKE_SIDE, felter)
    return side((await q.rows(q.limit + 1)).map(som), q.offset, q.limit, () => antalAfgoerelser(db, q.filter))
  }

  function huslejer(a: SideArgs, standard: number) {
    const { offset, limit } = skipTake(a, standard)
    const filter = a.where ? tilFilter(a.where, addressFelter) : undefined
    const sortering = tilSortering(a.order, addressFelter)
    return { filter, offset, limit, rows: (n: number) => listHuslejer(db, { filter, sortering, offset, limit: n }) }
  }

  const somDecision = (r: AfgoerelseRaekke) => decision(r, publicUrl)
  const somPublication = (r: AfgoerelseRaekke) => publication(r, publicUrl)

  const resolvers = {
    DateTime: DateTimeScalar,
    Decimal: DecimalScalar,
    UUID: UuidScalar,
    Query: {
      decisions: async (_: unknown, a: SideArgs, _ctx: unknown, info: GraphQLResolveInfo) => {
        const q = afgoerelser(a, info, STANDARD_TAKE_LISTE, decisionFelter)
        return (await q.rows(q.limit)).map(somDecision)
      },
      pagedDecisions: (_: unknown, a: SideArgs, _ctx: unknown, info: GraphQLResolveInfo) => afgoerelseSide(a, info, decisionFelter, somDecision),
      decision: async (_: unknown, a: { id: number }, _ctx: unknown, info: GraphQLResolveInfo) => {
        const rows = await listAfgoerelser(db, { filter: { kolonne: 'id', op: 'eq', vaerdi: a.id }, sortering: [], offset: 0, limit: 1 }, { medTekst: spoergerEfter(info, 'text') })
        return rows[0] ? decision(rows[0], publicUrl) : null
      },
      publications: async (_: unknown, a: SideArgs, _ctx: unknown, info: GraphQLResolveInfo) => {
        const q = afgoerelser(a, info, STANDARD_TAKE_LISTE, publicationFelter)
        return (await q.rows(q.limit)).map(somPublication)
      },
      pagedPublications: (_: unknown, a: SideArgs, _ctx: unknown, info: GraphQLResolveInfo) => afgoerelseSide(a, info, publicationFelter, somPublication),
      addresses: async (_: unknown, a: SideArgs) => {
        const q = huslejer(a, STANDARD_TAKE_LISTE)
        return (await q.rows(q.limit)).map(address)
      },
      pagedAddresses: async (_: unknown, a: SideArgs) => {
        const q = huslejer(a, STANDARD_TAKE_SIDE)
        return side((await q.rows(q.limit + 1)).map(address), q.offset, q.limit, () => antalHuslejer(db, { filter: q.filter }))
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
      municipalities: async () => (await kommuneListe(referenceDataDir)).map((k) => ({ municipalityCode: String(k.municipalityCode), name: k.name })),
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
