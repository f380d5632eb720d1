// When the decision was notified to each party, and so the last day for bringing it
// before the boligret. The notification date is the day the final decision went out to
// the party: by Digital Post the day it was delivered to the inbox, by post the day the
// letter was posted (the deadline runs from receipt, a few days later; the pages say so).
// Only the latest final version counts: a corrected decision is notified anew.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { formatDansk, fraDate, klagefristSidsteDag, type Dato } from './frister.js'

export interface Klagefrist {
  partId: string
  navn: string
  kanal: 'digital_post' | 'brev'
  meddelt: Dato
  sidsteDag: Dato
}

export async function klagefrister(db: Kysely<DB>, sagId: string, partIds?: string[]): Promise<Klagefrist[]> {
  if (partIds && partIds.length === 0) return []
  let q = db
    .selectFrom('udsendelser')
    .innerJoin('dokumenter', 'dokumenter.id', 'udsendelser.dokument_id')
    .innerJoin('parter', 'parter.id', 'udsendelser.part_id')
    .innerJoin('sager', 'sager.id', 'udsendelser.sag_id')
    .innerJoin('naevn', 'naevn.id', 'sager.naevn_id')
    // The sending of the case's newest final decision version, one per party.
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('afgoerelse_versioner')
          .innerJoin('afgoerelser', 'afgoerelser.id', 'afgoerelse_versioner.afgoerelse_id')
          .select('afgoerelse_versioner.dokument_id')
          .where('afgoerelser.sag_id', '=', sagId)
          .orderBy('afgoerelse_versioner.nr', 'desc')
          .limit(1)
          .as('seneste'),
      (join) => join.onRef('seneste.dokument_id', '=', 'udsendelser.dokument_id'),
    )
    .select(['udsendelser.part_id', 'parter.navn', 'udsendelser.kanal', 'udsendelser.sendt', 'naevn.type'])
    .where('udsendelser.sag_id', '=', sagId)
    .where('dokumenter.kategori', '=', 'afgoerelse')
    .where('udsendelser.status', 'in', ['sendt', 'printet'])
    .where('udsendelser.sendt', 'is not', null)
  if (partIds) q = q.where('udsendelser.part_id', 'in', partIds)
  const rows = await q.orderBy('parter.navn').orderBy(sql`udsendelser.sendt`).execute()
  return rows.map((r) => {
    const meddelt = fraDate(r.sendt!)
    return { partId: r.part_id, navn: r.navn, kanal: r.kanal === 'digital_post' ? 'digital_post' : 'brev', meddelt, sidsteDag: klagefristSidsteDag(meddelt, r.type) }
  })
}

/** For the pages: who, how, when notified, and the last day, in Danish. */
export function klagefristView(k: Klagefrist) {
  return {
    navn: k.navn,
    kanal: k.kanal === 'digital_post' ? 'Digital Post' : 'brev med posten',
    medPosten: k.kanal === 'brev',
    meddelt: formatDansk(k.meddelt),
    sidsteDag: formatDansk(k.sidsteDag),
  }
}
