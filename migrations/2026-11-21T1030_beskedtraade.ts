// Messages are a conversation between the secretariat and one party's user: another
// party in the same case does not read them. Frozen in time.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('beskeder').addColumn('part_user_id', 'uuid', (c) => c.references('users.id')).execute()
  await sql`UPDATE beskeder SET part_user_id = afsender_id WHERE NOT fra_sekretariat`.execute(db)
  await sql`UPDATE beskeder b SET part_user_id = s.oprettet_af FROM sager s WHERE s.id = b.sag_id AND b.part_user_id IS NULL`.execute(db)
  await sql`ALTER TABLE beskeder ALTER COLUMN part_user_id SET NOT NULL`.execute(db)
  await db.schema.createIndex('beskeder_part_user_idx').on('beskeder').columns(['sag_id', 'part_user_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('beskeder').dropColumn('part_user_id').execute()
}
