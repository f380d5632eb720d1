// npm test: the same set-up as npm start (dependencies, PostgreSQL, Redis), then the
// linter, the type check and the whole Vitest suite against the real services. Ends
// with one line "Tests: N passed, N failed".
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawnSync } from 'node:child_process'
import { ensureDependencies } from './lib/deps.mjs'
import { readEnv } from './lib/env.mjs'
import { fail, run } from './lib/steps.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const log = (line) => console.log(`» ${line}`)
const bin = (pkg, file) => join(root, 'node_modules', pkg, file)

let env
try {
  await ensureDependencies({ root, log })
  const { ensureServices } = await import('./lib/services.mjs')
  const services = await ensureServices({ env: readEnv(root), log })
  const { ensureChromium } = await import('./lib/chromium.mjs')
  const chromium = ensureChromium({ log })
  const { ensureTestTools } = await import('./lib/test-tools.mjs')
  ensureTestTools({ log })
  env = { ...process.env, TEST_DATABASE_URL: services.databaseUrl, TEST_REDIS_URL: services.redisUrl, CHROMIUM_PATH: chromium }
  log('Lint (eslint)…')
  run('Linteren', process.execPath, [bin('eslint', 'bin/eslint.js'), '.'], { cwd: root, env })
  log('Typetjek (tsc)…')
  run('Typetjekket', process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.test.json'], { cwd: root, env })
} catch (err) {
  fail(err)
}

log('Tester (vitest)…')
mkdirSync(join(root, 'var'), { recursive: true })
const resultsFile = join(root, 'var', 'test-results.json')
const vitest = spawnSync(
  process.execPath,
  [bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...process.argv.slice(2)],
  { cwd: root, env, stdio: 'inherit' },
)
if (existsSync(resultsFile)) {
  const r = JSON.parse(readFileSync(resultsFile, 'utf8'))
  console.log(`\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)
}
process.exit(vitest.status ?? 1)
