// Which cases a user may see as a party: the cases they created (as filer or as a
// representative for clients) and the cases they are registered as a party in.
// Staff see the filed cases of their own boards.
import type { Kysely, SelectQueryBuilder } from 'kysely'
import type { DB } from '../db/types.js'
import { NotFoundError } from '../errors.js'
import { isUuid } from '../naevn/naevn.js'
import type { Principal } from './principal.js'
import { staffNaevnIds } from './policies.js'

export function sagerSomPart(db: Kysely<DB>, p: Principal): SelectQueryBuilder<DB, 'sager', object> {
  return db.selectFrom('sager').where((eb) =>
    eb.or([
      eb('sager.oprettet_af', '=', p.userId),
      eb.exists(eb.selectFrom('parter').select('parter.id').whereRef('parter.sag_id', '=', 'sager.id').where('parter.user_id', '=', p.userId)),
    ]),
  )
}

/** The case if the user may see it as a party; otherwise NotFound, as if it did not exist. */
export async function sagForPart(db: Kysely<DB>, p: Principal, sagId: string) {
  if (!isUuid(sagId)) throw new NotFoundError('SagIkkeFundet', 'Sagen findes ikke.')
  const sag = await sagerSomPart(db, p).selectAll('sager').where('sager.id', '=', sagId).executeTakeFirst()
  if (!sag) throw new NotFoundError('SagIkkeFundet', 'Sagen findes ikke.')
  return sag
}

/** Only the one who created a draft may change or delete it (a draft has no other parties' users yet). */
export async function kladdeForEjer(db: Kysely<DB>, p: Principal, sagId: string) {
  const sag = await sagForPart(db, p, sagId)
  if (sag.oprettet_af !== p.userId) throw new NotFoundError('SagIkkeFundet', 'Sagen findes ikke.')
  return sag
}

/** Filed cases of the boards whose secretariat the user works in. Drafts stay private. */
export function sagerForPersonale(db: Kysely<DB>, p: Principal): SelectQueryBuilder<DB, 'sager', object> {
  const naevnIds = staffNaevnIds(p)
  return db
    .selectFrom('sager')
    .where('sager.status', '!=', 'kladde')
    .where('sager.naevn_id', 'in', naevnIds.length > 0 ? naevnIds : ['00000000-0000-0000-0000-000000000000'])
}

export async function sagForPersonale(db: Kysely<DB>, p: Principal, sagId: string) {
  if (!isUuid(sagId)) throw new NotFoundError('SagIkkeFundet', 'Sagen findes ikke.')
  const sag = await sagerForPersonale(db, p).selectAll('sager').where('sager.id', '=', sagId).executeTakeFirst()
  if (!sag) throw new NotFoundError('SagIkkeFundet', 'Sagen findes ikke.')
  return sag
}
