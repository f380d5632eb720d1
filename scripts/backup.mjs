// Backup and restore check (README, "Backup og gendannelse").
//
//   npm run backup -- <fil.dump>          pg_dump (custom format) of DATABASE_URL, and
//                                          <fil.dump>.manifest.json with every table's row count
//   npm run restore-check -- <fil.dump>   restores the dump into a scratch database and checks
//                                          it: the row counts match the manifest, every stored
//                                          document's SHA-256 matches its bytes, every final
//                                          decision version's hash matches its PDF; then drops
//                                          the scratch database (--behold keeps it)
//
// Exits 0 when all is well, 1 with one sentence per problem otherwise. Uses the PostgreSQL
// client tools (pg_dump, pg_restore) of the server's major version.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { readEnv } from './lib/env.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

function fail(message) {
  console.error(`Fejl: ${message}`)
  process.exit(1)
}

function withDatabase(url, name) {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' })
  if (r.error) fail(`${cmd} kunne ikke startes (${r.error.message}); installér PostgreSQL-klienten (fx apt-get install postgresql-client).`)
  if (r.status !== 0) fail(`${cmd} fejlede: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}`)
  return r.stdout
}

/** Every user table in the public schema with its exact row count. */
async function taelling(client) {
  const { rows } = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
  const ud = {}
  for (const { tablename } of rows) {
    const r = await client.query(`SELECT count(*)::bigint AS n FROM "${tablename.replaceAll('"', '""')}"`)
    ud[tablename] = Number(r.rows[0].n)
  }
  return ud
}

/** The checks that need the data itself; returns one sentence per problem. */
export async function konsistens(client) {
  const problemer = []
  const blobs = await client.query(`SELECT sha256 FROM document_blobs WHERE encode(sha256(indhold), 'hex') <> sha256`)
  for (const b of blobs.rows) problemer.push(`Dokumentet ${b.sha256} har ikke det indhold, dets SHA-256 siger.`)
  const dok = await client.query(`SELECT d.id FROM dokumenter d LEFT JOIN document_blobs b ON b.sha256 = d.sha256 WHERE b.sha256 IS NULL`)
  for (const d of dok.rows) problemer.push(`Dokumentet ${d.id} peger på indhold, der mangler.`)
  const versioner = await client.query(
    `SELECT v.afgoerelse_id, v.nr FROM afgoerelse_versioner v JOIN dokumenter d ON d.id = v.dokument_id WHERE d.sha256 <> v.sha256`,
  )
  for (const v of versioner.rows) problemer.push(`Afgørelse ${v.afgoerelse_id} version ${v.nr}: den gemte SHA-256 passer ikke til PDF'en.`)
  return problemer
}

export async function dump(url, fil) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  let manifest
  try {
    // Counted in the same snapshot the dump will see as far as possible: taken just before.
    manifest = { database: new URL(url).pathname.slice(1), tidspunkt: new Date().toISOString(), taelling: await taelling(client) }
  } finally {
    await client.end()
  }
  run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${fil}`, url])
  writeFileSync(`${fil}.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

export async function tjek(url, fil, o = {}) {
  if (!existsSync(fil)) fail(`Filen ${fil} findes ikke.`)
  const manifestFil = `${fil}.manifest.json`
  const manifest = existsSync(manifestFil) ? JSON.parse(readFileSync(manifestFil, 'utf8')) : null
  const navn = `naevn_gendan_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${navn}"`)
  const problemer = []
  try {
    run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${withDatabase(url, navn)}`, fil])
    const client = new pg.Client({ connectionString: withDatabase(url, navn) })
    await client.connect()
    try {
      if (manifest) {
        const nu = await taelling(client)
        for (const [tabel, n] of Object.entries(manifest.taelling)) {
          if (nu[tabel] !== n) problemer.push(`Tabellen ${tabel} har ${nu[tabel] ?? 0} rækker efter gendannelsen, ${n} ved backup.`)
        }
      } else problemer.push(`Manifestet ${manifestFil} mangler, så rækketallene kan ikke kontrolleres.`)
      problemer.push(...(await konsistens(client)))
    } finally {
      await client.end()
    }
  } finally {
    if (!o.behold) await admin.query(`DROP DATABASE IF EXISTS "${navn}" WITH (FORCE)`)
    await admin.end()
  }
  return { problemer, database: navn }
}

async function main() {
  const [kommando, fil, ...flag] = process.argv.slice(2)
  const env = readEnv(root)
  const url = env.DATABASE_URL
  if (!url) fail('DATABASE_URL er ikke sat (i miljøet eller .env).')
  if (!fil || !['dump', 'tjek'].includes(kommando)) fail('Brug: npm run backup -- <fil.dump>  eller  npm run restore-check -- <fil.dump> [--behold]')
  const sti = resolve(process.cwd(), fil)
  if (kommando === 'dump') {
    const m = await dump(url, sti)
    const rows = Object.values(m.taelling).reduce((a, b) => a + b, 0)
    console.log(`Backup skrevet til ${sti} (${Object.keys(m.taelling).length} tabeller, ${rows} rækker); manifest i ${sti}.manifest.json.`)
    return
  }
  const { problemer, database } = await tjek(url, sti, { behold: flag.includes('--behold') })
  if (problemer.length > 0) {
    for (const p of problemer) console.error(`Fejl: ${p}`)
    process.exit(1)
  }
  console.log(`Gendannelsen er kontrolleret: rækketal og alle dokumenters SHA-256 stemmer${flag.includes('--behold') ? ` (databasen ${database} er beholdt)` : ''}.`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => fail(err instanceof Error ? err.message : String(err)))
}
