// Decisions (afgørelser): every field of the decision "boks" (DOMAIN.md), the text
// sections of the draft, and the final versions, each a stored PDF with its SHA-256 that
// never changes. Frozen in time.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('afgoerelser')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('sag_id', 'uuid', (c) => c.notNull().unique().references('sager.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('udkast').check(sql`status IN ('udkast', 'endelig')`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('afgoerelsesdato', 'date')
    .addColumn('afslutningsaarsag', 'text', (c) => c.check(sql`afslutningsaarsag IN ('NOT_SET', 'IN_FAVOUR', 'IN_PARTIAL_FAVOUR', 'REJECTED', 'DISMISSED', 'SETTLEMENT')`))
    .addColumn('henlaeggelsesaarsag', 'text')
    .addColumn('afvisningsaarsag', 'text')
    .addColumn('medhold', 'text', (c) => c.check(sql`medhold IN ('TENANT', 'LANDLORD', 'SHARED', 'NOT_SET')`))
    .addColumn('gebyrpaalaeggelse', 'boolean')
    .addColumn('sagsomraader', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('lovgrundlag', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('besigtigelse', 'text', (c) => c.check(sql`besigtigelse IN ('HELD', 'NOT_HELD')`))
    .addColumn('offentlig_interesse', 'boolean')
    .addColumn('huslejefastsaettelse_dato', 'date')
    .addColumn('huslejefastsaettelse_metode', 'text', (c) => c.check(sql`huslejefastsaettelse_metode IN ('BASED_ON_EXPENSES', 'BASED_ON_COMPARABLE_RENTS', 'BASED_ON_FREE_MARKET_PRICE')`))
    .addColumn('huslejekategori', 'text', (c) => c.check(sql`huslejekategori IN ('MONTHLY_RENT', 'ANNUAL_RENT_PER_SQUARE_METERS')`))
    .addColumn('huslejeangivelse', 'text', (c) => c.check(sql`huslejeangivelse IN ('TENANCY_SPECIFIC_RENT', 'EXAMPLE_RENT')`))
    .addColumn('husleje', 'numeric(12, 2)')
    .addColumn('areal', 'numeric(8, 2)')
    .addColumn('afgoerelse_tekst', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sagsfremstilling', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('begrundelse', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('oprettet_af', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('opdateret', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('afgoerelse_versioner')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('afgoerelse_id', 'uuid', (c) => c.notNull().references('afgoerelser.id').onDelete('cascade'))
    .addColumn('nr', 'integer', (c) => c.notNull())
    .addColumn('dokument_id', 'uuid', (c) => c.notNull().references('dokumenter.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('aarsag', 'text')
    .addColumn('felter', 'jsonb', (c) => c.notNull())
    .addColumn('endeliggjort_af', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('endeliggjort', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('afgoerelse_versioner_nr_unique', ['afgoerelse_id', 'nr'])
    .execute()
  // A final version is never changed or removed (only with its case, by retention).
  await sql`
    CREATE FUNCTION afgoerelse_versioner_uforanderlige() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'en endelig afgørelse kan ikke ændres; lav en ny version';
    END $$`.execute(db)
  await sql`CREATE TRIGGER afgoerelse_versioner_append_only BEFORE UPDATE OR DELETE ON afgoerelse_versioner FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION afgoerelse_versioner_uforanderlige()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('afgoerelse_versioner').execute()
  await sql`DROP FUNCTION afgoerelse_versioner_uforanderlige()`.execute(db)
  await db.schema.dropTable('afgoerelser').execute()
}
