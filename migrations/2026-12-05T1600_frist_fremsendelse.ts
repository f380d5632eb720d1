// The day by which the board must send a filing to the other party (lov om boligforhold
// § 82, stk. 3), stored when the case is filed so the inbox row and the overdue filters
// read one date. Rows filed before this are filled by scripts/migrate.ts with the live
// rule (server/kerne/sag/frister.ts counts Danish holidays, which SQL here cannot). Frozen in time.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sager').addColumn('frist_fremsendelse', 'date').execute()
  await sql`CREATE INDEX sager_frist_fremsendelse_idx ON sager (frist_fremsendelse) WHERE status = 'indbragt'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sager').dropColumn('frist_fremsendelse').execute()
}
