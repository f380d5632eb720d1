// Hearings of the parties (partshøring) as both sides use them: which hearings a case
// has, who may answer for which party, the answers, and the invitations that let a
// party without an account join the case.
import { createHash, createHmac } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import type { Principal } from '../access/principal.js'
import { parterBrugerenTalerFor } from '../access/sager.js'
import { ConflictError, NotFoundError } from '../../platform/errors.js'
import { isUuid } from '../naevn/naevn.js'
import { gemBilag, type Graenser } from './bilag.js'
import type { Fil } from '../../platform/forms/multipart.js'
import { skrivJournal } from './journal.js'
import { addToOutbox } from '../outbox/outbox.js'
import { maksTegn, tekstGraenser } from '../../platform/forms/graenser.js'

export function listPartshoeringer(db: Kysely<DB>, sagId: string) {
  return db
    .selectFrom('partshoeringer')
    .leftJoin('users', 'users.id', 'partshoeringer.oprettet_af')
    .select(['partshoeringer.id', 'partshoeringer.besked', 'partshoeringer.frist', 'partshoeringer.oprindelig_frist', 'partshoeringer.afsluttet', 'partshoeringer.oprettet', 'partshoeringer.brev_dokument_id', 'users.navn as afsender'])
    .select((eb) => [
      eb
        .selectFrom('partshoering_modtagere as m')
        .innerJoin('parter', 'parter.id', 'm.part_id')
        .select(sql<{ partId: string; navn: string; rolle: string; besvaret: string | null }[]>`coalesce(json_agg(json_build_object('partId', parter.id, 'navn', parter.navn, 'rolle', parter.rolle, 'besvaret', m.besvaret) ORDER BY parter.rolle), '[]'::json)`.as('x'))
        .whereRef('m.partshoering_id', '=', 'partshoeringer.id')
        .as('modtagere'),
      eb
        .selectFrom('partshoering_dokumenter as d')
        .innerJoin('dokumenter', 'dokumenter.id', 'd.dokument_id')
        .select(sql<{ id: string; filnavn: string }[]>`coalesce(json_agg(json_build_object('id', dokumenter.id, 'filnavn', dokumenter.filnavn) ORDER BY dokumenter.oprettet), '[]'::json)`.as('x'))
        .whereRef('d.partshoering_id', '=', 'partshoeringer.id')
        .as('dokumenter'),
      eb
        .selectFrom('partshoering_svar as s')
        .innerJoin('parter', 'parter.id', 's.part_id')
        .select(
          sql<{ id: string; part: string; tekst: string; oprettet: string; filer: { id: string; filnavn: string }[] }[]>`coalesce(json_agg(json_build_object(
            'id', s.id, 'part', parter.navn, 'tekst', s.tekst, 'oprettet', s.oprettet,
            'filer', (SELECT coalesce(json_agg(json_build_object('id', dk.id, 'filnavn', dk.filnavn)), '[]'::json)
                      FROM partshoering_svar_dokumenter sd JOIN dokumenter dk ON dk.id = sd.dokument_id WHERE sd.svar_id = s.id)
          ) ORDER BY s.oprettet), '[]'::json)`.as('x'),
        )
        .whereRef('s.partshoering_id', '=', 'partshoeringer.id')
        .as('svar'),
    ])
    .where('partshoeringer.sag_id', '=', sagId)
    .orderBy('partshoeringer.oprettet', 'desc')
    .execute()
}

export async function svarPaaHoering(
  db: Kysely<DB>,
  p: Principal,
  o: { sagId: string; partshoeringId: string; tekst: string; filer: Fil[]; graenser: Graenser },
): Promise<{ ok: true } | { ok: false; fejl: Record<string, string> }> {
  if (!isUuid(o.partshoeringId)) throw new NotFoundError('HoeringIkkeFundet', 'Høringen findes ikke.')
  const mine = await parterBrugerenTalerFor(db, p, o.sagId)
  const modtager = await db
    .selectFrom('partshoering_modtagere')
    .innerJoin('partshoeringer', 'partshoeringer.id', 'partshoering_modtagere.partshoering_id')
    .select(['partshoering_modtagere.part_id', 'partshoeringer.afsluttet'])
    .where('partshoeringer.id', '=', o.partshoeringId)
    .where('partshoeringer.sag_id', '=', o.sagId)
    .where('partshoering_modtagere.part_id', 'in', mine.length ? mine : ['00000000-0000-0000-0000-000000000000'])
    .executeTakeFirst()
  if (!modtager) throw new NotFoundError('HoeringIkkeFundet', 'Høringen findes ikke.')
  if (modtager.afsluttet) throw new ConflictError('HoeringAfsluttet', 'Høringen er afsluttet. Skriv i stedet en besked til sekretariatet.')
  const tekst = o.tekst.trim()
  if (tekst.length === 0 && o.filer.length === 0) return { ok: false, fejl: { svar: 'Skriv dit svar, eller vedhæft en fil.' } }
  if (tekst.length > tekstGraenser.hoeringssvar) return { ok: false, fejl: { svar: `Svaret må højst være ${maksTegn('hoeringssvar')} tegn. Læg længere tekster ved som fil.` } }
  return db.transaction().execute(async (trx) => {
    const filer = await gemBilag(trx, { sagId: o.sagId, uploadetAf: p.userId, kategori: 'korrespondance', filer: o.filer, graenser: o.graenser })
    if (filer.afvist.length > 0) return { ok: false as const, fejl: { svarfiler: filer.afvist.map((a) => `${a.filnavn}: ${a.grund}`).join('; ') } }
    const svar = await trx
      .insertInto('partshoering_svar')
      .values({ partshoering_id: o.partshoeringId, part_id: modtager.part_id, afsender_id: p.userId, tekst: tekst || '(se vedhæftede filer)' })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (filer.gemt.length > 0) await trx.insertInto('partshoering_svar_dokumenter').values(filer.gemt.map((f) => ({ svar_id: svar.id, dokument_id: f.id }))).execute()
    await trx
      .updateTable('partshoering_modtagere')
      .set({ besvaret: sql`coalesce(besvaret, now())` })
      .where('partshoering_id', '=', o.partshoeringId)
      .where('part_id', '=', modtager.part_id)
      .execute()
    await skrivJournal(trx, { sagId: o.sagId, aktoerId: p.userId, handling: 'hoeringssvar', detaljer: { partshoeringId: o.partshoeringId, svarId: svar.id }, synligForParter: true })
    await addToOutbox(trx, 'send-sagsnotifikation', { sagId: o.sagId, haendelse: 'besked_fra_part' })
    return { ok: true as const }
  })
}

// ─── Invitations ──────────────────────────────────────────────────────────
const invitationDage = 60

/**
 * The invitation token of one notice: derived from the server's secret and the outbox
 * row, so a retried job sends the same link and nothing secret is stored in clear.
 */
export function invitationToken(secret: string, outboxId: number, partId: string): string {
  return createHmac('sha256', secret).update(`invitation:${outboxId}:${partId}`).digest('base64url')
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function gemInvitation(db: Kysely<DB> | Transaction<DB>, token: string, partId: string): Promise<void> {
  await db
    .insertInto('part_invitationer')
    .values({ token_hash: tokenHash(token), part_id: partId, udloeber: sql`now() + make_interval(days => ${invitationDage})` })
    .onConflict((oc) => oc.column('token_hash').doNothing())
    .execute()
}

const ugyldigInvitation = () => new NotFoundError('InvitationUgyldig', 'Linket er ugyldigt eller udløbet. Kontakt nævnets sekretariat for et nyt.')

/** Whether the link may still be used by this user (valid, unexpired, not taken by another); NotFound otherwise. */
export async function kontrollerInvitation(db: Kysely<DB>, p: Principal, token: string): Promise<void> {
  const inv = await db
    .selectFrom('part_invitationer')
    .innerJoin('parter', 'parter.id', 'part_invitationer.part_id')
    .select(['parter.user_id', 'part_invitationer.udloeber'])
    .where('part_invitationer.token_hash', '=', tokenHash(token))
    .executeTakeFirst()
  if (!inv || inv.udloeber < new Date() || (inv.user_id && inv.user_id !== p.userId)) throw ugyldigInvitation()
}

/** Links the logged-in user to the invited party; returns the case id. */
export async function indloesInvitation(db: Kysely<DB>, p: Principal, token: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const inv = await trx
      .selectFrom('part_invitationer')
      .innerJoin('parter', 'parter.id', 'part_invitationer.part_id')
      .select(['parter.id as part_id', 'parter.sag_id', 'parter.user_id', 'part_invitationer.brugt', 'part_invitationer.udloeber'])
      .where('part_invitationer.token_hash', '=', tokenHash(token))
      .forUpdate()
      .executeTakeFirst()
    if (!inv || inv.udloeber < new Date() || (inv.user_id && inv.user_id !== p.userId)) throw ugyldigInvitation()
    if (!inv.user_id) {
      // Someone already on the case cannot also take the other side's place: the filer must
      // not be able to claim the counterparty's invitation and answer in their name.
      const alleredePart = await trx.selectFrom('parter').select('id').where('sag_id', '=', inv.sag_id).where('user_id', '=', p.userId).executeTakeFirst()
      if (alleredePart) throw new NotFoundError('InvitationUgyldig', 'Du er allerede part i sagen og kan ikke også overtage en anden parts invitation. Kontakt nævnets sekretariat, hvis det er en fejl.')
      await trx.updateTable('parter').set({ user_id: p.userId }).where('id', '=', inv.part_id).execute()
      await skrivJournal(trx, { sagId: inv.sag_id, aktoerId: p.userId, handling: 'part_tilknyttet', detaljer: { partId: inv.part_id }, synligForParter: true })
    }
    await trx.updateTable('part_invitationer').set({ brugt: sql`coalesce(brugt, now())` }).where('token_hash', '=', tokenHash(token)).execute()
    return inv.sag_id
  })
}
