// The open-data exports read the registers in batches by keyset (id > the last id seen,
// ordered by the primary key), so each batch is one index range scan however far into
// the register it is, and memory holds one batch. Only published rows
// (server/kerne/access/offentlig.ts). Rows published or withdrawn while an export runs may or
// may not be in it; each row is read once.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { erOffentligAfgoerelse } from '../../kerne/access/offentlig.js'
import { huslejeBetingelser, huslejeKolonner, type HuslejeFiltre } from './huslejeregister.repository.js'

export const BATCH = 1000

export async function* afgoerelseBatches(db: Kysely<DB>, batch = BATCH) {
  let sidste = 0
  for (;;) {
    const rows = await db
      .selectFrom('register_afgoerelser')
      .select([
        'id',
        'naevn_id',
        'naevn_navn',
        'naevn_type',
        'kommunekode',
        'kommunenavn',
        'date_of_filing',
        'date_of_decision',
        'reason_for_closing',
        'in_favour',
        'submitter',
        'subjects',
        'subject_labels',
        'statutories',
        'statute_keys',
        'locally_inspected',
        'general_public_interest',
        'imposition_of_fee',
        'titel',
        'tekst',
        'version',
        'publiceret',
        'opdateret',
      ])
      .where(erOffentligAfgoerelse)
      .where('id', '>', sidste)
      .orderBy('id')
      .limit(batch)
      .execute()
    if (rows.length === 0) return
    yield rows
    if (rows.length < batch) return
    sidste = rows[rows.length - 1]!.id
  }
}

type Batch<G> = G extends AsyncGenerator<infer T> ? T : never
export type AfgoerelseEksportRaekke = Batch<ReturnType<typeof afgoerelseBatches>>[number]

export async function* huslejeBatches(db: Kysely<DB>, f: HuslejeFiltre = {}, batch = BATCH) {
  let sidste = 0
  for (;;) {
    const rows = await db
      .selectFrom('register_huslejer')
      .select(huslejeKolonner)
      .where((eb) => huslejeBetingelser(eb, f))
      .where('register_huslejer.id', '>', sidste)
      .orderBy('register_huslejer.id')
      .limit(batch)
      .execute()
    if (rows.length === 0) return
    yield rows
    if (rows.length < batch) return
    sidste = rows[rows.length - 1]!.id
  }
}

export type HuslejeEksportRaekke = Batch<ReturnType<typeof huslejeBatches>>[number]
