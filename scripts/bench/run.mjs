// npm run bench [-- <name> ...]: the benchmarks in scripts/bench/, all of them or the
// named ones. Same set-up as npm start/npm test (dependencies, PostgreSQL, Redis), then
// a build to dist/, then each bench. Only the result lines (one JSON object each) go to
// stdout; progress and errors go to stderr. Exits non-zero when anything fails.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { emit, log, runCleanups } from './lib.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')

/** name → module in scripts/bench/ exporting `run(ctx)`. */
const benches = {
  http: './http.mjs',
  dokument: './dokument.mjs',
  anonymisering: './anonymisering.mjs',
  soegning: './soegning.mjs',
  'register-sider': './register-sider.mjs',
  blandet: './blandet.mjs',
  hukommelse: './hukommelse.mjs',
}

// Whatever happens, a bench run must stop by itself.
// soegning loads two registers (~5 minutes) the first time; later runs reuse them.
// blandet takes ~2.5 minutes and hukommelse (100,000 requests) ~5–10.
const RUN_DEADLINE_MS = 40 * 60 * 1000
const BUILD_TIMEOUT_MS = 5 * 60 * 1000

function fail(err) {
  log(`Fejl: ${err instanceof Error ? err.message : String(err)}`)
  if (err instanceof Error && process.env.BENCH_DEBUG && err.stack) process.stderr.write(`${err.stack}\n`)
  process.exitCode = 1
}

async function stopOnSignal(signal) {
  log(`${signal}: rydder op…`)
  await runCleanups()
  process.exit(signal === 'SIGINT' ? 130 : 143)
}
process.once('SIGINT', stopOnSignal)
process.once('SIGTERM', stopOnSignal)

const watchdog = setTimeout(async () => {
  log(`Benchmarken nåede ikke at blive færdig inden ${RUN_DEADLINE_MS / 60000} minutter; stopper.`)
  await runCleanups()
  process.exit(1)
}, RUN_DEADLINE_MS)
watchdog.unref()

/**
 * npm install (when node_modules is stale) prints to stdout; it runs in a child whose
 * stdout is our stderr, so stdout keeps only the result lines.
 */
function ensureDependenciesQuietly() {
  const deps = pathToFileURL(join(root, 'scripts', 'lib', 'deps.mjs')).href
  const code = `
    import { ensureDependencies } from ${JSON.stringify(deps)}
    try {
      await ensureDependencies({ root: ${JSON.stringify(root)}, log: (l) => console.error('» ' + l) })
    } catch (err) {
      console.error('» Fejl: ' + (err instanceof Error ? err.message : String(err)))
      process.exit(1)
    }`
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, stdio: ['ignore', 2, 2] })
  if (result.error) throw new Error(`Afhængighedstjekket kunne ikke startes: ${result.error.message}`)
  if (result.status !== 0) throw new Error('npm-afhængighederne kunne ikke installeres (se ovenfor).')
}

function build() {
  log('Bygger (tsc -p tsconfig.json)…')
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
    timeout: BUILD_TIMEOUT_MS,
  })
  if (result.error) throw new Error(`tsc kunne ikke køres: ${result.error.message}`)
  // Measuring code that does not type-check would give figures nobody can trust.
  if (result.status !== 0) throw new Error(`tsc fejlede (exit ${result.status ?? result.signal}).`)
}

async function main() {
  const requested = process.argv.slice(2).filter((a) => a !== '--')
  const unknown = requested.filter((name) => !(name in benches))
  if (unknown.length > 0) {
    throw new Error(`Ukendt benchmark: ${unknown.join(', ')} (findes: ${Object.keys(benches).join(', ')}).`)
  }
  const names = requested.length > 0 ? [...new Set(requested)] : Object.keys(benches)

  ensureDependenciesQuietly()
  const { readEnv } = await import('../lib/env.mjs')
  const { ensureServices } = await import('../lib/services.mjs')
  const env = readEnv(root)
  const services = await ensureServices({ env, log })
  build()

  for (const name of names) {
    log(`Benchmark "${name}"…`)
    const started = Date.now()
    const mod = await import(benches[name])
    await mod.run({ root, env, services, log, emit })
    log(`Benchmark "${name}" færdig på ${Math.round((Date.now() - started) / 1000)} s.`)
  }
}

try {
  await main()
} catch (err) {
  fail(err)
} finally {
  await runCleanups()
  clearTimeout(watchdog)
}
// Every server, pool and client is closed by now; exit without waiting on stray timers.
process.exit(process.exitCode ?? 0)
