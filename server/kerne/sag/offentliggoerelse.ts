// Whether a final decision is published: every decision is, unless the caseworker
// records why not (fravalg, before publication) or withdraws it afterwards (tilbagetræk),
// each with a reason that is journaled and counted in the public statistics; and
// resuming publication when the reason no longer holds. The public copy itself is
// written by the register's publication worker (server/modules/register/).
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import type { Principal } from '../access/principal.js'
import { sagForPersonale } from '../access/sager.js'
import { addToOutbox } from '../outbox/outbox.js'
import { ConflictError, ValidationError } from '../../platform/errors.js'
import { skrivJournal } from './journal.js'

async function hentTilBeslutning(db: Kysely<DB>, p: Principal, sagId: string) {
  const sag = await sagForPersonale(db, p, sagId)
  const a = await db.selectFrom('afgoerelser').select(['id', 'publicering', 'status']).where('sag_id', '=', sag.id).executeTakeFirst()
  if (!a || a.publicering === null) throw new ConflictError('IngenEndeligAfgoerelse', 'Sagen har ingen endelig afgørelse.')
  return { sag, a }
}

function kontrollerBegrundelse(begrundelse: string): string {
  const b = begrundelse.trim()
  if (b.length < 10) throw new ValidationError('BegrundelseMangler', 'Skriv begrundelsen (mindst 10 tegn). Den står i statistikken og i sagens historik.', { begrundelse: 'Skriv, hvorfor afgørelsen ikke offentliggøres.' })
  return b.slice(0, 1000)
}

/**
 * Withholds a decision from publication (fravalg), with the reason recorded: every
 * decision is published unless someone records why not. A published one is withdrawn.
 */
export async function fravaelg(db: Kysely<DB>, p: Principal, sagId: string, begrundelse: string): Promise<void> {
  const b = kontrollerBegrundelse(begrundelse)
  const { sag, a } = await hentTilBeslutning(db, p, sagId)
  if (a.publicering === 'publiceret') return trukTilbage(db, p, sagId, b)
  if (a.publicering === 'fravalgt') throw new ConflictError('AlleredeFravalgt', 'Afgørelsen er allerede fravalgt.')
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('afgoerelser').set({ publicering: 'fravalgt', publicering_begrundelse: b }).where('id', '=', a.id).execute()
    await skrivJournal(trx, { sagId: sag.id, aktoerId: p.userId, handling: 'publicering_fravalgt', begrundelse: b, synligForParter: false })
  })
}

/** Withdraws a published decision; its public page then says so, with the reason. */
export async function trukTilbage(db: Kysely<DB>, p: Principal, sagId: string, begrundelse: string): Promise<void> {
  const b = kontrollerBegrundelse(begrundelse)
  const { sag, a } = await hentTilBeslutning(db, p, sagId)
  if (a.publicering !== 'publiceret') throw new ConflictError('IkkePubliceret', 'Afgørelsen er ikke offentliggjort.')
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('afgoerelser').set({ publicering: 'trukket_tilbage', publicering_begrundelse: b }).where('id', '=', a.id).execute()
    const r = await trx.updateTable('register_afgoerelser').set({ status: 'trukket_tilbage', status_begrundelse: b, opdateret: sql`now()` }).where('afgoerelse_id', '=', a.id).returning('id').executeTakeFirst()
    if (r) await trx.updateTable('register_huslejer').set({ status: 'trukket_tilbage' }).where('register_afgoerelse_id', '=', r.id).execute()
    await skrivJournal(trx, { sagId: sag.id, aktoerId: p.userId, handling: 'publicering_trukket_tilbage', begrundelse: b, synligForParter: true })
  })
}

/** Publishes again after a withdrawal or a withheld decision (the reason no longer holds). */
export async function genoptag(db: Kysely<DB>, p: Principal, sagId: string): Promise<void> {
  const { sag, a } = await hentTilBeslutning(db, p, sagId)
  if (a.publicering !== 'fravalgt' && a.publicering !== 'trukket_tilbage') throw new ConflictError('IkkeFravalgt', 'Afgørelsen er hverken fravalgt eller trukket tilbage.')
  await db.transaction().execute(async (trx) => {
    // Back to where the anonymization stands: approved (publish now), in review, or not done yet.
    const anon = await trx.selectFrom('anonymiseringer').select('status').where('afgoerelse_id', '=', a.id).orderBy('version_nr', 'desc').limit(1).executeTakeFirst()
    const tilstand = anon?.status === 'godkendt' ? 'godkendt' : anon ? 'til_gennemsyn' : 'afventer_anonymisering'
    await trx.updateTable('afgoerelser').set({ publicering: tilstand, publicering_begrundelse: null }).where('id', '=', a.id).execute()
    if (tilstand === 'godkendt') await addToOutbox(trx, 'publicer-afgoerelse', { afgoerelseId: a.id })
    await skrivJournal(trx, { sagId: sag.id, aktoerId: p.userId, handling: 'publicering_genoptaget', synligForParter: false })
  })
}
