// The staff access log (GDPR): every time a member of staff opens a case, one of its
// documents or its decision's anonymization, it is journaled (never shown to parties).
// The head of the secretariat reads it per case and per staff member.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import type { Principal } from '../access/principal.js'
import { skrivJournal } from './journal.js'
import type { Dato } from './frister.js'

export async function logAdgang(db: Kysely<DB>, p: Principal, sagId: string, dokumentId?: string): Promise<void> {
  await skrivJournal(db, {
    sagId,
    aktoerId: p.userId,
    handling: dokumentId ? 'dokument_laest' : 'sag_laest',
    detaljer: dokumentId ? { dokumentId } : {},
    synligForParter: false,
  })
}

/**
 * What one staff member opened in the given boards' cases, newest first; at most `maks`
 * rows (the caller asks for one more to know there are more). fra/til are days, inclusive.
 */
export async function adgangForMedarbejder(db: Kysely<DB>, o: { medarbejderId: string; naevnIds: readonly string[]; fra?: Dato; til?: Dato; maks: number }) {
  if (o.naevnIds.length === 0) return []
  let q = db
    .selectFrom('journal')
    .innerJoin('sager', 'sager.id', 'journal.sag_id')
    .leftJoin('dokumenter', (j) => j.on(sql<boolean>`dokumenter.id::text = journal.detaljer->>'dokumentId'`))
    .select(['journal.tidspunkt', 'journal.handling', 'sager.id as sag_id', 'sager.sagsnummer', 'dokumenter.filnavn'])
    .where('journal.aktoer_id', '=', o.medarbejderId)
    .where('journal.handling', 'in', ['sag_laest', 'dokument_laest'])
    .where('sager.naevn_id', 'in', [...o.naevnIds])
  if (o.fra) q = q.where('journal.tidspunkt', '>=', sql<Date>`${o.fra}::date`)
  if (o.til) q = q.where('journal.tidspunkt', '<', sql<Date>`${o.til}::date + 1`)
  return q.orderBy('journal.tidspunkt', 'desc').limit(o.maks).execute()
}
