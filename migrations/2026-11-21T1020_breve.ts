// Letters to the parties written by the caseworker (correspondence). Frozen in time.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('breve')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('sag_id', 'uuid', (c) => c.notNull().references('sager.id').onDelete('cascade'))
    .addColumn('oprettet_af', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('emne', 'text', (c) => c.notNull())
    .addColumn('tekst', 'text', (c) => c.notNull())
    .addColumn('modtagere', sql`uuid[]`, (c) => c.notNull())
    .addColumn('dokument_id', 'uuid', (c) => c.references('dokumenter.id'))
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('breve_sag_idx').on('breve').column('sag_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('breve').execute()
}
