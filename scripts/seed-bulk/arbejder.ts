// One worker thread of the bulk seed: its own PostgreSQL connection, generating its
// share of the rows and inserting them in batches (one INSERT … SELECT FROM unnest(…)
// per batch, the decided rents right after their decisions). Two of these keep both
// cores busy: the tsvector of each row is computed by PostgreSQL on insert.
import { parentPort, workerData } from 'node:worker_threads'
import pg from 'pg'
import { lavRaekke, rng, type AfgoerelseRaekke, type Referencer } from './generator.js'

export interface ArbejderData {
  databaseUrl: string
  ref: Referencer
  /** Global row numbers [fra, til): the random seed of row n is n, so the data does not depend on the number of workers. */
  fra: number
  til: number
  /** The share of rows with a decided rent. */
  huslejeAndel: number
  batch: number
}

const kolonner = [
  ['naevn_id', 'uuid'],
  ['naevn_navn', 'text'],
  ['naevn_type', 'text'],
  ['kommunekode', 'int'],
  ['kommunenavn', 'text'],
  ['date_of_filing', 'date'],
  ['date_of_decision', 'date'],
  ['reason_for_closing', 'text'],
  ['in_favour', 'text'],
  ['submitter', 'text'],
  ['subjects', 'text[]'],
  ['subject_labels', 'text[]'],
  ['statutories', 'jsonb'],
  ['statute_keys', 'text[]'],
  ['locally_inspected', 'text'],
  ['general_public_interest', 'text'],
  ['imposition_of_fee', 'text'],
  ['titel', 'text'],
  ['tekst', 'text'],
] as const

const huslejeKolonner = [
  ['register_afgoerelse_id', 'bigint'],
  ['vejnavn', 'text'],
  ['husnummer', 'text'],
  ['etage', 'text'],
  ['doer', 'text'],
  ['postnr', 'text'],
  ['postnavn', 'text'],
  ['kommunekode', 'int'],
  ['kommunenavn', 'text'],
  ['method', 'text'],
  ['declaration', 'text'],
  ['category', 'text'],
  ['amount', 'numeric'],
  ['gross_area', 'numeric'],
  ['date_of_determination', 'date'],
  ['kr_per_m2_aar', 'numeric'],
  ['adresse_tekst', 'text'],
] as const

/** INSERT … SELECT FROM unnest($1::t1[], …): arrays of arrays go in as text literals, cast per row. */
function insertSql(tabel: string, cols: readonly (readonly [string, string])[], returning: string) {
  const params = cols.map(([, t], i) => (t.endsWith('[]') ? `$${i + 1}::text[]` : `$${i + 1}::${t}[]`))
  const select = cols.map(([n, t]) => (t.endsWith('[]') ? `u.${n}::${t}` : `u.${n}`))
  return `INSERT INTO ${tabel} (${cols.map(([n]) => n).join(', ')}) SELECT ${select.join(', ')} FROM unnest(${params.join(', ')}) AS u(${cols.map(([n]) => n).join(', ')}) ${returning}`
}

const arrayLiteral = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`

async function main(d: ArbejderData) {
  const client = new pg.Client({ connectionString: d.databaseUrl })
  await client.connect()
  try {
    // Each batch commits by itself; nothing here must wait for a disk flush.
    await client.query('SET synchronous_commit = off')
    const afgSql = insertSql('register_afgoerelser', kolonner, 'RETURNING id')
    const hlSql = insertSql('register_huslejer', huslejeKolonner, '')
    for (let start = d.fra; start < d.til; start += d.batch) {
      const slut = Math.min(d.til, start + d.batch)
      const rows: AfgoerelseRaekke[] = []
      for (let n = start; n < slut; n++) {
        const r = rng(n + 1)
        rows.push(lavRaekke(d.ref, r, r() < d.huslejeAndel))
      }
      const params = kolonner.map(([navn, t]) => rows.map((r) => (t.endsWith('[]') ? arrayLiteral(r[navn] as string[]) : r[navn])))
      const { rows: ids } = await client.query<{ id: string }>(afgSql, params)
      // One statement's identity values rise in insertion order, even with another worker
      // inserting meanwhile; sorted, they line up with the batch.
      const sorted = ids.map((x) => Number(x.id)).sort((a, b) => a - b)
      const leje = rows.flatMap((r, i) => (r.husleje ? [{ ...r.husleje, register_afgoerelse_id: sorted[i]! }] : []))
      if (leje.length > 0) await client.query(hlSql, huslejeKolonner.map(([navn]) => leje.map((l) => l[navn])))
      parentPort?.postMessage({ type: 'fremskridt', afgoerelser: rows.length, huslejer: leje.length })
    }
  } finally {
    await client.end()
  }
}

main(workerData as ArbejderData).then(
  () => parentPort?.postMessage({ type: 'faerdig' }),
  (err: unknown) => parentPort?.postMessage({ type: 'fejl', besked: err instanceof Error ? err.message : String(err) }),
)
