// The filer's own name and number in the wizard, when they logged in with MitID: a citizen's
// name and CPR, or (MitID Erhverv) the company's name and CVR, as NemLog-in proved them.
// The parties step shows them locked ("Hentet fra MitID") and gemParter uses these values
// whatever the form posted. A password account gets null and keeps the free fields.
import type { Kysely } from 'kysely'
import type { Principal } from '../../kerne/access/principal.js'
import type { DB } from '../../platform/db/types.js'
import { maskCpr } from '../../kerne/identitet/cpr.js'
import type { CprCipher } from '../../kerne/identitet/cpr-crypto.js'

export interface FilerFraMitid {
  navn: string
  /** The number to store: ten CPR digits or the eight-digit CVR. */
  cprcvr: string
  /** The number as the page shows it (a CPR masked, as everywhere). */
  visning: string
  erhverv: boolean
}

export async function filerFraMitid(db: Kysely<DB>, cpr: CprCipher, p: Principal): Promise<FilerFraMitid | null> {
  if (!p.eid) return null
  // The identity loadPrincipal chose: the one last logged in with.
  const e = await db
    .selectFrom('eid_identiteter')
    .select(['cpr_krypteret', 'cvr', 'organisation'])
    .where('user_id', '=', p.userId)
    .orderBy('sidst_logget_ind', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!e) return null
  if (e.cvr) return { navn: e.organisation ?? p.navn, cprcvr: e.cvr, visning: e.cvr, erhverv: true }
  if (e.cpr_krypteret) {
    const nummer = cpr.decrypt(e.cpr_krypteret)
    return { navn: p.navn, cprcvr: nummer, visning: maskCpr(nummer), erhverv: false }
  }
  return null
}

/** The posted parties form with the filer's locked fields replaced by the MitID values. */
export function medMitidFiler<T extends Record<string, unknown>>(body: T | undefined, laast: FilerFraMitid | null): T | undefined {
  if (!laast) return body
  return { ...(body ?? ({} as T)), mig_navn: laast.navn, mig_cprcvr: laast.cprcvr }
}
