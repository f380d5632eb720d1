// Cases filed before sager.frist_fremsendelse existed get the date the rule gives
// (server/kerne/sag/frister.ts fremsendelsesfrist); run after the migrations (scripts/migrate.ts).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { fremsendelsesfrist } from './frister.js'

/** Fills the forwarding deadline of every filed case that lacks one; returns how many. */
export async function udfyldFremsendelsesfrister(db: Kysely<DB>): Promise<number> {
  const rows = await db.selectFrom('sager').select(['id', 'indbragt']).where('indbragt', 'is not', null).where('frist_fremsendelse', 'is', null).execute()
  for (const r of rows) {
    await db.updateTable('sager').set({ frist_fremsendelse: fremsendelsesfrist(r.indbragt!) }).where('id', '=', r.id).execute()
  }
  return rows.length
}
