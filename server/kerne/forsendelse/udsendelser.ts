// A letter with legal effect becomes one sending per party, each delivered by the
// lever-udsendelse job through the outbox (so none is lost, and none is sent twice).
import type { Transaction } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { addToOutbox } from '../outbox/outbox.js'

const statusTekster: Record<string, string> = {
  afventer: 'Til afsendelse',
  sendt: 'Sendt med Digital Post',
  fejlet: 'Fejlet, prøves igen',
  printet: 'Sendt med posten',
  til_print: 'Venter på udskrivning',
}

/** A sending's state as people read it (the case page, the GDPR report). */
export function udsendelseStatusTekst(status: string): string {
  return statusTekster[status] ?? 'Ukendt'
}

export async function opretUdsendelser(trx: Transaction<DB>, o: { sagId: string; dokumentId: string; partIds: string[] }): Promise<void> {
  if (o.partIds.length === 0) return
  const rows = await trx
    .insertInto('udsendelser')
    .values(o.partIds.map((partId) => ({ sag_id: o.sagId, part_id: partId, dokument_id: o.dokumentId })))
    .returning('id')
    .execute()
  for (const r of rows) await addToOutbox(trx, 'lever-udsendelse', { udsendelseId: r.id })
}
