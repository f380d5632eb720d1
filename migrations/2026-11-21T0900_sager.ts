// Cases (sager) and what hangs on them: parties, documents, the journal, messages, and
// API tokens for lawyers' and associations' systems. Frozen in time.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE SEQUENCE indbringelsesnummer_seq START WITH 10001`.execute(db)

  await db.schema
    .createTable('sager')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('kladde')
        .check(
          sql`status IN ('kladde', 'indbragt', 'under_behandling', 'partshoering', 'klar_til_moede', 'paa_dagsorden', 'afgjort', 'afsluttet', 'henlagt', 'afvist', 'forlig')`,
        ),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('oprettet_af', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('naevn_id', 'uuid', (c) => c.references('naevn.id'))
    .addColumn('indbringelsesnummer', 'integer', (c) => c.unique())
    .addColumn('sagsnummer', 'text', (c) => c.unique())
    .addColumn('indbringer_rolle', 'text', (c) => c.check(sql`indbringer_rolle IN ('lejer', 'udlejer')`))
    .addColumn('repraesentant_type', 'text', (c) => c.check(sql`repraesentant_type IN ('advokat', 'lejerforening', 'administrator', 'andet')`))
    .addColumn('lejemaal_type', 'text', (c) => c.check(sql`lejemaal_type IN ('privat', 'almen')`))
    .addColumn('vejnavn', 'text')
    .addColumn('husnummer', 'text')
    .addColumn('etage', 'text')
    .addColumn('doer', 'text')
    .addColumn('postnr', 'text')
    .addColumn('by', 'text')
    .addColumn('kommunekode', 'smallint', (c) => c.references('kommuner.kommunekode'))
    .addColumn('formaal', 'text')
    .addColumn('sagsomraader', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('beskrivelse', 'text')
    .addColumn('svar', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('gebyr_kr', 'integer')
    .addColumn('gebyr_aar', 'smallint')
    .addColumn('gebyr_betalt', 'timestamptz')
    .addColumn('trin', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('indbragt', 'timestamptz')
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('opdateret', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('sager_oprettet_af_idx').on('sager').columns(['oprettet_af', 'opdateret']).execute()
  await db.schema.createIndex('sager_naevn_status_idx').on('sager').columns(['naevn_id', 'status']).execute()

  await db.schema
    .createTable('parter')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('sag_id', 'uuid', (c) => c.notNull().references('sager.id').onDelete('cascade'))
    .addColumn('rolle', 'text', (c) => c.notNull().check(sql`rolle IN ('indbringer', 'medpart', 'modpart', 'repraesentant')`))
    .addColumn('raekkefoelge', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('navn', 'text', (c) => c.notNull())
    // CPR is never stored in clear: AES-256-GCM with a key from the environment, plus
    // a keyed hash for look-ups.
    .addColumn('cpr_krypteret', 'bytea')
    .addColumn('cpr_hash', 'text')
    .addColumn('cvr', 'text')
    .addColumn('email', 'text')
    .addColumn('telefon', 'text')
    .addColumn('adresse', 'text')
    .addColumn('postnr', 'text')
    .addColumn('by', 'text')
    .execute()
  await db.schema.createIndex('parter_sag_idx').on('parter').column('sag_id').execute()
  await db.schema.createIndex('parter_user_idx').on('parter').column('user_id').execute()
  await db.schema.createIndex('parter_cpr_hash_idx').on('parter').column('cpr_hash').execute()

  await db.schema
    .createTable('document_blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('indhold', 'bytea', (c) => c.notNull())
    .addColumn('stoerrelse', 'integer', (c) => c.notNull())
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('dokumenter')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('sag_id', 'uuid', (c) => c.notNull().references('sager.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull().references('document_blobs.sha256'))
    .addColumn('filnavn', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('stoerrelse', 'integer', (c) => c.notNull())
    .addColumn('kategori', 'text', (c) => c.notNull())
    .addColumn('uploadet_af', 'uuid', (c) => c.references('users.id'))
    .addColumn('synlig_for_parter', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('dokumenter_sag_idx').on('dokumenter').column('sag_id').execute()
  // One receipt per case, whatever the retries of the job that makes it.
  await sql`CREATE UNIQUE INDEX dokumenter_kvittering_unique ON dokumenter (sag_id) WHERE kategori = 'kvittering'`.execute(db)

  await db.schema
    .createTable('journal')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('sag_id', 'uuid', (c) => c.notNull().references('sager.id').onDelete('cascade'))
    .addColumn('tidspunkt', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('aktoer_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('handling', 'text', (c) => c.notNull())
    .addColumn('fra_status', 'text')
    .addColumn('til_status', 'text')
    .addColumn('begrundelse', 'text')
    .addColumn('detaljer', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('synlig_for_parter', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute()
  await db.schema.createIndex('journal_sag_idx').on('journal').columns(['sag_id', 'id']).execute()

  await db.schema
    .createTable('beskeder')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('sag_id', 'uuid', (c) => c.notNull().references('sager.id').onDelete('cascade'))
    .addColumn('afsender_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('fra_sekretariat', 'boolean', (c) => c.notNull())
    .addColumn('tekst', 'text', (c) => c.notNull())
    .addColumn('dokument_id', 'uuid', (c) => c.references('dokumenter.id'))
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('beskeder_sag_idx').on('beskeder').columns(['sag_id', 'oprettet']).execute()

  await db.schema
    .createTable('beskeder_laest')
    .addColumn('besked_id', 'uuid', (c) => c.notNull().references('beskeder.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('laest', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('beskeder_laest_pk', ['besked_id', 'user_id'])
    .execute()

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('navn', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sidst_brugt', 'timestamptz')
    .addColumn('tilbagekaldt', 'timestamptz')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['api_tokens', 'beskeder_laest', 'beskeder', 'journal', 'dokumenter', 'document_blobs', 'parter', 'sager']) {
    await db.schema.dropTable(table).execute()
  }
  await sql`DROP SEQUENCE indbringelsesnummer_seq`.execute(db)
}
