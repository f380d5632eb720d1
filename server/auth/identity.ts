// Identity is pluggable: a provider turns credentials into a user id. Passwords now;
// MitID (NemLog-in SAML or an OIDC broker) becomes another provider later.
import type { Database } from '../db/database.js'
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
