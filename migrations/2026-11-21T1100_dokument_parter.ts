// A document meant for some parties only: a party's message attachment (the sender
// and the secretariat), a letter (its recipients). NULL: every party of the case.
// Existing rows are backfilled from the messages and sendings they belong to. Frozen in time.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('dokumenter').addColumn('kun_for_parter', sql`uuid[]`).execute()
  // A message's file: the parties the thread's user speaks for.
  await sql`
    UPDATE dokumenter d SET kun_for_parter = sub.parter
    FROM (
      SELECT b.dokument_id, array_agg(DISTINCT p.id) AS parter
      FROM beskeder b
      JOIN sager s ON s.id = b.sag_id
      JOIN parter p ON p.sag_id = b.sag_id
        AND (p.user_id = b.part_user_id OR (s.oprettet_af = b.part_user_id AND p.rolle IN ('indbringer', 'medpart')))
      WHERE b.dokument_id IS NOT NULL
      GROUP BY b.dokument_id
    ) sub
    WHERE d.id = sub.dokument_id`.execute(db)
  // A letter: its recipients.
  await sql`
    UPDATE dokumenter d SET kun_for_parter = sub.parter
    FROM (SELECT dokument_id, array_agg(DISTINCT part_id) AS parter FROM udsendelser GROUP BY dokument_id) sub
    WHERE d.id = sub.dokument_id AND d.kategori = 'brev'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('dokumenter').dropColumn('kun_for_parter').execute()
}
