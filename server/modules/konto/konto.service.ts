// Logging in, registering as a citizen, and the rules for both.
import type { Database } from '../../platform/db/database.js'
import { passwordIdentity } from '../../kerne/auth/identity.js'
import { isLockedOut, recordAttempt, type LockoutPolicy } from '../../kerne/auth/login-attempts.js'
import { minPasswordLength } from '../../kerne/auth/passwords.js'
import { createUser } from '../../kerne/brugere/brugere.js'
import { ConflictError } from '../../platform/errors.js'
import { FormErrors, emailPattern } from '../../platform/forms/form.js'
import { addToOutbox } from '../../kerne/outbox/outbox.js'

export type LoginResult = { ok: true; userId: string; personale: boolean; totp: boolean } | { ok: false }

/**
 * One answer for a wrong password, an unknown address and a locked account, so the
 * page never reveals whether an account exists.
 */
export async function login(db: Database, email: string, password: string, ip: string, lockout: LockoutPolicy): Promise<LoginResult> {
  if (await isLockedOut(db, email, lockout)) {
    await recordAttempt(db, email, ip, false)
    return { ok: false }
  }
  const userId = await passwordIdentity.authenticate(db, { email, password })
  await recordAttempt(db, email, ip, userId !== null)
  if (!userId) return { ok: false }
  const user = await db
    .selectFrom('users')
    .select((eb) => [
      'users.is_admin',
      eb.exists(eb.selectFrom('naevn_medlemskaber').select('naevn_medlemskaber.user_id').whereRef('naevn_medlemskaber.user_id', '=', 'users.id')).as('medlem'),
      eb('users.totp_hemmelighed', 'is not', null).as('totp'),
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow()
  return { ok: true, userId, personale: user.is_admin || Boolean(user.medlem), totp: Boolean(user.totp) }
}

export interface Registrering {
  navn: string
  email: string
  adgangskode: string
  adgangskode_gentag: string
}

export function validateRegistrering(r: Registrering): FormErrors {
  const errors = new FormErrors()
  if (r.navn.length < 2) errors.add('navn', 'Skriv dit fulde navn.')
  if (!emailPattern.test(r.email)) errors.add('email', 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.')
  if (r.adgangskode.length < minPasswordLength) {
    errors.add('adgangskode', `Adgangskoden skal være på mindst ${minPasswordLength} tegn.`)
  }
  if (r.adgangskode !== r.adgangskode_gentag) errors.add('adgangskode_gentag', 'De to adgangskoder er ikke ens.')
  return errors
}

/** Creates the citizen's account; the welcome e-mail follows through the outbox. */
export async function registrerBorger(db: Database, r: Registrering): Promise<{ userId: string } | { errors: FormErrors }> {
  const errors = validateRegistrering(r)
  if (errors.any) return { errors }
  try {
    const userId = await db.transaction().execute(async (trx) => {
      const id = await createUser(trx, { navn: r.navn, email: r.email, password: r.adgangskode }, null)
      await addToOutbox(trx, 'send-velkomstmail', { userId: id })
      return id
    })
    return { userId }
  } catch (err) {
    if (err instanceof ConflictError) return { errors: new FormErrors().add('email', err.message) }
    throw err
  }
}
