// Delivery of letters with legal effect: the exemption register (fritagelse fra Digital
// Post), each sending's channel, receipt and attempts, and whether a case's
// representative receives instead of the party. Frozen in time.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fritagelser')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // The person or company exempt: a CPR look-up hash (never the number) or a CVR.
    .addColumn('cpr_hash', 'text')
    .addColumn('cvr', 'text')
    .addColumn('navn', 'text', (c) => c.notNull())
    .addColumn('gyldig_fra', 'date', (c) => c.notNull())
    .addColumn('gyldig_til', 'date')
    .addColumn('oprettet_af', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('fritagelser_id_check', sql`(cpr_hash IS NOT NULL) <> (cvr IS NOT NULL)`)
    .execute()
  await db.schema.createIndex('fritagelser_cpr_idx').on('fritagelser').column('cpr_hash').execute()
  await db.schema.createIndex('fritagelser_cvr_idx').on('fritagelser').column('cvr').execute()

  await db.schema.alterTable('sager').addColumn('repraesentant_modtager', 'boolean', (c) => c.notNull().defaultTo(true)).execute()
  // The board's sender identity in Digital Post (the municipality's CVR, typically).
  await db.schema.alterTable('naevn').addColumn('digital_post_afsender', 'text').execute()

  await sql`ALTER TABLE udsendelser DROP CONSTRAINT IF EXISTS udsendelser_status_check`.execute(db)
  await db.schema
    .alterTable('udsendelser')
    .addColumn('kanal', 'text', (c) => c.check(sql`kanal IN ('digital_post', 'brev')`))
    .addColumn('modtager_part_id', 'uuid', (c) => c.references('parter.id').onDelete('cascade'))
    .addColumn('begrundelse', 'text')
    .addColumn('kvittering', 'text')
    .addColumn('forsoeg', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sidste_fejl', 'text')
    .addColumn('printet', 'timestamptz')
    .execute()
  await sql`ALTER TABLE udsendelser ADD CONSTRAINT udsendelser_status_check CHECK (status IN ('afventer', 'sendt', 'fejlet', 'printet', 'til_print'))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('udsendelser').dropColumn('kanal').dropColumn('modtager_part_id').dropColumn('begrundelse').dropColumn('kvittering').dropColumn('forsoeg').dropColumn('sidste_fejl').dropColumn('printet').execute()
  await db.schema.alterTable('sager').dropColumn('repraesentant_modtager').execute()
  await db.schema.alterTable('naevn').dropColumn('digital_post_afsender').execute()
  await db.schema.dropTable('fritagelser').execute()
}
