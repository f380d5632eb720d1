// paamind-frister (every working morning): reminds each party that has not answered an
// open hearing whose deadline is within two working days. Once per hearing and party,
// however often it runs; the e-mails go through the outbox like every other notice.
import { sql } from 'kysely'
import type { ProcessorContext } from '../registry.js'
import { fraDate, tilfoejArbejdsdage } from '../../server/kerne/sag/frister.js'
import { addToOutbox } from '../../server/kerne/outbox/outbox.js'

export async function paamindFrister(ctx: ProcessorContext, idag = new Date()): Promise<string> {
  const { db } = ctx
  const dag = fraDate(idag)
  const graense = tilfoejArbejdsdage(dag, 2)
  const count = await db.transaction().execute(async (trx) => {
    const nye = await trx
      .insertInto('partshoering_paamindelser')
      .columns(['partshoering_id', 'part_id', 'slags'])
      .expression((eb) =>
        eb
          .selectFrom('partshoering_modtagere as m')
          .innerJoin('partshoeringer as h', 'h.id', 'm.partshoering_id')
          .select(['m.partshoering_id', 'm.part_id', sql<string>`'frist_naermer_sig'`.as('slags')])
          .where('h.afsluttet', 'is', null)
          .where('m.besvaret', 'is', null)
          .where('h.frist', '>=', dag)
          .where('h.frist', '<=', graense),
      )
      .onConflict((oc) => oc.columns(['partshoering_id', 'part_id', 'slags']).doNothing())
      .returning(['partshoering_id', 'part_id'])
      .execute()
    for (const n of nye) {
      const h = await trx.selectFrom('partshoeringer').select('sag_id').where('id', '=', n.partshoering_id).executeTakeFirstOrThrow()
      await addToOutbox(trx, 'send-partsnotifikation', { sagId: h.sag_id, partId: n.part_id, haendelse: 'paamindelse' })
    }
    return nye.length
  })
  return `${count} påmindelser`
}
