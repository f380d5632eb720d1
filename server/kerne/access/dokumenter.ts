// Which of a case's documents a party sees: those shared with the parties, except one
// meant for some parties only (a message attachment, a letter to one party), which only
// those parties see, unless the secretariat included it in a hearing sent to them.
// Staff see every document of the cases they may see (server/kerne/access/sager.ts).
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely'
import type { DB } from '../../platform/db/types.js'

export function synligForParterne(mine: readonly string[]) {
  return (eb: ExpressionBuilder<DB, 'dokumenter'>): Expression<SqlBool> => {
    const ids = sql`${sql.val([...mine])}::uuid[]`
    return eb.and([
      eb('dokumenter.synlig_for_parter', '=', true),
      eb.or([
        eb('dokumenter.kun_for_parter', 'is', null),
        sql<boolean>`dokumenter.kun_for_parter && ${ids}`,
        eb.exists(
          eb
            .selectFrom('partshoering_dokumenter')
            .innerJoin('partshoering_modtagere', 'partshoering_modtagere.partshoering_id', 'partshoering_dokumenter.partshoering_id')
            .select('partshoering_dokumenter.dokument_id')
            .whereRef('partshoering_dokumenter.dokument_id', '=', 'dokumenter.id')
            .where(sql<boolean>`partshoering_modtagere.part_id = ANY(${ids})`),
        ),
      ]),
    ])
  }
}
