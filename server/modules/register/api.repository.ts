// Queries behind the open API (REST /api/v1/register and GraphQL /graphql). Public: only
// rows server/kerne/access/offentlig.ts allows (status 'publiceret'; a withdrawn decision
// takes its rent with it), never afgoerelse_id or the PDF bytes.
//
// The GraphQL layer hands filters and orderings in as a small tree over whitelisted
// column names (AfgoerelseKolonne, HuslejeKolonne). Columns are checked again here
// against the same lists, values always travel as parameters, so nothing a client sends
// becomes SQL text.
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { PUBLICERET, offentligeAfgoerelseKolonner } from '../../kerne/access/offentlig.js'
import type { NaevnType } from '../../kerne/naevn/naevn.js'
import { cachedPerDir } from '../../kerne/referencedata/cache.js'
import { readKommuner } from '../../kerne/referencedata/kommuner.js'
import { loadLovgrundlag, lovLabel, tilStatutory } from '../../kerne/sag/lovgrundlag.js'
import { sagsomraaderFor } from '../../kerne/sag/sagsomraader.js'
import { naevnTypeKode } from './publicering.service.js'
import { huslejeKolonner as offentligeHuslejeKolonner } from './huslejeregister.repository.js'
import { decisionLister, type DecisionListe } from './graphql/felter.js'

export const afgoerelseKolonner = [
  'id',
  'kommunekode',
  'kommunenavn',
  'naevn_navn',
  'naevn_type',
  'date_of_filing',
  'date_of_decision',
  'date_of_ruling',
  'date_of_dismissal',
  'publiceret',
  'serial_number',
  'titel',
  'reason_for_closing',
  'in_favour',
  'submitter',
  'locally_inspected',
  'general_public_interest',
  'imposition_of_fee',
] as const
export type AfgoerelseKolonne = (typeof afgoerelseKolonner)[number]

export const huslejeKolonner = [
  'id',
  'register_afgoerelse_id',
  'vejnavn',
  'husnummer',
  'etage',
  'doer',
  'postnr',
  'postnavn',
  'kommunekode',
  'kommunenavn',
  'method',
  'declaration',
  'category',
  'amount',
  'gross_area',
  'date_of_determination',
  'kr_per_m2_aar',
  'adresse_tekst',
] as const
export type HuslejeKolonne = (typeof huslejeKolonner)[number]

/** HotChocolate's filter operations (the n-variants are the negations, nulls included). */
export type Operator =
  | 'eq'
  | 'neq'
  | 'in'
  | 'nin'
  | 'gt'
  | 'ngt'
  | 'gte'
  | 'ngte'
  | 'lt'
  | 'nlt'
  | 'lte'
  | 'nlte'
  | 'contains'
  | 'ncontains'
  | 'startsWith'
  | 'nstartsWith'
  | 'endsWith'
  | 'nendsWith'

export interface Betingelse<K extends string> {
  kolonne: K
  op: Operator
  vaerdi: unknown
}
/** A condition on a decision's list (subjects, statutories): some, none or all of its elements match, or any exist. */
export interface ListeBetingelse {
  liste: DecisionListe
  kvantor: 'some' | 'none' | 'all' | 'any'
  filter?: Filter<string> | undefined
}
export type Filter<K extends string> = { alle: Filter<K>[] } | { enAf: Filter<K>[] } | Betingelse<K> | ListeBetingelse
export interface Sortering<K extends string> {
  kolonne: K
  retning: 'asc' | 'desc'
}

export interface Udsnit<K extends string> {
  filter?: Filter<K> | undefined
  sortering: Sortering<K>[]
  offset: number
  limit: number
}

const tilladteAfgoerelseKolonner = new Set<string>(afgoerelseKolonner)
const tilladteHuslejeKolonner = new Set<string>(huslejeKolonner)
const afgoerelseKolonne = tabelKolonne('register_afgoerelser', tilladteAfgoerelseKolonner)
const huslejeKolonne = tabelKolonne('register_huslejer', tilladteHuslejeKolonner)

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** One condition as SQL on a column the caller has checked against its whitelist. */
function betingelseSql(col: Expression<unknown>, b: Betingelse<string>): RawBuilder<SqlBool> {
  const v = b.vaerdi
  const ikke = (e: RawBuilder<SqlBool>) => sql<SqlBool>`NOT coalesce(${e}, false)`
  switch (b.op) {
    case 'eq':
      return v === null ? sql<SqlBool>`${col} IS NULL` : sql<SqlBool>`${col} = ${v}`
    case 'neq':
      return v === null ? sql<SqlBool>`${col} IS NOT NULL` : sql<SqlBool>`${col} IS DISTINCT FROM ${v}`
    case 'in':
    case 'nin': {
      const liste = Array.isArray(v) ? v : [v]
      const vaerdier = liste.filter((x) => x !== null)
      const medNull = vaerdier.length < liste.length
      const i = vaerdier.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`${col} = ANY(${vaerdier})`
      const e = medNull ? sql<SqlBool>`(${i} OR ${col} IS NULL)` : i
      return b.op === 'in' ? e : ikke(e)
    }
    case 'gt':
      return sql<SqlBool>`${col} > ${v}`
    case 'gte':
      return sql<SqlBool>`${col} >= ${v}`
    case 'lt':
      return sql<SqlBool>`${col} < ${v}`
    case 'lte':
      return sql<SqlBool>`${col} <= ${v}`
    case 'ngt':
      return ikke(sql<SqlBool>`${col} > ${v}`)
    case 'ngte':
      return ikke(sql<SqlBool>`${col} >= ${v}`)
    case 'nlt':
      return ikke(sql<SqlBool>`${col} < ${v}`)
    case 'nlte':
      return ikke(sql<SqlBool>`${col} <= ${v}`)
    case 'contains':
    case 'ncontains':
    case 'startsWith':
    case 'nstartsWith':
    case 'endsWith':
    case 'nendsWith': {
      const s = escapeLike(String(v))
      const moenster = b.op.toLowerCase().includes('contains') ? `%${s}%` : b.op.toLowerCase().includes('startswith') ? `${s}%` : `%${s}`
      // Case-insensitive: the trigram index on adresse_tekst serves ILIKE '%…%'.
      const e = sql<SqlBool>`${col}::text ILIKE ${moenster}`
      return b.op.startsWith('n') ? ikke(e) : e
    }
  }
}

type KolonneSql = (kolonne: string) => Expression<unknown>

function tabelKolonne(tabel: string, tilladte: ReadonlySet<string>): KolonneSql {
  return (k) => {
    if (!tilladte.has(k)) throw new Error(`kolonnen ${k} kan ikke filtreres`)
    return sql.ref(`${tabel}.${k}`)
  }
}

// A decision's lists as rows (alias e), and their element fields as SQL; only these names.
const listeKilder: Record<DecisionListe, { fra: RawBuilder<unknown>; felt: (f: string) => RawBuilder<unknown> }> = {
  subjects: {
    fra: sql`unnest(register_afgoerelser.subjects, register_afgoerelser.subject_labels) AS e(id, name)`,
    felt: (f) => sql.ref(`e.${f === 'name' ? 'name' : 'id'}`),
  },
  statutories: { fra: sql`jsonb_array_elements(register_afgoerelser.statutories) AS e(v)`, felt: (f) => sql`(e.v ->> ${f})` },
}

function listeSql(b: ListeBetingelse): Expression<SqlBool> {
  const kilde = listeKilder[b.liste]
  const tilladte: ReadonlySet<string> = new Set(decisionLister[b.liste].felter)
  const element: KolonneSql = (k) => {
    if (!tilladte.has(k)) throw new Error(`${b.liste}.${k} kan ikke filtreres`)
    return kilde.felt(k)
  }
  const betingelse = b.filter ? filterSql(element, b.filter) : sql<SqlBool>`true`
  switch (b.kvantor) {
    case 'any':
      return sql<SqlBool>`EXISTS (SELECT 1 FROM ${kilde.fra})`
    case 'some':
      return sql<SqlBool>`EXISTS (SELECT 1 FROM ${kilde.fra} WHERE ${betingelse})`
    case 'none':
      return sql<SqlBool>`NOT EXISTS (SELECT 1 FROM ${kilde.fra} WHERE ${betingelse})`
    case 'all':
      return sql<SqlBool>`NOT EXISTS (SELECT 1 FROM ${kilde.fra} WHERE NOT coalesce(${betingelse}, false))`
  }
}

function filterSql(kolonne: KolonneSql, f: Filter<string>): Expression<SqlBool> {
  if ('alle' in f) return f.alle.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(f.alle.map((x) => filterSql(kolonne, x)), sql` AND `)})`
  if ('enAf' in f) return f.enAf.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(f.enAf.map((x) => filterSql(kolonne, x)), sql` OR `)})`
  if ('liste' in f) return listeSql(f)
  return betingelseSql(kolonne(f.kolonne), f)
}

function orderBySql(tabel: string, tilladte: ReadonlySet<string>, s: Sortering<string>[]): RawBuilder<unknown> {
  const dele = s.map((o) => {
    if (!tilladte.has(o.kolonne)) throw new Error(`kolonnen ${o.kolonne} kan ikke sorteres`)
    return sql`${sql.ref(`${tabel}.${o.kolonne}`)} ${o.retning === 'desc' ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`}`
  })
  // The id breaks ties, so a page boundary never splits or repeats rows.
  if (!s.some((o) => o.kolonne === 'id')) dele.push(sql`${sql.ref(`${tabel}.id`)} ${s.at(-1)?.retning === 'asc' ? sql`ASC` : sql`DESC`}`)
  return sql.join(dele, sql`, `)
}

// ─── Decisions ────────────────────────────────────────────────────────────────────

const offentligAfgoerelse = sql<SqlBool>`register_afgoerelser.status = ${PUBLICERET}`

/** The public columns a list row carries; the anonymized text only when asked for. */
const listeKolonner = offentligeAfgoerelseKolonner.filter((k) => k !== 'register_afgoerelser.tekst' && k !== 'register_afgoerelser.statute_keys')

export async function listAfgoerelser(db: Kysely<DB>, u: Udsnit<AfgoerelseKolonne>, o: { medTekst: boolean }) {
  const sortering: Sortering<AfgoerelseKolonne>[] = u.sortering.length > 0 ? u.sortering : [{ kolonne: 'date_of_decision', retning: 'desc' }]
  return db
    .selectFrom('register_afgoerelser')
    .select(listeKolonner)
    .$if(o.medTekst, (qb) => qb.select('register_afgoerelser.tekst'))
    .where(offentligAfgoerelse)
    .$if(u.filter !== undefined, (qb) => qb.where(filterSql(afgoerelseKolonne, u.filter!)))
    .orderBy(orderBySql('register_afgoerelser', tilladteAfgoerelseKolonner, sortering))
    .offset(u.offset)
    .limit(u.limit)
    .execute()
}

export type AfgoerelseRaekke = Awaited<ReturnType<typeof listAfgoerelser>>[number] & { tekst?: string }

export async function antalAfgoerelser(db: Kysely<DB>, filter: Filter<AfgoerelseKolonne> | undefined): Promise<number> {
  const r = await db
    .selectFrom('register_afgoerelser')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(offentligAfgoerelse)
    .$if(filter !== undefined, (qb) => qb.where(filterSql(afgoerelseKolonne, filter!)))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/**
 * One decision by its public id, published or withdrawn (the API answers 410 with the
 * reason for a withdrawn one, and then shows nothing else of it).
 */
export function findAfgoerelse(db: Kysely<DB>, id: number) {
  return db.selectFrom('register_afgoerelser').select(offentligeAfgoerelseKolonner).where('register_afgoerelser.id', '=', id).executeTakeFirst()
}

// ─── Decided rents (huslejeregister) ───────────────────────────────────────────────

// A rent is public while it and its decision are (withdrawal marks both, but a rent
// must never outlive its decision's publication even if only one row was changed).
const offentligHusleje = sql<SqlBool>`register_huslejer.status = ${PUBLICERET} AND NOT EXISTS (
  SELECT 1 FROM register_afgoerelser a WHERE a.id = register_huslejer.register_afgoerelse_id AND a.status <> ${PUBLICERET})`

export interface HuslejeUdsnit extends Udsnit<HuslejeKolonne> {
  /** Free address text, matched by trigram word similarity (typos forgiven) or as a substring. */
  adresse?: string | undefined
}

function adresseMatch(adresse: string): Expression<SqlBool> {
  return sql<SqlBool>`(register_huslejer.adresse_tekst ILIKE ${`%${escapeLike(adresse)}%`} OR ${adresse} <% register_huslejer.adresse_tekst)`
}

export async function listHuslejer(db: Kysely<DB>, u: HuslejeUdsnit) {
  const adresse = u.adresse
  const sortering: Sortering<HuslejeKolonne>[] = u.sortering.length > 0 ? u.sortering : [{ kolonne: 'date_of_determination', retning: 'desc' }]
  return db
    .selectFrom('register_huslejer')
    .select(offentligeHuslejeKolonner)
    .where(offentligHusleje)
    .$if(u.filter !== undefined, (qb) => qb.where(filterSql(huslejeKolonne, u.filter!)))
    .$if(adresse !== undefined, (qb) => qb.where(adresseMatch(adresse!)))
    // With an address the best match comes first, unless the client chose an order.
    .$if(adresse !== undefined && u.sortering.length === 0, (qb) => qb.orderBy(sql`word_similarity(${adresse}, register_huslejer.adresse_tekst)`, 'desc'))
    .orderBy(orderBySql('register_huslejer', tilladteHuslejeKolonner, sortering))
    .offset(u.offset)
    .limit(u.limit)
    .execute()
}

export type HuslejeRaekke = Awaited<ReturnType<typeof listHuslejer>>[number]

export async function antalHuslejer(db: Kysely<DB>, u: Pick<HuslejeUdsnit, 'filter' | 'adresse'>): Promise<number> {
  const adresse = u.adresse
  const r = await db
    .selectFrom('register_huslejer')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(offentligHusleje)
    .$if(u.filter !== undefined, (qb) => qb.where(filterSql(huslejeKolonne, u.filter!)))
    .$if(adresse !== undefined, (qb) => qb.where(adresseMatch(adresse!)))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** The published rents of some decisions (one query for a whole page of decisions). */
export async function huslejerForAfgoerelser(db: Kysely<DB>, ids: readonly number[]): Promise<HuslejeRaekke[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('register_huslejer')
    .select(offentligeHuslejeKolonner)
    .where(offentligHusleje)
    .where('register_huslejer.register_afgoerelse_id', 'in', [...ids])
    .orderBy('register_huslejer.id')
    .execute()
}

const tal = (s: string | null): number | null => (s === null ? null : Number(s))

/** A decided rent in the national API's vocabulary (REST and GraphQL alike). */
export function huslejeVisning(r: HuslejeRaekke) {
  return {
    id: r.id,
    afgoerelseId: r.register_afgoerelse_id,
    street: r.vejnavn,
    houseNumber: r.husnummer,
    floor: r.etage,
    door: r.doer,
    postalCode: r.postnr,
    postalDistrict: r.postnavn,
    municipalityCode: r.kommunekode,
    municipalityName: r.kommunenavn,
    method: r.method,
    declaration: r.declaration,
    category: r.category,
    amount: Number(r.amount),
    grossArea: tal(r.gross_area),
    dateOfDetermination: r.date_of_determination,
    rentPerSquareMeterPerYear: tal(r.kr_per_m2_aar),
    adresse: r.adresse_tekst,
  }
}

// ─── Reference data: municipalities, laws, case areas ───────────────────────────────

export type NaevnTypeKode = (typeof naevnTypeKode)[NaevnType]

/** The 98 municipalities by code, from the reference data (read once per directory). */
export const kommuneListe = cachedPerDir(async (dir) =>
  Object.freeze((await readKommuner(dir)).map((k) => Object.freeze({ municipalityCode: k.kommunekode, name: k.navn })).sort((a, b) => a.municipalityCode - b.municipalityCode)),
)

/**
 * The laws a decision can cite, with chapters and provisions, in the national API's
 * statutory vocabulary. Provisions outside the chapter structure (an amending act's
 * commencement §) are left out: no decision cites them.
 */
export const loveMedKapitler = cachedPerDir(async (dir) => {
  const index = await loadLovgrundlag(dir)
  return Object.freeze(
    index.love().map((l) => ({
      lawId: l.lov,
      lawText: l.titel,
      name: lovLabel(l.lov),
      chapters: index.kapitler(l.lov).map((k) => ({
        chapterId: k.kapitel,
        chapterText: k.overskrift ?? `Kapitel ${k.kapitel}`,
        sections: index.bestemmelser(l.lov, k.kapitel).map((b) => {
          const s = tilStatutory(b)
          return { id: b.id, sectionId: s.sectionId, sectionText: s.sectionText, text: b.tekst }
        }),
      })),
    })),
  )
})

const naevnTyper = Object.keys(naevnTypeKode) as NaevnType[]

/** The case areas (subjects) with their Danish labels, per board type. */
export function sagsomraadeListe(type?: NaevnTypeKode) {
  return naevnTyper
    .filter((t) => type === undefined || naevnTypeKode[t] === type)
    .flatMap((t) => sagsomraaderFor(t).map((o) => ({ kode: o.kode, label: o.label, naevnType: naevnTypeKode[t] })))
}
