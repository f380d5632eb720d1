// npm run db:types [-- --verify]: generates server/platform/db/types.ts from a scratch database
// migrated to the latest migration (never from a live one), or with --verify fails when
// the committed file is out of date. The scratch database is dropped afterwards.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { readEnv } from './lib/env.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const env = readEnv(root)
const base = new URL(env.TEST_DATABASE_URL ?? env.DATABASE_URL ?? 'postgres://naevn:naevn@127.0.0.1:5432/naevn')
const scratch = `naevn_codegen_${process.pid}`
const admin = new pg.Client({ connectionString: Object.assign(new URL(base), { pathname: '/postgres' }).toString() })
await admin.connect()
await admin.query(`CREATE DATABASE "${scratch}"`)
let status = 1
try {
  const url = Object.assign(new URL(base), { pathname: `/${scratch}` }).toString()
  const { createDatabase } = await import('../dist/server/platform/db/database.js')
  const { migrateToLatest } = await import('../dist/server/platform/db/migrate.js')
  const db = createDatabase(url, 1)
  await migrateToLatest(db)
  await db.destroy()
  const args = [join(root, 'node_modules/kysely-codegen/dist/cli/bin.js'), '--url', url, ...process.argv.slice(2)]
  status = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1
} finally {
  await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`)
  await admin.end()
}
process.exit(status)
