// Which cases a user may see as a party: the cases they created (as filer or as a
// representative for clients), the cases they are registered as a party in, and, for a
// MitID login, the cases whose parties carry their CPR (by the keyed look-up hash) or
// their company's CVR, or the CPR/CVR of a client who has given them a power of attorney
// (fuldmagt) that is valid today. Staff see the filed cases of their own boards.
import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely'
import type { DB } from '../db/types.js'
import { NotFoundError } from '../errors.js'
import { isUuid } from '../naevn/naevn.js'
import type { EidPrincipal, Principal } from './principal.js'
import { staffNaevnIds } from './policies.js'

/** Powers of attorney in force today for the MitID user (as representative, by CPR hash or CVR). */
export function gyldigeFuldmagter(eb: ExpressionBuilder<DB, 'parter'>, eid: EidPrincipal) {
  return eb
    .selectFrom('fuldmagter')
    .where('fuldmagter.tilbagekaldt', 'is', null)
    .where('fuldmagter.gyldig_fra', '<=', sql<string>`current_date`)
    .where((f) => f.or([f('fuldmagter.gyldig_til', 'is', null), f('fuldmagter.gyldig_til', '>=', sql<string>`current_date`)]))
    .where((f) =>
      f.or([
        ...(eid.cprHash ? [f('fuldmagter.fuldmaegtig_cpr_hash', '=', eid.cprHash)] : []),
        ...(eid.cvr ? [f('fuldmagter.fuldmaegtig_cvr', '=', eid.cvr)] : []),
      ]),
    )
}

/** The party rows that are the MitID user: by CPR hash or CVR, directly or by a power of attorney. */
function erMigVedEid(eb: ExpressionBuilder<DB, 'parter'>, eid: EidPrincipal) {
  return eb.or([
    ...(eid.cprHash ? [eb('parter.cpr_hash', '=', eid.cprHash)] : []),
    ...(eid.cvr ? [eb('parter.cvr', '=', eid.cvr)] : []),
    eb('parter.cpr_hash', 'in', gyldigeFuldmagter(eb, eid).select('fuldmagter.giver_cpr_hash').where('fuldmagter.giver_cpr_hash', 'is not', null).$narrowType<{ giver_cpr_hash: string }>()),
    eb('parter.cvr', 'in', gyldigeFuldmagter(eb, eid).select('fuldmagter.giver_cvr').where('fuldmagter.giver_cvr', 'is not', null).$narrowType<{ giver_cvr: string }>()),
  ])
}

export function sagerSomPart(db: Kysely<DB>, p: Principal): SelectQueryBuilder<DB, 'sager', object> {
  const eid = p.eid
  return db.selectFrom('sager').where((eb) =>
    eb.or([
      eb('sager.oprettet_af', '=', p.userId),
      eb.exists(eb.selectFrom('parter').select('parter.id').whereRef('parter.sag_id', '=', 'sager.id').where('parter.user_id', '=', p.userId)),
      // Drafts stay with whoever writes them; only filed cases are found by CPR or CVR.
      ...(eid && (eid.cprHash || eid.cvr)
        ? [eb.and([eb('sager.status', '!=', 'kladde'), eb.exists(eb.selectFrom('parter').select('parter.id').whereRef('parter.sag_id', '=', 'sager.id').where((pe) => erMigVedEid(pe, eid)))])]
        : []),
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
