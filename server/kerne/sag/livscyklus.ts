// The one way a case changes status: checked against the transition table, guarded by
// the case's version (no lost updates), and written to the journal in the same
// transaction.
import { sql, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { ConflictError, NotFoundError } from '../../platform/errors.js'
import { overgange, statusForPart, type SagStatus } from './status.js'
import { skrivJournal } from './journal.js'

export interface Statusskift {
  aktoerId: string | null
  begrundelse?: string
  /** The version the user saw; a different current version means someone else changed the case. */
  forventetVersion?: number
  detaljer?: Record<string, unknown>
}

export async function skiftStatus(trx: Transaction<DB>, sagId: string, til: SagStatus, s: Statusskift): Promise<{ version: number }> {
  const sag = await trx.selectFrom('sager').select(['status', 'version']).where('id', '=', sagId).forUpdate().executeTakeFirst()
  if (!sag) throw new NotFoundError('SagIkkeFundet', 'Sagen findes ikke.')
  if (s.forventetVersion !== undefined && s.forventetVersion !== sag.version) {
    throw new ConflictError('SagAendret', 'Sagen er blevet ændret af en anden, siden du åbnede den. Genindlæs siden og prøv igen.')
  }
  const fra = sag.status
  if (!overgange[fra].includes(til)) {
    throw new ConflictError(
      'UlovligtStatusskift',
      `En sag med status "${statusForPart[fra].label}" kan ikke få status "${statusForPart[til].label}".`,
    )
  }
  const updated = await trx
    .updateTable('sager')
    .set({ status: til, version: sql`version + 1`, opdateret: sql`now()` })
    .where('id', '=', sagId)
    .returning('version')
    .executeTakeFirstOrThrow()
  await skrivJournal(trx, {
    sagId,
    aktoerId: s.aktoerId,
    handling: 'status',
    fraStatus: fra,
    tilStatus: til,
    begrundelse: s.begrundelse ?? null,
    detaljer: s.detaljer,
    synligForParter: true,
  })
  return updated
}
