// Password change, reset by an e-mailed single-use link, and the TOTP second factor.
// Only the SHA-256 of a reset token is stored; a token works once and expires. The TOTP
// secret is encrypted at rest under a key derived from the CPR keyring (hemmelighed.ts).
import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.js'
import { FormErrors } from '../../platform/forms/form.js'
import type { HemmelighedsBoks } from './hemmelighed.js'
import { logRevision } from '../revision/revisionslog.js'
import { hashPassword, minPasswordLength, verifyPassword } from './passwords.js'
import { revokeUserSessions } from './sessions.js'
import { base32Decode, verificerTotp } from './totp.js'

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')

export function valider(ny: string, gentag: string, errors = new FormErrors()): FormErrors {
  if (ny.length < minPasswordLength) errors.add('ny_adgangskode', `Adgangskoden skal være på mindst ${minPasswordLength} tegn.`)
  else if (ny !== gentag) errors.add('ny_adgangskode_gentag', 'De to adgangskoder er ikke ens.')
  return errors
}

async function saetAdgangskode(db: Database, userId: string, ny: string, handling: string): Promise<void> {
  const hash = await hashPassword(ny)
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).execute()
    // Every open reset link and every session of the account ends with the old password.
    await trx.updateTable('adgangskode_nulstillinger').set({ brugt: sql`now()` }).where('user_id', '=', userId).where('brugt', 'is', null).execute()
    await revokeUserSessions(trx, userId)
    await logRevision(trx, { actorId: userId, handling, objektType: 'bruger', objektId: userId })
  })
}

export async function skiftAdgangskode(db: Database, userId: string, nuvaerende: string, ny: string, gentag: string): Promise<FormErrors> {
  const user = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow()
  const errors = new FormErrors()
  if (!(await verifyPassword(user.password_hash, nuvaerende))) errors.add('nuvaerende', 'Den nuværende adgangskode er forkert.')
  valider(ny, gentag, errors)
  if (!errors.any) await saetAdgangskode(db, userId, ny, 'adgangskode_skiftet')
  return errors
}

/** A reset link for an active account with a password, or null (the page says the same either way). */
export async function opretNulstilling(db: Database, email: string, minutter: number): Promise<{ token: string; email: string; navn: string } | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'navn'])
    .where('email', '=', email.trim())
    .where('aktiv', '=', true)
    .where('password_hash', 'is not', null)
    .executeTakeFirst()
  if (!user) return null
  const token = randomBytes(32).toString('base64url')
  await db
    .insertInto('adgangskode_nulstillinger')
    .values({ token_hash: tokenHash(token), user_id: user.id, udloeber: sql<Date>`now() + make_interval(mins => ${minutter})` })
    .execute()
  return { token, email: user.email, navn: user.navn }
}

/** True while the link is unused and unexpired (the form is shown). */
export async function nulstillingGyldig(db: Database, token: string): Promise<boolean> {
  const row = await db
    .selectFrom('adgangskode_nulstillinger')
    .select('user_id')
    .where('token_hash', '=', tokenHash(token))
    .where('brugt', 'is', null)
    .where('udloeber', '>', sql<Date>`now()`)
    .executeTakeFirst()
  return row !== undefined
}

/** Uses the link once: the UPDATE claims it, so two concurrent uses cannot both succeed. */
export async function brugNulstilling(db: Database, token: string, ny: string, gentag: string): Promise<{ ok: true; userId: string } | { ok: false; errors: FormErrors; udloebet: boolean }> {
  const errors = valider(ny, gentag)
  if (errors.any) return { ok: false, errors, udloebet: false }
  const row = await db
    .updateTable('adgangskode_nulstillinger')
    .set({ brugt: sql`now()` })
    .where('token_hash', '=', tokenHash(token))
    .where('brugt', 'is', null)
    .where('udloeber', '>', sql<Date>`now()`)
    .returning('user_id')
    .executeTakeFirst()
  if (!row) return { ok: false, errors: new FormErrors().add('ny_adgangskode', 'Linket er udløbet eller allerede brugt. Bed om et nyt.'), udloebet: true }
  await saetAdgangskode(db, row.user_id, ny, 'adgangskode_nulstillet')
  return { ok: true, userId: row.user_id }
}

export async function aktiverTotp(db: Database, boks: HemmelighedsBoks, userId: string, hemmelighedBase32: string, kode: string): Promise<boolean> {
  let secret: Buffer
  try {
    secret = base32Decode(hemmelighedBase32)
  } catch {
    return false
  }
  if (secret.length < 16) return false
  const trin = verificerTotp(secret, kode)
  if (trin === null) return false
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_hemmelighed: boks.seal(secret), totp_sidste_trin: Number(trin) }).where('id', '=', userId).execute()
    await logRevision(trx, { actorId: userId, handling: 'totp_aktiveret', objektType: 'bruger', objektId: userId })
  })
  return true
}

/** Checks a code for the account and remembers its step, so the same code never works twice. */
export async function tjekTotp(db: Database, boks: HemmelighedsBoks, userId: string, kode: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['totp_hemmelighed', 'totp_sidste_trin']).where('id', '=', userId).forUpdate().executeTakeFirst()
    if (!user?.totp_hemmelighed) return false
    const secret = boks.open(user.totp_hemmelighed)
    const trin = verificerTotp(secret, kode, { sidsteTrin: user.totp_sidste_trin === null ? null : BigInt(user.totp_sidste_trin) })
    if (trin === null) return false
    await trx.updateTable('users').set({ totp_sidste_trin: Number(trin) }).where('id', '=', userId).execute()
    return true
  })
}

export async function deaktiverTotp(db: Database, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_hemmelighed: null, totp_sidste_trin: null }).where('id', '=', userId).execute()
    await logRevision(trx, { actorId: userId, handling: 'totp_deaktiveret', objektType: 'bruger', objektId: userId })
  })
}
