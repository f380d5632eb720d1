// The public registers: the published copy of each decision (anonymized text, PDF and
// the national API's metadata) and the decided rents. Written only by the publication
// worker; read by the public pages and the open API. Frozen in time.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Trigram search on addresses (huslejeregister); a trusted extension since PostgreSQL 13.
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db)

  await db.schema
    .createTable('register_afgoerelser')
    // The stable public id, in the citable URL /afgoerelser/<id>.
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // The case's decision it is the copy of; null for imported or synthetic entries.
    .addColumn('afgoerelse_id', 'uuid', (c) => c.unique().references('afgoerelser.id').onDelete('set null'))
    .addColumn('naevn_id', 'uuid', (c) => c.references('naevn.id'))
    .addColumn('naevn_navn', 'text', (c) => c.notNull())
    // RENT_BOARD or RESIDENT_COMPLAINTS_BOARD (the national API's decisiveBoard).
    .addColumn('naevn_type', 'text', (c) => c.notNull().check(sql`naevn_type IN ('RENT_BOARD', 'RESIDENT_COMPLAINTS_BOARD')`))
    .addColumn('kommunekode', 'integer', (c) => c.notNull())
    .addColumn('kommunenavn', 'text', (c) => c.notNull())
    .addColumn('date_of_filing', 'date')
    .addColumn('date_of_decision', 'date', (c) => c.notNull())
    .addColumn('reason_for_closing', 'text', (c) => c.notNull().defaultTo('NOT_SET'))
    .addColumn('in_favour', 'text', (c) => c.notNull().defaultTo('NOT_SET'))
    .addColumn('submitter', 'text', (c) => c.check(sql`submitter IN ('TENANT', 'LANDLORD')`))
    // Case-area codes (sagsområder) and their Danish labels at publication.
    .addColumn('subjects', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('subject_labels', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    // [{ lawId, lawText, chapterId, chapterText, sectionId, sectionText }]
    .addColumn('statutories', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // "lejeloven:§106" keys, for filtering by law and §.
    .addColumn('statute_keys', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('locally_inspected', 'text', (c) => c.check(sql`locally_inspected IN ('HELD', 'NOT_HELD')`))
    .addColumn('general_public_interest', 'text', (c) => c.check(sql`general_public_interest IN ('YES', 'NO')`))
    .addColumn('imposition_of_fee', 'text', (c) => c.check(sql`imposition_of_fee IN ('YES', 'NO')`))
    .addColumn('titel', 'text', (c) => c.notNull())
    .addColumn('tekst', 'text', (c) => c.notNull())
    // The anonymized PDF; null until rendered (bulk imports render on first download).
    .addColumn('pdf', 'bytea')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('publiceret').check(sql`status IN ('publiceret', 'trukket_tilbage')`))
    .addColumn('status_begrundelse', 'text')
    // The decision version published (a correction republishes in place).
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('publiceret', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('opdateret', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('soegevektor', sql`tsvector`, (c) =>
      // The title (case areas, board, date) weighs more than the body.
      c.generatedAlwaysAs(sql`setweight(to_tsvector('danish'::regconfig, titel), 'A') || to_tsvector('danish'::regconfig, tekst)`).stored(),
    )
    .execute()
  await sql`CREATE INDEX register_afgoerelser_soegevektor_idx ON register_afgoerelser USING gin (soegevektor)`.execute(db)
  await db.schema.createIndex('register_afgoerelser_dato_idx').on('register_afgoerelser').columns(['date_of_decision desc', 'id desc']).execute()
  await db.schema.createIndex('register_afgoerelser_naevn_idx').on('register_afgoerelser').columns(['naevn_id', 'date_of_decision']).execute()
  await db.schema.createIndex('register_afgoerelser_kommune_idx').on('register_afgoerelser').columns(['kommunekode', 'date_of_decision']).execute()
  await sql`CREATE INDEX register_afgoerelser_subjects_idx ON register_afgoerelser USING gin (subjects)`.execute(db)
  await sql`CREATE INDEX register_afgoerelser_statute_idx ON register_afgoerelser USING gin (statute_keys)`.execute(db)

  await db.schema
    .createTable('register_huslejer')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('register_afgoerelse_id', 'bigint', (c) => c.references('register_afgoerelser.id').onDelete('cascade'))
    // The address as public as the board's policy allows (null where withheld).
    .addColumn('vejnavn', 'text')
    .addColumn('husnummer', 'text')
    .addColumn('etage', 'text')
    .addColumn('doer', 'text')
    .addColumn('postnr', 'text')
    .addColumn('postnavn', 'text')
    .addColumn('kommunekode', 'integer', (c) => c.notNull())
    .addColumn('kommunenavn', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.check(sql`method IN ('BASED_ON_EXPENSES', 'BASED_ON_COMPARABLE_RENTS', 'BASED_ON_FREE_MARKET_PRICE')`))
    .addColumn('declaration', 'text', (c) => c.check(sql`declaration IN ('TENANCY_SPECIFIC_RENT', 'EXAMPLE_RENT')`))
    .addColumn('category', 'text', (c) => c.check(sql`category IN ('MONTHLY_RENT', 'ANNUAL_RENT_PER_SQUARE_METERS')`))
    .addColumn('amount', 'numeric(12, 2)', (c) => c.notNull())
    .addColumn('gross_area', 'numeric(8, 2)')
    .addColumn('date_of_determination', 'date')
    // The rent in kr. per m² per year, whichever way it was stated.
    .addColumn('kr_per_m2_aar', 'numeric(10, 2)')
    .addColumn('adresse_tekst', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('publiceret').check(sql`status IN ('publiceret', 'trukket_tilbage')`))
    .execute()
  await sql`CREATE INDEX register_huslejer_adresse_trgm_idx ON register_huslejer USING gin (adresse_tekst gin_trgm_ops)`.execute(db)
  await db.schema.createIndex('register_huslejer_postnr_idx').on('register_huslejer').columns(['postnr', 'method']).execute()
  await db.schema.createIndex('register_huslejer_kommune_idx').on('register_huslejer').columns(['kommunekode', 'method']).execute()
  await db.schema.createIndex('register_huslejer_afgoerelse_idx').on('register_huslejer').column('register_afgoerelse_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('register_huslejer').execute()
  await db.schema.dropTable('register_afgoerelser').execute()
}
