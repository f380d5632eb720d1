// The secretariat's first tools: the list of incoming cases of its boards and the
// registration of a paid fee (work on a case starts when the fee is paid).
import { sql } from 'kysely'
import type { Database } from '../../db/database.js'
import type { Principal } from '../../access/principal.js'
import { sagForPersonale, sagerForPersonale } from '../../access/sager.js'
import { ConflictError } from '../../errors.js'
import { skrivJournal } from '../../sag/journal.js'

export function indkomneSager(db: Database, p: Principal, limit = 50) {
  return sagerForPersonale(db, p)
    .innerJoin('naevn', 'naevn.id', 'sager.naevn_id')
    .select([
      'sager.id',
      'sager.sagsnummer',
      'sager.status',
      'sager.indbragt',
      'sager.gebyr_kr',
      'sager.gebyr_betalt',
      'sager.vejnavn',
      'sager.husnummer',
      'sager.etage',
      'sager.doer',
      'sager.postnr',
      'sager.by',
      'naevn.navn as naevn_navn',
    ])
    .orderBy('sager.indbragt', 'desc')
    .limit(limit)
    .execute()
}

export async function registrerGebyrBetalt(db: Database, p: Principal, sagId: string): Promise<void> {
  await sagForPersonale(db, p, sagId)
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('sager')
      .set({ gebyr_betalt: sql`now()`, version: sql`version + 1`, opdateret: sql`now()` })
      .where('id', '=', sagId)
      .where('gebyr_betalt', 'is', null)
      .returning('id')
      .executeTakeFirst()
    if (!updated) throw new ConflictError('GebyrAlleredeBetalt', 'Gebyret er allerede registreret som betalt.')
    await skrivJournal(trx, { sagId, aktoerId: p.userId, handling: 'gebyr_betalt', synligForParter: true })
  })
}
