// The anonymization policy's new default (issue 17): the whole address goes (postal code and
// town too) and companies are replaced by their role. A board that never saved a policy
// follows the default already (its column is {}); a board whose stored policy still says
// exactly the old defaults (both kept) is moved to the new ones, since the old form stored
// the defaults with every save. A board that had chosen differently keeps its choice. The
// head of a board's secretariat can choose to keep company names or the town again at
// /naevn/:id/anonymisering.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    UPDATE naevn
       SET anonymisering_politik = anonymisering_politik || '{"bevarPostnummerOgBy": false, "bevarVirksomhedsnavne": false}'::jsonb
     WHERE anonymisering_politik->>'bevarPostnummerOgBy' = 'true'
       AND anonymisering_politik->>'bevarVirksomhedsnavne' = 'true'`.execute(db)
}

export async function down(): Promise<void> {
  // Which boards had the old defaults is not recorded; nothing to undo.
}
