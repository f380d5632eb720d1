// Powers of attorney (fuldmagter) registered by the secretariat in a case: a party of the
// case (by its CPR or CVR) authorises a representative (a person by CPR or an organisation
// by CVR) for a period. The registration is what server/kerne/access/sager.ts reads: while it is
// in force, the representative, logged in with MitID, acts as that party in this case.
// Only the case's board's staff register, list and revoke (sagForPersonale: 404 for others).
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Principal } from '../../kerne/access/principal.js'
import { sagForPersonale } from '../../kerne/access/sager.js'
import type { DB } from '../../platform/db/types.js'
import { NotFoundError } from '../../platform/errors.js'
import { emailPattern } from '../../platform/forms/form.js'
import { tekstGraenser } from '../../platform/forms/graenser.js'
import { validateCpr, validateCvr } from '../../kerne/identitet/cpr.js'
import type { CprCipher } from '../../kerne/identitet/cpr-crypto.js'
import { isUuid } from '../../kerne/naevn/naevn.js'
import { erDato, idagIDanmark } from '../../kerne/sag/frister.js'
import { skrivJournal } from '../../kerne/sag/journal.js'

export interface FuldmagtInput {
  giver: string
  fuldmaegtig_navn: string
  fuldmaegtig_cprcvr: string
  fuldmaegtig_email: string
  gyldig_fra: string
  gyldig_til: string
  omfang: string
}

export const tomFuldmagt = (): FuldmagtInput => ({ giver: '', fuldmaegtig_navn: '', fuldmaegtig_cprcvr: '', fuldmaegtig_email: '', gyldig_fra: idagIDanmark(), gyldig_til: '', omfang: '' })

/** The parties of the case who can give a power of attorney: those with a CPR or CVR on the case. */
export function mulige(db: Kysely<DB>, sagId: string) {
  return db
    .selectFrom('parter')
    .select(['id', 'navn', 'rolle', 'cpr_hash', 'cvr'])
    .where('sag_id', '=', sagId)
    .where((eb) => eb.or([eb('cpr_hash', 'is not', null), eb('cvr', 'is not', null)]))
    .orderBy('rolle')
    .orderBy('raekkefoelge')
    .execute()
}

/**
 * The powers of attorney that bear on the case: those registered in it, and general ones
 * (registered outside any case) from one of its parties. Newest first.
 */
export async function listFuldmagter(db: Kysely<DB>, p: Principal, sagId: string) {
  const sag = await sagForPersonale(db, p, sagId)
  return db
    .selectFrom('fuldmagter as f')
    .leftJoin('users as o', 'o.id', 'f.oprettet_af')
    .leftJoin('users as t', 't.id', 'f.tilbagekaldt_af')
    .select([
      'f.id',
      'f.sag_id',
      'f.giver_navn',
      'f.giver_cvr',
      'f.fuldmaegtig_navn',
      'f.fuldmaegtig_cvr',
      'f.fuldmaegtig_cpr_hash',
      'f.fuldmaegtig_email',
      'f.gyldig_fra',
      'f.gyldig_til',
      'f.omfang',
      'f.oprettet',
      'f.tilbagekaldt',
      'o.navn as oprettet_af_navn',
      't.navn as tilbagekaldt_af_navn',
    ])
    .where((eb) =>
      eb.or([
        eb('f.sag_id', '=', sag.id),
        eb.and([
          eb('f.sag_id', 'is', null),
          eb.exists(
            eb
              .selectFrom('parter')
              .select('parter.id')
              .where('parter.sag_id', '=', sag.id)
              .where(sql<boolean>`(parter.cpr_hash = f.giver_cpr_hash OR parter.cvr = f.giver_cvr)`),
          ),
        ]),
      ]),
    )
    .orderBy('f.oprettet', 'desc')
    .execute()
}

/** Checks the form; on success the row to insert (the holder's CPR only as the look-up hash). */
export async function registrerFuldmagt(
  db: Kysely<DB>,
  cpr: CprCipher,
  p: Principal,
  sagId: string,
  v: FuldmagtInput,
): Promise<{ ok: true } | { ok: false; fejl: Record<string, string> }> {
  const sag = await sagForPersonale(db, p, sagId)
  const fejl: Record<string, string> = {}
  const giver = isUuid(v.giver) ? (await mulige(db, sag.id)).find((x) => x.id === v.giver) : undefined
  if (!giver) fejl.giver = 'Vælg den part, der giver fuldmagten.'
  if (!v.fuldmaegtig_navn) fejl.fuldmaegtig_navn = 'Skriv fuldmægtigens navn.'
  let fuldmaegtig: { cpr_hash: string | null; cvr: string | null } | null = null
  const digits = v.fuldmaegtig_cprcvr.replace(/[\s-]/g, '')
  if (!digits) fejl.fuldmaegtig_cprcvr = 'Skriv fuldmægtigens CPR-nummer eller CVR-nummer.'
  else if (/^\d{8}$/.test(digits)) {
    const r = validateCvr(digits)
    if (r.ok) fuldmaegtig = { cpr_hash: null, cvr: r.cvr }
    else fejl.fuldmaegtig_cprcvr = r.fejl
  } else {
    const r = validateCpr(v.fuldmaegtig_cprcvr)
    if (r.ok) fuldmaegtig = { cpr_hash: cpr.lookupHash(r.cpr), cvr: null }
    else fejl.fuldmaegtig_cprcvr = r.fejl
  }
  if (v.fuldmaegtig_email && (!emailPattern.test(v.fuldmaegtig_email) || v.fuldmaegtig_email.length > 254)) {
    fejl.fuldmaegtig_email = 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk, eller lad feltet stå tomt.'
  }
  if (!erDato(v.gyldig_fra)) fejl.gyldig_fra = 'Skriv datoen som åååå-mm-dd.'
  if (v.gyldig_til && !erDato(v.gyldig_til)) fejl.gyldig_til = 'Skriv datoen som åååå-mm-dd, eller lad feltet stå tomt.'
  else if (v.gyldig_til && erDato(v.gyldig_fra) && v.gyldig_til < v.gyldig_fra) fejl.gyldig_til = 'Slutdatoen skal ligge samme dag som eller efter startdatoen.'
  else if (v.gyldig_til && v.gyldig_til < idagIDanmark()) fejl.gyldig_til = 'Slutdatoen ligger før i dag. En udløbet fuldmagt giver ingen adgang.'
  if (!v.omfang) fejl.omfang = 'Beskriv, hvad fuldmagten omfatter, fx "Føre sagen for nævnet på mine vegne".'
  else if (v.omfang.length > tekstGraenser.begrundelse) fejl.omfang = `Beskrivelsen må højst være ${tekstGraenser.begrundelse.toLocaleString('da-DK')} tegn.`
  if (Object.keys(fejl).length > 0 || !giver || !fuldmaegtig) return { ok: false, fejl }
  if ((giver.cvr && giver.cvr === fuldmaegtig.cvr) || (giver.cpr_hash && giver.cpr_hash === fuldmaegtig.cpr_hash)) {
    return { ok: false, fejl: { fuldmaegtig_cprcvr: 'Fuldmægtigen kan ikke være parten selv.' } }
  }
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('fuldmagter')
      .values({
        sag_id: sag.id,
        giver_navn: giver.navn,
        giver_cpr_hash: giver.cvr ? null : giver.cpr_hash,
        giver_cvr: giver.cvr,
        fuldmaegtig_navn: v.fuldmaegtig_navn,
        fuldmaegtig_cpr_hash: fuldmaegtig.cpr_hash,
        fuldmaegtig_cvr: fuldmaegtig.cvr,
        fuldmaegtig_email: v.fuldmaegtig_email || null,
        gyldig_fra: v.gyldig_fra,
        gyldig_til: v.gyldig_til || null,
        omfang: v.omfang,
        oprettet_af: p.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await skrivJournal(trx, {
      sagId: sag.id,
      aktoerId: p.userId,
      handling: 'fuldmagt_registreret',
      detaljer: { fuldmagtId: row.id, giver: giver.navn, fuldmaegtig: v.fuldmaegtig_navn, gyldigFra: v.gyldig_fra, gyldigTil: v.gyldig_til || null },
      synligForParter: true,
    })
  })
  return { ok: true }
}

/** Revokes a power of attorney registered in this case (from now on it gives no access). */
export async function tilbagekaldFuldmagt(db: Kysely<DB>, p: Principal, sagId: string, fuldmagtId: string): Promise<void> {
  const sag = await sagForPersonale(db, p, sagId)
  if (!isUuid(fuldmagtId)) throw new NotFoundError('FuldmagtIkkeFundet', 'Fuldmagten findes ikke.')
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('fuldmagter')
      .set({ tilbagekaldt: sql`now()`, tilbagekaldt_af: p.userId })
      .where('id', '=', fuldmagtId)
      .where('sag_id', '=', sag.id)
      .where('tilbagekaldt', 'is', null)
      .returning(['id', 'fuldmaegtig_navn', 'giver_navn'])
      .executeTakeFirst()
    if (!row) throw new NotFoundError('FuldmagtIkkeFundet', 'Fuldmagten findes ikke eller er allerede tilbagekaldt.')
    await skrivJournal(trx, {
      sagId: sag.id,
      aktoerId: p.userId,
      handling: 'fuldmagt_tilbagekaldt',
      detaljer: { fuldmagtId: row.id, giver: row.giver_navn, fuldmaegtig: row.fuldmaegtig_navn },
      synligForParter: true,
    })
  })
}
