// What every letter to the parties goes through once its PDF exists: stored on the case
// (once, whatever the retries), one sending per recipient waiting for delivery, a
// journal entry, and an e-mail notice per recipient through the outbox.
import { sql, type Transaction } from 'kysely'
import type { DB } from '../../server/platform/db/types.js'
import { lagreDokument } from '../../server/kerne/sag/bilag.js'
import { skrivJournal } from '../../server/kerne/sag/journal.js'
import { addToOutbox } from '../../server/kerne/outbox/outbox.js'
import { opretUdsendelser } from '../../server/kerne/forsendelse/udsendelser.js'
import type { Database } from '../../server/platform/db/database.js'

export async function udsendBrev(
  db: Database,
  o: {
    laasNoegle: string
    sagId: string
    filnavn: string
    pdf: Buffer
    modtagere: string[]
    haendelse: 'partshoering' | 'brev' | 'besigtigelse'
    /** Returns the stored letter's document id if it was made already; records it otherwise. */
    findes: (trx: Transaction<DB>) => Promise<string | null>
    gem: (trx: Transaction<DB>, dokumentId: string) => Promise<void>
  },
): Promise<'dannet' | 'findes allerede'> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${o.laasNoegle}))`.execute(trx)
    if (await o.findes(trx)) return 'findes allerede'
    const dokumentId = await lagreDokument(trx, { sagId: o.sagId, filnavn: o.filnavn, mime: 'application/pdf', data: o.pdf, kategori: 'brev', uploadetAf: null, synligForParter: true, kunForParter: o.modtagere })
    await o.gem(trx, dokumentId)
    await opretUdsendelser(trx, { sagId: o.sagId, dokumentId, partIds: o.modtagere })
    await skrivJournal(trx, { sagId: o.sagId, aktoerId: null, handling: 'brev_dannet', detaljer: { dokumentId }, synligForParter: true })
    for (const m of o.modtagere) await addToOutbox(trx, 'send-partsnotifikation', { sagId: o.sagId, partId: m, haendelse: o.haendelse })
    return 'dannet'
  })
}
