// The huslejeregister's public queries: decided rents found by address (pg_trgm on
// adresse_tekst: substring or a word that is nearly the same, so a typo still finds the
// street), postal code, municipality and method, and the statistics of kr. per m² per
// year (count, quartiles and median by percentile_cont). Only published rents
// (server/kerne/access/offentlig.ts).
import { sql, type ExpressionBuilder, type Kysely, type SqlBool, type Expression } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { erOffentligHusleje } from '../../kerne/access/offentlig.js'

export interface HuslejeFiltre {
  adresse?: string
  postnr?: string
  kommunekode?: number
  metode?: string
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

export function huslejeBetingelser(eb: ExpressionBuilder<DB, 'register_huslejer'>, f: HuslejeFiltre): Expression<SqlBool> {
  const b: Expression<SqlBool>[] = [erOffentligHusleje(eb)]
  // Both arms are served by the trigram GIN index (a bitmap OR of two index scans).
  if (f.adresse) b.push(sql<SqlBool>`(register_huslejer.adresse_tekst ILIKE ${`%${escapeLike(f.adresse)}%`} OR ${f.adresse} <% register_huslejer.adresse_tekst)`)
  if (f.postnr) b.push(eb('register_huslejer.postnr', '=', f.postnr))
  if (f.kommunekode !== undefined) b.push(eb('register_huslejer.kommunekode', '=', f.kommunekode))
  if (f.metode) b.push(eb('register_huslejer.method', '=', f.metode))
  return eb.and(b)
}

export const huslejeKolonner = [
  'register_huslejer.id',
  'register_huslejer.register_afgoerelse_id',
  'register_huslejer.adresse_tekst',
  'register_huslejer.vejnavn',
  'register_huslejer.husnummer',
  'register_huslejer.etage',
  'register_huslejer.doer',
  'register_huslejer.postnr',
  'register_huslejer.postnavn',
  'register_huslejer.kommunekode',
  'register_huslejer.kommunenavn',
  'register_huslejer.method',
  'register_huslejer.declaration',
  'register_huslejer.category',
  'register_huslejer.amount',
  'register_huslejer.gross_area',
  'register_huslejer.date_of_determination',
  'register_huslejer.kr_per_m2_aar',
] as const

/**
 * One page of rents, the best address match first when searching by address, else the
 * newest; with the count of all matches (a window over the same scan, so one round trip).
 */
export function huslejeSide(db: Kysely<DB>, f: HuslejeFiltre, limit: number, offset: number) {
  return db
    .selectFrom('register_huslejer')
    .select(huslejeKolonner)
    .select(sql<number>`count(*) OVER ()`.as('total'))
    .where((eb) => huslejeBetingelser(eb, f))
    .$if(Boolean(f.adresse), (qb) => qb.orderBy(sql`word_similarity(${f.adresse ?? ''}, register_huslejer.adresse_tekst)`, 'desc'))
    .orderBy(sql`register_huslejer.date_of_determination desc nulls last`)
    .orderBy('register_huslejer.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
}

export async function huslejeAntal(db: Kysely<DB>, f: HuslejeFiltre): Promise<number> {
  const r = await db
    .selectFrom('register_huslejer')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => huslejeBetingelser(eb, f))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

export interface StatistikRaekke {
  noegle: string
  navn: string
  method: string | null
  antal: number
  q1: number
  median: number
  q3: number
}

/** Count and quartiles of kr./m²/år per municipality or postal code, and method. */
export async function huslejeStatistik(db: Kysely<DB>, f: HuslejeFiltre, gruppe: 'kommune' | 'postnr'): Promise<StatistikRaekke[]> {
  const noegle = gruppe === 'kommune' ? sql`register_huslejer.kommunekode::text` : sql`register_huslejer.postnr`
  const navn = gruppe === 'kommune' ? sql`max(register_huslejer.kommunenavn)` : sql`max(coalesce(register_huslejer.postnavn, ''))`
  const rows = await db
    .selectFrom('register_huslejer')
    .select([
      noegle.as('noegle'),
      navn.as('navn'),
      'register_huslejer.method',
      (eb) => eb.fn.countAll<number>().as('antal'),
      sql<number[]>`percentile_cont(ARRAY[0.25, 0.5, 0.75]::float8[]) WITHIN GROUP (ORDER BY register_huslejer.kr_per_m2_aar)`.as('kvartiler'),
    ])
    .where((eb) => huslejeBetingelser(eb, f))
    .where('register_huslejer.kr_per_m2_aar', 'is not', null)
    .$if(gruppe === 'postnr', (qb) => qb.where('register_huslejer.postnr', 'is not', null))
    .groupBy([noegle, 'register_huslejer.method'])
    .orderBy(noegle)
    .orderBy('register_huslejer.method')
    .execute()
  return rows.map((r) => {
    const k = (r.kvartiler as unknown as (number | string)[]).map(Number)
    return { noegle: String(r.noegle), navn: String(r.navn ?? ''), method: r.method, antal: Number(r.antal), q1: k[0]!, median: k[1]!, q3: k[2]! }
  })
}
