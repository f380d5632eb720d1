// npm run seed [-- --ingen-demo] [-- --sammenlaeg huslejenaevn:265,269 ...]
// Reference data always; demo accounts unless --ingen-demo. Safe to run again.
import { loadConfig } from '../server/platform/config.js'
import { createDatabase } from '../server/platform/db/database.js'
import { demoPassword, parseSammenlaegning, seed, type Sammenlaegning } from './seed/seed.js'

const args = process.argv.slice(2)
const sammenlaegninger: Sammenlaegning[] = []
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--sammenlaeg' && args[i + 1]) sammenlaegninger.push(parseSammenlaegning(args[++i]!))
}

const config = loadConfig()
const db = createDatabase(config.databaseUrl, 2)
try {
  const result = await seed(db, { referenceDataDir: config.referenceDataDir, demo: !args.includes('--ingen-demo'), sammenlaegninger, config })
  console.log(result.nyeNaevn > 0 ? `Oprettede ${result.nyeNaevn} nævn.` : 'Nævnene fandtes allerede.')
  if (result.demoSager > 0) console.log(`Oprettede ${result.demoSager} demo-sager (kvitteringerne dannes, når workerne kører).`)
  if (result.demoMoeder > 0) console.log(`Oprettede ${result.demoMoeder} demo-nævnsmøder med dagsordener og besigtigelser.`)
  if (result.logins.length > 0) {
    console.log(`\nDemo-logins (adgangskode for alle: ${demoPassword}):`)
    for (const l of result.logins) console.log(`  ${l.rolle.padEnd(18)} ${l.email.padEnd(38)} ${l.navn}${l.naevn ? ` – ${l.naevn}` : ''}`)
  }
} finally {
  await db.destroy()
}
