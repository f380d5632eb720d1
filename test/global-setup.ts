// Once per run: a template database, migrated and filled with reference data, that
// every test file clones (CREATE DATABASE … TEMPLATE) into a database of its own.
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { createDatabase } from '../server/platform/db/database.js'
import { migrateToLatest } from '../server/platform/db/migrate.js'
import { readKommuner } from '../server/kerne/referencedata/kommuner.js'
import { testEnvDefaults, withDatabase } from './helpers/urls.js'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string
    databaseUrl: string
    redisUrl: string
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export default async function setup(project: TestProject) {
  const { databaseUrl, redisUrl, referenceDataDir } = testEnvDefaults()
  const templateDb = `naevn_tpl_${process.pid}`
  const admin = new pg.Client({ connectionString: withDatabase(databaseUrl, 'postgres') })
  await admin.connect()
  // Databases left by runs that were killed before their teardown.
  const stale = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ '^naevn_(t|tpl)_[0-9]+'`)
  for (const { datname } of stale.rows) {
    const pid = Number(datname.split('_')[2])
    if (!pidAlive(pid)) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
  }
  await admin.query(`CREATE DATABASE "${templateDb}"`)

  const db = createDatabase(withDatabase(databaseUrl, templateDb), 1)
  try {
    await migrateToLatest(db)
    const kommuner = await readKommuner(referenceDataDir)
    await db
      .insertInto('kommuner')
      .values(kommuner.map((k) => ({ kommunekode: k.kommunekode, navn: k.navn, regionskode: k.regionskode, regionsnavn: k.regionsnavn })))
      .execute()
  } finally {
    await db.destroy()
  }

  project.provide('templateDb', templateDb)
  project.provide('databaseUrl', databaseUrl)
  project.provide('redisUrl', redisUrl)

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${templateDb}" WITH (FORCE)`)
    await admin.end()
  }
}
