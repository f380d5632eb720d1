// Server-side sessions. The JWT cookie only carries the session id; every request checks
// the row, so logout, deactivation and role changes take effect at once.
import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.js'

export interface SessionPolicy {
  idleMinutes: number
  absoluteHours: number
}

export async function createSession(
  db: Database,
  userId: string,
  policy: SessionPolicy,
  meta: { ip: string; userAgent: string | undefined },
): Promise<string> {
  const row = await db
    .insertInto('sessions')
    .values({
      user_id: userId,
      udloeber: sql<Date>`now() + make_interval(hours => ${policy.absoluteHours})`,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * The user id of a live session, or null when the session is unknown, revoked, idle
 * too long, past its absolute end, or its user is deactivated. The idle clock is moved
 * on at most once a minute, so most requests only read.
 */
export async function touchSession(db: Database, sessionId: string, policy: SessionPolicy): Promise<string | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.user_id', sql<boolean>`sessions.sidst_set < now() - interval '1 minute'`.as('stale')])
    .where('sessions.id', '=', sessionId)
    .where('sessions.tilbagekaldt', 'is', null)
    .where('sessions.udloeber', '>', sql<Date>`now()`)
    .where('sessions.sidst_set', '>', sql<Date>`now() - make_interval(mins => ${policy.idleMinutes})`)
    .where('users.aktiv', '=', true)
    .executeTakeFirst()
  if (!row) return null
  if (row.stale) await db.updateTable('sessions').set({ sidst_set: sql`now()` }).where('id', '=', sessionId).execute()
  return row.user_id
}

export async function revokeSession(db: Database, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ tilbagekaldt: sql`now()` }).where('id', '=', sessionId).execute()
}

export async function revokeUserSessions(db: Database, userId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ tilbagekaldt: sql`now()` })
    .where('user_id', '=', userId)
    .where('tilbagekaldt', 'is', null)
    .execute()
}
