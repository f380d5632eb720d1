// Hearings of the parties (partshøring), their answers, reminders, letters waiting to be
// sent, the per-board answer period, and invitations that let a party without an
// account (typically the counterparty) reach the case. Frozen in time.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // lov om boligforhold § 82, stk. 3: two weeks unless the board decides otherwise.
  await db.schema.alterTable('naevn').addColumn('hoeringsfrist_uger', 'smallint', (c) => c.notNull().defaultTo(2)).execute()

  await db.schema
    .createTable('partshoeringer')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('sag_id', 'uuid', (c) => c.notNull().references('sager.id').onDelete('cascade'))
    .addColumn('oprettet_af', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('besked', 'text', (c) => c.notNull())
    .addColumn('frist', 'date', (c) => c.notNull())
    .addColumn('oprindelig_frist', 'date', (c) => c.notNull())
    .addColumn('afsluttet', 'timestamptz')
    .addColumn('brev_dokument_id', 'uuid', (c) => c.references('dokumenter.id'))
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('partshoeringer_sag_idx').on('partshoeringer').column('sag_id').execute()
  await sql`CREATE INDEX partshoeringer_aabne_idx ON partshoeringer (frist) WHERE afsluttet IS NULL`.execute(db)

  await db.schema
    .createTable('partshoering_dokumenter')
    .addColumn('partshoering_id', 'uuid', (c) => c.notNull().references('partshoeringer.id').onDelete('cascade'))
    .addColumn('dokument_id', 'uuid', (c) => c.notNull().references('dokumenter.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('partshoering_dokumenter_pk', ['partshoering_id', 'dokument_id'])
    .execute()

  await db.schema
    .createTable('partshoering_modtagere')
    .addColumn('partshoering_id', 'uuid', (c) => c.notNull().references('partshoeringer.id').onDelete('cascade'))
    .addColumn('part_id', 'uuid', (c) => c.notNull().references('parter.id').onDelete('cascade'))
    .addColumn('besvaret', 'timestamptz')
    .addPrimaryKeyConstraint('partshoering_modtagere_pk', ['partshoering_id', 'part_id'])
    .execute()

  await db.schema
    .createTable('partshoering_svar')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('partshoering_id', 'uuid', (c) => c.notNull().references('partshoeringer.id').onDelete('cascade'))
    .addColumn('part_id', 'uuid', (c) => c.notNull().references('parter.id').onDelete('cascade'))
    .addColumn('afsender_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('tekst', 'text', (c) => c.notNull())
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('partshoering_svar_dokumenter')
    .addColumn('svar_id', 'uuid', (c) => c.notNull().references('partshoering_svar.id').onDelete('cascade'))
    .addColumn('dokument_id', 'uuid', (c) => c.notNull().references('dokumenter.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('partshoering_svar_dokumenter_pk', ['svar_id', 'dokument_id'])
    .execute()

  // One reminder per hearing, recipient and kind, however often the scheduler runs.
  await db.schema
    .createTable('partshoering_paamindelser')
    .addColumn('partshoering_id', 'uuid', (c) => c.notNull().references('partshoeringer.id').onDelete('cascade'))
    .addColumn('part_id', 'uuid', (c) => c.notNull().references('parter.id').onDelete('cascade'))
    .addColumn('slags', 'text', (c) => c.notNull())
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('partshoering_paamindelser_pk', ['partshoering_id', 'part_id', 'slags'])
    .execute()

  // Letters (hearings, decisions, other correspondence) until the notification module
  // delivers them: each waits here as "til afsendelse".
  await db.schema
    .createTable('udsendelser')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('sag_id', 'uuid', (c) => c.notNull().references('sager.id').onDelete('cascade'))
    .addColumn('part_id', 'uuid', (c) => c.notNull().references('parter.id').onDelete('cascade'))
    .addColumn('dokument_id', 'uuid', (c) => c.notNull().references('dokumenter.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('afventer').check(sql`status IN ('afventer', 'sendt', 'fejlet', 'printet')`))
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sendt', 'timestamptz')
    .execute()
  await db.schema.createIndex('udsendelser_sag_idx').on('udsendelser').column('sag_id').execute()

  // A link a party without an account receives (e-mail now, Digital Post later) to join
  // the case after logging in or registering. Stored only as a hash.
  await db.schema
    .createTable('part_invitationer')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('part_id', 'uuid', (c) => c.notNull().references('parter.id').onDelete('cascade'))
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('udloeber', 'timestamptz', (c) => c.notNull())
    .addColumn('brugt', 'timestamptz')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['part_invitationer', 'udsendelser', 'partshoering_paamindelser', 'partshoering_svar_dokumenter', 'partshoering_svar', 'partshoering_modtagere', 'partshoering_dokumenter', 'partshoeringer']) {
    await db.schema.dropTable(t).execute()
  }
  await db.schema.alterTable('naevn').dropColumn('hoeringsfrist_uger').execute()
}
