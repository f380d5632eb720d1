// The boards (nævn) and the municipalities they serve: queries every module shares,
// and the merge of boards ("sammenlagte nævn").
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js'
import { logRevision } from '../revision/revisionslog.js'

export const naevnTyper = ['huslejenaevn', 'beboerklagenaevn'] as const
export type NaevnType = (typeof naevnTyper)[number]

export const naevnTypeLabel: Record<NaevnType, string> = {
  huslejenaevn: 'Huslejenævn',
  beboerklagenaevn: 'Beboerklagenævn',
}

export function isNaevnType(value: unknown): value is NaevnType {
  return naevnTyper.includes(value as NaevnType)
}

export interface NaevnFilter {
  type?: NaevnType
  q?: string
  aktiv?: boolean
  ids?: string[]
}

/** Boards with the municipalities they serve, by name. */
export function listNaevn(db: Kysely<DB>, filter: NaevnFilter = {}) {
  return db
    .selectFrom('naevn')
    .select(['naevn.id', 'naevn.type', 'naevn.navn', 'naevn.aktiv', 'naevn.adresse', 'naevn.postnr', 'naevn.by', 'naevn.email', 'naevn.telefon', 'naevn.hoeringsfrist_uger', 'naevn.sammenlagt_i'])
    .select(
      sql<{ kode: number; navn: string }[]>`coalesce((
        SELECT json_agg(json_build_object('kode', k.kommunekode, 'navn', k.navn) ORDER BY k.navn)
        FROM naevn_kommuner nk JOIN kommuner k ON k.kommunekode = nk.kommunekode
        WHERE nk.naevn_id = naevn.id
      ), '[]'::json)`.as('kommuner'),
    )
    .$if(filter.type !== undefined, (qb) => qb.where('naevn.type', '=', filter.type!))
    .$if(filter.aktiv !== undefined, (qb) => qb.where('naevn.aktiv', '=', filter.aktiv!))
    .$if(filter.ids !== undefined, (qb) => qb.where('naevn.id', 'in', filter.ids!.length ? filter.ids! : ['00000000-0000-0000-0000-000000000000']))
    .$if(Boolean(filter.q?.trim()), (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('naevn.navn', 'ilike', `%${escapeLike(filter.q!.trim())}%`),
          eb.exists(
            eb
              .selectFrom('naevn_kommuner as nk')
              .innerJoin('kommuner as k', 'k.kommunekode', 'nk.kommunekode')
              .select('nk.kommunekode')
              .whereRef('nk.naevn_id', '=', 'naevn.id')
              .where('k.navn', 'ilike', `%${escapeLike(filter.q!.trim())}%`),
          ),
        ]),
      ),
    )
    .orderBy('naevn.aktiv', 'desc')
    .orderBy('naevn.navn')
    .execute()
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** A board's name; null for no board or an unknown id. */
export async function naevnNavn(db: Kysely<DB>, id: string | null): Promise<string | null> {
  if (!id || !isUuid(id)) return null
  return (await db.selectFrom('naevn').select('navn').where('id', '=', id).executeTakeFirst())?.navn ?? null
}

/** The boards with these ids, by name, with their own retention choice. */
export async function naevnMedOpbevaring(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db.selectFrom('naevn').select(['id', 'navn', 'opbevaring_aar']).where('id', 'in', [...ids]).orderBy('navn').execute()
}

export async function findNaevn(db: Kysely<DB>, id: string) {
  if (!isUuid(id)) return undefined
  const rows = await listNaevn(db, { ids: [id] })
  return rows[0]
}

export async function getNaevn(db: Kysely<DB>, id: string) {
  const naevn = await findNaevn(db, id)
  if (!naevn) throw new NotFoundError('NaevnIkkeFundet', 'Nævnet findes ikke.')
  return naevn
}

/** The board of the given type that serves a municipality (where a tenancy lies). */
export function findNaevnForKommune(db: Kysely<DB>, type: NaevnType, kommunekode: number) {
  return db
    .selectFrom('naevn_kommuner')
    .innerJoin('naevn', 'naevn.id', 'naevn_kommuner.naevn_id')
    .select(['naevn.id', 'naevn.navn', 'naevn.type'])
    .where('naevn_kommuner.naevn_type', '=', type)
    .where('naevn_kommuner.kommunekode', '=', kommunekode)
    .executeTakeFirst()
}

/** The secretariat and the board members of one board. */
export function listMedlemmer(db: Kysely<DB>, naevnId: string) {
  return db
    .selectFrom('naevn_medlemskaber')
    .innerJoin('users', 'users.id', 'naevn_medlemskaber.user_id')
    .select(['users.id', 'users.navn', 'users.email', 'users.aktiv', 'naevn_medlemskaber.rolle'])
    .where('naevn_medlemskaber.naevn_id', '=', naevnId)
    .orderBy('naevn_medlemskaber.rolle', 'desc')
    .orderBy('users.navn')
    .execute()
}

export interface NaevnKontakt {
  navn: string
  adresse: string
  postnr: string
  by: string
  email: string
  telefon: string
  /** The parties' answer period in hearings, in weeks (lov om boligforhold § 82, stk. 3: two unless the board decides otherwise). */
  hoeringsfrist_uger: number
}

export async function updateNaevn(db: Kysely<DB>, id: string, kontakt: NaevnKontakt, actorId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('naevn').set(kontakt).where('id', '=', id).returning('id').executeTakeFirst()
    if (!updated) throw new NotFoundError('NaevnIkkeFundet', 'Nævnet findes ikke.')
    await logRevision(trx, { actorId, handling: 'naevn_opdateret', objektType: 'naevn', objektId: id, detaljer: { ...kontakt } })
  })
}

/**
 * Merges boards into one ("sammenlagt nævn"): the target takes over the sources'
 * municipalities and memberships; the sources are closed and point at the target.
 */
export async function sammenlaegNaevn(db: Kysely<DB>, targetId: string, sourceIds: string[], actorId: string | null): Promise<void> {
  const sources = [...new Set(sourceIds)].filter((id) => id !== targetId)
  if (sources.length === 0) {
    throw new ValidationError('IngenNaevnValgt', 'Vælg mindst ét andet nævn at lægge sammen med.', {
      kilder: 'Vælg mindst ét andet nævn at lægge sammen med.',
    })
  }
  if (![targetId, ...sources].every(isUuid)) throw new NotFoundError('NaevnIkkeFundet', 'Nævnet findes ikke.')

  await db.transaction().execute(async (trx) => {
    const boards = await trx
      .selectFrom('naevn')
      .select(['id', 'type', 'aktiv', 'navn'])
      .where('id', 'in', [targetId, ...sources])
      .forUpdate()
      .execute()
    const target = boards.find((b) => b.id === targetId)
    if (!target || boards.length !== sources.length + 1) throw new NotFoundError('NaevnIkkeFundet', 'Nævnet findes ikke.')
    if (boards.some((b) => !b.aktiv)) throw new ConflictError('NaevnIkkeAktivt', 'Et af nævnene er allerede lagt sammen med et andet.')
    if (boards.some((b) => b.type !== target.type)) {
      throw new ValidationError('ForskelligNaevnType', 'Kun nævn af samme type kan lægges sammen.', {
        kilder: 'Kun nævn af samme type kan lægges sammen.',
      })
    }

    await trx.updateTable('naevn_kommuner').set({ naevn_id: targetId }).where('naevn_id', 'in', sources).execute()
    await trx
      .insertInto('naevn_medlemskaber')
      .columns(['user_id', 'naevn_id', 'rolle'])
      .expression((eb) =>
        eb.selectFrom('naevn_medlemskaber').select(['user_id', eb.val(targetId).as('naevn_id'), 'rolle']).where('naevn_id', 'in', sources),
      )
      .onConflict((oc) => oc.columns(['user_id', 'naevn_id']).doNothing())
      .execute()
    await trx.deleteFrom('naevn_medlemskaber').where('naevn_id', 'in', sources).execute()
    await trx.updateTable('naevn').set({ aktiv: false, sammenlagt_i: targetId }).where('id', 'in', sources).execute()
    await logRevision(trx, {
      actorId,
      handling: 'naevn_sammenlagt',
      objektType: 'naevn',
      objektId: targetId,
      detaljer: { kilder: boards.filter((b) => b.id !== targetId).map((b) => ({ id: b.id, navn: b.navn })) },
    })
  })
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
}
