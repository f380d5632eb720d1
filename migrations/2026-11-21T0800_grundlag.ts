// The foundation: municipalities, boards, accounts, sessions, the outbox and the
// admin audit trail. Frozen in time: never import from server/.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS citext`.execute(db)

  await db.schema
    .createTable('kommuner')
    .addColumn('kommunekode', 'smallint', (c) => c.primaryKey())
    .addColumn('navn', 'text', (c) => c.notNull())
    .addColumn('regionskode', 'smallint', (c) => c.notNull())
    .addColumn('regionsnavn', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('naevn')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type IN ('huslejenaevn', 'beboerklagenaevn')`))
    .addColumn('navn', 'text', (c) => c.notNull())
    .addColumn('adresse', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postnr', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('telefon', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('logo', 'bytea')
    .addColumn('logo_mime', 'text')
    .addColumn('aktiv', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('sammenlagt_i', 'uuid', (c) => c.references('naevn.id'))
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('naevn_id_type_unique', ['id', 'type'])
    .execute()

  // A municipality has exactly one board of each type; the composite key keeps the
  // stored type equal to the board's own.
  await db.schema
    .createTable('naevn_kommuner')
    .addColumn('naevn_id', 'uuid', (c) => c.notNull())
    .addColumn('naevn_type', 'text', (c) => c.notNull())
    .addColumn('kommunekode', 'smallint', (c) => c.notNull().references('kommuner.kommunekode'))
    .addPrimaryKeyConstraint('naevn_kommuner_pk', ['naevn_type', 'kommunekode'])
    .addForeignKeyConstraint('naevn_kommuner_naevn_fk', ['naevn_id', 'naevn_type'], 'naevn', ['id', 'type'], (fk) =>
      fk.onDelete('cascade').onUpdate('cascade'),
    )
    .execute()
  await db.schema.createIndex('naevn_kommuner_naevn_idx').on('naevn_kommuner').column('naevn_id').execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', sql`citext`, (c) => c.notNull().unique())
    .addColumn('navn', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('is_admin', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('aktiv', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('deaktiveret', 'timestamptz')
    .execute()

  await db.schema
    .createTable('naevn_medlemskaber')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('naevn_id', 'uuid', (c) => c.notNull().references('naevn.id').onDelete('cascade'))
    .addColumn('rolle', 'text', (c) =>
      c.notNull().check(sql`rolle IN ('sagsbehandler', 'sekretariatsleder', 'naevnsmedlem')`),
    )
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('naevn_medlemskaber_pk', ['user_id', 'naevn_id'])
    .execute()
  await db.schema.createIndex('naevn_medlemskaber_naevn_idx').on('naevn_medlemskaber').column('naevn_id').execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sidst_set', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('udloeber', 'timestamptz', (c) => c.notNull())
    .addColumn('tilbagekaldt', 'timestamptz')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute()
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute()

  // Failed and successful logins per e-mail hash (never the address itself), for the
  // lockout that must not reveal whether an account exists.
  await db.schema
    .createTable('login_forsoeg')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('email_hash', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('lykkedes', 'boolean', (c) => c.notNull())
    .addColumn('tidspunkt', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('login_forsoeg_email_idx').on('login_forsoeg').columns(['email_hash', 'tidspunkt']).execute()

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('job_name', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('afsendt', 'timestamptz')
    .addColumn('forsoeg', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sidste_fejl', 'text')
    .execute()
  await sql`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE afsendt IS NULL`.execute(db)

  await db.schema
    .createTable('sendte_mails')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('outbox_id', 'bigint', (c) => c.notNull().unique().references('outbox.id'))
    .addColumn('modtager', 'text', (c) => c.notNull())
    .addColumn('emne', 'text', (c) => c.notNull())
    .addColumn('skabelon', 'text', (c) => c.notNull())
    .addColumn('transport', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('sendt', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('revisionslog')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('aktoer_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('handling', 'text', (c) => c.notNull())
    .addColumn('objekt_type', 'text', (c) => c.notNull())
    .addColumn('objekt_id', 'text', (c) => c.notNull())
    .addColumn('detaljer', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('tidspunkt', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('revisionslog_objekt_idx').on('revisionslog').columns(['objekt_type', 'objekt_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'revisionslog',
    'sendte_mails',
    'outbox',
    'login_forsoeg',
    'sessions',
    'naevn_medlemskaber',
    'users',
    'naevn_kommuner',
    'naevn',
    'kommuner',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
