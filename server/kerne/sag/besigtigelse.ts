// What the inspections (besigtigelser) of a case add up to, in the decision's code list
// (afgoerelser.besigtigelse, DOMAIN.md "locallyInspected"): HELD when any inspection was
// held, NOT_HELD when every recorded one was not, null while none has a result. The
// meetings module records them; the decision form starts from this.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import type { besigtigelseKoder } from './koder.js'

export type BesigtigelseKode = keyof typeof besigtigelseKoder

export async function besigtigelseForSag(db: Kysely<DB>, sagId: string): Promise<BesigtigelseKode | null> {
  const rows = await db.selectFrom('besigtigelser').select('resultat').where('sag_id', '=', sagId).where('resultat', 'is not', null).execute()
  if (rows.length === 0) return null
  return rows.some((r) => r.resultat === 'afholdt') ? 'HELD' : 'NOT_HELD'
}
