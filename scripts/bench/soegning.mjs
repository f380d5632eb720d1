// Bench "soegning": the afgørelsesregister's search (server/modules/register/soegning.ts)
// on a register filled by the bulk seed, at 20 concurrent connections (autocannon), over
// the real public page GET /afgoerelser?q=… (HTML, the app built from dist/). Every
// target is a ratio measured in this run:
//
//   almindelige-vs-sjaeldne-p95   p95 of the common words (husleje, lejemål, udlejer,
//       nævnet: in 80–97 % of the decisions) against the rare ones (0.2–1.5 %), at
//       200,000 decisions; target ≤ 2
//   vaekst-p95                    p95 of the same query mix at 200,000 against 20,000
//       decisions; target ≤ 2
//   weblag-rps                    requests/s over HTTP against the same queries as
//       soeg() calls straight through the app's pg pool in the same process, 20 at a
//       time; target ≥ 0.5
// Each query is sent sorted by relevance and by date. Absolute figures (p50/p95/p99,
// req/s) follow on each line.
//
// The two registers (20,000 and 200,000 decisions) take ~4 minutes to load, so they are
// kept between runs as naevn_soegbench_<hash>_<antal>, the hash over the migrations and
// the bulk seed's sources: a change to either loads afresh (and drops the old ones).
// Delete them with DROP DATABASE when done.
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { benchAppEnv, measureLoad, quantile, resultLine, rotation, runCleanups, serveAsChild, startChild, withDatabase } from './lib.mjs'

const BENCH = 'soegning'
const LOAD = { connections: 20, duration: 8, warmup: 2 }
const STOERRELSER = [20_000, 200_000]
const thisFile = fileURLToPath(import.meta.url)

export async function run({ root, env, services, log, emit }) {
  const dist = (...parts) => pathToFileURL(join(root, 'dist', ...parts)).href
  const { hyppigeOrd, saeldneOrd } = await import(dist('scripts', 'seed-bulk', 'tekst.js'))
  const { loadConfig } = await import(dist('server', 'platform', 'config.js'))
  try {
    const hash = kildeHash(root)
    const urls = {}
    for (const antal of STOERRELSER) urls[antal] = await register({ root, dist, env, databaseUrl: services.databaseUrl, hash, antal, log })

    // One prefix and one set of secrets for the servers on each register size.
    const faelles = await benchAppEnv({ env, services, databaseUrl: '', prefix: 'soeg' })
    const appEnv = (url) => ({ ...faelles, DATABASE_URL: url })
    for (const antal of STOERRELSER) loadConfig(appEnv(urls[antal]))

    const host = startChild(thisFile, { name: 'soege-serveren' })
    const porte = await host.call('start', { root, apps: STOERRELSER.map((antal) => ({ navn: String(antal), env: appEnv(urls[antal]) })) }, 120_000)

    const almindelige = hyppigeOrd
    const sjaeldne = saeldneOrd.map(([ord]) => ord).filter((o) => !['rottebekæmpelse', 'tagterrasse'].includes(o))
    const sti = (q, sortering) => `/afgoerelser?q=${encodeURIComponent(q)}&sortering=${sortering}`
    const saet = (ord) => ord.flatMap((q) => [sti(q, 'relevans'), sti(q, 'dato')])
    const blandet = [...saet(almindelige), ...saet(sjaeldne)]

    // Check the route once per size: the real page, with hits.
    for (const antal of STOERRELSER) {
      const res = await fetch(`http://127.0.0.1:${porte[antal]}${sti('skimmelsvamp', 'relevans')}`)
      const body = await res.text()
      if (res.status !== 200 || !body.includes('<mark>')) throw new Error(`GET /afgoerelser?q=skimmelsvamp på ${antal} afgørelser gav ${res.status} uden fremhævede hits.`)
    }
    log('Måler GET /afgoerelser?q= (den offentlige søgeside, HTML) med 20 forbindelser')

    const maal = (title, antal, stier) =>
      measureLoad({ title, url: `http://127.0.0.1:${porte[antal]}/`, ...LOAD, setupClient: rotation(stier) })
    const extra = (m) => ({ p50: rund(m.p50), p95: rund(m.p95), p99: rund(m.p99), rps: rund(m.rps), requests: m.count })

    // 1. Common words as fast as rare ones (200,000).
    const alm = await maal('200k almindelige ord', 200_000, saet(almindelige))
    const sj = await maal('200k sjældne ord', 200_000, saet(sjaeldne))
    emit(
      resultLine({ bench: BENCH, case: 'almindelige-vs-sjaeldne-p95', value: alm.p95, unit: 'ms', baseline: sj.p95, digits: 2, target: '≤ 2', route: 'GET /afgoerelser?q=', decisions: 200_000, connections: LOAD.connections, seconds: LOAD.duration, baselineCase: `sjaeldne-ord-${sjaeldne.length}`, almindelige: extra(alm), sjaeldne: extra(sj) }),
    )

    // 2. Growth: the same mix at 20,000 and 200,000.
    const lille = await maal('20k blandet', 20_000, blandet)
    const stor = await maal('200k blandet', 200_000, blandet)
    emit(resultLine({ bench: BENCH, case: 'vaekst-p95', value: stor.p95, unit: 'ms', baseline: lille.p95, digits: 2, target: '≤ 2', route: 'GET /afgoerelser?q=', baselineCase: 'samme-blanding-20000-afgoerelser', connections: LOAD.connections, seconds: LOAD.duration, ved200000: extra(stor), ved20000: extra(lille) }))

    // 3. The web layer: soeg() straight through the app's pool, same queries, 20 at a time.
    const direkte = await host.call('direkte', { navn: String(200_000), stier: blandet, samtidige: LOAD.connections, sekunder: LOAD.duration, opvarmning: LOAD.warmup }, 120_000)
    log(`  soeg() direkte: ${direkte.rps.toFixed(1)} kald/s, p50 ${direkte.p50.toFixed(2)} ms, p95 ${direkte.p95.toFixed(2)} ms, p99 ${direkte.p99.toFixed(2)} ms`)
    emit(
      resultLine({ bench: BENCH, case: 'weblag-rps', value: stor.rps, unit: 'req/s', baseline: direkte.rps, target: '≥ 0.5', route: 'GET /afgoerelser?q=', baselineCase: 'soeg()-direkte-via-pg-20-samtidige', decisions: 200_000, http: extra(stor), direkte: { p50: rund(direkte.p50), p95: rund(direkte.p95), p99: rund(direkte.p99), rps: rund(direkte.rps), calls: direkte.count } }),
    )
  } finally {
    await runCleanups()
  }
}

const rund = (n) => Number(n.toFixed(2))

export function kildeHash(root) {
  const h = createHash('sha256')
  const filer = (dir) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.ts')).sort().map((f) => join(dir, f))
  for (const f of [...filer('migrations'), ...filer('scripts/seed-bulk'), 'scripts/seed-bulk.ts']) h.update(f).update(readFileSync(join(root, f)))
  return h.digest('hex').slice(0, 10)
}

/** The register of `antal` decisions for this hash: kept from an earlier run, or made now. */
export async function register({ root, dist, env, databaseUrl, hash, antal, log }) {
  const { default: pg } = await import('pg')
  const navn = `naevn_soegbench_${hash}_${antal}`
  const admin = new pg.Client({ connectionString: withDatabase(databaseUrl, 'postgres') })
  await admin.connect()
  try {
    const { rows } = await admin.query(`SELECT datname, shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname LIKE 'naevn\\_soegbench\\_%'`)
    for (const r of rows) {
      const forAeldet = !r.datname.startsWith(`naevn_soegbench_${hash}_`)
      if (forAeldet || (r.datname === navn && r.note !== 'komplet')) {
        log(`Fjerner ${forAeldet ? 'forældet' : 'ufærdig'} søge-database ${r.datname}`)
        await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`)
      }
    }
    if (rows.some((r) => r.datname === navn && r.note === 'komplet')) {
      log(`Genbruger ${navn} (samme migrationer og bulk-seed)`)
      return withDatabase(databaseUrl, navn)
    }
    await admin.query(`CREATE DATABASE "${navn}"`)
  } finally {
    await admin.end()
  }
  const url = withDatabase(databaseUrl, navn)
  log(`Opretter ${navn}: migrering, referencedata og ${antal.toLocaleString('da-DK')} afgørelser (npm run seed:bulk)…`)
  const { createDatabase } = await import(dist('server', 'platform', 'db', 'database.js'))
  const { migrateToLatest } = await import(dist('server', 'platform', 'db', 'migrate.js'))
  const { seed } = await import(dist('scripts', 'seed', 'seed.js'))
  const { loadConfig } = await import(dist('server', 'platform', 'config.js'))
  const db = createDatabase(url, 2)
  try {
    await migrateToLatest(db)
    const referenceDataDir = loadConfig({ DATABASE_URL: url, SESSION_SECRET: 'x'.repeat(32), CPR_ENCRYPTION_KEY: randomBytes(32).toString('base64'), ...(env.REFERENCE_DATA_DIR ? { REFERENCE_DATA_DIR: env.REFERENCE_DATA_DIR } : {}) }).referenceDataDir
    await seed(db, { referenceDataDir, demo: false })
  } finally {
    await db.destroy()
  }
  const started = performance.now()
  // seed:bulk loads the whole config, whose secrets it does not use: a clone without a .env
  // (no npm start yet) has none, so give it throwaway ones (the real environment's win).
  const secrets = { SESSION_SECRET: randomBytes(32).toString('hex'), CPR_ENCRYPTION_KEY: randomBytes(32).toString('base64') }
  const r = spawnSync(process.execPath, [join(root, 'dist', 'scripts', 'seed-bulk.js'), '--database', url, '--antal', String(antal)], {
    cwd: root,
    stdio: ['ignore', 2, 2],
    env: { ...secrets, ...env },
  })
  if (r.status !== 0) throw new Error(`seed:bulk fejlede for ${navn} (exit ${r.status ?? r.signal}).`)
  log(`${navn} fyldt på ${((performance.now() - started) / 1000).toFixed(0)} s`)
  const c = new pg.Client({ connectionString: withDatabase(databaseUrl, 'postgres') })
  await c.connect()
  await c.query(`COMMENT ON DATABASE "${navn}" IS 'komplet'`)
  await c.end()
  return url
}


// ---------------------------------------------------------------------------
// The child process (this file, forked): the apps, one per register, and the direct
// soeg() baseline on the same app's pool. Driven over IPC by run() above.

const apps = new Map()
let closing

async function start({ root, apps: specs }) {
  const { loadConfig } = await import(pathToFileURL(join(root, 'dist', 'server', 'platform', 'config.js')).href)
  const { buildApp } = await import(pathToFileURL(join(root, 'dist', 'server', 'app.js')).href)
  const { soeg } = await import(pathToFileURL(join(root, 'dist', 'server', 'modules', 'register', 'soegning.js')).href)
  const porte = {}
  for (const s of specs) {
    const app = await buildApp(loadConfig(s.env), { logger: false })
    await app.listen({ host: '127.0.0.1', port: 0 })
    apps.set(s.navn, { app, soeg })
    porte[s.navn] = app.server.address().port
  }
  return porte
}

/** soeg() with the page's parameters, `samtidige` loops over the paths' queries for `sekunder`. */
async function direkte({ navn, stier, samtidige, sekunder, opvarmning }) {
  const { app, soeg } = apps.get(navn)
  const parametre = stier.map((s) => {
    const u = new URL(s, 'http://x')
    return { q: u.searchParams.get('q'), sortering: u.searchParams.get('sortering'), side: 1, perSide: 20 }
  })
  const loop = async (ms, latencies) => {
    const start = performance.now()
    let count = 0
    await Promise.all(
      Array.from({ length: samtidige }, async (_, i) => {
        let j = i
        while (performance.now() - start < ms) {
          const t = performance.now()
          await soeg(app.db, parametre[j++ % parametre.length])
          latencies?.push(performance.now() - t)
          count++
        }
      }),
    )
    return { count, ms: performance.now() - start }
  }
  await loop(opvarmning * 1000)
  const latencies = []
  const { count, ms } = await loop(sekunder * 1000, latencies)
  return { rps: (count * 1000) / ms, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), p99: quantile(latencies, 0.99), count }
}

function close() {
  closing ??= Promise.all([...apps.values()].map(({ app }) => app.close()))
  return closing
}

if (process.argv[1] === thisFile && process.send) serveAsChild({ start, direkte, close }, close)
