// Retention (opbevaring): when a case counts as closed, from which day, and which closed
// cases of a board have been kept as long as the board keeps them. The one place that
// defines it; the proposal job, the deletion job (which checks again just before it
// deletes) and the tests all read it from here.
//
// Closed (lukket) means:
//   - afsluttet, henlagt, afvist, forlig: final states, closed from the day the case got
//     that status;
//   - afgjort: the decision can be brought before the boligret within 4 weeks after it was
//     notified to the parties (DOMAIN.md "Deadlines"), so an afgjort case counts as closed
//     only from 4 weeks after that day. (Dispensation within a year is for the court to
//     grant; the board keeps the case for years anyway.)
// The day is the latest status change in the journal (a case is never re-opened without
// one) or the decision date when that is later; sager.opdateret only when neither exists
// (cases imported without a journal).
// A decision still on its way to the public register (waiting for anonymization or
// review, or approved but not yet published) holds its case back: the public copy is made
// from it.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { KLAGEFRIST_UGER, type Dato } from '../../kerne/sag/frister.js'

export const lukkedeStatuser = ['afgjort', 'afsluttet', 'henlagt', 'afvist', 'forlig'] as const
export type LukketStatus = (typeof lukkedeStatuser)[number]

/** Publication states that still need the case (server/kerne/sag/offentliggoerelse.ts). */
export const publiceringIGang = ['afventer_anonymisering', 'til_gennemsyn', 'godkendt'] as const

/** The years a board keeps closed cases: its own choice, else the installation's. */
export async function opbevaringAar(db: Kysely<DB>, naevnId: string, standard: number): Promise<number> {
  const n = await db.selectFrom('naevn').select('opbevaring_aar').where('id', '=', naevnId).executeTakeFirst()
  return n?.opbevaring_aar ?? standard
}

export interface UdloebetSag {
  id: string
  sagsnummer: string | null
  status: string
  /** The day the case counts as closed from (for afgjort: the end of the appeal period). */
  lukket: Dato
}

/**
 * The closed cases of a board that closed before `lukketFoer` (so they have been kept the
 * board's years on the day lukketFoer is computed from). `sagId` narrows it to one case:
 * the deletion job asks again right before it deletes.
 */
export async function udloebneSager(db: Kysely<DB>, naevnId: string, lukketFoer: Dato, o: { sagId?: string } = {}): Promise<UdloebetSag[]> {
  const lukket = sql<Dato>`(
    greatest(
      (SELECT max(j.tidspunkt AT TIME ZONE 'Europe/Copenhagen')::date FROM journal j WHERE j.sag_id = sager.id AND j.til_status IS NOT NULL),
      (SELECT a.afgoerelsesdato FROM afgoerelser a WHERE a.sag_id = sager.id),
      CASE WHEN NOT EXISTS (SELECT 1 FROM journal j WHERE j.sag_id = sager.id AND j.til_status IS NOT NULL)
        THEN (sager.opdateret AT TIME ZONE 'Europe/Copenhagen')::date END
    ) + CASE WHEN sager.status = 'afgjort' THEN ${KLAGEFRIST_UGER * 7}::int ELSE 0 END
  )::text`
  const rows = await db
    .selectFrom('sager')
    .select(['sager.id', 'sager.sagsnummer', 'sager.status', lukket.as('lukket')])
    .where('sager.naevn_id', '=', naevnId)
    .where('sager.status', 'in', [...lukkedeStatuser])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('afgoerelser')
            .select('afgoerelser.id')
            .whereRef('afgoerelser.sag_id', '=', 'sager.id')
            .where('afgoerelser.publicering', 'in', [...publiceringIGang]),
        ),
      ),
    )
    .$if(o.sagId !== undefined, (qb) => qb.where('sager.id', '=', o.sagId!))
    .where(lukket, '<', lukketFoer)
    .orderBy('sager.sagsnummer')
    .execute()
  return rows
}
