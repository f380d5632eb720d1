// Identity is pluggable: a provider turns credentials into a user id. Passwords (staff, and
// citizens while the administrator allows it) and MitID through NemLog-in's OIDC broker
// (server/kerne/auth/oidc/), whose proven identity is matched to an account here.
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.js'
import type { CprCipher } from '../identitet/cpr-crypto.js'
import { logRevision } from '../revision/revisionslog.js'
import type { EidIdentitet } from './oidc/nemlogin-claims.js'
import { verifyPassword } from './passwords.js'

export interface IdentityProvider<Credentials> {
  readonly name: string
  /** The id of an active user these credentials prove, or null. Never says why not. */
  authenticate(db: Database, credentials: Credentials): Promise<string | null>
}

export const passwordIdentity: IdentityProvider<{ email: string; password: string }> = {
  name: 'password',
  async authenticate(db, { email, password }) {
    const user = await db
      .selectFrom('users')
      .select(['id', 'password_hash', 'aktiv'])
      .where('email', '=', email.trim())
      .executeTakeFirst()
    const ok = await verifyPassword(user?.password_hash ?? null, password)
    return ok && user?.aktiv ? user.id : null
  },
}

/**
 * An identity the broker has proven (its ID token already checked): the account that
 * holds it, or a new one on the first login. The account's CPR hash and CVR are what
 * server/kerne/access/sager.ts matches against the parties of cases filed on paper or by the
 * secretariat, so they appear in "Mine sager" at once. A MitID user has no password and,
 * until they give one, no real e-mail address (a placeholder under .invalid, RFC 2606).
 */
export const mitidIdentity: IdentityProvider<{ udsteder: string; identitet: EidIdentitet; cpr: CprCipher }> = {
  name: 'mitid',
  async authenticate(db, { udsteder, identitet, cpr }) {
    const navn = identitet.organisation ? `${identitet.navn} (${identitet.organisation})` : identitet.navn
    const felter = {
      cpr_hash: identitet.cpr ? cpr.lookupHash(identitet.cpr) : null,
      cpr_krypteret: identitet.cpr ? cpr.encrypt(identitet.cpr) : null,
      cvr: identitet.cvr,
      organisation: identitet.organisation,
    }
    return db.transaction().execute(async (trx) => {
      const kendt = await trx
        .selectFrom('eid_identiteter')
        .innerJoin('users', 'users.id', 'eid_identiteter.user_id')
        .select(['eid_identiteter.id', 'users.id as user_id', 'users.aktiv'])
        .where('eid_identiteter.udsteder', '=', udsteder)
        .where('eid_identiteter.subjekt', '=', identitet.subjekt)
        .forUpdate()
        .executeTakeFirst()
      if (kendt) {
        if (!kendt.aktiv) return null
        await trx.updateTable('eid_identiteter').set({ ...felter, sidst_logget_ind: sql`now()` }).where('id', '=', kendt.id).execute()
        // The register's name wins: a change of name at CPR shows on the next login.
        await trx.updateTable('users').set({ navn }).where('id', '=', kendt.user_id).execute()
        return kendt.user_id
      }
      const user = await trx
        .insertInto('users')
        .values({ navn, email: `mitid-${randomUUID()}@mitid.invalid`, password_hash: null })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx.insertInto('eid_identiteter').values({ ...felter, user_id: user.id, udsteder, subjekt: identitet.subjekt }).execute()
      await logRevision(trx, { actorId: user.id, handling: 'bruger_oprettet', objektType: 'bruger', objektId: user.id, detaljer: { kilde: 'mitid', erhverv: identitet.cvr !== null } })
      return user.id
    })
  },
}
