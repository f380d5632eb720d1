// The GDPR pages' rules: a board's retention setting (revision-logged), and the access
// checks around deletion runs and access requests. The work itself is in server/modules/gdpr/,
// shared with the workers.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { FormErrors } from '../../platform/forms/form.js'
import { logRevision } from '../../kerne/revision/revisionslog.js'
import { NotFoundError } from '../../platform/errors.js'

export async function hentOpbevaring(db: Kysely<DB>, naevnId: string) {
  const naevn = await db.selectFrom('naevn').select(['id', 'navn', 'opbevaring_aar']).where('id', '=', naevnId).executeTakeFirst()
  if (!naevn) throw new NotFoundError('NaevnIkkeFundet', 'Nævnet findes ikke.')
  return { naevn }
}

/** Empty: the installation's RETENTION_YEARS. Otherwise whole years, 1 to 100. */
export async function gemOpbevaring(db: Kysely<DB>, naevnId: string, input: string, actorId: string): Promise<FormErrors> {
  const errors = new FormErrors()
  const t = input.trim()
  let aar: number | null = null
  if (t) {
    const n = Number(t)
    if (!Number.isInteger(n) || n < 1 || n > 100) errors.add('aar', 'Skriv et helt antal år mellem 1 og 100, eller lad feltet stå tomt.')
    else aar = n
  }
  if (errors.any) return errors
  await db.transaction().execute(async (trx) => {
    const foer = await trx.selectFrom('naevn').select('opbevaring_aar').where('id', '=', naevnId).forUpdate().executeTakeFirst()
    if (!foer) throw new NotFoundError('NaevnIkkeFundet', 'Nævnet findes ikke.')
    await trx.updateTable('naevn').set({ opbevaring_aar: aar }).where('id', '=', naevnId).execute()
    await logRevision(trx, { actorId, handling: 'opbevaring_opdateret', objektType: 'naevn', objektId: naevnId, detaljer: { fra: foer.opbevaring_aar, til: aar } })
  })
  return errors
}
