// npm run rotate-cpr-key [-- --batch 500] [-- --max <rows>]
// npm run rotate-cpr-key -- --opslagsnoegle
//
// Re-encrypts every stored CPR number (parter.cpr_krypteret, the only encrypted column)
// from old keys to CPR_ENCRYPTION_KEY, in batches (one transaction each, rows taken with
// FOR UPDATE SKIP LOCKED so the app and a second copy of the script are never blocked).
// The app keeps running: it decrypts with CPR_ENCRYPTION_KEY and CPR_ENCRYPTION_KEY_OLD.
// Resumable: a row is done when it carries the current key's id (version 2 data), so an
// interrupted run simply continues where the rows say it stopped.
//
// The look-up hashes (parter.cpr_hash, fritagelser.cpr_hash) do not change: the hash key is
// pinned with CPR_LOOKUP_KEY, which `--opslagsnoegle` prints from the current key before the
// first rotation. Each batch checks a re-encrypted row's hash against the pinned key, so a
// wrong CPR_LOOKUP_KEY stops the run before anything is written. README: "Nøglerotation".
import { sql, type Kysely } from 'kysely'
import { pathToFileURL } from 'node:url'
import { loadConfig } from '../server/platform/config.js'
import { createDatabase } from '../server/platform/db/database.js'
import type { DB } from '../server/platform/db/types.js'
import { createCprCipher, derivedLookupKey, type CprCipher } from '../server/kerne/identitet/cpr-crypto.js'
import { parseKeyringSpec } from '../server/platform/cpr-noeglering.js'

export interface RotationResultat {
  /** Rows re-encrypted in this call. */
  omkrypteret: number
  /** Rows still on an old key afterwards. */
  tilbage: number
}

/** Rows not yet under the current key. Version 2 data carry the key id in bytes 2–5. */
export async function tilbage(db: Kysely<DB>, cipher: CprCipher): Promise<number> {
  const r = await db
    .selectFrom('parter')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('cpr_krypteret', 'is not', null)
    .where(sql<boolean>`NOT (get_byte(cpr_krypteret, 0) = 2 AND substring(cpr_krypteret FROM 2 FOR 4) = decode(${cipher.currentKeyId}, 'hex'))`)
    .executeTakeFirstOrThrow()
  return r.n
}

/**
 * One batch: takes up to `batch` rows still on an old key, decrypts, encrypts with the
 * current key, and checks that the look-up hash is unchanged. Returns how many it did.
 */
export async function roterBatch(db: Kysely<DB>, cipher: CprCipher, batch = 500): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('parter')
      .select(['id', 'cpr_krypteret', 'cpr_hash'])
      .where('cpr_krypteret', 'is not', null)
      .where(sql<boolean>`NOT (get_byte(cpr_krypteret, 0) = 2 AND substring(cpr_krypteret FROM 2 FOR 4) = decode(${cipher.currentKeyId}, 'hex'))`)
      .orderBy('id')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute()
    for (const r of rows) {
      const cpr = cipher.decrypt(r.cpr_krypteret!)
      const hash = cipher.lookupHash(cpr)
      if (r.cpr_hash !== null && r.cpr_hash !== hash) {
        // Throwing rolls the batch back: nothing is half-done.
        throw new Error('Opslagshashen passer ikke med CPR_LOOKUP_KEY. Sæt CPR_LOOKUP_KEY til den nøgle, hasherne er lavet med (--opslagsnoegle med den gamle nøgle), og kør igen.')
      }
      await trx.updateTable('parter').set({ cpr_krypteret: cipher.encrypt(cpr), cpr_hash: hash }).where('id', '=', r.id).execute()
    }
    return rows.length
  })
}

/** Batches until done, or until `max` rows (for a careful first run, and for tests). */
export async function roter(db: Kysely<DB>, cipher: CprCipher, o: { batch?: number; max?: number; log?: (tekst: string) => void } = {}): Promise<RotationResultat> {
  const batch = o.batch ?? 500
  let omkrypteret = 0
  for (;;) {
    const plads = o.max === undefined ? batch : Math.min(batch, o.max - omkrypteret)
    if (plads <= 0) break
    const n = await roterBatch(db, cipher, plads)
    omkrypteret += n
    if (n > 0) o.log?.(`${omkrypteret} omkrypteret`)
    if (n < plads) break
  }
  return { omkrypteret, tilbage: await tilbage(db, cipher) }
}

function flag(args: string[], navn: string): string | undefined {
  const i = args.indexOf(navn)
  return i === -1 ? undefined : args[i + 1]
}

async function main(args: string[]): Promise<number> {
  const config = loadConfig()
  const ring = parseKeyringSpec(config.cprEncryptionKey)
  if (args.includes('--opslagsnoegle')) {
    // The hash key as the current set-up derives it: pin it before the first rotation.
    process.stdout.write(`CPR_LOOKUP_KEY=${ring.lookupKey ?? derivedLookupKey(ring.current)}\n`)
    return 0
  }
  if (!ring.lookupKey) {
    process.stderr.write('Sæt CPR_LOOKUP_KEY først (npm run rotate-cpr-key -- --opslagsnoegle med den nuværende nøgle), så opslagshasherne ikke ændrer sig. Se README, "Nøglerotation".\n')
    return 2
  }
  const batch = Number(flag(args, '--batch') ?? 500)
  const maxFlag = flag(args, '--max')
  if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) {
    process.stderr.write('--batch skal være et helt tal fra 1 til 10000.\n')
    return 2
  }
  const cipher = createCprCipher(config.cprEncryptionKey)
  const db = createDatabase(config.databaseUrl, 2)
  try {
    const r = await roter(db, cipher, { batch, ...(maxFlag ? { max: Number(maxFlag) } : {}), log: (t) => process.stdout.write(`${t}\n`) })
    process.stdout.write(`Færdig: ${r.omkrypteret} omkrypteret, ${r.tilbage} tilbage på en gammel nøgle.${r.tilbage === 0 ? ' CPR_ENCRYPTION_KEY_OLD kan nu fjernes.' : ''}\n`)
    return 0
  } finally {
    await db.destroy()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
      process.exit(1)
    },
  )
}
