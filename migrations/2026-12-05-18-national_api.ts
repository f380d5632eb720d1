// The national huslejenaevn.dk API's decision fields that the public copy did not carry:
// the case's serial number (sagsnummer, `<kommunekode>-<indbringelsesnummer>`), a GUID
// naming the decision document (GET /api/decisiondocument/{id}), and the national split
// of the closing date: a dismissal (henlæggelse) has a dateOfDismissal and no
// dateOfDecision. Both dates are generated from date_of_decision and reason_for_closing,
// so they can never disagree with them, and can be filtered and sorted like any column.
// Frozen in time.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE register_afgoerelser
    ADD COLUMN serial_number text,
    ADD COLUMN decision_document_id uuid NOT NULL DEFAULT gen_random_uuid(),
    ADD COLUMN date_of_dismissal date GENERATED ALWAYS AS (CASE WHEN reason_for_closing = 'DISMISSED' THEN date_of_decision END) STORED,
    ADD COLUMN date_of_ruling date GENERATED ALWAYS AS (CASE WHEN reason_for_closing <> 'DISMISSED' THEN date_of_decision END) STORED`.execute(db)
  await sql`CREATE UNIQUE INDEX register_afgoerelser_dokument_idx ON register_afgoerelser (decision_document_id)`.execute(db)
  await sql`UPDATE register_afgoerelser r SET serial_number = s.sagsnummer
    FROM afgoerelser a JOIN sager s ON s.id = a.sag_id WHERE a.id = r.afgoerelse_id`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE register_afgoerelser DROP COLUMN serial_number, DROP COLUMN decision_document_id, DROP COLUMN date_of_dismissal, DROP COLUMN date_of_ruling`.execute(db)
}
