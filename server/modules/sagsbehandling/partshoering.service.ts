// Sending a case to hearing: the caseworker picks recipients, documents and a message;
// the answer deadline is counted in Danish working days from the board's answer period.
// The letter and the notices follow through the outbox.
import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.js'
import type { Principal } from '../../kerne/access/principal.js'
import { sagForPersonale } from '../../kerne/access/sager.js'
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js'
import { FormErrors } from '../../platform/forms/form.js'
import { addToOutbox } from '../../kerne/outbox/outbox.js'
import { erDato, fraDate, naesteArbejdsdag, svarfrist, type Dato } from '../../kerne/sag/frister.js'
import { skrivJournal } from '../../kerne/sag/journal.js'
import { skiftStatus } from '../../kerne/sag/livscyklus.js'

export async function standardSvarfrist(db: Database, naevnId: string, idag = new Date()): Promise<Dato> {
  const naevn = await db.selectFrom('naevn').select('hoeringsfrist_uger').where('id', '=', naevnId).executeTakeFirstOrThrow()
  return svarfrist(fraDate(idag), naevn.hoeringsfrist_uger)
}

export interface NyPartshoering {
  modtagere: string[]
  dokumenter: string[]
  besked: string
  frist: string
}

export async function opretPartshoering(db: Database, p: Principal, sagId: string, input: NyPartshoering, idag = new Date()): Promise<string> {
  const sag = await sagForPersonale(db, p, sagId)
  const errors = new FormErrors()
  const parter = await db.selectFrom('parter').select(['id', 'rolle']).where('sag_id', '=', sagId).execute()
  const dokumenter = await db.selectFrom('dokumenter').select('id').where('sag_id', '=', sagId).execute()
  const modtagere = [...new Set(input.modtagere)]
  const valgteDokumenter = [...new Set(input.dokumenter)]
  if (modtagere.length === 0) errors.add('modtagere', 'Vælg mindst én modtager.')
  if (modtagere.some((m) => !parter.some((x) => x.id === m && x.rolle !== 'repraesentant'))) errors.add('modtagere', 'Vælg modtagere blandt sagens parter.')
  if (valgteDokumenter.some((d) => !dokumenter.some((x) => x.id === d))) errors.add('dokumenter', 'Vælg dokumenter fra sagen.')
  if (input.besked.trim().length < 10) errors.add('besked', 'Skriv, hvad parterne skal forholde sig til.')
  const idagDato = fraDate(idag)
  if (!erDato(input.frist)) errors.add('frist', 'Angiv svarfristen som en dato.')
  else if (input.frist <= idagDato) errors.add('frist', 'Svarfristen skal ligge efter i dag.')
  if (errors.any) throw new ValidationError('UgyldigPartshoering', 'Partshøringen kan ikke sendes.', errors.toView().fejl)
  // A deadline on a non-working day moves to the next working day (DOMAIN: frister).
  const frist = naesteArbejdsdag(input.frist)

  return db.transaction().execute(async (trx) => {
    if (sag.status === 'indbragt') await skiftStatus(trx, sagId, 'under_behandling', { aktoerId: p.userId, begrundelse: 'Sagen sendes i partshøring' })
    const status = (await trx.selectFrom('sager').select('status').where('id', '=', sagId).executeTakeFirstOrThrow()).status
    if (status !== 'partshoering') await skiftStatus(trx, sagId, 'partshoering', { aktoerId: p.userId })
    const hoering = await trx
      .insertInto('partshoeringer')
      .values({ sag_id: sagId, oprettet_af: p.userId, besked: input.besked.trim(), frist, oprindelig_frist: frist })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx.insertInto('partshoering_modtagere').values(modtagere.map((m) => ({ partshoering_id: hoering.id, part_id: m }))).execute()
    if (valgteDokumenter.length > 0) {
      await trx.insertInto('partshoering_dokumenter').values(valgteDokumenter.map((d) => ({ partshoering_id: hoering.id, dokument_id: d }))).execute()
      // What is sent in a hearing, the recipients may see.
      await trx.updateTable('dokumenter').set({ synlig_for_parter: true }).where('id', 'in', valgteDokumenter).execute()
    }
    await skrivJournal(trx, { sagId, aktoerId: p.userId, handling: 'partshoering_sendt', detaljer: { partshoeringId: hoering.id, frist, modtagere }, synligForParter: true })
    await addToOutbox(trx, 'generer-hoeringsbrev', { partshoeringId: hoering.id })
    return hoering.id
  })
}

async function hoeringForPersonale(db: Database, p: Principal, sagId: string, hoeringId: string) {
  await sagForPersonale(db, p, sagId)
  const h = await db.selectFrom('partshoeringer').selectAll().where('id', '=', hoeringId).where('sag_id', '=', sagId).executeTakeFirst()
  if (!h) throw new NotFoundError('HoeringIkkeFundet', 'Høringen findes ikke.')
  return h
}

/** The board can extend the answer period (lov om boligforhold § 82, stk. 3); the recipients are told. */
export async function forlaengFrist(db: Database, p: Principal, sagId: string, hoeringId: string, nyFrist: string, begrundelse: string): Promise<void> {
  const h = await hoeringForPersonale(db, p, sagId, hoeringId)
  if (h.afsluttet) throw new ConflictError('HoeringAfsluttet', 'Høringen er afsluttet.')
  if (!erDato(nyFrist) || nyFrist <= h.frist) throw new ValidationError('UgyldigFrist', 'Den nye frist skal ligge efter den nuværende.', { nyFrist: 'Den nye frist skal ligge efter den nuværende.' })
  const frist = naesteArbejdsdag(nyFrist)
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('partshoeringer').set({ frist }).where('id', '=', hoeringId).execute()
    await skrivJournal(trx, { sagId, aktoerId: p.userId, handling: 'frist_forlaenget', begrundelse: begrundelse.trim() || null, detaljer: { partshoeringId: hoeringId, fra: h.frist, til: frist }, synligForParter: true })
    const modtagere = await trx.selectFrom('partshoering_modtagere').select('part_id').where('partshoering_id', '=', hoeringId).execute()
    for (const m of modtagere) await addToOutbox(trx, 'send-partsnotifikation', { sagId, partId: m.part_id, haendelse: 'frist_forlaenget' })
  })
}

/** Ends the hearing; the case goes back to the caseworker (under_behandling). */
export async function afslutPartshoering(db: Database, p: Principal, sagId: string, hoeringId: string): Promise<void> {
  const h = await hoeringForPersonale(db, p, sagId, hoeringId)
  if (h.afsluttet) throw new ConflictError('HoeringAfsluttet', 'Høringen er allerede afsluttet.')
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('partshoeringer').set({ afsluttet: sql`now()` }).where('id', '=', hoeringId).execute()
    await skrivJournal(trx, { sagId, aktoerId: p.userId, handling: 'partshoering_afsluttet', detaljer: { partshoeringId: hoeringId }, synligForParter: true })
    const aabne = await trx.selectFrom('partshoeringer').select('id').where('sag_id', '=', sagId).where('afsluttet', 'is', null).executeTakeFirst()
    const status = (await trx.selectFrom('sager').select('status').where('id', '=', sagId).executeTakeFirstOrThrow()).status
    if (!aabne && status === 'partshoering') await skiftStatus(trx, sagId, 'under_behandling', { aktoerId: p.userId, begrundelse: 'Partshøringen er afsluttet' })
  })
}
