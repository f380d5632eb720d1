// npm start: from a fresh clone to a running system. Installs dependencies, makes sure
// PostgreSQL and Redis answer (starting or installing local ones when none is
// configured), builds, migrates, seeds demo data, then runs the server and the workers
// until Ctrl-C, which stops both cleanly.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureDependencies } from './lib/deps.mjs'
import { ensureEnvFile, readEnv } from './lib/env.mjs'
import { fail, run } from './lib/steps.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const log = (line) => console.log(`» ${line}`)

let env
let seedOutput = ''
try {
  await ensureDependencies({ root, log })
  ensureEnvFile(root, log)
  const { ensureServices } = await import('./lib/services.mjs')
  const services = await ensureServices({ env: readEnv(root), log })
  env = { ...process.env, DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl }
  log('Bygger (tsc)…')
  run('Byggeriet', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: root, env })
  run('Migreringen', process.execPath, ['dist/scripts/migrate.js'], { cwd: root, env })
  seedOutput = run('Seedningen', process.execPath, ['dist/scripts/seed.js'], { cwd: root, env, capture: true })
} catch (err) {
  fail(err)
}

const children = new Map()
let stopping = false

function launch(name, script) {
  const child = spawn(process.execPath, [script], { cwd: root, env, stdio: 'inherit' })
  children.set(name, child)
  child.on('exit', (code, signal) => {
    children.delete(name)
    if (!stopping) {
      console.error(`\nFejl: ${name} stoppede uventet (${signal ?? `exit ${code}`}); stopper resten.`)
      stop(1)
    } else if (children.size === 0) process.exit(process.exitCode ?? 0)
  })
}

function stop(code = 0) {
  if (stopping) return
  stopping = true
  process.exitCode = code
  for (const child of children.values()) child.kill('SIGTERM')
  if (children.size === 0) process.exit(code)
}

process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

const envFile = readEnv(root)
// Without a real NemLog-in broker, the local identity provider stands in for MitID.
const lokalIdp = !(process.env.OIDC_ISSUER ?? envFile.OIDC_ISSUER)
if (lokalIdp) launch('den lokale identitetsudbyder', 'dist/server/lokal-idp.js')
launch('serveren', 'dist/server/server.js')
launch('workerne', 'dist/workers/main.js')

const publicUrl = (envFile.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/$/, '')
const healthUrl = `http://${envFile.HOST ?? '127.0.0.1'}:${envFile.PORT ?? '3000'}/readyz`
for (let i = 0; i < 120 && !stopping; i++) {
  try {
    const res = await fetch(healthUrl)
    if (res.ok) {
      console.log(`\n${seedOutput.trim()}\n\nNævn kører på ${publicUrl}  (API-dokumentation: ${publicUrl}/api/docs)${lokalIdp ? `\n"Log ind med MitID" bruger den lokale demo-identitetsudbyder (port ${envFile.LOKAL_IDP_PORT ?? '3001'}): vælg en demoperson.` : ''}\nStop med Ctrl-C.\n`)
      break
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 500))
}
