// The afgørelsesregister's search queries. Only rows with status 'publiceret' are ever
// read. The free text is a tsquery computed once (websearch_to_tsquery('danish', q)) and
// passed on as text, so every query below uses the same one.
import { sql, type RawBuilder, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely'
import type { DB } from '../../db/types.js'

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
        : sql<SqlBool>`EXISTS (SELECT 1 FROM unnest(register_afgoerelser.statute_keys) AS k WHERE split_part(k, ':', 1) = ${f.lov})`,
    )
  }
  return eb.and(b)
}

/** websearch_to_tsquery('danish', q) as text; '' when q holds no searchable word (only stop words). */
export async function tilTsquery(db: Kysely<DB>, q: string): Promise<string> {
  const { rows } = await sql<{ q: string }>`SELECT websearch_to_tsquery('danish', ${q})::text AS q`.execute(db)
  return rows[0]?.q ?? ''
}

export async function antal(db: Kysely<DB>, f: Filtre): Promise<number> {
  const r = await db
    .selectFrom('register_afgoerelser')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => betingelser(eb, f))
    .executeTakeFirstOrThrow()
  return Number(r.n)
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

/** One page of hits in the given order; ts_headline only on these rows. */
export async function side(db: Kysely<DB>, f: Filtre, o: { sortering: 'relevans' | 'dato'; limit: number; offset: number }): Promise<Hit[]> {
  const relevans = o.sortering === 'relevans' && f.tsquery !== undefined
  const ids = db
    .selectFrom('register_afgoerelser')
    .select(['register_afgoerelser.id'])
    .where((eb) => betingelser(eb, f))
    .$if(relevans, (qb) => qb.orderBy(sql`ts_rank(register_afgoerelser.soegevektor, ${tsq(f.tsquery ?? '')})`, 'desc'))
    .orderBy('register_afgoerelser.date_of_decision', 'desc')
    .orderBy('register_afgoerelser.id', 'desc')
    .limit(o.limit)
    .offset(o.offset)
  const rows = await db
    .with('valgte', () => ids.select(sql<number>`row_number() OVER ()`.as('nr')))
    .selectFrom('valgte')
    .innerJoin('register_afgoerelser as r', 'r.id', 'valgte.id')
    .select(['r.id', 'r.titel', 'r.naevn_navn', 'r.naevn_type', 'r.kommunenavn', 'r.date_of_decision', 'r.reason_for_closing', 'r.in_favour', 'r.subject_labels'])
    .select(
      f.tsquery !== undefined
        ? sql<string>`ts_headline('danish', ${htmlEscaped(sql`r.tekst`)}, ${tsq(f.tsquery)}, ${headlineOptions})`.as('uddrag')
        : sql<string>`${htmlEscaped(sql`left(r.tekst, 300)`)}`.as('uddrag'),
    )
    .orderBy('valgte.nr')
    .execute()
  return rows
}

export interface FacetRaekke {
  vaerdi: string
  label: string
  antal: number
}

/** Counts per value of one dimension, with every other filter applied. */
export async function facet(db: Kysely<DB>, f: Filtre, navn: 'naevnType' | 'naevn' | 'kommune' | 'emne' | 'udfald' | 'medhold' | 'lov' | 'aar', maks: number): Promise<FacetRaekke[]> {
  const undtagen: FilterNavn =
    navn === 'naevn' ? 'naevnId' : navn === 'kommune' ? 'kommunekode' : navn === 'aar' ? 'dato' : navn
  const dimension = {
    naevnType: sql`SELECT r.naevn_type AS vaerdi, r.naevn_type AS label`,
    naevn: sql`SELECT r.naevn_id::text AS vaerdi, r.naevn_navn AS label`,
    kommune: sql`SELECT r.kommunekode::text AS vaerdi, r.kommunenavn AS label`,
    emne: sql`SELECT s.kode AS vaerdi, s.label AS label`,
    udfald: sql`SELECT r.reason_for_closing AS vaerdi, r.reason_for_closing AS label`,
    medhold: sql`SELECT r.in_favour AS vaerdi, r.in_favour AS label`,
    lov: sql`SELECT k AS vaerdi, k AS label`,
    aar: sql`SELECT extract(year FROM r.date_of_decision)::int::text AS vaerdi, extract(year FROM r.date_of_decision)::int::text AS label`,
  }[navn]
  const fra = {
    emne: sql`CROSS JOIN LATERAL unnest(r.subjects, r.subject_labels) AS s(kode, label)`,
    lov: sql`CROSS JOIN LATERAL unnest(r.statute_keys) AS k`,
  }[navn as 'emne' | 'lov']
  const where = db
    .selectFrom('register_afgoerelser')
    .select('register_afgoerelser.id')
    .where((eb) => betingelser(eb, f, undtagen))
  const { rows } = await sql<{ vaerdi: string | null; label: string | null; antal: number }>`
    SELECT d.vaerdi, max(d.label) AS label, count(*)::int AS antal
    FROM (${dimension} FROM register_afgoerelser AS r ${fra ?? sql``} WHERE r.id IN (${where})) AS d
    WHERE d.vaerdi IS NOT NULL
    GROUP BY d.vaerdi
    ORDER BY antal DESC, d.vaerdi
    LIMIT ${maks}`.execute(db)
  return rows.map((r) => ({ vaerdi: r.vaerdi ?? '', label: r.label ?? '', antal: Number(r.antal) }))
}
