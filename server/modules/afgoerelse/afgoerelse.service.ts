// Registering a decision and making it final. The draft is built from the case; a final
// version is a stored PDF with its SHA-256 that never changes (a correction is a new
// version with a reason); finalising closes the case, queues its anonymization for
// publication and sends the decision to every party through the outbox.
import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Config } from '../../platform/config.js'
import type { Database } from '../../platform/db/database.js'
import type { Principal } from '../../kerne/access/principal.js'
import { sagForPersonale } from '../../kerne/access/sager.js'
import { ConflictError, ValidationError } from '../../platform/errors.js'
import type { FormValues } from '../../platform/forms/form.js'
import { addToOutbox } from '../../kerne/outbox/outbox.js'
import { opretUdsendelser } from '../../kerne/forsendelse/udsendelser.js'
import { lagreDokument } from '../../kerne/sag/bilag.js'
import { idagIDanmark } from '../../kerne/sag/frister.js'
import { skrivJournal } from '../../kerne/sag/journal.js'
import { naevnTypeFor, statusForAfslutning, type Afslutningsaarsag, type LejemaalType } from '../../kerne/sag/koder.js'
import { skiftStatus } from '../../kerne/sag/livscyklus.js'
import type { LovIndex } from '../../kerne/sag/lovgrundlag.js'
import { sagsomraaderFor } from '../../kerne/sag/sagsomraader.js'
import { laesAfgoerelse, mangler, standardAfgoerelseTekst } from './afgoerelse.regler.js'
import { afgoerelseDokument } from './afgoerelse.dokument.js'

export interface AfgoerelseCtx {
  db: Database
  config: Config
  love: LovIndex
}

/** The decision of a case; a first visit makes a draft from what the case knows. */
export async function hentUdkast(ctx: AfgoerelseCtx, p: Principal, sagId: string) {
  const sag = await sagForPersonale(ctx.db, p, sagId)
  const findes = await ctx.db.selectFrom('afgoerelser').selectAll().where('sag_id', '=', sag.id).executeTakeFirst()
  if (findes) return { sag, afgoerelse: findes }
  const sagsfremstilling = [
    `Sagen er indbragt for nævnet ${sag.indbragt ? new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(sag.indbragt) : ''} af ${sag.indbringer_rolle === 'udlejer' ? 'udlejer' : 'lejer'}.`,
    '',
    sag.beskrivelse ?? '',
  ].join('\n')
  const afgoerelse = await ctx.db
    .insertInto('afgoerelser')
    .values({ sag_id: sag.id, oprettet_af: p.userId, sagsomraader: sag.sagsomraader, afgoerelsesdato: idagIDanmark(), sagsfremstilling })
    .onConflict((oc) => oc.column('sag_id').doNothing())
    .returningAll()
    .executeTakeFirst()
  return { sag, afgoerelse: afgoerelse ?? (await ctx.db.selectFrom('afgoerelser').selectAll().where('sag_id', '=', sag.id).executeTakeFirstOrThrow()) }
}

export async function gemAfgoerelse(ctx: AfgoerelseCtx, p: Principal, sagId: string, body: FormValues | undefined, forventetVersion?: number) {
  const { sag, afgoerelse } = await hentUdkast(ctx, p, sagId)
  if (afgoerelse.status === 'endelig') throw new ConflictError('AfgoerelseEndelig', 'Afgørelsen er endelig. Opret en ny version med en begrundelse for at rette den.')
  const type = naevnTypeFor(sag.lejemaal_type as LejemaalType)
  const r = laesAfgoerelse(body, { gyldigeOmraader: sagsomraaderFor(type).map((o) => o.kode), gyldigeBestemmelser: (id) => ctx.love.hent(id) !== undefined })
  if (!r.ok) return r
  const d = r.data
  // An empty AFGØRELSE section starts from the registered outcome.
  if (!d.afgoerelse_tekst.trim()) d.afgoerelse_tekst = standardAfgoerelseTekst(d)
  // The draft and its internal journal entry are saved together.
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('afgoerelser')
      .set({
        afgoerelsesdato: d.afgoerelsesdato,
        afslutningsaarsag: d.afslutningsaarsag,
        henlaeggelsesaarsag: d.henlaeggelsesaarsag,
        afvisningsaarsag: d.afvisningsaarsag,
        medhold: d.medhold,
        gebyrpaalaeggelse: d.gebyrpaalaeggelse,
        sagsomraader: d.sagsomraader,
        lovgrundlag: d.lovgrundlag,
        besigtigelse: d.besigtigelse,
        offentlig_interesse: d.offentlig_interesse,
        huslejefastsaettelse_dato: d.huslejefastsaettelse?.dato ?? null,
        huslejefastsaettelse_metode: d.huslejefastsaettelse?.metode ?? null,
        huslejekategori: d.huslejefastsaettelse?.kategori ?? null,
        huslejeangivelse: d.huslejefastsaettelse?.angivelse ?? null,
        husleje: d.huslejefastsaettelse?.husleje ?? null,
        areal: d.huslejefastsaettelse?.areal ?? null,
        afgoerelse_tekst: d.afgoerelse_tekst,
        sagsfremstilling: d.sagsfremstilling,
        begrundelse: d.begrundelse,
        version: sql`version + 1`,
        opdateret: sql`now()`,
      })
      .where('id', '=', afgoerelse.id)
      .where('status', '=', 'udkast')
      .$if(forventetVersion !== undefined, (qb) => qb.where('version', '=', forventetVersion!))
      .returning('id')
      .executeTakeFirst()
    if (!updated) throw new ConflictError('AfgoerelseAendret', 'Afgørelsen er ændret af en anden, siden du åbnede den. Genindlæs siden; dine ændringer er vist igen.')
    await skrivJournal(trx, { sagId, aktoerId: p.userId, handling: 'afgoerelsesudkast_gemt', synligForParter: false })
    return { ok: true as const }
  })
}

/** Makes the decision final: a new locked version, the case closed, the parties served. */
export async function endeliggoer(ctx: AfgoerelseCtx, p: Principal, sagId: string, aarsag: string): Promise<{ version: number }> {
  const { sag, afgoerelse } = await hentUdkast(ctx, p, sagId)
  if (afgoerelse.status === 'endelig') throw new ConflictError('AfgoerelseEndelig', 'Afgørelsen er allerede endelig.')
  const huller = mangler(afgoerelse)
  if (huller.length > 0) throw new ValidationError('AfgoerelseUfaerdig', huller.join(' '), { endelig: huller.join(' ') })
  const tidligere = await ctx.db.selectFrom('afgoerelse_versioner').select((eb) => eb.fn.max('nr').as('nr')).where('afgoerelse_id', '=', afgoerelse.id).executeTakeFirst()
  const nr = Number(tidligere?.nr ?? 0) + 1
  if (nr > 1 && aarsag.trim().length < 5) throw new ValidationError('AarsagMangler', 'Skriv, hvorfor afgørelsen rettes; årsagen står i historikken.', { aarsag: 'Skriv årsagen til den nye version.' })
  const til = statusForAfslutning(afgoerelse.afslutningsaarsag as Afslutningsaarsag)
  const status = sag.status
  if (nr === 1 && til === 'afgjort' && status !== 'paa_dagsorden') {
    throw new ConflictError('IkkeBehandletPaaMoede', 'En afgørelse om medhold træffes af nævnet på et møde: sagen skal have status "På dagsordenen", før afgørelsen kan gøres endelig.')
  }
  const pdf = await afgoerelseDokument(ctx, sag.id, { ...afgoerelse, version: nr }, { udkast: false })
  const sha256 = createHash('sha256').update(pdf).digest('hex')
  await ctx.db.transaction().execute(async (trx) => {
    // Locks exactly the draft that was rendered: an edit saved meanwhile (version + 1) or
    // another caseworker's finalisation leaves no row to lock, and nothing is written.
    const locked = await trx
      .updateTable('afgoerelser')
      .set({ status: 'endelig', opdateret: sql`now()` })
      .where('id', '=', afgoerelse.id)
      .where('status', '=', 'udkast')
      .where('version', '=', afgoerelse.version)
      .returning('id')
      .executeTakeFirst()
    if (!locked) {
      const nu = await trx.selectFrom('afgoerelser').select('status').where('id', '=', afgoerelse.id).executeTakeFirst()
      if (nu?.status === 'endelig') throw new ConflictError('AfgoerelseEndelig', 'Afgørelsen er allerede gjort endelig af en anden.')
      throw new ConflictError('AfgoerelseAendret', 'Udkastet blev ændret, mens afgørelsen blev gjort endelig, så intet er gemt. Gennemse ændringen, og gør afgørelsen endelig igen.')
    }
    const dokumentId = await lagreDokument(trx, { sagId: sag.id, filnavn: `afgoerelse-${sag.sagsnummer}-v${nr}.pdf`, mime: 'application/pdf', data: pdf, kategori: 'afgoerelse', uploadetAf: p.userId, synligForParter: true })
    // The registered fields as they were made final: the version's own record of them.
    const felter = Object.fromEntries(Object.entries(afgoerelse).filter(([k]) => k !== 'id'))
    await trx
      .insertInto('afgoerelse_versioner')
      .values({ afgoerelse_id: afgoerelse.id, nr, dokument_id: dokumentId, sha256, aarsag: nr > 1 ? aarsag.trim() : null, felter: JSON.stringify(felter), endeliggjort_af: p.userId })
      .execute()
    if (nr === 1) await skiftStatus(trx, sag.id, til, { aktoerId: p.userId, begrundelse: 'Afgørelsen er gjort endelig' })
    await skrivJournal(trx, { sagId: sag.id, aktoerId: p.userId, handling: nr === 1 ? 'afgoerelse_endelig' : 'afgoerelse_ny_version', begrundelse: nr > 1 ? aarsag.trim() : null, detaljer: { nr, sha256, dokumentId }, synligForParter: true })
    // Every party is served; the sendings wait for the notification module's delivery.
    const parter = await trx.selectFrom('parter').select('id').where('sag_id', '=', sag.id).where('rolle', '!=', 'repraesentant').execute()
    await opretUdsendelser(trx, { sagId: sag.id, dokumentId, partIds: parter.map((x) => x.id) })
    for (const x of parter) await addToOutbox(trx, 'send-partsnotifikation', { sagId: sag.id, partId: x.id, haendelse: 'afgoerelse' })
    // Every final version is anonymized for publication, unless publication was withheld
    // or withdrawn (the caseworker resumes it explicitly).
    await trx
      .updateTable('afgoerelser')
      .set({ publicering: 'afventer_anonymisering' })
      .where('id', '=', afgoerelse.id)
      .where((eb) => eb.or([eb('publicering', 'is', null), eb('publicering', 'not in', ['fravalgt', 'trukket_tilbage'])]))
      .execute()
    await addToOutbox(trx, 'anonymiser-afgoerelse', { afgoerelseId: afgoerelse.id, nr })
  })
  return { version: nr }
}

/** Reopens a final decision for a correction; the next finalisation is a new version. */
export async function aabnForRettelse(ctx: AfgoerelseCtx, p: Principal, sagId: string): Promise<void> {
  const { sag, afgoerelse } = await hentUdkast(ctx, p, sagId)
  if (afgoerelse.status !== 'endelig') return
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('afgoerelser').set({ status: 'udkast', version: sql`version + 1`, opdateret: sql`now()` }).where('id', '=', afgoerelse.id).execute()
    await skrivJournal(trx, { sagId: sag.id, aktoerId: p.userId, handling: 'afgoerelse_aabnet', synligForParter: false })
  })
}

export function listVersioner(db: Database, afgoerelseId: string) {
  return db
    .selectFrom('afgoerelse_versioner')
    .innerJoin('users', 'users.id', 'afgoerelse_versioner.endeliggjort_af')
    .select(['afgoerelse_versioner.nr', 'afgoerelse_versioner.dokument_id', 'afgoerelse_versioner.sha256', 'afgoerelse_versioner.aarsag', 'afgoerelse_versioner.endeliggjort', 'users.navn as af'])
    .where('afgoerelse_id', '=', afgoerelseId)
    .orderBy('nr', 'desc')
    .execute()
}
