// The e-mail address a MitID user gives for notices (NemLog-in provides none). It becomes
// the account's address only when the link mailed to it is used: single use, expiring, and
// only the token's SHA-256 is stored (as for password reset, adgangskode.ts). Until then
// notices are not sent (the account keeps its placeholder under .invalid).
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.js'
import { logRevision } from '../revision/revisionslog.js'
import { tokenHash } from './adgangskode.js'

export const pladsholderDomaene = '@mitid.invalid'

export function erPladsholder(email: string): boolean {
  return email.toLowerCase().endsWith(pladsholderDomaene)
}

/** A new link for the address; earlier open links of the account stop working. */
export async function opretEmailBekraeftelse(db: Database, userId: string, email: string, timer: number): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('email_bekraeftelser').set({ brugt: sql`now()` }).where('user_id', '=', userId).where('brugt', 'is', null).execute()
    await trx
      .insertInto('email_bekraeftelser')
      .values({ token_hash: tokenHash(token), user_id: userId, email, udloeber: sql<Date>`now() + make_interval(hours => ${timer})` })
      .execute()
  })
  return token
}

/** Withdraws a link that could not be mailed. */
export async function annullerEmailBekraeftelse(db: Database, token: string): Promise<void> {
  await db.updateTable('email_bekraeftelser').set({ brugt: sql`now()` }).where('token_hash', '=', tokenHash(token)).where('brugt', 'is', null).execute()
}

/** The address waiting for confirmation, if any (shown on the account's page). */
export async function ventendeEmail(db: Database, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('email_bekraeftelser')
    .select('email')
    .where('user_id', '=', userId)
    .where('brugt', 'is', null)
    .where('udloeber', '>', sql<Date>`now()`)
    .orderBy('oprettet', 'desc')
    .executeTakeFirst()
  return row?.email ?? null
}

/** The link's address while it is unused and unexpired. */
export async function emailBekraeftelseGyldig(db: Database, token: string): Promise<string | null> {
  const row = await db
    .selectFrom('email_bekraeftelser')
    .select('email')
    .where('token_hash', '=', tokenHash(token))
    .where('brugt', 'is', null)
    .where('udloeber', '>', sql<Date>`now()`)
    .executeTakeFirst()
  return row?.email ?? null
}

export type Bekraeftelse = { ok: true; email: string } | { ok: false; grund: 'udloebet' | 'optaget' }

/** Uses the link once (the UPDATE claims it) and makes its address the account's. */
export async function bekraeftEmail(db: Database, token: string): Promise<Bekraeftelse> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('email_bekraeftelser')
      .set({ brugt: sql`now()` })
      .where('token_hash', '=', tokenHash(token))
      .where('brugt', 'is', null)
      .where('udloeber', '>', sql<Date>`now()`)
      .returning(['user_id', 'email'])
      .executeTakeFirst()
    if (!row) return { ok: false as const, grund: 'udloebet' as const }
    // Addresses are unique per account: one held by another account cannot be taken over.
    const anden = await trx.selectFrom('users').select('id').where('email', '=', row.email).where('id', '!=', row.user_id).executeTakeFirst()
    if (anden) return { ok: false as const, grund: 'optaget' as const }
    await trx.updateTable('users').set({ email: row.email }).where('id', '=', row.user_id).execute()
    await logRevision(trx, { actorId: row.user_id, handling: 'email_bekraeftet', objektType: 'bruger', objektId: row.user_id })
    return { ok: true as const, email: row.email }
  })
}
