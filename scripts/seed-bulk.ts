// npm run seed:bulk -- --database <url> | --konfigureret-database [--antal 200000] [--ryd] [--arbejdere 2]
//
// Fills the public registers with a realistic synthetic load: --antal decisions (default
// 200,000) of 3–5 KB Danish text each, spread over the boards in the database, ten years
// and the case areas, outcomes and statutes, and a decided rent for every second one
// (register_huslejer). The rows have no case (afgoerelse_id NULL) and no PDF, which is
// how --ryd finds them again: it deletes every such row first, so do not point it at a
// register holding imported decisions without PDFs.
//
// It never writes to the configured database (DATABASE_URL, the demo or production
// register) by accident: give the target with --database, or say --konfigureret-database
// to use DATABASE_URL.
import { loadConfig } from '../server/platform/config.js'
import { seedBulk } from './seed-bulk/bulk.js'

function arg(navn: string): string | undefined {
  const i = process.argv.indexOf(navn)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const log = (l: string) => console.log(l)

try {
  const config = loadConfig()
  const database = arg('--database')
  if (!database && !process.argv.includes('--konfigureret-database')) {
    throw new Error('Angiv databasen med --database <url> (eller --konfigureret-database for at bruge DATABASE_URL); seed:bulk skriver ikke i den konfigurerede database ved et uheld.')
  }
  const antal = Number(arg('--antal') ?? 200_000)
  if (!Number.isInteger(antal) || antal < 1) throw new Error('--antal skal være et positivt helt tal.')
  const arbejdere = arg('--arbejdere') === undefined ? undefined : Number(arg('--arbejdere'))
  const url = database ?? config.databaseUrl
  log(`seed:bulk mod ${new URL(url).pathname.slice(1)} på ${new URL(url).host}`)
  const r = await seedBulk({ databaseUrl: url, referenceDataDir: config.referenceDataDir, antal, ryd: process.argv.includes('--ryd'), arbejdere, log })
  log(`${r.afgoerelser.toLocaleString('da-DK')} afgørelser og ${r.huslejer.toLocaleString('da-DK')} huslejer på ${r.sekunder.toFixed(1)} s.`)
} catch (err) {
  console.error(`Fejl: ${err instanceof Error ? err.message : String(err)}`)
  process.exitCode = 1
}
