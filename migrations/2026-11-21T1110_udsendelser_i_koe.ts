// Sendings made before delivery existed waited as "afventer" with nothing to deliver
// them: give each one its lever-udsendelse job through the outbox. Frozen in time.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    INSERT INTO outbox (job_name, payload)
    SELECT 'lever-udsendelse', jsonb_build_object('udsendelseId', u.id)
    FROM udsendelser u
    WHERE u.status = 'afventer'
      AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.job_name = 'lever-udsendelse' AND o.payload->>'udsendelseId' = u.id::text)`.execute(db)
}

export async function down(): Promise<void> {
  // The jobs may have run; nothing to undo.
}
