// Lockout after repeated failures for one e-mail address. It counts attempts for any
// address, existing or not, so the lockout itself reveals nothing about accounts.
import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.js'

export interface LockoutPolicy {
  attempts: number
  minutes: number
}

export function emailHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex')
}

export async function isLockedOut(db: Database, email: string, policy: LockoutPolicy): Promise<boolean> {
  // Failures since the last success inside the window.
  const row = await db
    .selectFrom('login_forsoeg')
    .select((eb) => eb.fn.countAll<number>().as('fejl'))
    .where('email_hash', '=', emailHash(email))
    .where('lykkedes', '=', false)
    .where('tidspunkt', '>', sql<Date>`now() - make_interval(mins => ${policy.minutes})`)
    .where(({ eb, selectFrom, not, exists }) =>
      not(
        exists(
          selectFrom('login_forsoeg as ok')
            .select('ok.id')
            .where('ok.email_hash', '=', emailHash(email))
            .where('ok.lykkedes', '=', true)
            .whereRef('ok.tidspunkt', '>', eb.ref('login_forsoeg.tidspunkt')),
        ),
      ),
    )
    .executeTakeFirstOrThrow()
  return Number(row.fejl) >= policy.attempts
}

export async function recordAttempt(db: Database, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.insertInto('login_forsoeg').values({ email_hash: emailHash(email), ip, lykkedes: succeeded }).execute()
}
