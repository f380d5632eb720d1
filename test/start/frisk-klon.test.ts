// A board or contributor clones the repository into an empty folder and runs npm start.
// This clones the committed HEAD into a temporary folder with nothing beside it (no
// shared/ folder, no .env, no dist/), runs the real scripts/start.mjs there (installing is
// reused: node_modules is linked from this checkout) against a database of its own,
// and proves the set-up steps (environment file, build, migrate, seed), the server's
// /readyz and a demo login work.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { projectRoot } from '../../server/platform/config.js'
// @ts-expect-error -- a plain .mjs script without types: the benches' way of logging in over HTTP
import { csrfOf, login } from '../../scripts/bench/lib.mjs'
import { freePort } from '../helpers/redis-server.js'
import { withDatabase } from '../helpers/urls.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'naevn-klon-'))
const klon = path.join(tmp, 'naevn')
// The global set-up drops naevn_t_<pid>_… databases whose process is gone.
const dbName = `naevn_t_${process.pid}_frisk_klon`
let start: ChildProcess | undefined
let output = ''
let appUrl = ''

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: withDatabase(inject('databaseUrl'), 'postgres') })
  await c.connect()
  try {
    return await fn(c)
  } finally {
    await c.end()
  }
}

/** Resolves when start.mjs has printed its ready line; rejects when it exits first. */
function untilReady(child: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start blev ikke klar på ${ms / 1000} s:\n${output.slice(-4000)}`)), ms)
    const onData = (d: Buffer) => {
      output += d.toString()
      if (output.includes('Nævn kører på')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`npm start stoppede (${signal ?? `exit ${code}`}) i en frisk klon:\n${output.slice(-4000)}`))
    })
  })
}

beforeAll(async () => {
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', projectRoot, klon], { stdio: 'pipe' })
  // Installing is reused: the checkout's node_modules, and package files no newer than it,
  // so start.mjs's dependency step finds nothing to do.
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(klon, 'node_modules'), 'dir')
  const installed = statSync(path.join(projectRoot, 'node_modules', '.package-lock.json')).mtime
  const before = new Date(installed.getTime() - 60_000)
  for (const f of ['package.json', 'package-lock.json']) utimesSync(path.join(klon, f), before, before)

  await admin((c) => c.query(`CREATE DATABASE "${dbName}"`))
  const port = await freePort()
  const idpPort = await freePort()
  appUrl = `http://127.0.0.1:${port}`
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmp,
    DATABASE_URL: withDatabase(inject('databaseUrl'), dbName),
    REDIS_URL: inject('redisUrl'),
    QUEUE_PREFIX: `frisk-klon-${process.pid}`,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: appUrl,
    LOKAL_IDP_PORT: String(idpPort),
    WORKER_METRICS_PORT: '0',
    LOG_LEVEL: 'warn',
  }
  start = spawn(process.execPath, ['scripts/start.mjs'], { cwd: klon, env, stdio: ['ignore', 'pipe', 'pipe'] })
  await untilReady(start, 400_000)
}, 420_000)

afterAll(async () => {
  if (start && start.exitCode === null && start.signalCode === null) {
    await new Promise((r) => {
      const kill = setTimeout(() => start!.kill('SIGKILL'), 20_000)
      start!.once('exit', () => r(clearTimeout(kill)))
      start!.kill('SIGTERM')
    })
  }
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`))
  rmSync(tmp, { recursive: true, force: true })
}, 60_000)

describe('a fresh clone with nothing beside it', () => {
  it('when npm start runs there, then it builds, migrates and seeds from the repository’s own files and prints the demo logins', () => {
    expect(existsSync(path.join(tmp, 'shared'))).toBe(false)
    expect(existsSync(path.join(klon, '.env'))).toBe(true)
    expect(existsSync(path.join(klon, 'dist', 'server', 'server.js'))).toBe(true)
    expect(output).toContain('demo-adgangskode')
    expect(output).not.toMatch(/REFERENCE_DATA_DIR/)
  })

  it('when the server is asked if it is ready, then it answers 200', async () => {
    const res = await fetch(`${appUrl}/readyz`)
    expect(res.status).toBe(200)
  })

  it('when a demo caseworker logs in, then the inbox opens with the seeded cases', async () => {
    const csrf = await csrfOf(appUrl)
    const session = await login(appUrl, csrf, { email: 'sagsbehandler1.kbh@demo.naevn.dk', password: 'demo-adgangskode' })
    const res = await fetch(`${appUrl}/sagsbehandling`, { headers: { cookie: `${session}; ${csrf.cookie}` }, redirect: 'manual' })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('101-')
  })

  it('when the public register is searched, then the law texts and municipalities from data/ are there', async () => {
    const res = await fetch(`${appUrl}/afgoerelser`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('København')
  })
})
