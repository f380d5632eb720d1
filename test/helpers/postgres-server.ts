// A private PostgreSQL cluster on a spare port, for tests that stop and start the
// database without touching the shared one. initdb and pg_ctl refuse to run as root, so
// when the tests run as root the cluster is run by the postgres OS user.
import { execFile } from 'node:child_process'
import { chownSync, existsSync, readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { createDatabase } from '../../server/platform/db/database.js'
import { migrateToLatest } from '../../server/platform/db/migrate.js'
import { readKommuner } from '../../server/kerne/referencedata/kommuner.js'
import { testEnvDefaults } from './urls.js'
import { waitFor } from './wait.js'

const run = promisify(execFile)

function binDir(): string {
  const base = '/usr/lib/postgresql'
  const versions = existsSync(base) ? readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : []
  if (versions.length === 0) throw new Error(`no PostgreSQL binaries under ${base}`)
  return path.join(base, versions[0]!, 'bin')
}

export class PrivatePostgres {
  private dir: string | null = null
  private readonly bin = binDir()
  private readonly asRoot = process.getuid?.() === 0

  constructor(readonly port: number) {}

  /** The URL of a database in this cluster (the superuser postgres, trust auth). */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`
  }

  private async cmd(tool: string, args: string[]): Promise<void> {
    const exe = path.join(this.bin, tool)
    // The socket directory and data directory are ours; cwd must be readable by postgres.
    if (this.asRoot) await run('runuser', ['-u', 'postgres', '--', exe, ...args], { cwd: '/tmp' })
    else await run(exe, args, { cwd: '/tmp' })
  }

  private get data(): string {
    return path.join(this.dir!, 'data')
  }

  async start(): Promise<void> {
    if (!this.dir) {
      this.dir = await mkdtemp(path.join(os.tmpdir(), 'naevn-pg-'))
      if (this.asRoot) {
        const { stdout } = await run('id', ['-u', 'postgres'])
        const { stdout: g } = await run('id', ['-g', 'postgres'])
        chownSync(this.dir, Number(stdout.trim()), Number(g.trim()))
      }
      await this.cmd('initdb', ['-D', this.data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'])
    }
    await this.cmd('pg_ctl', [
      '-D',
      this.data,
      '-l',
      path.join(this.dir, 'log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`,
      'start',
    ])
    await waitFor(`PostgreSQL on ${this.port}`, async () => {
      const c = new pg.Client({ connectionString: this.url() })
      c.on('error', () => {})
      try {
        await c.connect()
        await c.query('SELECT 1')
        return true
      } catch {
        return false
      } finally {
        await c.end().catch(() => {})
      }
    }, 60_000)
  }

  /** Fast shutdown: open sessions are cut off (57P01), new connections refused. */
  async stop(): Promise<void> {
    if (!this.dir) return
    await this.cmd('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', '-t', '60', 'stop'])
  }

  async restart(pauseMs = 0): Promise<void> {
    await this.stop()
    if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs))
    await this.start()
  }

  /** A new database here, migrated and with the municipalities, as test/global-setup.ts makes the template. */
  async createNaevnDatabase(name: string): Promise<string> {
    const admin = new pg.Client({ connectionString: this.url() })
    await admin.connect()
    try {
      await admin.query(`CREATE DATABASE "${name}"`)
    } finally {
      await admin.end()
    }
    const db = createDatabase(this.url(name), 1)
    try {
      await migrateToLatest(db)
      const kommuner = await readKommuner(testEnvDefaults().referenceDataDir)
      await db.insertInto('kommuner').values(kommuner.map((k) => ({ kommunekode: k.kommunekode, navn: k.navn, regionskode: k.regionskode, regionsnavn: k.regionsnavn }))).execute()
    } finally {
      await db.destroy()
    }
    return this.url(name)
  }

  /** Stops the cluster (immediately) and removes its files. */
  async destroy(): Promise<void> {
    if (!this.dir) return
    await this.cmd('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']).catch(() => {})
    await rm(this.dir, { recursive: true, force: true })
    this.dir = null
  }
}
