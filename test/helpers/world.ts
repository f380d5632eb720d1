// A test file's own world: a database cloned from the template, a unique queue prefix,
// a config built from them, and an app built from that config.
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import pg from 'pg'
import { afterAll, beforeAll, inject } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app.js'
import { loadConfig, type Config } from '../../server/platform/config.js'
import { createDatabase, type Database } from '../../server/platform/db/database.js'
import { withDatabase } from './urls.js'

export async function cloneDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `naevn_t_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: withDatabase(inject('databaseUrl'), 'postgres') })
  await admin.connect()
  try {
    // CREATE DATABASE from one template is refused while another clone copies it.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('templateDb')}"`)
        break
      } catch (err) {
        if (attempt > 20 || !String(err).includes('being accessed')) throw err
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200))
      }
    }
  } finally {
    await admin.end()
  }
  return {
    url: withDatabase(inject('databaseUrl'), name),
    async drop() {
      const c = new pg.Client({ connectionString: withDatabase(inject('databaseUrl'), 'postgres') })
      await c.connect()
      // Pools report "ended" before their connections have closed; killing those
      // backends (FORCE) would make the closing clients throw. Wait for them first.
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name])
        if (rows[0]!.n === 0) break
        await new Promise((r) => setTimeout(r, 100))
      }
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await c.end()
    },
  }
}

export function testEnv(databaseUrl: string, mailDir: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: inject('redisUrl'),
    QUEUE_PREFIX: `test-${randomBytes(6).toString('hex')}`,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    CPR_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MAIL_DIR: mailDir,
    // Digital Post messages land beside the mail folder, not in the project's var/.
    DIGITAL_POST_DIR: `${mailDir}-digitalpost`,
    LOG_LEVEL: 'silent',
    OUTBOX_POLL_MS: '200',
    // All requests come from 127.0.0.1; the rate-limit test sets its own low limit.
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    PUBLIC_API_RATE_LIMIT_PER_MINUTE: '100000',
    ...(process.env.REFERENCE_DATA_DIR ? { REFERENCE_DATA_DIR: process.env.REFERENCE_DATA_DIR } : {}),
    ...overrides,
  }
}

export interface World {
  app: FastifyInstance
  db: Database
  config: Config
  databaseUrl: string
  /** The environment the config was loaded from, for child processes (a worker). */
  env: Record<string, string>
}

/** Registers beforeAll/afterAll for a file's world; read its fields inside tests. */
export function useWorld(
  overrides: Record<string, string> = {},
  options: {
    beforeReady?: (app: FastifyInstance) => void
    /** Where the world's database comes from instead of a clone of the template (a private cluster). */
    database?: () => Promise<{ url: string; drop(): Promise<void> }>
    /** Collect the app's log lines (JSON) here, at the level LOG_LEVEL gives. */
    logLines?: string[]
  } = {},
): World {
  const world = {} as World
  let drop: (() => Promise<void>) | undefined
  let mailDir: string | undefined
  beforeAll(async () => {
    const clone = await (options.database ?? cloneDatabase)()
    drop = clone.drop
    mailDir = await mkdtemp(path.join(os.tmpdir(), 'naevn-mail-'))
    world.databaseUrl = clone.url
    world.env = testEnv(clone.url, mailDir, overrides)
    world.config = loadConfig(world.env)
    const lines = options.logLines
    const logStream = lines && new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done() } })
    world.app = await buildApp(world.config, logStream ? { logStream } : { logger: process.env.DEBUG_LOG === '1' })
    options.beforeReady?.(world.app)
    await world.app.ready()
    world.db = createDatabase(clone.url, 2)
  })
  afterAll(async () => {
    await world.app?.close()
    await world.db?.destroy()
    await drop?.()
    if (mailDir) await Promise.all([rm(mailDir, { recursive: true, force: true }), rm(`${mailDir}-digitalpost`, { recursive: true, force: true })])
  })
  return world
}
