// The afgørelsesregister's search (server/modules/register/soegning.ts) touches a
// bounded number of rows whatever a query matches. Two indexes make that possible:
//   - a sample bucket per decision, 0–1023 from a multiplicative (Knuth) hash of the id:
//     counts and facets of a large match set are estimated from the matches in the
//     first few buckets, a uniform sample with no period in the ids (a plain id % 1024
//     would follow any regularity in how rows were inserted);
//   - the laws a decision cites, so "lejeloven" (every § of the law) is one GIN look-up
//     like "lejeloven:§106" already is.
// Frozen in time.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX register_afgoerelser_stikproeve_idx ON register_afgoerelser ((((id * 2654435761) & 4294967295) >> 22))`.execute(db)
  // 'lejeloven:§106' → 'lejeloven'. IMMUTABLE: it reads only its argument.
  await sql`
    CREATE FUNCTION register_love(statute_keys text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY(SELECT DISTINCT split_part(k, ':', 1) FROM unnest(statute_keys) AS k)`.execute(db)
  await sql`CREATE INDEX register_afgoerelser_love_idx ON register_afgoerelser USING gin (register_love(statute_keys))`.execute(db)
  // An expression index has no statistics until ANALYZE; without them the planner takes
  // "bucket < 1" for a third of the table and scans it.
  await sql`ANALYZE register_afgoerelser`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX register_afgoerelser_love_idx`.execute(db)
  await sql`DROP FUNCTION register_love(text[])`.execute(db)
  await sql`DROP INDEX register_afgoerelser_stikproeve_idx`.execute(db)
}
