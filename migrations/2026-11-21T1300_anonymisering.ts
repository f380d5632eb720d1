// Anonymization of final decisions before publication: the anonymizer's result per final
// version (the text it read, its spans, the anonymized text), the caseworker's review of
// it, the decision's own publication state, and each board's anonymization policy.
// Frozen in time.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('anonymiseringer')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('afgoerelse_id', 'uuid', (c) => c.notNull().references('afgoerelser.id').onDelete('cascade'))
    .addColumn('version_nr', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('til_gennemsyn').check(sql`status IN ('til_gennemsyn', 'godkendt')`))
    .addColumn('original_tekst', 'text', (c) => c.notNull())
    // [{ start, end, type, regel, sikkerhed, erstatning, entitet? }] into original_tekst.
    .addColumn('spans', 'jsonb', (c) => c.notNull())
    .addColumn('anonymiseret_tekst', 'text', (c) => c.notNull())
    .addColumn('laveste_sikkerhed', 'real')
    // Bumped by every review edit: two reviewers cannot overwrite each other unseen.
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('automatisk_godkendt', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('godkendt_af', 'uuid', (c) => c.references('users.id'))
    .addColumn('godkendt', 'timestamptz')
    .addColumn('oprettet', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('opdateret', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('anonymiseringer_version_unique', ['afgoerelse_id', 'version_nr'])
    .execute()

  await db.schema
    .alterTable('afgoerelser')
    .addColumn('publicering', 'text', (c) =>
      c.check(sql`publicering IN ('afventer_anonymisering', 'til_gennemsyn', 'godkendt', 'publiceret', 'fravalgt', 'trukket_tilbage')`),
    )
    .addColumn('publicering_begrundelse', 'text')
    .execute()

  // The board's choices (DOMAIN.md "Publication"): replacement words or letters, whether
  // postal code and town stay, whether company names stay, other authorities' case-number
  // patterns; and the confidence at or above which a review may be skipped (null: never).
  await db.schema
    .alterTable('naevn')
    .addColumn('anonymisering_politik', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('auto_godkend_taerskel', 'real', (c) => c.check(sql`auto_godkend_taerskel IS NULL OR (auto_godkend_taerskel > 0 AND auto_godkend_taerskel <= 1)`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('naevn').dropColumn('anonymisering_politik').dropColumn('auto_godkend_taerskel').execute()
  await db.schema.alterTable('afgoerelser').dropColumn('publicering').dropColumn('publicering_begrundelse').execute()
  await db.schema.dropTable('anonymiseringer').execute()
}
