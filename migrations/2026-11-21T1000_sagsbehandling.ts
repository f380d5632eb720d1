// Case handling: the assigned caseworker and the internal assessment on the case, and
// the append-only notes (notatpligt). Frozen in time.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('sager')
    .addColumn('sagsbehandler_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('vurdering', 'text')
    .execute()
  await db.schema.createIndex('sager_sagsbehandler_idx').on('sager').column('sagsbehandler_id').execute()

  // Notes are never changed or deleted: a correction is a new note pointing at the old.
  await db.schema
    .createTable('notater')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('sag_id', 'uuid', (c) => c.notNull().references('sager.id').onDelete('cascade'))
    .addColumn('forfatter_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('tekst', 'text', (c) => c.notNull())
    .addColumn('retter_notat_id', 'uuid', (c) => c.references('notater.id'))
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('notater_sag_idx').on('notater').columns(['sag_id', 'oprettet']).execute()
  await sql`
    CREATE FUNCTION notater_uforanderlige() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'notater kan ikke ændres eller slettes; skriv et rettelsesnotat';
    END $$`.execute(db)
  await sql`CREATE TRIGGER notater_append_only BEFORE UPDATE OR DELETE ON notater FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION notater_uforanderlige()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notater').execute()
  await sql`DROP FUNCTION notater_uforanderlige()`.execute(db)
  await db.schema.alterTable('sager').dropColumn('vurdering').dropColumn('sagsbehandler_id').execute()
}
