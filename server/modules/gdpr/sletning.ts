// Deletion of closed cases past their retention (sletning), in three steps:
//   1. lavSletningsforslag (the scheduled job foreslaa-sletning): per board, a run listing
//      the cases that would go — a dry run, nothing is deleted;
//   2. godkend/afvis (the head of the board's secretariat, /sagsbehandling/sletning):
//      approval queues the job slet-sager through the outbox;
//   3. udfoerSletning (that job): each case in its own transaction, checked once more, then
//      deleted. Idempotent: a case already deleted or skipped is not touched again.
//
// What goes, and what stays:
//   - The case row is deleted, and with it (ON DELETE CASCADE) everything personal that
//     hangs on it: parties (names, CPR, addresses, e-mail), documents, the journal,
//     messages and their read marks, notes, hearings and answers, letters, sendings,
//     invitations, the decision with its final versions and the anonymization (whose
//     original text names the parties), agenda items, inspections, members' notes and
//     disqualifications. Notes and final decision versions refuse deletion on their own;
//     their triggers let a cascade through, which is how retention removes them.
//   - Document bytes (document_blobs) are stored once per SHA-256 and shared: a blob goes
//     when no remaining document refers to it.
//   - E-mails sent about the case (sendte_mails: the address and subject) are found through
//     the outbox row that caused them (its payload names the case).
//   - The published, anonymized decision stays: register_afgoerelser.afgoerelse_id is
//     ON DELETE SET NULL, and register_huslejer hangs on the register row, not the case.
//   - Anonymous statistics stay in sagsstatistik (board, municipality, kind of case, days,
//     outcome), written before the delete. The leader's overview reads live cases, so a
//     deleted case leaves it; statistics over many years read sagsstatistik as well.
//   - sletningslog gets one row per case: board, case id and sagsnummer (the board's own
//     number, not a personal datum), rows removed per table, who approved and when.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { ConflictError, NotFoundError } from '../../platform/errors.js'
import { addToOutbox } from '../../kerne/outbox/outbox.js'
import { aarFoer, idagIDanmark, type Dato } from '../../kerne/sag/frister.js'
import { opbevaringAar, udloebneSager } from './opbevaring.js'

export interface ForslagResultat {
  naevnId: string
  koerselId: string | null
  antal: number
}

/**
 * Makes a proposal for each board (or the one given) that has expired cases and no open
 * proposal. Running it again the same day adds nothing.
 */
export async function lavSletningsforslag(db: Kysely<DB>, o: { standardAar: number; idag?: Dato; naevnId?: string }): Promise<ForslagResultat[]> {
  const idag = o.idag ?? idagIDanmark()
  const naevn = await db
    .selectFrom('naevn')
    .select('id')
    .$if(o.naevnId !== undefined, (qb) => qb.where('id', '=', o.naevnId!))
    .where(({ exists, selectFrom }) => exists(selectFrom('sager').select('sager.id').whereRef('sager.naevn_id', '=', 'naevn.id')))
    .orderBy('id')
    .execute()
  const resultat: ForslagResultat[] = []
  for (const n of naevn) {
    const aar = await opbevaringAar(db, n.id, o.standardAar)
    const lukketFoer = aarFoer(idag, aar)
    const sager = await udloebneSager(db, n.id, lukketFoer)
    if (sager.length === 0) continue
    const koerselId = await db.transaction().execute(async (trx) => {
      const k = await trx
        .insertInto('sletningskoersler')
        .values({ naevn_id: n.id, opbevaring_aar: aar, lukket_foer: lukketFoer })
        .onConflict((oc) => oc.column('naevn_id').where('status', '=', 'forslag').doNothing())
        .returning('id')
        .executeTakeFirst()
      if (!k) return null
      await trx
        .insertInto('sletningsforslag')
        .values(sager.map((s) => ({ koersel_id: k.id, sag_id: s.id, sagsnummer: s.sagsnummer, status: s.status, lukket: s.lukket })))
        .execute()
      return k.id
    })
    resultat.push({ naevnId: n.id, koerselId, antal: koerselId ? sager.length : 0 })
  }
  return resultat
}

async function laasKoersel(trx: Transaction<DB>, koerselId: string) {
  return trx.selectFrom('sletningskoersler').selectAll().where('id', '=', koerselId).forUpdate().executeTakeFirst()
}

/** Approval queues the deletion; `mayDecide` is the caller's policy (404 when refused). */
export async function godkendKoersel(db: Kysely<DB>, koerselId: string, o: { aktoerId: string; mayDecide: (naevnId: string) => boolean }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const k = await laasKoersel(trx, koerselId)
    if (!k || !o.mayDecide(k.naevn_id)) throw new NotFoundError('SletningIkkeFundet', 'Sletningsforslaget findes ikke.')
    if (k.status !== 'forslag') throw new ConflictError('SletningBesluttet', 'Forslaget er allerede godkendt eller afvist.')
    await trx.updateTable('sletningskoersler').set({ status: 'godkendt', besluttet_af: o.aktoerId, besluttet: new Date() }).where('id', '=', k.id).execute()
    await addToOutbox(trx, 'slet-sager', { koerselId: k.id })
  })
}

export async function afvisKoersel(db: Kysely<DB>, koerselId: string, o: { aktoerId: string; begrundelse: string | null; mayDecide: (naevnId: string) => boolean }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const k = await laasKoersel(trx, koerselId)
    if (!k || !o.mayDecide(k.naevn_id)) throw new NotFoundError('SletningIkkeFundet', 'Sletningsforslaget findes ikke.')
    if (k.status !== 'forslag') throw new ConflictError('SletningBesluttet', 'Forslaget er allerede godkendt eller afvist.')
    await trx.updateTable('sletningskoersler').set({ status: 'afvist', besluttet_af: o.aktoerId, besluttet: new Date(), begrundelse: o.begrundelse }).where('id', '=', k.id).execute()
  })
}

export interface SletningResultat {
  slettet: number
  sprungetOver: number
}

/** The job slet-sager: carries out an approved run. Safe to run again after a crash. */
export async function udfoerSletning(db: Kysely<DB>, koerselId: string, o: { idag?: Dato } = {}): Promise<SletningResultat | 'ikke godkendt'> {
  const k = await db.selectFrom('sletningskoersler').selectAll().where('id', '=', koerselId).executeTakeFirst()
  if (!k || (k.status !== 'godkendt' && k.status !== 'udfoert')) return 'ikke godkendt'
  // The rule is the run's own (approved as shown), measured from today: a case that has
  // been re-opened since, or whose board now keeps cases longer, is skipped.
  const aar = await db.selectFrom('naevn').select('opbevaring_aar').where('id', '=', k.naevn_id).executeTakeFirst()
  const lukketFoer = aarFoer(o.idag ?? idagIDanmark(), Math.max(k.opbevaring_aar, aar?.opbevaring_aar ?? 0))
  const resultat: SletningResultat = { slettet: 0, sprungetOver: 0 }
  const punkter = await db
    .selectFrom('sletningsforslag')
    .select(['sag_id', 'sagsnummer'])
    .where('koersel_id', '=', k.id)
    .where('slettet', 'is', null)
    .where('sprunget_over', 'is', null)
    .orderBy('sagsnummer')
    .execute()
  for (const p of punkter) {
    const udfald = await db.transaction().execute((trx) => sletSag(trx, { koersel: k, sagId: p.sag_id, lukketFoer }))
    if (udfald === 'slettet') resultat.slettet++
    else resultat.sprungetOver++
  }
  await db.updateTable('sletningskoersler').set({ status: 'udfoert', udfoert: new Date() }).where('id', '=', k.id).where('status', '=', 'godkendt').execute()
  return resultat
}

/** The tables counted in the deletion log, with how each is reached from the case. */
const optaelling = {
  parter: sql`(SELECT count(*) FROM parter WHERE sag_id = s.id)`,
  dokumenter: sql`(SELECT count(*) FROM dokumenter WHERE sag_id = s.id)`,
  journal: sql`(SELECT count(*) FROM journal WHERE sag_id = s.id)`,
  beskeder: sql`(SELECT count(*) FROM beskeder WHERE sag_id = s.id)`,
  notater: sql`(SELECT count(*) FROM notater WHERE sag_id = s.id)`,
  breve: sql`(SELECT count(*) FROM breve WHERE sag_id = s.id)`,
  partshoeringer: sql`(SELECT count(*) FROM partshoeringer WHERE sag_id = s.id)`,
  partshoering_svar: sql`(SELECT count(*) FROM partshoering_svar sv JOIN partshoeringer h ON h.id = sv.partshoering_id WHERE h.sag_id = s.id)`,
  udsendelser: sql`(SELECT count(*) FROM udsendelser WHERE sag_id = s.id)`,
  afgoerelser: sql`(SELECT count(*) FROM afgoerelser WHERE sag_id = s.id)`,
  afgoerelse_versioner: sql`(SELECT count(*) FROM afgoerelse_versioner v JOIN afgoerelser a ON a.id = v.afgoerelse_id WHERE a.sag_id = s.id)`,
  anonymiseringer: sql`(SELECT count(*) FROM anonymiseringer an JOIN afgoerelser a ON a.id = an.afgoerelse_id WHERE a.sag_id = s.id)`,
  dagsordenpunkter: sql`(SELECT count(*) FROM dagsordenpunkter WHERE sag_id = s.id)`,
  besigtigelser: sql`(SELECT count(*) FROM besigtigelser WHERE sag_id = s.id)`,
  medlemsnoter: sql`(SELECT count(*) FROM medlemsnoter WHERE sag_id = s.id)`,
  inhabiliteter: sql`(SELECT count(*) FROM inhabiliteter WHERE sag_id = s.id)`,
} as const

type Koersel = { id: string; naevn_id: string; besluttet_af: string | null; besluttet: Date | null }

async function sletSag(trx: Transaction<DB>, o: { koersel: Koersel; sagId: string; lukketFoer: Dato }): Promise<'slettet' | 'sprunget_over'> {
  const { koersel, sagId } = o
  const marker = (felter: { slettet?: Date; sprunget_over?: string }) =>
    trx.updateTable('sletningsforslag').set(felter).where('koersel_id', '=', koersel.id).where('sag_id', '=', sagId).execute()

  const sag = await trx.selectFrom('sager').selectAll().where('id', '=', sagId).where('naevn_id', '=', koersel.naevn_id).forUpdate().executeTakeFirst()
  if (!sag) {
    await marker({ sprunget_over: 'Sagen findes ikke (længere).' })
    return 'sprunget_over'
  }
  const [stadig] = await udloebneSager(trx, koersel.naevn_id, o.lukketFoer, { sagId })
  if (!stadig) {
    await marker({ sprunget_over: 'Sagen er ikke længere lukket og udløbet (genoptaget, publicering i gang eller længere opbevaring).' })
    return 'sprunget_over'
  }

  const antal: Record<string, number> = {}
  const taellet = await sql<Record<string, string>>`
    SELECT ${sql.join(Object.entries(optaelling).map(([navn, q]) => sql`${q} AS ${sql.ref(navn)}`))}
    FROM sager s WHERE s.id = ${sagId}`.execute(trx)
  for (const [navn, v] of Object.entries(taellet.rows[0] ?? {})) antal[navn] = Number(v)

  // Anonymous statistics first, from what is about to go.
  const afgoerelse = await trx
    .selectFrom('afgoerelser')
    .select(['afslutningsaarsag', 'medhold', 'gebyrpaalaeggelse', 'besigtigelse', 'lovgrundlag'])
    .where('sag_id', '=', sagId)
    .executeTakeFirst()
  const naevn = sag.naevn_id ? await trx.selectFrom('naevn').select('type').where('id', '=', sag.naevn_id).executeTakeFirst() : undefined
  const afgjort = await trx
    .selectFrom('journal')
    .select(sql<string>`min(tidspunkt AT TIME ZONE 'Europe/Copenhagen')::date::text`.as('dag'))
    .where('sag_id', '=', sagId)
    .where('til_status', '=', 'afgjort')
    .executeTakeFirst()
  await trx
    .insertInto('sagsstatistik')
    .values({
      sag_id: sag.id,
      naevn_id: sag.naevn_id,
      naevn_type: naevn?.type ?? null,
      kommunekode: sag.kommunekode,
      indbringer_rolle: sag.indbringer_rolle,
      lejemaal_type: sag.lejemaal_type,
      formaal: sag.formaal,
      sagsomraader: sag.sagsomraader,
      status: sag.status,
      indbragt: sag.indbragt ? sql<string>`(${sag.indbragt}::timestamptz AT TIME ZONE 'Europe/Copenhagen')::date` : null,
      afgjort: afgjort?.dag ?? null,
      lukket: stadig.lukket,
      afslutningsaarsag: afgoerelse?.afslutningsaarsag ?? null,
      medhold: afgoerelse?.medhold ?? null,
      gebyrpaalaeggelse: afgoerelse?.gebyrpaalaeggelse ?? null,
      besigtigelse: afgoerelse?.besigtigelse ?? null,
      lovgrundlag: afgoerelse?.lovgrundlag ?? [],
      gebyr_kr: sag.gebyr_kr,
    })
    .onConflict((oc) => oc.column('sag_id').doNothing())
    .execute()

  // E-mails about the case: the recipient's address and the subject.
  const mails = await trx
    .deleteFrom('sendte_mails')
    .where('outbox_id', 'in', (eb) => eb.selectFrom('outbox').select('outbox.id').where(sql<string>`outbox.payload->>'sagId'`, '=', sagId))
    .executeTakeFirst()
  antal.sendte_mails = Number(mails.numDeletedRows)

  const shas = (await trx.selectFrom('dokumenter').select('sha256').distinct().where('sag_id', '=', sagId).execute()).map((d) => d.sha256)
  // The rows that point at the case's documents without a cascade go first: PostgreSQL
  // may check such a reference in the middle of one cascading delete, before the cascade
  // has reached the row that holds it. Deleting the decision here also takes its final
  // versions and anonymizations (their triggers allow a cascade) and unlinks the register.
  await trx.deleteFrom('afgoerelser').where('sag_id', '=', sagId).execute()
  for (const t of ['udsendelser', 'beskeder', 'breve', 'partshoeringer', 'besigtigelser'] as const) {
    await trx.deleteFrom(t).where('sag_id', '=', sagId).execute()
  }
  await trx.deleteFrom('sager').where('id', '=', sagId).execute()
  let blobs = 0
  if (shas.length > 0) {
    const r = await trx
      .deleteFrom('document_blobs')
      .where('sha256', 'in', shas)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('dokumenter').select('dokumenter.id').whereRef('dokumenter.sha256', '=', 'document_blobs.sha256'))))
      .executeTakeFirst()
    blobs = Number(r.numDeletedRows)
  }
  antal.document_blobs = blobs

  await trx
    .insertInto('sletningslog')
    .values({
      naevn_id: koersel.naevn_id,
      koersel_id: koersel.id,
      sag_id: sagId,
      sagsnummer: sag.sagsnummer,
      antal: JSON.stringify(antal),
      godkendt_af: koersel.besluttet_af,
      godkendt: koersel.besluttet,
    })
    .execute()
  await marker({ slettet: new Date() })
  return 'slettet'
}

/** The runs of the given boards for the leader's page: open proposals first, then history. */
export async function listKoersler(db: Kysely<DB>, naevnIds: readonly string[]) {
  if (naevnIds.length === 0) return []
  return db
    .selectFrom('sletningskoersler as k')
    .innerJoin('naevn', 'naevn.id', 'k.naevn_id')
    .leftJoin('users', 'users.id', 'k.besluttet_af')
    .select(['k.id', 'k.naevn_id', 'k.status', 'k.opbevaring_aar', 'k.lukket_foer', 'k.oprettet', 'k.besluttet', 'k.begrundelse', 'k.udfoert', 'naevn.navn as naevn_navn', 'users.navn as besluttet_af_navn'])
    .select((eb) => [
      eb.selectFrom('sletningsforslag').select(sql<number>`count(*)::int`.as('n')).whereRef('sletningsforslag.koersel_id', '=', 'k.id').as('antal'),
      eb.selectFrom('sletningsforslag').select(sql<number>`count(*)::int`.as('n')).whereRef('sletningsforslag.koersel_id', '=', 'k.id').where('slettet', 'is not', null).as('antal_slettet'),
    ])
    .where('k.naevn_id', 'in', [...naevnIds])
    .orderBy(sql`k.status = 'forslag'`, 'desc')
    .orderBy('k.oprettet', 'desc')
    .limit(100)
    .execute()
}

export function listForslag(db: Kysely<DB>, koerselIds: readonly string[]) {
  if (koerselIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('sletningsforslag')
    .select(['koersel_id', 'sag_id', 'sagsnummer', 'status', 'lukket', 'slettet', 'sprunget_over'])
    .where('koersel_id', 'in', [...koerselIds])
    .orderBy('sagsnummer')
    .execute()
}
