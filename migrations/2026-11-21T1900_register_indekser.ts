// Indexes for the public registers at national scale: the rent register's default order
// (newest determination first) on its own and within a municipality or postal code, and
// the decisions' last change (the pages' cache check). Frozen in time.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX register_huslejer_dato_idx ON register_huslejer (date_of_determination DESC NULLS LAST, id DESC)`.execute(db)
  await sql`CREATE INDEX register_huslejer_kommune_dato_idx ON register_huslejer (kommunekode, date_of_determination DESC NULLS LAST, id DESC)`.execute(db)
  await sql`CREATE INDEX register_huslejer_postnr_dato_idx ON register_huslejer (postnr, date_of_determination DESC NULLS LAST, id DESC)`.execute(db)
  await sql`CREATE INDEX register_afgoerelser_opdateret_idx ON register_afgoerelser (opdateret)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const i of ['register_huslejer_dato_idx', 'register_huslejer_kommune_dato_idx', 'register_huslejer_postnr_dato_idx', 'register_afgoerelser_opdateret_idx']) {
    await db.schema.dropIndex(i).execute()
  }
}
