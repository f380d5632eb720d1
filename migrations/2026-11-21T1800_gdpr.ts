// GDPR: how long each board keeps its closed cases, the proposed and approved deletion runs,
// a deletion log without personal data, the anonymous statistics a deleted case leaves
// behind, and the log of access requests (indsigt). Frozen in time: never import from server/.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Years a closed case is kept; null: the installation's RETENTION_YEARS.
  await db.schema
    .alterTable('naevn')
    .addColumn('opbevaring_aar', 'smallint', (c) => c.check(sql`opbevaring_aar IS NULL OR opbevaring_aar BETWEEN 1 AND 100`))
    .execute()

  // A run: the cases of one board that a scheduled job found past their retention, waiting
  // for the head of the secretariat to approve or reject, then carried out by a job.
  await db.schema
    .createTable('sletningskoersler')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('naevn_id', 'uuid', (c) => c.notNull().references('naevn.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('forslag').check(sql`status IN ('forslag', 'godkendt', 'afvist', 'udfoert')`))
    // The rule applied: years kept, and the day a case must have closed before.
    .addColumn('opbevaring_aar', 'smallint', (c) => c.notNull())
    .addColumn('lukket_foer', 'date', (c) => c.notNull())
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('besluttet_af', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('besluttet', 'timestamptz')
    .addColumn('begrundelse', 'text')
    .addColumn('udfoert', 'timestamptz')
    .execute()
  // At most one open proposal per board, however often the scheduler runs.
  await sql`CREATE UNIQUE INDEX sletningskoersler_et_forslag ON sletningskoersler (naevn_id) WHERE status = 'forslag'`.execute(db)
  await db.schema.createIndex('sletningskoersler_naevn_idx').on('sletningskoersler').columns(['naevn_id', 'oprettet']).execute()

  // The cases of a run. No foreign key to sager: the rows outlive the cases they name.
  await db.schema
    .createTable('sletningsforslag')
    .addColumn('koersel_id', 'uuid', (c) => c.notNull().references('sletningskoersler.id').onDelete('cascade'))
    .addColumn('sag_id', 'uuid', (c) => c.notNull())
    .addColumn('sagsnummer', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lukket', 'date', (c) => c.notNull())
    // Set when the case is gone, or skipped (reopened, or no longer past its retention).
    .addColumn('slettet', 'timestamptz')
    .addColumn('sprunget_over', 'text')
    .addPrimaryKeyConstraint('sletningsforslag_pk', ['koersel_id', 'sag_id'])
    .execute()

  // One row per deleted case: what was removed (counts per table), who approved, when.
  // No names, addresses, CPR or texts; the sagsnummer is the board's own number.
  await db.schema
    .createTable('sletningslog')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('naevn_id', 'uuid', (c) => c.notNull().references('naevn.id'))
    .addColumn('koersel_id', 'uuid', (c) => c.references('sletningskoersler.id').onDelete('set null'))
    .addColumn('sag_id', 'uuid', (c) => c.notNull())
    .addColumn('sagsnummer', 'text')
    .addColumn('antal', 'jsonb', (c) => c.notNull())
    .addColumn('godkendt_af', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('godkendt', 'timestamptz')
    .addColumn('slettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('sletningslog_naevn_idx').on('sletningslog').columns(['naevn_id', 'slettet']).execute()

  // What statistics need of a deleted case, with nothing that points at a person: the
  // board, the municipality, the kind of case, its dates (days) and its outcome.
  await db.schema
    .createTable('sagsstatistik')
    .addColumn('sag_id', 'uuid', (c) => c.primaryKey())
    .addColumn('naevn_id', 'uuid', (c) => c.references('naevn.id'))
    .addColumn('naevn_type', 'text')
    .addColumn('kommunekode', 'smallint')
    .addColumn('indbringer_rolle', 'text')
    .addColumn('lejemaal_type', 'text')
    .addColumn('formaal', 'text')
    .addColumn('sagsomraader', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('indbragt', 'date')
    .addColumn('afgjort', 'date')
    .addColumn('lukket', 'date')
    .addColumn('afslutningsaarsag', 'text')
    .addColumn('medhold', 'text')
    .addColumn('gebyrpaalaeggelse', 'boolean')
    .addColumn('besigtigelse', 'text')
    .addColumn('lovgrundlag', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('gebyr_kr', 'integer')
    .addColumn('slettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('sagsstatistik_naevn_idx').on('sagsstatistik').columns(['naevn_id', 'indbragt']).execute()

  // Access requests (indsigt): who asked for whose data on which board, and what it held.
  // The person is kept as ids and, for a CPR number, its keyed look-up hash, never in clear.
  await db.schema
    .createTable('indsigtsanmodninger')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('naevn_id', 'uuid', (c) => c.notNull().references('naevn.id'))
    .addColumn('soegetype', 'text', (c) => c.notNull().check(sql`soegetype IN ('cpr', 'cvr', 'email')`))
    // cpr: the look-up hash; cvr: the number (a company's); email: lower-cased, masked.
    .addColumn('soegenoegle', 'text', (c) => c.notNull())
    .addColumn('part_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('user_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('sag_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('oprettet_af', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('hentet', 'timestamptz')
    .addColumn('hentet_af', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute()
  await db.schema.createIndex('indsigtsanmodninger_naevn_idx').on('indsigtsanmodninger').columns(['naevn_id', 'oprettet']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['indsigtsanmodninger', 'sagsstatistik', 'sletningslog', 'sletningsforslag', 'sletningskoersler']) {
    await db.schema.dropTable(t).execute()
  }
  await db.schema.alterTable('naevn').dropColumn('opbevaring_aar').execute()
}
