// The journal: the append-only history of a case. Staff read all of it; parties see
// only the entries marked for them (never internal notes or staff reads).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import type { JournalHandling } from './journalhandlinger.js'
import type { SagStatus } from './status.js'

export interface JournalPost {
  sagId: string
  aktoerId: string | null
  handling: JournalHandling
  fraStatus?: SagStatus | null
  tilStatus?: SagStatus | null
  begrundelse?: string | null
  detaljer?: Record<string, unknown>
  synligForParter: boolean
}

export async function skrivJournal(db: Kysely<DB>, p: JournalPost): Promise<void> {
  await db
    .insertInto('journal')
    .values({
      sag_id: p.sagId,
      aktoer_id: p.aktoerId,
      handling: p.handling,
      fra_status: p.fraStatus ?? null,
      til_status: p.tilStatus ?? null,
      begrundelse: p.begrundelse ?? null,
      detaljer: JSON.stringify(p.detaljer ?? {}),
      synlig_for_parter: p.synligForParter,
    })
    .execute()
}

export function listJournal(db: Kysely<DB>, sagId: string, o: { kunForParter: boolean }) {
  return db
    .selectFrom('journal')
    .leftJoin('users', 'users.id', 'journal.aktoer_id')
    .select(['journal.id', 'journal.tidspunkt', 'journal.handling', 'journal.fra_status', 'journal.til_status', 'journal.begrundelse', 'journal.detaljer', 'journal.synlig_for_parter', 'users.navn as aktoer'])
    .where('journal.sag_id', '=', sagId)
    .$if(o.kunForParter, (qb) => qb.where('journal.synlig_for_parter', '=', true))
    .orderBy('journal.id')
    .execute()
}
