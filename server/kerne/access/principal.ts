// Who is asking: loaded once per request from the session's user and memberships.
import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.js'

export const naevnRoller = ['sagsbehandler', 'sekretariatsleder', 'naevnsmedlem'] as const
export type NaevnRolle = (typeof naevnRoller)[number]

/** The roles of a board's secretariat (its staff): they handle its cases. */
export const personaleRoller = ['sagsbehandler', 'sekretariatsleder'] as const satisfies readonly NaevnRolle[]

export interface Membership {
  naevnId: string
  naevnNavn: string
  rolle: NaevnRolle
}

/** Who the user is by MitID (server/kerne/auth/oidc/): the CPR look-up hash, or the company's CVR. */
export interface EidPrincipal {
  cprHash: string | null
  cvr: string | null
  organisation: string | null
}

export interface Principal {
  userId: string
  sessionId: string
  navn: string
  email: string
  isAdmin: boolean
  memberships: Membership[]
  /** Set for a user who logged in with MitID (or MitID Erhverv); null for a password account. */
  eid: EidPrincipal | null
  /** The account has a password (staff, and citizens' fallback accounts). */
  harAdgangskode: boolean
  harTotp: boolean
}

export async function loadPrincipal(db: Database, userId: string, sessionId: string): Promise<Principal | null> {
  const row = await db
    .selectFrom('users')
    .select(['users.id', 'users.navn', 'users.email', 'users.is_admin'])
    .select((eb) => [eb('users.password_hash', 'is not', null).as('har_adgangskode'), eb('users.totp_hemmelighed', 'is not', null).as('har_totp')])
    .select(
      sql<Membership[]>`coalesce((
        SELECT json_agg(json_build_object('naevnId', n.id, 'naevnNavn', n.navn, 'rolle', m.rolle) ORDER BY n.navn)
        FROM naevn_medlemskaber m JOIN naevn n ON n.id = m.naevn_id
        WHERE m.user_id = users.id AND n.aktiv
      ), '[]'::json)`.as('memberships'),
    )
    .select(
      sql<EidPrincipal | null>`(
        SELECT json_build_object('cprHash', e.cpr_hash, 'cvr', e.cvr, 'organisation', e.organisation)
        FROM eid_identiteter e WHERE e.user_id = users.id ORDER BY e.sidst_logget_ind DESC LIMIT 1
      )`.as('eid'),
    )
    .where('users.id', '=', userId)
    .where('users.aktiv', '=', true)
    .executeTakeFirst()
  if (!row) return null
  return {
    userId: row.id,
    sessionId,
    navn: row.navn,
    email: row.email,
    isAdmin: row.is_admin,
    memberships: row.memberships,
    eid: row.eid,
    harAdgangskode: Boolean(row.har_adgangskode),
    harTotp: Boolean(row.har_totp),
  }
}
