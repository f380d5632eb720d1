// The staff access log (GDPR): every time a member of staff opens a case, one of its
// documents or its decision's anonymization, it is journaled (never shown to parties).
// The head of the secretariat reads it per case and per staff member.
import type { Kysely } from 'kysely'
import type { DB } from '../db/types.js'
import type { Principal } from '../access/principal.js'
import { skrivJournal } from './journal.js'

export async function logAdgang(db: Kysely<DB>, p: Principal, sagId: string, dokumentId?: string): Promise<void> {
  await skrivJournal(db, {
    sagId,
    aktoerId: p.userId,
    handling: dokumentId ? 'dokument_laest' : 'sag_laest',
    detaljer: dokumentId ? { dokumentId } : {},
    synligForParter: false,
  })
}
