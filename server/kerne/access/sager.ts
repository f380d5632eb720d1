// Which cases a user may see as a party, by one rule (handlerSomPart): a user acts as a
// party of a case when the party row is linked to their account, when they filed the case
// (for the filing side), or, for a filed case, when the party carries their MitID CPR (by
// the keyed look-up hash) or their MitID Erhverv company's CVR, or when a power of attorney
// (fuldmagt) in force today from the party's CPR/CVR names them (their CPR or CVR). Every
// decision about a citizen's or company's access (the case, its documents, messages and
// hearings, and whom the secretariat may write to) is made here. Staff see the filed cases
// of their own boards.
import { sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { NotFoundError } from '../../platform/errors.js'
import { isUuid } from '../naevn/naevn.js'
import { idagIDanmark } from '../sag/frister.js'
import type { Principal } from './principal.js'
import { staffNaevnIds } from './policies.js'

/** Who acts, as SQL operands: values for the logged-in principal, columns for a user row. */
export interface Handlende {
  userId: Expression<string>
  cprHash: Expression<string | null>
  cvr: Expression<string | null>
}

export function principalSomHandlende(p: Principal): Handlende {
  return {
    userId: sql<string>`${p.userId}::uuid`,
    cprHash: sql<string | null>`${p.eid?.cprHash ?? null}::text`,
    cvr: sql<string | null>`${p.eid?.cvr ?? null}::text`,
  }
}

/**
 * The one rule: true for a row of `parter` (with its case as `sager` in scope) that the
 * acting user speaks for. A power of attorney counts from gyldig_fra to gyldig_til
 * (both days included, Danish date), unless revoked; one registered in a case covers that
 * case only. Drafts are found only through the account (never by CPR or CVR).
 */
export function handlerSomPart(h: Handlende, idag: string = idagIDanmark()): RawBuilder<SqlBool> {
  return sql<SqlBool>`(
    parter.user_id = ${h.userId}
    OR (sager.oprettet_af = ${h.userId} AND parter.rolle IN ('indbringer', 'medpart'))
    OR (sager.status <> 'kladde' AND (
      parter.cpr_hash = ${h.cprHash}
      OR parter.cvr = ${h.cvr}
      OR EXISTS (
        SELECT 1 FROM fuldmagter f
        WHERE f.tilbagekaldt IS NULL
          AND f.gyldig_fra <= ${idag}::date
          AND (f.gyldig_til IS NULL OR f.gyldig_til >= ${idag}::date)
          AND (f.sag_id IS NULL OR f.sag_id = sager.id)
          AND (f.fuldmaegtig_cpr_hash = ${h.cprHash} OR f.fuldmaegtig_cvr = ${h.cvr})
          AND (f.giver_cpr_hash = parter.cpr_hash OR f.giver_cvr = parter.cvr)
      )
    ))
  )`
}

export function sagerSomPart(db: Kysely<DB>, p: Principal): SelectQueryBuilder<DB, 'sager', object> {
  const h = principalSomHandlende(p)
  return db.selectFrom('sager').where((eb) =>
    eb.or([
      // A fresh draft has no parties yet: it is its writer's.
      eb('sager.oprettet_af', '=', p.userId),
      eb.exists(eb.selectFrom('parter').select('parter.id').whereRef('parter.sag_id', '=', 'sager.id').where(handlerSomPart(h))),
    ]),
  )
}

/** The parties of a case the user speaks for (answers hearings for, sees documents meant for). */
export async function parterBrugerenTalerFor(db: Kysely<DB>, p: Principal, sagId: string): Promise<string[]> {
  if (!isUuid(sagId)) return []
  const rows = await db
    .selectFrom('parter')
    .innerJoin('sager', 'sager.id', 'parter.sag_id')
    .select('parter.id')
    .where('parter.sag_id', '=', sagId)
    .where(handlerSomPart(principalSomHandlende(p)))
    .execute()
  return rows.map((r) => r.id)
}

/**
 * The active users who act as a party of the case by the same rule: the filer, parties who
 * joined, and MitID users found by CPR, CVR or a power of attorney (by the identity they
 * last logged in with, as loadPrincipal reads it). Whom the secretariat may write to.
 */
export function brugereSomPartISag(db: Kysely<DB>, sagId: string) {
  return db
    .selectFrom('users')
    .leftJoin('eid_identiteter as e', (j) =>
      j.onRef('e.user_id', '=', 'users.id').on(
        'e.id',
        '=',
        sql<string>`(SELECT x.id FROM eid_identiteter x WHERE x.user_id = users.id ORDER BY x.sidst_logget_ind DESC LIMIT 1)`,
      ),
    )
    .select(['users.id', 'users.navn'])
    .where('users.aktiv', '=', true)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('parter')
          .innerJoin('sager', 'sager.id', 'parter.sag_id')
          .select('parter.id')
          .where('parter.sag_id', '=', sagId)
          .where(handlerSomPart({ userId: sql.ref<string>('users.id'), cprHash: sql.ref<string | null>('e.cpr_hash'), cvr: sql.ref<string | null>('e.cvr') })),
      ),
    )
    .orderBy('users.navn')
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
