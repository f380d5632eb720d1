// The secretariat's rules for meetings: planning, editing, cancelling and publishing a
// meeting; the agenda (add, order, remove), each change moving the case through the
// lifecycle (server/kerne/sag/livscyklus.ts) and the journal in the same transaction; the
// outcome of each item after the meeting; inspections with their notices to the parties.
//
// Agenda order: every change to a meeting's agenda first locks the meeting's row
// (SELECT … FOR UPDATE), so concurrent edits of one agenda run one after the other and
// each sees the positions the previous one left. Positions are kept 1..n without gaps,
// and the database refuses two items on one position (dagsordenpunkter_position_unique).
import { sql, type Transaction } from 'kysely'
import type { Database } from '../../platform/db/database.js'
import type { DB } from '../../platform/db/types.js'
import type { Principal } from '../../kerne/access/principal.js'
import { moedeForPersonale, punktForPersonale } from '../../kerne/access/moeder.js'
import { staffNaevnIds } from '../../kerne/access/policies.js'
import { sagForPersonale } from '../../kerne/access/sager.js'
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js'
import { isUuid } from '../../kerne/naevn/naevn.js'
import { addToOutbox } from '../../kerne/outbox/outbox.js'
import { erDato } from '../../kerne/sag/frister.js'
import { skrivJournal } from '../../kerne/sag/journal.js'
import { skiftStatus } from '../../kerne/sag/livscyklus.js'
import { moedeTid } from './moeder.visning.js'

export const udfaldKoder = {
  afgjort: 'Afgjort – afgørelsen skrives',
  udsat: 'Udsat til et senere møde',
  mere_information: 'Kræver flere oplysninger',
} as const
export type Udfald = keyof typeof udfaldKoder

export const besigtigelseResultater = { afholdt: 'Afholdt', ikke_afholdt: 'Ikke afholdt' } as const
export type BesigtigelseResultat = keyof typeof besigtigelseResultater

const TID = /^([01]\d|2[0-3]):[0-5]\d$/

export interface MoedeInput {
  naevnId: string
  dato: string
  tid: string
  sted: string
}

function laesMoede(p: Principal, input: MoedeInput, o: { medNaevn: boolean }) {
  const fejl: Record<string, string> = {}
  if (o.medNaevn && !staffNaevnIds(p).includes(input.naevnId)) fejl.naevn = 'Vælg et af dine nævn.'
  if (!erDato(input.dato)) fejl.dato = 'Skriv mødets dato.'
  if (!TID.test(input.tid)) fejl.tid = 'Skriv tidspunktet som tt:mm, fx 13:00.'
  if (input.sted.trim().length < 3) fejl.sted = 'Skriv, hvor mødet holdes.'
  if (Object.keys(fejl).length > 0) throw new ValidationError('UgyldigtMoede', 'Mødet kan ikke gemmes.', fejl)
}

/** Date and time typed in Danish time, as the instant the database stores. */
const starttid = (dato: string, tid: string) => sql<Date>`(${dato}::date + ${tid}::time) AT TIME ZONE 'Europe/Copenhagen'`

export async function opretMoede(db: Database, p: Principal, input: MoedeInput): Promise<string> {
  laesMoede(p, input, { medNaevn: true })
  const row = await db
    .insertInto('moeder')
    .values({ naevn_id: input.naevnId, starttid: starttid(input.dato, input.tid), sted: input.sted.trim(), oprettet_af: p.userId })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Locks the meeting for a change of it or its agenda; refuses anything but a planned meeting. */
async function laasMoede(trx: Transaction<DB>, moedeId: string, o: { kunPlanlagt: boolean } = { kunPlanlagt: true }) {
  const m = await trx.selectFrom('moeder').select(['id', 'naevn_id', 'status', 'starttid', 'version', 'offentliggjort']).where('id', '=', moedeId).forUpdate().executeTakeFirstOrThrow()
  if (o.kunPlanlagt && m.status !== 'planlagt') {
    throw new ConflictError('MoedeIkkePlanlagt', `Mødet er ${m.status === 'aflyst' ? 'aflyst' : 'afholdt'}; dagsordenen kan ikke længere ændres.`)
  }
  return m
}

async function naesteVersion(trx: Transaction<DB>, moedeId: string) {
  await trx.updateTable('moeder').set({ version: sql`version + 1`, opdateret: sql`now()` }).where('id', '=', moedeId).execute()
}

export async function redigerMoede(db: Database, p: Principal, moedeId: string, input: Omit<MoedeInput, 'naevnId'>, forventetVersion?: number): Promise<void> {
  const moede = await moedeForPersonale(db, p, moedeId)
  laesMoede(p, { ...input, naevnId: moede.naevn_id }, { medNaevn: false })
  await db.transaction().execute(async (trx) => {
    const m = await laasMoede(trx, moede.id)
    if (forventetVersion !== undefined && forventetVersion !== m.version) {
      throw new ConflictError('MoedeAendret', 'Mødet er blevet ændret af en anden, siden du åbnede det. Genindlæs siden og prøv igen.')
    }
    await trx.updateTable('moeder').set({ starttid: starttid(input.dato, input.tid), sted: input.sted.trim(), version: sql`version + 1`, opdateret: sql`now()` }).where('id', '=', m.id).execute()
  })
}

/** A cancelled meeting's cases go back to "ready for a meeting", each journaled. */
export async function aflysMoede(db: Database, p: Principal, moedeId: string, begrundelse: string): Promise<void> {
  const moede = await moedeForPersonale(db, p, moedeId)
  if (begrundelse.trim().length < 5) throw new ValidationError('BegrundelseMangler', 'Skriv, hvorfor mødet aflyses.', { aflys_begrundelse: 'Skriv, hvorfor mødet aflyses.' })
  await db.transaction().execute(async (trx) => {
    await laasMoede(trx, moede.id)
    await trx.updateTable('moeder').set({ status: 'aflyst', aflyst_begrundelse: begrundelse.trim(), version: sql`version + 1`, opdateret: sql`now()` }).where('id', '=', moede.id).execute()
    const punkter = await trx
      .selectFrom('dagsordenpunkter')
      .innerJoin('sager', 'sager.id', 'dagsordenpunkter.sag_id')
      .select(['sager.id', 'sager.status'])
      .where('dagsordenpunkter.moede_id', '=', moede.id)
      .execute()
    for (const s of punkter.filter((x) => x.status === 'paa_dagsorden')) {
      await skiftStatus(trx, s.id, 'klar_til_moede', { aktoerId: p.userId, begrundelse: `Mødet ${moedeTid(moede.starttid).datoTid} er aflyst`, detaljer: { moedeId: moede.id } })
    }
  })
}

/** From now on the board's members see the agenda and the material of its cases. */
export async function offentliggoerDagsorden(db: Database, p: Principal, moedeId: string): Promise<void> {
  const moede = await moedeForPersonale(db, p, moedeId)
  await db.transaction().execute(async (trx) => {
    const m = await laasMoede(trx, moede.id)
    if (m.offentliggjort) return
    const antal = await trx.selectFrom('dagsordenpunkter').select((eb) => eb.fn.countAll<number>().as('n')).where('moede_id', '=', m.id).executeTakeFirstOrThrow()
    if (Number(antal.n) === 0) throw new ValidationError('TomDagsorden', 'Sæt mindst én sag på dagsordenen, før den sendes til nævnets medlemmer.', { dagsorden: 'Dagsordenen er tom.' })
    await trx.updateTable('moeder').set({ offentliggjort: sql`now()`, version: sql`version + 1`, opdateret: sql`now()` }).where('id', '=', m.id).execute()
  })
}

export async function tilfoejPunkt(db: Database, p: Principal, moedeId: string, sagId: string): Promise<void> {
  const moede = await moedeForPersonale(db, p, moedeId)
  if (!isUuid(sagId)) throw new ValidationError('SagMangler', 'Vælg en sag.', { sag: 'Vælg en sag.' })
  const sag = await sagForPersonale(db, p, sagId)
  if (sag.naevn_id !== moede.naevn_id) throw new NotFoundError('SagIkkeFundet', 'Sagen findes ikke.')
  await db.transaction().execute(async (trx) => {
    const m = await laasMoede(trx, moede.id)
    const max = await trx.selectFrom('dagsordenpunkter').select((eb) => eb.fn.max('position').as('p')).where('moede_id', '=', m.id).executeTakeFirst()
    const findes = await trx.selectFrom('dagsordenpunkter').select('id').where('moede_id', '=', m.id).where('sag_id', '=', sag.id).executeTakeFirst()
    if (findes) throw new ConflictError('AlleredePaaDagsorden', `Sag ${sag.sagsnummer} er allerede på dagsordenen.`)
    // skiftStatus refuses any case that is not "klar til møde" (the transition table).
    await skiftStatus(trx, sag.id, 'paa_dagsorden', { aktoerId: p.userId, begrundelse: `Sat på dagsordenen til mødet ${moedeTid(m.starttid).datoTid}`, detaljer: { moedeId: m.id } })
    await trx.insertInto('dagsordenpunkter').values({ moede_id: m.id, sag_id: sag.id, position: Number(max?.p ?? 0) + 1, oprettet_af: p.userId }).execute()
    await naesteVersion(trx, m.id)
  })
}

export async function fjernPunkt(db: Database, p: Principal, moedeId: string, punktId: string): Promise<void> {
  const { moede, punkt } = await punktForPersonale(db, p, moedeId, punktId)
  await db.transaction().execute(async (trx) => {
    const m = await laasMoede(trx, moede.id)
    const nu = await trx.selectFrom('dagsordenpunkter').select(['id', 'udfald']).where('id', '=', punkt.id).executeTakeFirst()
    // Someone else removed it a moment ago: the agenda is already as wished.
    if (!nu) return
    if (nu.udfald) throw new ConflictError('PunktHarUdfald', 'Punktet er behandlet på mødet og kan ikke fjernes.')
    await trx.deleteFrom('dagsordenpunkter').where('id', '=', punkt.id).execute()
    await omnummerer(trx, m.id)
    const sag = await trx.selectFrom('sager').select('status').where('id', '=', punkt.sag_id).executeTakeFirstOrThrow()
    if (sag.status === 'paa_dagsorden') {
      await skiftStatus(trx, punkt.sag_id, 'klar_til_moede', { aktoerId: p.userId, begrundelse: `Taget af dagsordenen til mødet ${moedeTid(m.starttid).datoTid}`, detaljer: { moedeId: m.id } })
    }
    await naesteVersion(trx, m.id)
  })
}

/** Positions 1..n in their present order, in one statement (the constraint is checked at its end). */
async function omnummerer(trx: Transaction<DB>, moedeId: string): Promise<void> {
  await sql`
    UPDATE dagsordenpunkter d SET position = r.nr
    FROM (SELECT id, row_number() OVER (ORDER BY position) AS nr FROM dagsordenpunkter WHERE moede_id = ${moedeId}) r
    WHERE d.id = r.id AND d.position <> r.nr`.execute(trx)
}

export async function flytPunkt(db: Database, p: Principal, moedeId: string, punktId: string, retning: string): Promise<void> {
  if (retning !== 'op' && retning !== 'ned') throw new ValidationError('UkendtRetning', 'Vælg op eller ned.')
  const { moede, punkt } = await punktForPersonale(db, p, moedeId, punktId)
  await db.transaction().execute(async (trx) => {
    const m = await laasMoede(trx, moede.id)
    const punkter = await trx.selectFrom('dagsordenpunkter').select(['id', 'position']).where('moede_id', '=', m.id).orderBy('position').execute()
    const i = punkter.findIndex((x) => x.id === punkt.id)
    const j = retning === 'op' ? i - 1 : i + 1
    // Already first or last, or removed meanwhile: nothing to move.
    if (i < 0 || j < 0 || j >= punkter.length) return
    const a = punkter[i]!
    const b = punkter[j]!
    await sql`UPDATE dagsordenpunkter SET position = CASE id WHEN ${a.id}::uuid THEN ${b.position}::int ELSE ${a.position}::int END WHERE id IN (${a.id}::uuid, ${b.id}::uuid)`.execute(trx)
    await naesteVersion(trx, m.id)
  })
}

/**
 * What the board did with an item. "afgjort" leaves the case on the agenda until its
 * decision is made final (the decision form); "udsat" puts it back among the cases ready
 * for a meeting, "mere_information" back under treatment, both with the note journaled.
 */
export async function registrerUdfald(db: Database, p: Principal, moedeId: string, punktId: string, input: { udfald: string; note: string }): Promise<void> {
  const { moede, punkt } = await punktForPersonale(db, p, moedeId, punktId)
  if (!Object.hasOwn(udfaldKoder, input.udfald)) throw new ValidationError('UkendtUdfald', 'Vælg, hvad nævnet besluttede.', { [`udfald-${punkt.id}`]: 'Vælg, hvad nævnet besluttede.' })
  const udfald = input.udfald as Udfald
  const note = input.note.trim()
  if (udfald !== 'afgjort' && note.length < 5) throw new ValidationError('NoteMangler', 'Skriv en note om, hvorfor sagen ikke blev afgjort.', { [`note-${punkt.id}`]: 'Skriv en note; den journaliseres.' })
  await db.transaction().execute(async (trx) => {
    const m = await laasMoede(trx, moede.id, { kunPlanlagt: false })
    if (m.status === 'aflyst') throw new ConflictError('MoedeAflyst', 'Mødet er aflyst.')
    if (m.starttid.getTime() > Date.now()) throw new ConflictError('MoedeIkkeHoldt', 'Udfaldet registreres, når mødet er begyndt.')
    const opdateret = await trx
      .updateTable('dagsordenpunkter')
      .set({ udfald, udfald_note: note || null, udfald_af: p.userId, udfald_registreret: sql`now()` })
      .where('id', '=', punkt.id)
      .where('udfald', 'is', null)
      .returning('id')
      .executeTakeFirst()
    if (!opdateret) throw new ConflictError('UdfaldFindes', 'Udfaldet er allerede registreret.')
    const begrundelse = `Nævnsmødet ${moedeTid(m.starttid).datoTid}: ${udfaldKoder[udfald]}${note ? `. ${note}` : ''}`
    if (udfald === 'afgjort') {
      await skrivJournal(trx, { sagId: punkt.sag_id, aktoerId: p.userId, handling: 'moede_afgjort', begrundelse, detaljer: { moedeId: m.id }, synligForParter: false })
    } else {
      await skiftStatus(trx, punkt.sag_id, udfald === 'udsat' ? 'klar_til_moede' : 'under_behandling', { aktoerId: p.userId, begrundelse, detaljer: { moedeId: m.id, udfald } })
    }
    await naesteVersion(trx, m.id)
  })
}

export async function markerAfholdt(db: Database, p: Principal, moedeId: string): Promise<void> {
  const moede = await moedeForPersonale(db, p, moedeId)
  await db.transaction().execute(async (trx) => {
    const m = await laasMoede(trx, moede.id)
    if (m.starttid.getTime() > Date.now()) throw new ConflictError('MoedeIkkeHoldt', 'Mødet kan først markeres som afholdt, når det er begyndt.')
    await trx.updateTable('moeder').set({ status: 'afholdt', version: sql`version + 1`, opdateret: sql`now()` }).where('id', '=', m.id).execute()
  })
}

export interface BesigtigelseInput {
  dato: string
  tid: string
  adresse: string
}

/**
 * An inspection of the tenancy before or on the meeting day. The notice letter to each
 * party (Digital Post or print) and the e-mail notices follow through the outbox
 * (generer-besigtigelsesbrev).
 */
export async function opretBesigtigelse(db: Database, p: Principal, moedeId: string, punktId: string, input: BesigtigelseInput): Promise<void> {
  const { moede, punkt } = await punktForPersonale(db, p, moedeId, punktId)
  const felt = (navn: string) => `${navn}-${punkt.id}`
  const fejl: Record<string, string> = {}
  if (!erDato(input.dato)) fejl[felt('besigtigelse_dato')] = 'Skriv datoen for besigtigelsen.'
  if (!TID.test(input.tid)) fejl[felt('besigtigelse_tid')] = 'Skriv tidspunktet som tt:mm, fx 10:00.'
  if (input.adresse.trim().length < 3) fejl[felt('besigtigelse_adresse')] = 'Skriv, hvor besigtigelsen finder sted.'
  if (Object.keys(fejl).length === 0) {
    const moededag = moedeTid(moede.starttid).isoDato
    if (input.dato > moededag) fejl[felt('besigtigelse_dato')] = 'Besigtigelsen skal ligge før eller på mødedagen.'
    const tidspunkt = await sql<{ t: Date }>`SELECT ${starttid(input.dato, input.tid)} AS t`.execute(db)
    if (tidspunkt.rows[0]!.t.getTime() <= Date.now()) fejl[felt('besigtigelse_dato')] = 'Besigtigelsen skal ligge i fremtiden.'
  }
  if (Object.keys(fejl).length > 0) throw new ValidationError('UgyldigBesigtigelse', 'Besigtigelsen kan ikke planlægges.', fejl)
  await db.transaction().execute(async (trx) => {
    const m = await laasMoede(trx, moede.id)
    const b = await trx
      .insertInto('besigtigelser')
      .values({ sag_id: punkt.sag_id, moede_id: m.id, tidspunkt: starttid(input.dato, input.tid), adresse: input.adresse.trim(), oprettet_af: p.userId })
      .returning(['id', 'tidspunkt'])
      .executeTakeFirstOrThrow()
    await skrivJournal(trx, { sagId: punkt.sag_id, aktoerId: p.userId, handling: 'besigtigelse_planlagt', begrundelse: `Besigtigelse ${moedeTid(b.tidspunkt).datoTid}, ${input.adresse.trim()}`, detaljer: { besigtigelseId: b.id, moedeId: m.id }, synligForParter: true })
    await addToOutbox(trx, 'generer-besigtigelsesbrev', { besigtigelseId: b.id })
  })
}

export async function registrerBesigtigelsesresultat(db: Database, p: Principal, moedeId: string, besigtigelseId: string, input: { resultat: string; note: string }): Promise<void> {
  const moede = await moedeForPersonale(db, p, moedeId)
  const b = isUuid(besigtigelseId) ? await db.selectFrom('besigtigelser').selectAll().where('id', '=', besigtigelseId).where('moede_id', '=', moede.id).executeTakeFirst() : undefined
  if (!b) throw new NotFoundError('BesigtigelseIkkeFundet', 'Besigtigelsen findes ikke.')
  if (!Object.hasOwn(besigtigelseResultater, input.resultat)) throw new ValidationError('UkendtResultat', 'Vælg, om besigtigelsen blev holdt.', { [`resultat-${b.id}`]: 'Vælg, om besigtigelsen blev holdt.' })
  if (b.tidspunkt.getTime() > Date.now()) throw new ConflictError('BesigtigelseIkkeHoldt', 'Resultatet registreres, når besigtigelsens tidspunkt er nået.')
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('besigtigelser').set({ resultat: input.resultat, resultat_note: input.note.trim() || null }).where('id', '=', b.id).execute()
    await skrivJournal(trx, {
      sagId: b.sag_id,
      aktoerId: p.userId,
      handling: 'besigtigelse_resultat',
      begrundelse: `${besigtigelseResultater[input.resultat as BesigtigelseResultat]}${input.note.trim() ? `: ${input.note.trim()}` : ''}`,
      detaljer: { besigtigelseId: b.id },
      synligForParter: false,
    })
  })
}
