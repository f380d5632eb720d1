// The secretariat leader's overview: the numbers, computed in PostgreSQL. Every query
// starts from sagerForPersonale (the filed cases of the user's secretariats) and is
// narrowed to the requested boards the user LEADS, so a caller that passes a board the
// user only works in (or not at all) gets nothing from it.
//
// Days are calendar days in Danish time: a case filed at 23:30 and decided at 00:30 the
// next day took one day, as a person reading the journal would count it.
import { adresseKolonner } from '../../kerne/sag/visning.js'
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import type { Principal } from '../../kerne/access/principal.js'
import { mayViewLeaderOverview } from '../../kerne/access/policies.js'
import { sagerForPersonale } from '../../kerne/access/sager.js'
import { erAaben, sagStatuser, type SagStatus } from '../../kerne/sag/status.js'

/** A date as YYYY-MM-DD (a calendar day in Danish time). */
export type Dato = string

/** Open statuses in lifecycle order. */
export const aabneStatuser: readonly SagStatus[] = sagStatuser.filter(erAaben)

export const aldersgrupper = [
  { kode: 'd0_30', label: '0–30 dage' },
  { kode: 'd31_90', label: '31–90 dage' },
  { kode: 'd91_180', label: '91–180 dage' },
  { kode: 'd181_365', label: '181–365 dage' },
  { kode: 'over365', label: 'Over 365 dage' },
] as const
export type Aldersgruppe = (typeof aldersgrupper)[number]['kode']

/** The boards among naevnIds that the user leads; the only boards any query here reads. */
export function ledteAf(p: Principal, naevnIds: readonly string[]): string[] {
  return [...new Set(naevnIds)].filter((id) => mayViewLeaderOverview(p, id))
}

function danskDato(ts: Expression<unknown>): RawBuilder<Dato> {
  return sql<Dato>`(${ts} AT TIME ZONE 'Europe/Copenhagen')::date`
}

/** The filed cases of the given boards, if the user leads them. */
function sagerIOmfang(db: Kysely<DB>, p: Principal, naevnIds: string[]) {
  return sagerForPersonale(db, p).where('sager.naevn_id', 'in', naevnIds).where('sager.indbragt', 'is not', null)
}

/** The boards themselves, for names and types (area labels depend on the type). */
export async function ledteNaevn(db: Kysely<DB>, p: Principal, naevnIds: readonly string[]) {
  const ids = ledteAf(p, naevnIds)
  if (ids.length === 0) return []
  return db.selectFrom('naevn').select(['naevn.id', 'naevn.navn', 'naevn.type']).where('naevn.id', 'in', ids).orderBy('naevn.navn').execute()
}

/** 1. Open cases per status, every open status present (0 when none), in lifecycle order. */
export async function aabneSagerPrStatus(db: Kysely<DB>, p: Principal, naevnIds: readonly string[]): Promise<{ status: SagStatus; antal: number }[]> {
  const ids = ledteAf(p, naevnIds)
  const rows =
    ids.length === 0
      ? []
      : await sagerIOmfang(db, p, ids)
          .where('sager.status', 'in', [...aabneStatuser])
          .select(['sager.status', sql<number>`count(*)::int`.as('antal')])
          .groupBy('sager.status')
          .execute()
  return aabneStatuser.map((status) => ({ status, antal: rows.find((r) => r.status === status)?.antal ?? 0 }))
}

/** 2. Open cases by age on the day `idag`: days since the case was filed. */
export async function aldersfordeling(db: Kysely<DB>, p: Principal, naevnIds: readonly string[], idag: Dato): Promise<Record<Aldersgruppe, number>> {
  const ids = ledteAf(p, naevnIds)
  const tom: Record<Aldersgruppe, number> = { d0_30: 0, d31_90: 0, d91_180: 0, d181_365: 0, over365: 0 }
  if (ids.length === 0) return tom
  const alder = sql<number>`(${idag}::date - ${danskDato(sql.ref('sager.indbragt'))})`
  const row = await sagerIOmfang(db, p, ids)
    .where('sager.status', 'in', [...aabneStatuser])
    .select([
      sql<number>`(count(*) FILTER (WHERE ${alder} <= 30))::int`.as('d0_30'),
      sql<number>`(count(*) FILTER (WHERE ${alder} BETWEEN 31 AND 90))::int`.as('d31_90'),
      sql<number>`(count(*) FILTER (WHERE ${alder} BETWEEN 91 AND 180))::int`.as('d91_180'),
      sql<number>`(count(*) FILTER (WHERE ${alder} BETWEEN 181 AND 365))::int`.as('d181_365'),
      sql<number>`(count(*) FILTER (WHERE ${alder} > 365))::int`.as('over365'),
    ])
    .executeTakeFirst()
  return row ?? tom
}

export interface Behandlingstid {
  antal: number
  /** Days; null when no case was decided. */
  median: number | null
  p90: number | null
}

export interface BehandlingstiderResultat {
  total: Behandlingstid
  prNaevn: (Behandlingstid & { naevnId: string })[]
  /** A case with two areas counts in both. Area codes are per board type. */
  prOmraade: (Behandlingstid & { naevnType: string; sagsomraade: string })[]
}

/**
 * 3. Processing time (filed → decided) of the cases decided within [fra, til], both
 * days included. A case is decided at its FIRST journal entry that sets the status
 * 'afgjort'; a later one (a re-registration) moves neither its day nor its window.
 */
export async function behandlingstider(
  db: Kysely<DB>,
  p: Principal,
  naevnIds: readonly string[],
  periode: { fra: Dato; til: Dato },
): Promise<BehandlingstiderResultat> {
  const ids = ledteAf(p, naevnIds)
  if (ids.length === 0) return { total: { antal: 0, median: null, p90: null }, prNaevn: [], prOmraade: [] }

  const afgjorte = sagerIOmfang(db, p, ids)
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('journal')
          .select('journal.tidspunkt')
          .whereRef('journal.sag_id', '=', 'sager.id')
          .where('journal.handling', '=', 'status')
          .where('journal.til_status', '=', 'afgjort')
          .orderBy('journal.tidspunkt')
          .orderBy('journal.id')
          .limit(1)
          .as('afgoerelse'),
      (join) => join.onTrue(),
    )
    .where(danskDato(sql.ref('afgoerelse.tidspunkt')), '>=', sql<Dato>`${periode.fra}::date`)
    .where(danskDato(sql.ref('afgoerelse.tidspunkt')), '<=', sql<Dato>`${periode.til}::date`)
    .select([
      'sager.naevn_id',
      'sager.sagsomraader',
      sql<number>`${danskDato(sql.ref('afgoerelse.tidspunkt'))} - ${danskDato(sql.ref('sager.indbragt'))}`.as('dage'),
    ])

  const maal = {
    antal: sql<number>`count(*)::int`,
    median: sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY dage)`,
    p90: sql<number | null>`percentile_cont(0.9) WITHIN GROUP (ORDER BY dage)`,
  }

  const [naevnRows, omraadeRows] = await Promise.all([
    // One pass gives each board's row and the total row (GROUPING SETS).
    db
      .with('afgjorte', () => afgjorte)
      .selectFrom('afgjorte')
      .select([
        'afgjorte.naevn_id',
        sql<number>`grouping(afgjorte.naevn_id)`.as('er_total'),
        maal.antal.as('antal'),
        maal.median.as('median'),
        maal.p90.as('p90'),
      ])
      .groupBy(sql`GROUPING SETS ((afgjorte.naevn_id), ())`)
      .execute(),
    db
      .with('afgjorte', () => afgjorte)
      .with('omraader', (qc) =>
        qc
          .selectFrom('afgjorte')
          .innerJoin('naevn', 'naevn.id', 'afgjorte.naevn_id')
          .select(['naevn.type as naevn_type', sql<string>`unnest(afgjorte.sagsomraader)`.as('sagsomraade'), 'afgjorte.dage']),
      )
      .selectFrom('omraader')
      .select(['omraader.naevn_type', 'omraader.sagsomraade', maal.antal.as('antal'), maal.median.as('median'), maal.p90.as('p90')])
      .groupBy(['omraader.naevn_type', 'omraader.sagsomraade'])
      .orderBy('omraader.naevn_type')
      .orderBy('omraader.sagsomraade')
      .execute(),
  ])

  const tid = (r: { antal: number; median: number | null; p90: number | null }): Behandlingstid => ({ antal: r.antal, median: r.median, p90: r.p90 })
  const totalRow = naevnRows.find((r) => r.er_total === 1)
  return {
    total: totalRow ? tid(totalRow) : { antal: 0, median: null, p90: null },
    prNaevn: naevnRows.filter((r) => r.er_total === 0 && r.naevn_id !== null).map((r) => ({ naevnId: r.naevn_id!, ...tid(r) })),
    prOmraade: omraadeRows.map((r) => ({ naevnType: r.naevn_type, sagsomraade: r.sagsomraade, ...tid(r) })),
  }
}

export interface OverskredetFrist {
  id: string
  sagsnummer: string | null
  naevnNavn: string
  vejnavn: string | null
  husnummer: string | null
  etage: string | null
  doer: string | null
  postnr: string | null
  by: string | null
  indbragt: Date
  dageOverskredet: number
}

/**
 * 4. Filed cases still in status 'indbragt' after their forwarding deadline (stored when
 * filed: lov om boligforhold § 82, stk. 3, in working days) on the day `idag`, most
 * overdue first; the days overdue are calendar days past that deadline. `antal` counts all of
 * them; the list holds at most `limit`.
 */
export async function overskredneFrister(
  db: Kysely<DB>,
  p: Principal,
  naevnIds: readonly string[],
  idag: Dato,
  limit = 200,
): Promise<{ antal: number; sager: OverskredetFrist[] }> {
  const ids = ledteAf(p, naevnIds)
  if (ids.length === 0) return { antal: 0, sager: [] }
  const overskredet = sql<number>`(${idag}::date - sager.frist_fremsendelse)`
  const rows = await sagerIOmfang(db, p, ids)
    .innerJoin('naevn', 'naevn.id', 'sager.naevn_id')
    .where('sager.status', '=', 'indbragt')
    .where('sager.frist_fremsendelse', '<', idag)
    .select([
      'sager.id',
      'sager.sagsnummer',
      'naevn.navn as naevn_navn',
      ...adresseKolonner,
      'sager.indbragt',
      overskredet.as('dage_overskredet'),
      sql<number>`(count(*) OVER ())::int`.as('antal'),
    ])
    .orderBy('dage_overskredet', 'desc')
    .orderBy('sager.indbringelsesnummer')
    .limit(limit)
    .execute()
  return {
    antal: rows[0]?.antal ?? 0,
    sager: rows.map((r) => ({
      id: r.id,
      sagsnummer: r.sagsnummer,
      naevnNavn: r.naevn_navn,
      vejnavn: r.vejnavn,
      husnummer: r.husnummer,
      etage: r.etage,
      doer: r.doer,
      postnr: r.postnr,
      by: r.by,
      indbragt: r.indbragt as Date,
      dageOverskredet: r.dage_overskredet,
    })),
  }
}
