// The administrative audit trail: who changed accounts, memberships and boards, when.
// Case history has its own journal (server/kerne/sag/, later); this is for everything else.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'

export interface Revision {
  actorId: string | null
  handling: string
  objektType: 'bruger' | 'naevn' | 'medlemskab' | 'gebyr'
  objektId: string
  detaljer?: Record<string, unknown>
}

export async function logRevision(db: Kysely<DB>, r: Revision): Promise<void> {
  await db
    .insertInto('revisionslog')
    .values({
      aktoer_id: r.actorId,
      handling: r.handling,
      objekt_type: r.objektType,
      objekt_id: r.objektId,
      detaljer: JSON.stringify(r.detaljer ?? {}),
    })
    .execute()
}

export function listRevisions(db: Kysely<DB>, objektType: Revision['objektType'], objektId: string, limit = 50) {
  return db
    .selectFrom('revisionslog')
    .leftJoin('users', 'users.id', 'revisionslog.aktoer_id')
    .select(['revisionslog.handling', 'revisionslog.detaljer', 'revisionslog.tidspunkt', 'users.navn as aktoer'])
    .where('objekt_type', '=', objektType)
    .where('objekt_id', '=', objektId)
    .orderBy('revisionslog.id', 'desc')
    .limit(limit)
    .execute()
}
