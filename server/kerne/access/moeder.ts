// Who may see a board meeting (nævnsmøde) and the material of the cases on its agenda.
//
// - The secretariat (sagsbehandler, sekretariatsleder) sees every meeting of the boards
//   it works for, in every state, through moederForPersonale.
// - A board member (naevnsmedlem) sees a meeting of their own board only while its
//   agenda is published: from the publication time until MOEDE_ADGANG_DAGE_EFTER days
//   after the meeting's start, and never a cancelled one. Within it they see every item
//   except the cases they have declared themselves disqualified (inhabil) in, and of
//   those cases only the documents that are case material (naevnetsDokumentKategorier).
//
// Everything refused is a NotFoundError (404), the same as something that does not exist.
import { sql, type ExpressionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { NotFoundError } from '../../platform/errors.js'
import { isUuid } from '../naevn/naevn.js'
import { bilagKategorier } from '../sag/bilag.js'
import type { Principal } from './principal.js'
import { boardMemberNaevnIds, staffNaevnIds } from './policies.js'

const ingen = ['00000000-0000-0000-0000-000000000000']

const moedeIkkeFundet = () => new NotFoundError('MoedeIkkeFundet', 'Mødet findes ikke.')
const punktIkkeFundet = () => new NotFoundError('PunktIkkeFundet', 'Punktet findes ikke.')

/**
 * The documents of a case that are the board's material: what the parties sent (their
 * attachments and hearing answers), the filing receipt and the letters the board sent.
 * A kind not named here (a decision, anything a later module adds) is left out until
 * someone decides the board should read it.
 */
export const naevnetsDokumentKategorier: readonly string[] = [...Object.keys(bilagKategorier), 'kvittering', 'brev']

export function naevnetsDokument(eb: ExpressionBuilder<DB, 'dokumenter'>): Expression<SqlBool> {
  return eb('dokumenter.kategori', 'in', [...naevnetsDokumentKategorier])
}

// ─── The secretariat ──────────────────────────────────────────────────────────────

export function moederForPersonale(db: Kysely<DB>, p: Principal) {
  const naevnIds = staffNaevnIds(p)
  return db.selectFrom('moeder').where('moeder.naevn_id', 'in', naevnIds.length > 0 ? naevnIds : ingen)
}

export async function moedeForPersonale(db: Kysely<DB>, p: Principal, moedeId: string) {
  if (!isUuid(moedeId)) throw moedeIkkeFundet()
  const moede = await moederForPersonale(db, p).selectAll('moeder').where('moeder.id', '=', moedeId).executeTakeFirst()
  if (!moede) throw moedeIkkeFundet()
  return moede
}

export async function punktForPersonale(db: Kysely<DB>, p: Principal, moedeId: string, punktId: string) {
  const moede = await moedeForPersonale(db, p, moedeId)
  if (!isUuid(punktId)) throw punktIkkeFundet()
  const punkt = await db.selectFrom('dagsordenpunkter').selectAll().where('id', '=', punktId).where('moede_id', '=', moede.id).executeTakeFirst()
  if (!punkt) throw punktIkkeFundet()
  return { moede, punkt }
}

// ─── Board members ────────────────────────────────────────────────────────────────

/** The meetings a board member may open now: published, not cancelled, within the window. */
export function moederForMedlem(db: Kysely<DB>, p: Principal, adgangDageEfter: number) {
  const naevnIds = boardMemberNaevnIds(p)
  return db
    .selectFrom('moeder')
    .where('moeder.naevn_id', 'in', naevnIds.length > 0 ? naevnIds : ingen)
    .where('moeder.status', '!=', 'aflyst')
    .where('moeder.offentliggjort', 'is not', null)
    .where('moeder.offentliggjort', '<=', sql<Date>`now()`)
    .where(sql<boolean>`now() <= moeder.starttid + make_interval(days => ${adgangDageEfter})`)
}

export async function moedeForMedlem(db: Kysely<DB>, p: Principal, moedeId: string, adgangDageEfter: number) {
  if (!isUuid(moedeId)) throw moedeIkkeFundet()
  const moede = await moederForMedlem(db, p, adgangDageEfter).selectAll('moeder').where('moeder.id', '=', moedeId).executeTakeFirst()
  if (!moede) throw moedeIkkeFundet()
  return moede
}

/** Items of cases the member has not declared themselves disqualified in. */
export function ikkeInhabil(p: Principal) {
  return (eb: ExpressionBuilder<DB, 'dagsordenpunkter'>): Expression<SqlBool> =>
    eb.not(
      eb.exists(
        eb
          .selectFrom('inhabiliteter')
          .select('inhabiliteter.sag_id')
          .whereRef('inhabiliteter.sag_id', '=', 'dagsordenpunkter.sag_id')
          .where('inhabiliteter.user_id', '=', p.userId),
      ),
    )
}

/** An item of a meeting the member may open, unless they are disqualified in its case. */
export async function punktForMedlem(db: Kysely<DB>, p: Principal, moedeId: string, punktId: string, adgangDageEfter: number) {
  const moede = await moedeForMedlem(db, p, moedeId, adgangDageEfter)
  if (!isUuid(punktId)) throw punktIkkeFundet()
  const punkt = await db
    .selectFrom('dagsordenpunkter')
    .selectAll()
    .where('dagsordenpunkter.id', '=', punktId)
    .where('dagsordenpunkter.moede_id', '=', moede.id)
    .where(ikkeInhabil(p))
    .executeTakeFirst()
  if (!punkt) throw punktIkkeFundet()
  return { moede, punkt }
}

/** One document of an item's case, if it is board material; the bytes come with it. */
export async function dokumentForMedlem(db: Kysely<DB>, p: Principal, moedeId: string, punktId: string, dokumentId: string, adgangDageEfter: number) {
  const { punkt } = await punktForMedlem(db, p, moedeId, punktId, adgangDageEfter)
  if (!isUuid(dokumentId)) throw new NotFoundError('DokumentIkkeFundet', 'Dokumentet findes ikke.')
  const dok = await db
    .selectFrom('dokumenter')
    .innerJoin('document_blobs', 'document_blobs.sha256', 'dokumenter.sha256')
    .select(['dokumenter.id', 'dokumenter.sag_id', 'dokumenter.filnavn', 'dokumenter.mime', 'document_blobs.indhold'])
    .where('dokumenter.id', '=', dokumentId)
    .where('dokumenter.sag_id', '=', punkt.sag_id)
    .where(naevnetsDokument)
    .executeTakeFirst()
  if (!dok) throw new NotFoundError('DokumentIkkeFundet', 'Dokumentet findes ikke.')
  return dok
}
