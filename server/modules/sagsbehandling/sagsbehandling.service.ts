// The secretariat's first tools: the list of incoming cases of its boards and the
// registration of a paid fee (work on a case starts when the fee is paid).
import { adresseKolonner } from '../../kerne/sag/visning.js'
import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.js'
import { personaleRoller, type Principal } from '../../kerne/access/principal.js'
import { brugereSomPartISag, sagForPersonale, sagerForPersonale } from '../../kerne/access/sager.js'
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js'
import { mayAssignOthers } from '../../kerne/access/policies.js'
import { isUuid } from '../../kerne/naevn/naevn.js'
import { skrivJournal } from '../../kerne/sag/journal.js'
import { addToOutbox } from '../../kerne/outbox/outbox.js'
import { skiftStatus } from '../../kerne/sag/livscyklus.js'
import { sagStatuser, type SagStatus } from '../../kerne/sag/status.js'
import { maksTegn, tekstGraenser } from '../../platform/forms/graenser.js'

export function indkomneSager(db: Database, p: Principal, limit = 50) {
  return sagerForPersonale(db, p)
    .innerJoin('naevn', 'naevn.id', 'sager.naevn_id')
    .select([
      'sager.id',
      'sager.sagsnummer',
      'sager.status',
      'sager.indbragt',
      'sager.gebyr_kr',
      'sager.gebyr_betalt',
      ...adresseKolonner,
      'naevn.navn as naevn_navn',
    ])
    .orderBy('sager.indbragt', 'desc')
    .limit(limit)
    .execute()
}

export async function registrerGebyrBetalt(db: Database, p: Principal, sagId: string): Promise<void> {
  await sagForPersonale(db, p, sagId)
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('sager')
      .set({ gebyr_betalt: sql`now()`, version: sql`version + 1`, opdateret: sql`now()` })
      .where('id', '=', sagId)
      .where('gebyr_betalt', 'is', null)
      .returning('id')
      .executeTakeFirst()
    if (!updated) throw new ConflictError('GebyrAlleredeBetalt', 'Gebyret er allerede registreret som betalt.')
    await skrivJournal(trx, { sagId, aktoerId: p.userId, handling: 'gebyr_betalt', synligForParter: true })
  })
}

/** A caseworker takes a case; a head of secretariat assigns (or reassigns) it to anyone of the board's staff. */
export async function tildel(db: Database, p: Principal, sagId: string, tilUserId: string, forventetVersion?: number): Promise<void> {
  const sag = await sagForPersonale(db, p, sagId)
  if (tilUserId !== p.userId && !mayAssignOthers(p, sag.naevn_id!)) throw new NotFoundError('SagIkkeFundet', 'Sagen findes ikke.')
  const personale = await db
    .selectFrom('naevn_medlemskaber')
    .select('user_id')
    .where('naevn_id', '=', sag.naevn_id!)
    .where('user_id', '=', tilUserId)
    .where('rolle', 'in', personaleRoller)
    .executeTakeFirst()
  if (!personale) throw new ValidationError('UkendtSagsbehandler', 'Vælg en sagsbehandler fra nævnets sekretariat.', { sagsbehandler: 'Vælg en sagsbehandler fra nævnets sekretariat.' })
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('sager')
      .set({ sagsbehandler_id: tilUserId, version: sql`version + 1`, opdateret: sql`now()` })
      .where('id', '=', sagId)
      .$if(forventetVersion !== undefined, (qb) => qb.where('version', '=', forventetVersion!))
      .returning('id')
      .executeTakeFirst()
    if (!updated) throw new ConflictError('SagAendret', 'Sagen er blevet ændret af en anden, siden du åbnede den. Genindlæs siden og prøv igen.')
    await skrivJournal(trx, { sagId, aktoerId: p.userId, handling: 'tildelt', detaljer: { fra: sag.sagsbehandler_id, til: tilUserId }, synligForParter: false })
  })
}

// Closing a case without a decision must say why (it is journaled and told to the parties).
const kraeverBegrundelse: SagStatus[] = ['henlagt', 'afvist', 'forlig']

export async function skiftStatusSomPersonale(db: Database, p: Principal, sagId: string, til: string, begrundelse: string, forventetVersion?: number): Promise<void> {
  await sagForPersonale(db, p, sagId)
  if (!sagStatuser.includes(til as SagStatus)) throw new ValidationError('UkendtStatus', 'Vælg en gyldig status.', { status: 'Vælg en gyldig status.' })
  if (kraeverBegrundelse.includes(til as SagStatus) && begrundelse.trim().length < 5) {
    throw new ValidationError('BegrundelseMangler', 'Skriv en begrundelse; den journaliseres og kan ses af parterne.', { begrundelse: 'Skriv en begrundelse.' })
  }
  await db.transaction().execute((trx) => skiftStatus(trx, sagId, til as SagStatus, { aktoerId: p.userId, begrundelse: begrundelse.trim() || undefined, forventetVersion }))
}

export async function tilfoejNotat(db: Database, p: Principal, sagId: string, tekst: string, retterNotatId?: string): Promise<void> {
  await sagForPersonale(db, p, sagId)
  const clean = tekst.trim()
  if (!clean) throw new ValidationError('NotatTomt', 'Skriv notatet.', { notat: 'Skriv notatet.' })
  if (clean.length > tekstGraenser.notat) throw new ValidationError('NotatForLangt', `Et notat må højst være ${maksTegn('notat')} tegn.`, { notat: 'Notatet er for langt.' })
  if (retterNotatId) {
    const rettet = isUuid(retterNotatId) ? await db.selectFrom('notater').select('id').where('id', '=', retterNotatId).where('sag_id', '=', sagId).executeTakeFirst() : undefined
    if (!rettet) throw new NotFoundError('NotatIkkeFundet', 'Notatet findes ikke.')
  }
  await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('notater').values({ sag_id: sagId, forfatter_id: p.userId, tekst: clean, retter_notat_id: retterNotatId ?? null }).returning('id').executeTakeFirstOrThrow()
    await skrivJournal(trx, { sagId, aktoerId: p.userId, handling: retterNotatId ? 'notat_rettet' : 'notat', detaljer: { notatId: row.id }, synligForParter: false })
  })
}

export async function gemVurdering(db: Database, p: Principal, sagId: string, tekst: string, forventetVersion?: number): Promise<void> {
  await sagForPersonale(db, p, sagId)
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('sager')
      .set({ vurdering: tekst.trim() || null, version: sql`version + 1`, opdateret: sql`now()` })
      .where('id', '=', sagId)
      .$if(forventetVersion !== undefined, (qb) => qb.where('version', '=', forventetVersion!))
      .returning('id')
      .executeTakeFirst()
    if (!updated) throw new ConflictError('SagAendret', 'Sagen er blevet ændret af en anden, siden du åbnede den. Dit udkast er vist igen; genindlæs og gem det igen.')
    await skrivJournal(trx, { sagId, aktoerId: p.userId, handling: 'vurdering_opdateret', synligForParter: false })
  })
}

/** A letter to chosen parties: stored now, made into a PDF and sent through the outbox. */
export async function skrivBrev(db: Database, p: Principal, sagId: string, input: { modtagere: string[]; emne: string; tekst: string }): Promise<void> {
  await sagForPersonale(db, p, sagId)
  const parter = await db.selectFrom('parter').select(['id', 'rolle']).where('sag_id', '=', sagId).execute()
  const modtagere = [...new Set(input.modtagere)]
  const fejl: Record<string, string> = {}
  if (modtagere.length === 0 || modtagere.some((m) => !parter.some((x) => x.id === m))) fejl.brev_modtagere = 'Vælg modtagere blandt sagens parter.'
  if (input.emne.trim().length < 3) fejl.emne = 'Skriv brevets emne.'
  if (input.tekst.trim().length < 10) fejl.brevtekst = 'Skriv brevets tekst.'
  if (Object.keys(fejl).length > 0) throw new ValidationError('UgyldigtBrev', 'Brevet kan ikke sendes.', fejl)
  await db.transaction().execute(async (trx) => {
    const brev = await trx.insertInto('breve').values({ sag_id: sagId, oprettet_af: p.userId, emne: input.emne.trim(), tekst: input.tekst.trim(), modtagere }).returning('id').executeTakeFirstOrThrow()
    await skrivJournal(trx, { sagId, aktoerId: p.userId, handling: 'brev_skrevet', detaljer: { brevId: brev.id, emne: input.emne.trim() }, synligForParter: false })
    await addToOutbox(trx, 'generer-brev', { brevId: brev.id })
  })
}

/** The users who act as a party of the case (server/kerne/access/sager.ts): whom the secretariat may write to. */
export async function partsbrugere(db: Database, sagId: string) {
  return brugereSomPartISag(db, sagId).execute()
}

export async function skrivTilPart(db: Database, p: Principal, sagId: string, input: { tilUserId: string; tekst: string }): Promise<void> {
  await sagForPersonale(db, p, sagId)
  const fejl: Record<string, string> = {}
  if (!(await partsbrugere(db, sagId)).some((u) => u.id === input.tilUserId)) fejl.besked_til = 'Vælg en af sagens parter.'
  if (input.tekst.trim().length === 0) fejl.beskedtekst = 'Skriv en besked.'
  if (Object.keys(fejl).length > 0) throw new ValidationError('UgyldigBesked', 'Beskeden kan ikke sendes.', fejl)
  await db.transaction().execute(async (trx) => {
    const b = await trx
      .insertInto('beskeder')
      .values({ sag_id: sagId, afsender_id: p.userId, part_user_id: input.tilUserId, fra_sekretariat: true, tekst: input.tekst.trim() })
      .returning('id')
      .executeTakeFirstOrThrow()
    await skrivJournal(trx, { sagId, aktoerId: p.userId, handling: 'besked_fra_sekretariat', detaljer: { beskedId: b.id }, synligForParter: false })
    await addToOutbox(trx, 'send-sagsnotifikation', { sagId, haendelse: 'besked_fra_sekretariat', userId: input.tilUserId })
  })
}
