// The public statistics per board and year. These queries read the case tables (sager,
// afgoerelser), which the public never sees row by row: they return ONLY aggregates per
// board and year (counts and a median), never an id, a text, a reason for withholding,
// a date or anything else of a single case. Keep it that way (server/kerne/access/offentlig.ts).
//
// A decision counts when it has a final version (afgoerelse_versioner) and a decision
// date; its year is the year of that date. Withheld: publicering 'fravalgt' (never
// published) or 'trukket_tilbage' (withdrawn) — counted, the reasons never shown.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'

export interface NaevnAarStatistik {
  naevnId: string
  naevnNavn: string
  naevnType: string
  aar: number
  afgjort: number
  publiceret: number
  fravalgt: number
  trukketTilbage: number
  udfald: Record<string, number>
  /** Days from filing to decision; null without a filing date. */
  medianDage: number | null
}

const UDFALD = ['IN_FAVOUR', 'IN_PARTIAL_FAVOUR', 'REJECTED', 'DISMISSED', 'SETTLEMENT', 'NOT_SET'] as const

/** The years with final decisions, newest first. */
export async function statistikAar(db: Kysely<DB>): Promise<number[]> {
  const { rows } = await sql<{ aar: number }>`
    SELECT DISTINCT extract(year FROM a.afgoerelsesdato)::int AS aar
    FROM afgoerelser a
    WHERE a.afgoerelsesdato IS NOT NULL
      AND EXISTS (SELECT 1 FROM afgoerelse_versioner v WHERE v.afgoerelse_id = a.id)
    ORDER BY aar DESC`.execute(db)
  return rows.map((r) => Number(r.aar))
}

/** One row per board with final decisions in the year: counts and the median processing time. */
export async function statistikForAar(db: Kysely<DB>, aar: number): Promise<NaevnAarStatistik[]> {
  const { rows } = await sql<{
    naevn_id: string
    naevn_navn: string
    naevn_type: string
    afgjort: number
    publiceret: number
    fravalgt: number
    trukket_tilbage: number
    udfald: Record<string, number> | null
    median_dage: number | null
  }>`
    SELECT n.id AS naevn_id, n.navn AS naevn_navn, n.type AS naevn_type,
      count(*)::int AS afgjort,
      count(*) FILTER (WHERE a.publicering = 'publiceret')::int AS publiceret,
      count(*) FILTER (WHERE a.publicering = 'fravalgt')::int AS fravalgt,
      count(*) FILTER (WHERE a.publicering = 'trukket_tilbage')::int AS trukket_tilbage,
      jsonb_build_object(${sql.join(UDFALD.map((u) => sql`${u}::text, count(*) FILTER (WHERE coalesce(a.afslutningsaarsag, 'NOT_SET') = ${u})`))}) AS udfald,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY a.afgoerelsesdato - (s.indbragt AT TIME ZONE 'Europe/Copenhagen')::date)
        FILTER (WHERE s.indbragt IS NOT NULL) AS median_dage
    FROM afgoerelser a
    JOIN sager s ON s.id = a.sag_id
    JOIN naevn n ON n.id = s.naevn_id
    WHERE a.afgoerelsesdato >= make_date(${aar}::int, 1, 1) AND a.afgoerelsesdato < make_date(${aar}::int + 1, 1, 1)
      AND EXISTS (SELECT 1 FROM afgoerelse_versioner v WHERE v.afgoerelse_id = a.id)
    GROUP BY n.id, n.navn, n.type
    ORDER BY n.navn`.execute(db)
  return rows.map((r) => ({
    naevnId: r.naevn_id,
    naevnNavn: r.naevn_navn,
    naevnType: r.naevn_type,
    aar,
    afgjort: Number(r.afgjort),
    publiceret: Number(r.publiceret),
    fravalgt: Number(r.fravalgt),
    trukketTilbage: Number(r.trukket_tilbage),
    udfald: Object.fromEntries(UDFALD.map((u) => [u, Number(r.udfald?.[u] ?? 0)])),
    medianDage: r.median_dage === null ? null : Number(r.median_dage),
  }))
}

export { UDFALD }
