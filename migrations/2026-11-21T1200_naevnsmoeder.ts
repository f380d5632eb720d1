// Board meetings (nævnsmøder): the meetings of a board, their agendas (one item per
// case, ordered by a position that is unique per meeting), the outcome of each item,
// inspections (besigtigelser) of the tenancy before the meeting, and the board members'
// own rows: private notes and declarations of disqualification (inhabilitet).
// Frozen in time: never import from server/.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('moeder')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('naevn_id', 'uuid', (c) => c.notNull().references('naevn.id'))
    // Date and time in Danish time, as one instant.
    .addColumn('starttid', 'timestamptz', (c) => c.notNull())
    .addColumn('sted', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planlagt').check(sql`status IN ('planlagt', 'afholdt', 'aflyst')`))
    .addColumn('aflyst_begrundelse', 'text')
    // The members' access to the agenda and the material starts here.
    .addColumn('offentliggjort', 'timestamptz')
    // Raised by every change to the meeting or its agenda; forms carry it (no lost updates).
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('oprettet_af', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('opdateret', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('moeder_naevn_idx').on('moeder').columns(['naevn_id', 'starttid']).execute()

  await db.schema
    .createTable('dagsordenpunkter')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('moede_id', 'uuid', (c) => c.notNull().references('moeder.id').onDelete('cascade'))
    .addColumn('sag_id', 'uuid', (c) => c.notNull().references('sager.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 1`))
    .addColumn('udfald', 'text', (c) => c.check(sql`udfald IN ('afgjort', 'udsat', 'mere_information')`))
    .addColumn('udfald_note', 'text')
    .addColumn('udfald_af', 'uuid', (c) => c.references('users.id'))
    .addColumn('udfald_registreret', 'timestamptz')
    .addColumn('oprettet_af', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('dagsordenpunkter_sag_unique', ['moede_id', 'sag_id'])
    .execute()
  // Checked at the end of each statement, so one UPDATE can swap or renumber positions.
  await sql`ALTER TABLE dagsordenpunkter ADD CONSTRAINT dagsordenpunkter_position_unique UNIQUE (moede_id, position) DEFERRABLE INITIALLY IMMEDIATE`.execute(db)
  await db.schema.createIndex('dagsordenpunkter_sag_idx').on('dagsordenpunkter').column('sag_id').execute()

  await db.schema
    .createTable('besigtigelser')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('sag_id', 'uuid', (c) => c.notNull().references('sager.id').onDelete('cascade'))
    .addColumn('moede_id', 'uuid', (c) => c.notNull().references('moeder.id').onDelete('cascade'))
    .addColumn('tidspunkt', 'timestamptz', (c) => c.notNull())
    .addColumn('adresse', 'text', (c) => c.notNull())
    .addColumn('resultat', 'text', (c) => c.check(sql`resultat IN ('afholdt', 'ikke_afholdt')`))
    .addColumn('resultat_note', 'text')
    .addColumn('brev_dokument_id', 'uuid', (c) => c.references('dokumenter.id'))
    .addColumn('oprettet_af', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('besigtigelser_sag_idx').on('besigtigelser').column('sag_id').execute()
  await db.schema.createIndex('besigtigelser_moede_idx').on('besigtigelser').column('moede_id').execute()

  // A member's own notes on a case: one text per member and case, read by no one else.
  await db.schema
    .createTable('medlemsnoter')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('sag_id', 'uuid', (c) => c.notNull().references('sager.id').onDelete('cascade'))
    .addColumn('tekst', 'text', (c) => c.notNull())
    .addColumn('opdateret', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('medlemsnoter_pk', ['user_id', 'sag_id'])
    .execute()

  // A member's declaration of disqualification in a case; it stands for every meeting.
  await db.schema
    .createTable('inhabiliteter')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('sag_id', 'uuid', (c) => c.notNull().references('sager.id').onDelete('cascade'))
    .addColumn('begrundelse', 'text')
    .addColumn('erklaeret', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('inhabiliteter_pk', ['user_id', 'sag_id'])
    .execute()
  await db.schema.createIndex('inhabiliteter_sag_idx').on('inhabiliteter').column('sag_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['inhabiliteter', 'medlemsnoter', 'besigtigelser', 'dagsordenpunkter', 'moeder']) {
    await db.schema.dropTable(table).execute()
  }
}
