// The administrator's rules for accounts and boards.
import type { Database } from '../../platform/db/database.js'
import { createUser, removeMembership, setMembership, setUserActive } from '../../kerne/brugere/brugere.js'
import { naevnRoller, type NaevnRolle } from '../../kerne/access/principal.js'
import { minPasswordLength } from '../../kerne/auth/passwords.js'
import { ConflictError, ValidationError } from '../../platform/errors.js'
import { FormErrors, emailPattern } from '../../platform/forms/form.js'
import { isUuid, sammenlaegNaevn, updateNaevn, type NaevnKontakt } from '../../kerne/naevn/naevn.js'

export interface NyBrugerInput {
  navn: string
  email: string
  adgangskode: string
  admin: boolean
  naevnId: string
  rolle: string
}

export function isRolle(value: string): value is NaevnRolle {
  return (naevnRoller as readonly string[]).includes(value)
}

export async function opretBruger(db: Database, input: NyBrugerInput, actorId: string): Promise<{ userId: string } | { errors: FormErrors }> {
  const errors = new FormErrors()
  if (input.navn.length < 2) errors.add('navn', 'Skriv brugerens fulde navn.')
  if (!emailPattern.test(input.email)) errors.add('email', 'Skriv en gyldig e-mailadresse.')
  if (input.adgangskode.length < minPasswordLength) errors.add('adgangskode', `Adgangskoden skal være på mindst ${minPasswordLength} tegn.`)
  if (input.naevnId && !isRolle(input.rolle)) errors.add('rolle', 'Vælg brugerens rolle i nævnet.')
  if (!input.naevnId && input.rolle) errors.add('naevnId', 'Vælg det nævn, rollen gælder.')
  if (input.naevnId && !isUuid(input.naevnId)) errors.add('naevnId', 'Vælg et nævn på listen.')
  if (errors.any) return { errors }
  try {
    const userId = await db.transaction().execute((trx) =>
      createUser(trx, { navn: input.navn, email: input.email, password: input.adgangskode, isAdmin: input.admin }, actorId),
    )
    if (input.naevnId && isRolle(input.rolle)) await setMembership(db, userId, input.naevnId, input.rolle, actorId)
    return { userId }
  } catch (err) {
    if (err instanceof ConflictError) return { errors: errors.add('email', err.message) }
    throw err
  }
}

export async function skiftAktiv(db: Database, userId: string, aktiv: boolean, actorId: string): Promise<void> {
  if (!aktiv && userId === actorId) throw new ConflictError('KanIkkeDeaktivereSigSelv', 'Du kan ikke deaktivere din egen konto.')
  await setUserActive(db, userId, aktiv, actorId)
}

export async function tildelMedlemskab(db: Database, userId: string, naevnId: string, rolle: string, actorId: string): Promise<void> {
  const errors = new FormErrors()
  if (!naevnId || !isUuid(naevnId)) errors.add('naevnId', 'Vælg et nævn.')
  if (!isRolle(rolle)) errors.add('rolle', 'Vælg en rolle.')
  if (errors.any) throw new ValidationError('UgyldigtMedlemskab', 'Vælg både nævn og rolle.', errors.toView().fejl)
  await setMembership(db, userId, naevnId, rolle as NaevnRolle, actorId)
}

export { removeMembership as fjernMedlemskab }

export function validateKontakt(k: NaevnKontakt): FormErrors {
  const errors = new FormErrors()
  if (k.navn.length < 3) errors.add('navn', 'Skriv nævnets navn.')
  if (k.email && !emailPattern.test(k.email)) errors.add('email', 'Skriv en gyldig e-mailadresse.')
  if (k.postnr && !/^\d{4}$/.test(k.postnr)) errors.add('postnr', 'Postnummeret skal være fire cifre.')
  if (!Number.isInteger(k.hoeringsfrist_uger) || k.hoeringsfrist_uger < 1 || k.hoeringsfrist_uger > 12) errors.add('hoeringsfrist_uger', 'Høringsfristen skal være et helt antal uger fra 1 til 12.')
  return errors
}

export async function opdaterNaevn(db: Database, id: string, k: NaevnKontakt, actorId: string): Promise<FormErrors> {
  const errors = validateKontakt(k)
  if (!errors.any) await updateNaevn(db, id, k, actorId)
  return errors
}

export async function sammenlaeg(db: Database, targetId: string, sourceIds: string[], actorId: string): Promise<FormErrors> {
  try {
    await sammenlaegNaevn(db, targetId, sourceIds, actorId)
    return new FormErrors()
  } catch (err) {
    if (err instanceof ValidationError) return new FormErrors().merge(err.fields)
    if (err instanceof ConflictError) return new FormErrors().add('kilder', err.message)
    throw err
  }
}
