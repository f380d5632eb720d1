// The rules of filing: each wizard step saved as a draft the moment it is valid, the
// completeness check, submission (numbers, status, journal, outbox), drafts deleted
// only by their owner, and messages between a party and the secretariat.
import { sql, type Transaction } from 'kysely'
import type { Config } from '../../platform/config.js'
import type { Database } from '../../platform/db/database.js'
import type { DB } from '../../platform/db/types.js'
import type { Principal } from '../../kerne/access/principal.js'
import { kladdeForEjer, parterBrugerenTalerFor, sagForPart } from '../../kerne/access/sager.js'
import { filerFraMitid, medMitidFiler } from './mitid-filer.js'
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js'
import type { CprCipher } from '../../kerne/identitet/cpr-crypto.js'
import { findNaevnForKommune, isUuid } from '../../kerne/naevn/naevn.js'
import { addToOutbox } from '../../kerne/outbox/outbox.js'
import type { PostnummerIndex } from '../../kerne/referencedata/postnumre.js'
import { gemBilag, type BilagKategori } from '../../kerne/sag/bilag.js'
import type { Fil } from '../../platform/forms/multipart.js'
import { gebyrForIndbringelse } from '../../kerne/sag/gebyr.js'
import { skrivJournal } from '../../kerne/sag/journal.js'
import { skiftStatus } from '../../kerne/sag/livscyklus.js'
import type { IndbringerRolle } from '../../kerne/sag/sagsomraader.js'
import { FormErrors, type FormValues } from '../../platform/forms/form.js'
import { listDokumenter, listParter, opretKladde } from './indbringelse.repository.js'
import { naevnTypeFor, type LejemaalType } from '../../kerne/sag/koder.js'
import { parseHvem, parseLejemaal, parseParter, parseSagen, type PartInput, type Parter } from './indbringelse.trin.js'
import { maksTegn, tekstGraenser } from '../../platform/forms/graenser.js'
import { fremsendelsesfrist } from '../../kerne/sag/frister.js'

export interface IndbringelseCtx {
  db: Database
  config: Config
  postnumre: PostnummerIndex
  cpr: CprCipher
}

type Sag = Awaited<ReturnType<typeof sagForPart>>

export async function startKladde(ctx: IndbringelseCtx, p: Principal): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const id = await opretKladde(trx, p.userId)
    await skrivJournal(trx, { sagId: id, aktoerId: p.userId, handling: 'kladde_oprettet', synligForParter: true })
    return id
  })
}

async function opdater(trx: Transaction<DB>, sagId: string, trinNr: number, values: Partial<Record<keyof DB['sager'], unknown>>) {
  await trx
    .updateTable('sager')
    .set({ ...(values as object), trin: sql`greatest(trin, ${trinNr})`, opdateret: sql`now()`, version: sql`version + 1` })
    .where('id', '=', sagId)
    .where('status', '=', 'kladde')
    .execute()
}

function kunKladde(sag: Sag): void {
  if (sag.status !== 'kladde') {
    throw new ConflictError('SagErIndsendt', 'Sagen er sendt til nævnet og kan ikke længere ændres. Du kan skrive en besked eller sende flere bilag fra sagens side.')
  }
}

export type TrinResultat = { ok: true } | { ok: false; errors: FormErrors; extra?: Record<string, unknown> }

export async function gemHvem(ctx: IndbringelseCtx, p: Principal, sagId: string, body: FormValues | undefined): Promise<TrinResultat> {
  const sag = await kladdeForEjer(ctx.db, p, sagId)
  kunKladde(sag)
  const r = parseHvem(body)
  if (!r.ok) return r
  await ctx.db.transaction().execute((trx) =>
    opdater(trx, sagId, 1, { indbringer_rolle: r.data.indbringerRolle, repraesentant_type: r.data.repraesentantType }),
  )
  return { ok: true }
}

export async function gemLejemaal(ctx: IndbringelseCtx, p: Principal, sagId: string, body: FormValues | undefined): Promise<TrinResultat> {
  const sag = await kladdeForEjer(ctx.db, p, sagId)
  kunKladde(sag)
  const { result, kommuneValg } = parseLejemaal(body, ctx.postnumre)
  if (!result.ok) return { ok: false, errors: result.errors, extra: { kommuneValg } }
  const d = result.data
  // The board of the municipality where the tenancy lies; merged boards serve all of
  // their municipalities, so the lookup finds the merged one.
  const naevn = await findNaevnForKommune(ctx.db, naevnTypeFor(d.lejemaalType), d.kommunekode)
  if (!naevn) {
    return { ok: false, errors: new FormErrors().add('postnr', 'Der er intet nævn registreret for kommunen. Kontakt kommunen.'), extra: { kommuneValg } }
  }
  await ctx.db.transaction().execute((trx) =>
    opdater(trx, sagId, 2, {
      vejnavn: d.vejnavn,
      husnummer: d.husnummer,
      etage: d.etage || null,
      doer: d.doer || null,
      postnr: d.postnr,
      by: d.by,
      kommunekode: d.kommunekode,
      lejemaal_type: d.lejemaalType,
      naevn_id: naevn.id,
    }),
  )
  return { ok: true }
}

export async function gemParter(ctx: IndbringelseCtx, p: Principal, sagId: string, body: FormValues | undefined): Promise<TrinResultat> {
  const sag = await kladdeForEjer(ctx.db, p, sagId)
  kunKladde(sag)
  // A MitID user's own name and CPR/CVR come from the login, never from the form.
  const r = parseParter(medMitidFiler(body, await filerFraMitid(ctx.db, ctx.cpr, p)), sag.repraesentant_type !== null)
  if (!r.ok) return r
  await ctx.db.transaction().execute(async (trx) => {
    await erstatParter(trx, ctx.cpr, sag, p, r.data)
    await opdater(trx, sagId, 3, {})
  })
  return { ok: true }
}

async function erstatParter(trx: Transaction<DB>, cpr: CprCipher, sag: Sag, p: Principal, parter: Parter): Promise<void> {
  const gamle = await trx.selectFrom('parter').select(['rolle', 'raekkefoelge', 'cpr_krypteret', 'cpr_hash']).where('sag_id', '=', sag.id).execute()
  const gammelCpr = (rolle: string, nr: number) => gamle.find((g) => g.rolle === rolle && g.raekkefoelge === nr)
  const row = (part: PartInput, rolle: 'indbringer' | 'medpart' | 'modpart' | 'repraesentant', nr: number, userId: string | null) => {
    const kept = part.beholdCpr ? gammelCpr(rolle, nr) : undefined
    return {
      sag_id: sag.id,
      rolle,
      raekkefoelge: nr,
      user_id: userId,
      navn: part.navn,
      cpr_krypteret: part.cpr ? cpr.encrypt(part.cpr) : (kept?.cpr_krypteret ?? null),
      cpr_hash: part.cpr ? cpr.lookupHash(part.cpr) : (kept?.cpr_hash ?? null),
      cvr: part.cvr,
      email: part.email || null,
      telefon: part.telefon || null,
      adresse: part.adresse || null,
      postnr: part.postnr || null,
      by: part.by || null,
    }
  }
  const rows = parter.klient
    ? [row(parter.mig, 'repraesentant', 0, p.userId), row(parter.klient, 'indbringer', 0, null)]
    : [row(parter.mig, 'indbringer', 0, p.userId)]
  parter.medparter.forEach((m, i) => rows.push(row(m, 'medpart', i + 1, null)))
  rows.push(row(parter.modpart, 'modpart', 0, null))
  await trx.deleteFrom('parter').where('sag_id', '=', sag.id).execute()
  await trx.insertInto('parter').values(rows).execute()
}

export async function gemSagen(ctx: IndbringelseCtx, p: Principal, sagId: string, body: FormValues | undefined): Promise<TrinResultat> {
  const sag = await kladdeForEjer(ctx.db, p, sagId)
  kunKladde(sag)
  const forud = forudsaetninger(sag)
  if (forud) throw new ValidationError('TrinMangler', forud)
  const r = parseSagen(body, naevnTypeFor(sag.lejemaal_type as LejemaalType), sag.indbringer_rolle as IndbringerRolle)
  if (!r.ok) return r
  await ctx.db.transaction().execute((trx) =>
    opdater(trx, sagId, 4, { sagsomraader: r.data.sagsomraader, formaal: r.data.formaal, beskrivelse: r.data.beskrivelse, svar: JSON.stringify(r.data.svar) }),
  )
  return { ok: true }
}

/** Step 4 depends on the filer's role (step 1) and the board type (step 2). */
export function forudsaetninger(sag: Sag): string | null {
  if (!sag.indbringer_rolle) return 'Udfyld først trin 1: hvem du er.'
  if (!sag.lejemaal_type || !sag.naevn_id) return 'Udfyld først trin 2: lejemålet.'
  return null
}

export async function uploadBilag(ctx: IndbringelseCtx, p: Principal, sagId: string, kategori: BilagKategori, filer: Fil[]) {
  const sag = await sagForPart(ctx.db, p, sagId)
  // After submission a party may still supplement the case with attachments.
  if (sag.status === 'kladde' && sag.oprettet_af !== p.userId) throw new ConflictError('SagErIndsendt', 'Kun den, der har oprettet kladden, kan ændre den.')
  return ctx.db.transaction().execute(async (trx) => {
    const result = await gemBilag(trx, { sagId, uploadetAf: p.userId, kategori, filer, graenser: ctx.config.upload })
    if (result.gemt.length > 0) {
      if (sag.status === 'kladde') await opdater(trx, sagId, 5, {})
      else {
        await skrivJournal(trx, {
          sagId,
          aktoerId: p.userId,
          handling: 'bilag_tilfoejet',
          detaljer: { filer: result.gemt.map((g) => g.filnavn) },
          synligForParter: true,
        })
        await addToOutbox(trx, 'send-sagsnotifikation', { sagId, haendelse: 'bilag_fra_part' })
      }
    }
    return result
  })
}

export async function sletBilag(ctx: IndbringelseCtx, p: Principal, sagId: string, dokumentId: string): Promise<void> {
  const sag = await kladdeForEjer(ctx.db, p, sagId)
  kunKladde(sag)
  if (!isUuid(dokumentId)) throw new NotFoundError('DokumentIkkeFundet', 'Dokumentet findes ikke.')
  await ctx.db.deleteFrom('dokumenter').where('sag_id', '=', sagId).where('id', '=', dokumentId).execute()
}

export async function bekraeftGebyr(ctx: IndbringelseCtx, p: Principal, sagId: string): Promise<void> {
  const sag = await kladdeForEjer(ctx.db, p, sagId)
  kunKladde(sag)
  await ctx.db.transaction().execute((trx) => opdater(trx, sagId, 6, {}))
}

export async function beregnGebyr(ctx: IndbringelseCtx, sag: Sag, naar = new Date()) {
  if (!sag.lejemaal_type) return null
  return gebyrForIndbringelse(ctx.db, {
    aar: naar.getFullYear(),
    naevnType: naevnTypeFor(sag.lejemaal_type),
    formaal: sag.formaal ?? 'klage',
  })
}

export interface Mangel {
  trin: string
  besked: string
}

/** Everything a case needs before the board can receive it, step by step. */
export async function mangler(ctx: IndbringelseCtx, sag: Sag): Promise<Mangel[]> {
  const result: Mangel[] = []
  if (!sag.indbringer_rolle) result.push({ trin: 'hvem', besked: 'Angiv, om du er lejer eller udlejer, og om du indbringer for dig selv.' })
  if (!sag.naevn_id || !sag.kommunekode) result.push({ trin: 'lejemaal', besked: 'Angiv lejemålets adresse og type.' })
  const parter = await listParter(ctx.db, sag.id)
  if (!parter.some((x) => x.rolle === 'indbringer') || !parter.some((x) => x.rolle === 'modpart')) {
    result.push({ trin: 'parter', besked: 'Angiv parterne i sagen.' })
  }
  if (sag.sagsomraader.length === 0 || !sag.formaal || !sag.beskrivelse) result.push({ trin: 'sagen', besked: 'Beskriv, hvad sagen drejer sig om.' })
  if (sag.repraesentant_type) {
    // A representative needs a power of attorney from everyone they represent: the
    // filer and, with several tenants on one lease, every co-party.
    const repraesenterede = parter.filter((x) => x.rolle === 'indbringer' || x.rolle === 'medpart').length
    const fuldmagter = (await listDokumenter(ctx.db, sag.id)).filter((d) => d.kategori === 'fuldmagt').length
    if (fuldmagter < Math.max(1, repraesenterede)) {
      result.push({
        trin: 'bilag',
        besked: `Som repræsentant skal du vedlægge fuldmagt fra alle, du repræsenterer (${Math.max(1, repraesenterede)}). Der er vedlagt ${fuldmagter}.`,
      })
    }
  }
  if (sag.trin < 6) result.push({ trin: 'gebyr', besked: 'Se og bekræft gebyret.' })
  return result
}

export type IndsendResultat = { ok: true; sagsnummer: string } | { ok: false; mangler: Mangel[] }

export async function indsend(ctx: IndbringelseCtx, p: Principal, sagId: string, forventetVersion?: number): Promise<IndsendResultat> {
  const sag = await kladdeForEjer(ctx.db, p, sagId)
  kunKladde(sag)
  const huller = await mangler(ctx, sag)
  if (huller.length > 0) return { ok: false, mangler: huller }
  const gebyr = await beregnGebyr(ctx, sag)
  const sagsnummer = await ctx.db.transaction().execute(async (trx) => {
    const { version } = await skiftStatus(trx, sagId, 'indbragt', { aktoerId: p.userId, forventetVersion, begrundelse: 'Indbragt digitalt' })
    const { nr } = await sql<{ nr: number }>`SELECT nextval('indbringelsesnummer_seq')::int AS nr`.execute(trx).then((r) => r.rows[0]!)
    // Sagsnummer: the municipality's code and the filing number, e.g. 101-10005.
    const sagsnummer = `${sag.kommunekode}-${nr}`
    const indbragt = new Date()
    await trx
      .updateTable('sager')
      .set({
        indbringelsesnummer: nr,
        sagsnummer,
        indbragt,
        frist_fremsendelse: fremsendelsesfrist(indbragt),
        gebyr_kr: gebyr && 'beloebKr' in gebyr ? gebyr.beloebKr : null,
        gebyr_aar: gebyr ? gebyr.aar : null,
        trin: 7,
      })
      .where('id', '=', sagId)
      .where('version', '=', version)
      .execute()
    await addToOutbox(trx, 'generer-kvittering', { sagId })
    return sagsnummer
  })
  return { ok: true, sagsnummer }
}

export async function sletKladde(ctx: IndbringelseCtx, p: Principal, sagId: string): Promise<void> {
  const sag = await kladdeForEjer(ctx.db, p, sagId)
  kunKladde(sag)
  // A draft was never sent: nobody else has seen it, so it goes entirely.
  await ctx.db.deleteFrom('sager').where('id', '=', sagId).where('status', '=', 'kladde').execute()
}

export async function sendBesked(
  ctx: IndbringelseCtx,
  p: Principal,
  sagId: string,
  tekst: string,
  fil: Fil | null,
): Promise<{ ok: true } | { ok: false; fejl: Record<string, string> }> {
  const sag = await sagForPart(ctx.db, p, sagId)
  if (sag.status === 'kladde') throw new ConflictError('SagIkkeIndsendt', 'Send sagen, før du skriver til sekretariatet.')
  const clean = tekst.trim()
  if (clean.length === 0) return { ok: false, fejl: { tekst: 'Skriv en besked.' } }
  if (clean.length > tekstGraenser.besked) return { ok: false, fejl: { tekst: `Beskeden må højst være ${maksTegn('besked')} tegn.` } }
  return ctx.db.transaction().execute(async (trx) => {
    let dokumentId: string | null = null
    if (fil) {
      // The file goes with a message to the secretariat: the other side does not see it.
      const kunForParter = await parterBrugerenTalerFor(trx, p, sagId)
      const r = await gemBilag(trx, { sagId, uploadetAf: p.userId, kategori: 'korrespondance', filer: [fil], graenser: ctx.config.upload, kunForParter })
      if (r.afvist.length > 0) return { ok: false as const, fejl: { fil: `${r.afvist[0]!.filnavn}: ${r.afvist[0]!.grund}.` } }
      dokumentId = r.gemt[0]!.id
    }
    const besked = await trx
      .insertInto('beskeder')
      .values({ sag_id: sagId, afsender_id: p.userId, part_user_id: p.userId, fra_sekretariat: false, tekst: clean, dokument_id: dokumentId })
      .returning('id')
      .executeTakeFirstOrThrow()
    await skrivJournal(trx, { sagId, aktoerId: p.userId, handling: 'besked_fra_part', detaljer: { beskedId: besked.id }, synligForParter: true })
    await addToOutbox(trx, 'send-sagsnotifikation', { sagId, haendelse: 'besked_fra_part' })
    return { ok: true as const }
  })
}
