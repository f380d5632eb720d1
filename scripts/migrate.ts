// npm run migrate: brings the configured database to the latest migration.
import { loadConfig } from '../server/platform/config.js'
import { createDatabase } from '../server/platform/db/database.js'
import { migrateToLatest } from '../server/platform/db/migrate.js'
import { udfyldFremsendelsesfrister } from '../server/kerne/sag/fremsendelsesfrister.js'

const config = loadConfig()
const db = createDatabase(config.databaseUrl, 1)
try {
  const { results } = await migrateToLatest(db)
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
  console.log(applied.length ? `Migreret: ${applied.join(', ')}` : 'Databasen er allerede migreret.')
  const udfyldt = await udfyldFremsendelsesfrister(db)
  if (udfyldt > 0) console.log(`Fremsendelsesfrist udfyldt for ${udfyldt} sager.`)
} finally {
  await db.destroy()
}
