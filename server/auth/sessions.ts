// Server-side sessions. The JWT cookie only carries the session id; every request checks
// the row, so logout, deactivation and role changes take effect at once.
import { sql } from 'kysely'
import type { Database } from '../db/database.js'

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
 * The user id of a live session, refreshing its idle clock; null when the session is
 * unknown, revoked, idle too long, past its absolute end, or its user is deactivated.
 */
export async function touchSession(db: Database, sessionId: string, policy: SessionPolicy): Promise<string | null> {
  const row = await db
    .updateTable('sessions')
    .set({ sidst_set: sql`now()` })
    .from('users')
    .whereRef('users.id', '=', 'sessions.user_id')
    .where('sessions.id', '=', sessionId)
    .where('sessions.tilbagekaldt', 'is', null)
    .where('sessions.udloeber', '>', sql<Date>`now()`)
    .where('sessions.sidst_set', '>', sql<Date>`now() - make_interval(mins => ${policy.idleMinutes})`)
    .where('users.aktiv', '=', true)
    .returning('sessions.user_id')
    .executeTakeFirst()
  return row?.user_id ?? null
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
