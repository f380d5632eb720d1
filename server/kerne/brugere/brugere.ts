// User accounts and their board memberships: created by citizens themselves (borger)
// or by an administrator (staff, board members, admins).
import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { ConflictError, NotFoundError } from '../../platform/errors.js'
import { hashPassword } from '../auth/passwords.js'
import { revokeUserSessions } from '../auth/sessions.js'
import { logRevision } from '../revision/revisionslog.js'
import { escapeLike, isUuid } from '../naevn/naevn.js'
import type { NaevnRolle } from '../access/principal.js'

export const rolleLabel: Record<NaevnRolle, string> = {
  sagsbehandler: 'Sagsbehandler',
  sekretariatsleder: 'Sekretariatsleder',
  naevnsmedlem: 'Nævnsmedlem',
}

export interface NyBruger {
  navn: string
  email: string
  password: string
  isAdmin?: boolean
}

export async function createUser(trx: Transaction<DB>, ny: NyBruger, actorId: string | null): Promise<string> {
  const existing = await trx.selectFrom('users').select('id').where('email', '=', ny.email.trim()).executeTakeFirst()
  if (existing) throw new ConflictError('EmailIBrug', 'Der findes allerede en konto med denne e-mailadresse.')
  const row = await trx
    .insertInto('users')
    .values({
      navn: ny.navn.trim(),
      email: ny.email.trim(),
      password_hash: await hashPassword(ny.password),
      is_admin: ny.isAdmin ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await logRevision(trx, {
    actorId: actorId ?? row.id,
    handling: 'bruger_oprettet',
    objektType: 'bruger',
    objektId: row.id,
    detaljer: { admin: ny.isAdmin ?? false },
  })
  return row.id
}

export async function findUser(db: Kysely<DB>, id: string) {
  if (!isUuid(id)) return undefined
  return db.selectFrom('users').select(['id', 'navn', 'email', 'is_admin', 'aktiv', 'oprettet', 'deaktiveret']).where('id', '=', id).executeTakeFirst()
}

export async function getUser(db: Kysely<DB>, id: string) {
  const user = await findUser(db, id)
  if (!user) throw new NotFoundError('BrugerIkkeFundet', 'Brugeren findes ikke.')
  return user
}

export interface BrugerFilter {
  q?: string
  limit: number
  offset: number
}

export async function listUsers(db: Kysely<DB>, filter: BrugerFilter) {
  const q = filter.q?.trim()
  const base = db
    .selectFrom('users')
    .$if(Boolean(q), (qb) => qb.where((eb) => eb.or([eb('navn', 'ilike', `%${escapeLike(q!)}%`), eb('email', 'ilike', `%${escapeLike(q!)}%`)])))
  const [rows, total] = await Promise.all([
    base
      .select(['users.id', 'users.navn', 'users.email', 'users.is_admin', 'users.aktiv'])
      .select(
        sql<{ naevn: string; rolle: NaevnRolle }[]>`coalesce((
          SELECT json_agg(json_build_object('naevn', n.navn, 'rolle', m.rolle) ORDER BY n.navn)
          FROM naevn_medlemskaber m JOIN naevn n ON n.id = m.naevn_id WHERE m.user_id = users.id
        ), '[]'::json)`.as('medlemskaber'),
      )
      .orderBy('users.aktiv', 'desc')
      .orderBy('users.navn')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('antal')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.antal) }
}

export function listMemberships(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('naevn_medlemskaber')
    .innerJoin('naevn', 'naevn.id', 'naevn_medlemskaber.naevn_id')
    .select(['naevn.id as naevn_id', 'naevn.navn as naevn_navn', 'naevn.aktiv as naevn_aktiv', 'naevn_medlemskaber.rolle'])
    .where('naevn_medlemskaber.user_id', '=', userId)
    .orderBy('naevn.navn')
    .execute()
}

/** Deactivation ends every session of the user at once. */
export async function setUserActive(db: Kysely<DB>, userId: string, aktiv: boolean, actorId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ aktiv, deaktiveret: aktiv ? null : sql`now()` })
      .where('id', '=', userId)
      .returning('id')
      .executeTakeFirst()
    if (!updated) throw new NotFoundError('BrugerIkkeFundet', 'Brugeren findes ikke.')
    if (!aktiv) await revokeUserSessions(trx, userId)
    await logRevision(trx, { actorId, handling: aktiv ? 'bruger_aktiveret' : 'bruger_deaktiveret', objektType: 'bruger', objektId: userId })
  })
}

/** One role per user and board; setting it again replaces the role. */
export async function setMembership(db: Kysely<DB>, userId: string, naevnId: string, rolle: NaevnRolle, actorId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const naevn = await trx.selectFrom('naevn').select(['id', 'aktiv']).where('id', '=', naevnId).executeTakeFirst()
    if (!naevn) throw new NotFoundError('NaevnIkkeFundet', 'Nævnet findes ikke.')
    if (!naevn.aktiv) throw new ConflictError('NaevnIkkeAktivt', 'Nævnet er lagt sammen med et andet nævn. Vælg det nævn i stedet.')
    await trx
      .insertInto('naevn_medlemskaber')
      .values({ user_id: userId, naevn_id: naevnId, rolle })
      .onConflict((oc) => oc.columns(['user_id', 'naevn_id']).doUpdateSet({ rolle }))
      .execute()
    await logRevision(trx, { actorId, handling: 'medlemskab_sat', objektType: 'bruger', objektId: userId, detaljer: { naevnId, rolle } })
  })
}

export async function removeMembership(db: Kysely<DB>, userId: string, naevnId: string, actorId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('naevn_medlemskaber').where('user_id', '=', userId).where('naevn_id', '=', naevnId).execute()
    await logRevision(trx, { actorId, handling: 'medlemskab_fjernet', objektType: 'bruger', objektId: userId, detaljer: { naevnId } })
  })
}
