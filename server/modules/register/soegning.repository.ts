// The afgørelsesregister's search queries. Only rows with status 'publiceret' are ever
// read. The free text is a tsquery computed once (websearch_to_tsquery('danish', q)) and
// passed on as text, so every query below uses the same one.
import { sql, type RawBuilder, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely'
import type { DB } from '../../platform/db/types.js'

export type FilterNavn = 'naevnType' | 'naevnId' | 'kommunekode' | 'emne' | 'udfald' | 'medhold' | 'dato' | 'lov'

/** Validated filters; tsquery is the tsquery text (never empty here: an empty query finds nothing). */
export interface Filtre {
  tsquery?: string
  naevnType?: string
  naevnId?: string
  kommunekode?: number
  emne?: string
  udfald?: string
  medhold?: string
  fra?: string
  til?: string
  lov?: string
}

type Eb = ExpressionBuilder<DB, 'register_afgoerelser'>

export const tsq = (tsquery: string) => sql`${tsquery}::tsquery`

/** The WHERE of a search: published, the text, and every filter except `undtagen` (for its facet). */
export function betingelser(eb: Eb, f: Filtre, undtagen?: FilterNavn): Expression<SqlBool> {
  const b: Expression<SqlBool>[] = [eb('register_afgoerelser.status', '=', 'publiceret')]
  if (f.tsquery !== undefined) b.push(sql<SqlBool>`register_afgoerelser.soegevektor @@ ${tsq(f.tsquery)}`)
  if (f.naevnType !== undefined && undtagen !== 'naevnType') b.push(eb('register_afgoerelser.naevn_type', '=', f.naevnType))
  if (f.naevnId !== undefined && undtagen !== 'naevnId') b.push(eb('register_afgoerelser.naevn_id', '=', f.naevnId))
  if (f.kommunekode !== undefined && undtagen !== 'kommunekode') b.push(eb('register_afgoerelser.kommunekode', '=', f.kommunekode))
  if (f.emne !== undefined && undtagen !== 'emne') b.push(sql<SqlBool>`register_afgoerelser.subjects @> ARRAY[${f.emne}]::text[]`)
  if (f.udfald !== undefined && undtagen !== 'udfald') b.push(eb('register_afgoerelser.reason_for_closing', '=', f.udfald))
  if (f.medhold !== undefined && undtagen !== 'medhold') b.push(eb('register_afgoerelser.in_favour', '=', f.medhold))
  if (f.fra !== undefined && undtagen !== 'dato') b.push(eb('register_afgoerelser.date_of_decision', '>=', f.fra))
  if (f.til !== undefined && undtagen !== 'dato') b.push(eb('register_afgoerelser.date_of_decision', '<=', f.til))
  if (f.lov !== undefined && undtagen !== 'lov') {
    b.push(
      f.lov.includes(':')
        ? sql<SqlBool>`register_afgoerelser.statute_keys @> ARRAY[${f.lov}]::text[]`
        : sql<SqlBool>`register_love(register_afgoerelser.statute_keys) @> ARRAY[${f.lov}]::text[]`,
    )
  }
  return eb.and(b)
}

/** websearch_to_tsquery('danish', q) as text; '' when q holds no searchable word (only stop words). */
export async function tilTsquery(db: Kysely<DB>, q: string): Promise<string> {
  const { rows } = await sql<{ q: string }>`SELECT websearch_to_tsquery('danish', ${q})::text AS q`.execute(db)
  return rows[0]?.q ?? ''
}

export interface Hit {
  id: number
  titel: string
  naevn_navn: string
  naevn_type: string
  kommunenavn: string
  date_of_decision: string
  reason_for_closing: string
  in_favour: string
  subject_labels: string[]
  uddrag: string
}

/** ts_headline marks a match with these; the service escapes the text around them. */
export const MARK_START = '\u0002'
export const MARK_SLUT = '\u0003'
const headlineOptions = `StartSel="${MARK_START}", StopSel="${MARK_SLUT}", MaxWords=40, MinWords=20, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`

// ts_headline's parser drops anything that looks like a tag; escaping first keeps the
// text as written ("<script>" shows as text) and the entities pass through as they are.
const htmlEscaped = (tekst: RawBuilder<unknown>) => sql`replace(replace(replace(${tekst}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`


/**
 * Runs fn with the planner kept to bitmap scans when there is free text. A plan that
 * walks the date index and tests `soegevektor @@ q` row by row reads each row's whole
 * tsvector (≈10 µs); for a word the planner wrongly thinks common, that is the whole
 * table. Bitmap scans take the matches from the GIN index and never read a tsvector
 * (no recheck for plain words), so the rows read are bounded by the matches, or by the
 * date window the service adds for large match sets.
 */
async function medBitmapPlaner<T>(db: Kysely<DB>, f: Filtre, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (f.tsquery === undefined) return fn(db)
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true)`.execute(trx)
    return fn(trx)
  })
}

/**
 * The ids of one page. By date: exact at any depth. By relevance: the `kandidater`
 * newest matches are ranked (ts_rank reads each one's whole tsvector, ≈10 µs a row), so
 * a word in most decisions costs no more than one in a thousand; when the matches are
 * no more than `kandidater`, that is all of them and the ranking is exact. `vindueFra`
 * (the service's date window) keeps the rows read near what the page needs.
 */
export async function sideIds(db: Kysely<DB>, f: Filtre & { vindueFra?: string }, o: { sortering: 'relevans' | 'dato'; limit: number; offset: number; kandidater: number }): Promise<number[]> {
  const relevans = o.sortering === 'relevans' && f.tsquery !== undefined
  const hvor = (eb: Eb) => (f.vindueFra === undefined ? betingelser(eb, f) : eb.and([betingelser(eb, f), eb('register_afgoerelser.date_of_decision', '>=', f.vindueFra)]))
  return medBitmapPlaner(db, f, async (trx) => {
    if (relevans) {
      const kandidater = trx
        .selectFrom('register_afgoerelser')
        .select(['register_afgoerelser.id', 'register_afgoerelser.date_of_decision', 'register_afgoerelser.soegevektor'])
        .where(hvor)
        .orderBy('register_afgoerelser.date_of_decision', 'desc')
        .orderBy('register_afgoerelser.id', 'desc')
        .limit(o.kandidater)
        .as('k')
      const rows = await trx
        .selectFrom(kandidater)
        .select('k.id')
        .orderBy(sql`ts_rank(k.soegevektor, ${tsq(f.tsquery ?? '')})`, 'desc')
        .orderBy('k.date_of_decision', 'desc')
        .orderBy('k.id', 'desc')
        .limit(o.limit)
        .offset(o.offset)
        .execute()
      return rows.map((r) => r.id)
    }
    const rows = await trx
      .selectFrom('register_afgoerelser')
      .select('register_afgoerelser.id')
      .where(hvor)
      .orderBy('register_afgoerelser.date_of_decision', 'desc')
      .orderBy('register_afgoerelser.id', 'desc')
      .limit(o.limit)
      .offset(o.offset)
      .execute()
    return rows.map((r) => r.id)
  })
}

/** The page's rows in the given order, with the excerpt (ts_headline only on these). */
export async function hits(db: Kysely<DB>, ids: number[], tsquery: string | undefined): Promise<Hit[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('register_afgoerelser as r')
    .select(['r.id', 'r.titel', 'r.naevn_navn', 'r.naevn_type', 'r.kommunenavn', 'r.date_of_decision', 'r.reason_for_closing', 'r.in_favour', 'r.subject_labels'])
    .select(
      tsquery !== undefined
        ? sql<string>`ts_headline('danish', ${htmlEscaped(sql`r.tekst`)}, ${tsq(tsquery)}, ${headlineOptions})`.as('uddrag')
        : sql<string>`${htmlEscaped(sql`left(r.tekst, 300)`)}`.as('uddrag'),
    )
    .where('r.id', 'in', ids)
    .where('r.status', '=', 'publiceret')
    .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/**
 * The date of the `n`-th newest decision (by the date index, at most `loft` entries read);
 * undefined when the register holds fewer.
 */
export async function datoForNyeste(db: Kysely<DB>, n: number): Promise<string | undefined> {
  const r = await db
    .selectFrom('register_afgoerelser')
    .select('date_of_decision')
    .orderBy('date_of_decision', 'desc')
    .orderBy('id', 'desc')
    .offset(Math.max(0, Math.floor(n) - 1))
    .limit(1)
    .executeTakeFirst()
  return r?.date_of_decision
}

/** Rows in the register (the planner's estimate, for sizing the date window; no scan). */
export async function antalIRegistret(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = 'register_afgoerelser'::regclass`.execute(db)
  return Number(rows[0]?.n ?? 0)
}

export interface FacetRaekke {
  vaerdi: string
  label: string
  antal: number
}

export type Dimension = 'naevnType' | 'naevn' | 'kommune' | 'emne' | 'udfald' | 'medhold' | 'lov' | 'aar'

/** The filter a facet's own counts leave out. */
export const dimensionensFilter: Record<Dimension, FilterNavn> = {
  naevnType: 'naevnType',
  naevn: 'naevnId',
  kommune: 'kommunekode',
  emne: 'emne',
  udfald: 'udfald',
  medhold: 'medhold',
  lov: 'lov',
  aar: 'dato',
}

const dimensionSql: Record<Dimension, RawBuilder<unknown>> = {
  naevnType: sql`SELECT 'naevnType' AS d, s.naevn_type AS v, s.naevn_type AS l FROM s`,
  naevn: sql`SELECT 'naevn', s.naevn_id::text, s.naevn_navn FROM s WHERE s.naevn_id IS NOT NULL`,
  kommune: sql`SELECT 'kommune', s.kommunekode::text, s.kommunenavn FROM s`,
  emne: sql`SELECT 'emne', u.k, u.l FROM s CROSS JOIN LATERAL unnest(s.subjects, s.subject_labels) AS u(k, l) WHERE u.k IS NOT NULL`,
  udfald: sql`SELECT 'udfald', s.reason_for_closing, s.reason_for_closing FROM s`,
  medhold: sql`SELECT 'medhold', s.in_favour, s.in_favour FROM s`,
  lov: sql`SELECT 'lov', u.k, u.k FROM s CROSS JOIN LATERAL unnest(s.statute_keys) AS u(k)`,
  aar: sql`SELECT 'aar', extract(year FROM s.date_of_decision)::int::text, extract(year FROM s.date_of_decision)::int::text FROM s`,
}

/** The sample buckets: 0–1023 by a hash of the id, indexed by the 2026-11-21T1500 migration. */
export const SPANDE = 1024

export interface Optaelling {
  /** Matching rows counted (in the sample, when bucketsUnder < SPANDE). */
  antal: number
  /** Rows counted only among those whose sample bucket is below this (SPANDE: all rows). */
  spandeUnder: number
  facetter: Partial<Record<Dimension, FacetRaekke[]>>
}

/**
 * Counts the rows matching f (without the filter `undtagen`) and their values of `dims`,
 * reading at most `loft` rows: all of them, or only those in the sample buckets below
 * `spandeUnder` (then every count stands for SPANDE / spandeUnder rows).
 */
export async function optael(db: Kysely<DB>, f: Filtre, o: { undtagen?: FilterNavn; dims: readonly Dimension[]; loft: number; spandeUnder: number }): Promise<Optaelling> {
  const raekker = db
    .selectFrom('register_afgoerelser')
    .select([
      'register_afgoerelser.naevn_type',
      'register_afgoerelser.naevn_id',
      'register_afgoerelser.naevn_navn',
      'register_afgoerelser.kommunekode',
      'register_afgoerelser.kommunenavn',
      'register_afgoerelser.subjects',
      'register_afgoerelser.subject_labels',
      'register_afgoerelser.reason_for_closing',
      'register_afgoerelser.in_favour',
      'register_afgoerelser.statute_keys',
      'register_afgoerelser.date_of_decision',
    ])
    .where((eb) => betingelser(eb, f, o.undtagen))
    // Literally the index's expression (migration 2026-11-21T1500); the bound is a parameter.
    .$if(o.spandeUnder < SPANDE, (qb) => qb.where(sql<SqlBool>`(((register_afgoerelser.id * 2654435761) & 4294967295) >> 22) < ${o.spandeUnder}`))
    .limit(o.loft)
  const dele = [sql`SELECT '' AS d, NULL::text AS v, NULL::text AS l FROM s`, ...o.dims.map((d) => dimensionSql[d])]
  const { rows } = await medBitmapPlaner(db, f, (trx) =>
    sql<{ d: string; v: string | null; l: string | null; n: number }>`
      WITH s AS MATERIALIZED (${raekker})
      SELECT t.d, t.v, max(t.l) AS l, count(*)::int AS n
      FROM (${sql.join(dele, sql` UNION ALL `)}) AS t
      GROUP BY t.d, t.v`.execute(trx),
  )
  const facetter: Partial<Record<Dimension, FacetRaekke[]>> = {}
  let antal = 0
  for (const r of rows) {
    if (r.d === '') antal = Number(r.n)
    else if (r.v !== null) (facetter[r.d as Dimension] ??= []).push({ vaerdi: r.v, label: r.l ?? r.v, antal: Number(r.n) })
  }
  for (const d of o.dims) facetter[d] ??= []
  return { antal, spandeUnder: o.spandeUnder, facetter }
}
