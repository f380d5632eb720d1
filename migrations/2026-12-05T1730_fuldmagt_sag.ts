// Powers of attorney registered by a board's secretariat in a case (issue #19): the case
// they were registered for (null: a general one, e.g. from the seed), what they cover in
// the giver's words, the representative's e-mail for contact, and who registered and
// revoked them. And the e-mail address a MitID user gives for notices (NemLog-in sends
// none): it replaces the account's placeholder only when the link mailed to it is used
// (single use, expiring; only the token's SHA-256 is kept). Frozen in time: never import
// from server/.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('fuldmagter')
    .addColumn('sag_id', 'uuid', (c) => c.references('sager.id').onDelete('cascade'))
    .addColumn('omfang', 'text')
    .addColumn('fuldmaegtig_email', sql`citext`)
    .addColumn('tilbagekaldt_af', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute()
  await db.schema.createIndex('fuldmagter_sag_idx').on('fuldmagter').column('sag_id').where(sql.ref('sag_id'), 'is not', null).execute()

  await db.schema
    .createTable('email_bekraeftelser')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('email', sql`citext`, (c) => c.notNull())
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('udloeber', 'timestamptz', (c) => c.notNull())
    .addColumn('brugt', 'timestamptz')
    .execute()
  await db.schema.createIndex('email_bekraeftelser_user_idx').on('email_bekraeftelser').column('user_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('email_bekraeftelser').execute()
  await db.schema.alterTable('fuldmagter').dropColumn('sag_id').dropColumn('omfang').dropColumn('fuldmaegtig_email').dropColumn('tilbagekaldt_af').execute()
}
