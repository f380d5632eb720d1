// The administrator's switch for password log-in by citizens: once MitID works, a board
// turns it off and citizens log in with MitID only. Staff keep their passwords.
import type { Database } from '../../platform/db/database.js'
import type { Principal } from '../access/principal.js'
import { boardMemberNaevnIds, staffNaevnIds } from '../access/policies.js'
import { logRevision } from '../revision/revisionslog.js'
import { sql } from 'kysely'

export async function borgerAdgangskodeTilladt(db: Database): Promise<boolean> {
  const row = await db.selectFrom('login_indstillinger').select('borger_adgangskode').executeTakeFirst()
  return row?.borger_adgangskode ?? true
}

export async function saetBorgerAdgangskode(db: Database, actor: Principal, tilladt: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('login_indstillinger').set({ borger_adgangskode: tilladt, opdateret: sql`now()` }).execute()
    await logRevision(trx, { actorId: actor.userId, handling: 'borger_adgangskode', objektType: 'bruger', objektId: actor.userId, detaljer: { tilladt } })
  })
}

/** Staff, board members and administrators always may use a password. */
export function erPersonale(p: Principal): boolean {
  return p.isAdmin || staffNaevnIds(p).length > 0 || boardMemberNaevnIds(p).length > 0
}
