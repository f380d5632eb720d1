// What a board member does in the portal: keeps private notes on a case, declares
// disqualification (inhabilitet), and reads the material (each opening journaled for the
// access log, as the secretariat's are). Every function first asks server/kerne/access/moeder.ts.
import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.js'
import type { Principal } from '../../kerne/access/principal.js'
import { punktForMedlem } from '../../kerne/access/moeder.js'
import { ValidationError } from '../../platform/errors.js'
import { skrivJournal } from '../../kerne/sag/journal.js'
import { maksTegn, tekstGraenser } from '../../platform/forms/graenser.js'

/** One note per member and case; an empty text removes it. No one else reads it, not even the secretariat. */
export async function gemMedlemsnote(db: Database, p: Principal, moedeId: string, punktId: string, tekst: string, adgangDage: number): Promise<void> {
  const { punkt } = await punktForMedlem(db, p, moedeId, punktId, adgangDage)
  const clean = tekst.trim()
  if (clean.length > tekstGraenser.medlemsnote) throw new ValidationError('NoteForLang', `En note må højst være ${maksTegn('medlemsnote')} tegn.`, { note: 'Noten er for lang.' })
  if (!clean) {
    await db.deleteFrom('medlemsnoter').where('user_id', '=', p.userId).where('sag_id', '=', punkt.sag_id).execute()
    return
  }
  await db
    .insertInto('medlemsnoter')
    .values({ user_id: p.userId, sag_id: punkt.sag_id, tekst: clean })
    .onConflict((oc) => oc.columns(['user_id', 'sag_id']).doUpdateSet({ tekst: clean, opdateret: sql`now()` }))
    .execute()
}

export async function hentMedlemsnote(db: Database, p: Principal, sagId: string) {
  return db.selectFrom('medlemsnoter').select(['tekst', 'opdateret']).where('user_id', '=', p.userId).where('sag_id', '=', sagId).executeTakeFirst()
}

/**
 * The member is disqualified in the case: from now on its material is closed to them
 * (404), and the secretariat sees the declaration on the agenda and in the journal.
 */
export async function erklaerInhabilitet(db: Database, p: Principal, moedeId: string, punktId: string, begrundelse: string, adgangDage: number): Promise<void> {
  const { punkt } = await punktForMedlem(db, p, moedeId, punktId, adgangDage)
  await db.transaction().execute(async (trx) => {
    const ny = await trx
      .insertInto('inhabiliteter')
      .values({ user_id: p.userId, sag_id: punkt.sag_id, begrundelse: begrundelse.trim() || null })
      .onConflict((oc) => oc.columns(['user_id', 'sag_id']).doNothing())
      .returning('sag_id')
      .executeTakeFirst()
    if (ny) await skrivJournal(trx, { sagId: punkt.sag_id, aktoerId: p.userId, handling: 'inhabilitet_erklaeret', begrundelse: begrundelse.trim() || null, detaljer: { moedeId }, synligForParter: false })
  })
}

/** A member opened a case's material or one of its documents: recorded for the access log (GDPR). */
export async function logMedlemsAdgang(db: Database, p: Principal, sagId: string, dokumentId?: string): Promise<void> {
  await skrivJournal(db, { sagId, aktoerId: p.userId, handling: dokumentId ? 'dokument_laest' : 'sag_laest', detaljer: { naevnsmedlem: true, ...(dokumentId ? { dokumentId } : {}) }, synligForParter: false })
}
