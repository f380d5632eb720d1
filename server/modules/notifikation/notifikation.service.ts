// The secretariat's side of delivery: the print queue (letters for parties without
// Digital Post), printed as one combined PDF per batch and marked as sent, and the
// register of people and companies exempt from Digital Post.
import { PageSizes, PDFDocument } from 'pdf-lib'
import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.js'
import type { Principal } from '../../kerne/access/principal.js'
import { sagerForPersonale } from '../../kerne/access/sager.js'
import type { CprCipher } from '../../kerne/identitet/cpr-crypto.js'
import { validateCpr, validateCvr } from '../../kerne/identitet/cpr.js'
import { FormErrors } from '../../platform/forms/form.js'
import { erDato, idagIDanmark } from '../../kerne/sag/frister.js'
import { skrivJournal } from '../../kerne/sag/journal.js'
import { NotFoundError } from '../../platform/errors.js'
import { brevhovedAf, naevnKontaktKolonner } from '../../kerne/documents/brevhoved.js'
import { formatDato } from '../../kerne/sag/visning.js'
import { adressearkPdf, postadresse, type AdressearkData } from '../../kerne/forsendelse/adresseark.js'

/**
 * Letters waiting to be printed, for the boards the user works for, each with the
 * recipient's postal address (empty when it is missing) and the board that sends it.
 */
export async function printkoe(db: Database, p: Principal) {
  const rows = await sagerForPersonale(db, p)
    .innerJoin('udsendelser', 'udsendelser.sag_id', 'sager.id')
    // The letter goes to whoever the routing chose (a representative, perhaps).
    .innerJoin('parter', (join) => join.on(sql<boolean>`parter.id = coalesce(udsendelser.modtager_part_id, udsendelser.part_id)`))
    .innerJoin('dokumenter', 'dokumenter.id', 'udsendelser.dokument_id')
    .innerJoin('naevn', 'naevn.id', 'sager.naevn_id')
    .select(['udsendelser.id', 'udsendelser.oprettet', 'udsendelser.begrundelse', 'sager.sagsnummer', 'sager.id as sag_id', 'parter.navn', 'parter.adresse', 'parter.postnr', 'parter.by', 'dokumenter.filnavn', 'dokumenter.oprettet as dokument_oprettet'])
    .select([...naevnKontaktKolonner])
    .where('udsendelser.status', '=', 'til_print')
    .orderBy('udsendelser.oprettet')
    .execute()
  return rows.map((r) => ({ ...r, adresseLinjer: postadresse(r) }))
}

type Printbrev = Awaited<ReturnType<typeof printkoe>>[number]

async function udvalgte(db: Database, p: Principal, ids: string[]) {
  const koe = await printkoe(db, p)
  const valgte = koe.filter((x) => ids.includes(x.id))
  // Ids outside the user's boards or not waiting for print do not exist for this user.
  if (valgte.length !== new Set(ids).size || valgte.length === 0) throw new NotFoundError('UdsendelseIkkeFundet', 'Brevet findes ikke i udskriftskøen.')
  return valgte
}

/**
 * One PDF with the chosen letters in order, for the printer, each behind its address
 * sheet for a window envelope. Printed on both sides (dobbeltsidet), a blank page follows
 * the sheet and every letter with an odd number of pages, so no letter is printed on the
 * back of the sheet or of the letter before it: each sheet and each letter starts on a
 * front.
 */
export async function samletPdf(db: Database, p: Principal, ids: string[], options: { dobbeltsidet?: boolean } = {}): Promise<Buffer> {
  const valgte = await udvalgte(db, p, ids)
  const blobs = await db
    .selectFrom('udsendelser')
    .innerJoin('dokumenter', 'dokumenter.id', 'udsendelser.dokument_id')
    .innerJoin('document_blobs', 'document_blobs.sha256', 'dokumenter.sha256')
    .select(['udsendelser.id', 'document_blobs.indhold'])
    .where('udsendelser.id', 'in', valgte.map((u) => u.id))
    .execute()
  const indhold = new Map(blobs.map((b) => [b.id, b.indhold]))
  const breve = await Promise.all(valgte.map(async (u) => ({ u, doc: await PDFDocument.load(indhold.get(u.id)!) })))
  const ark = await PDFDocument.load(await adressearkPdf(breve.map(({ u, doc }) => adressearkFor(u, doc))))

  const samlet = await PDFDocument.create()
  samlet.setTitle('Breve til udskrivning')
  samlet.setLanguage('da-DK')
  const arkSider = await samlet.copyPages(ark, ark.getPageIndices())
  // In the queue's order, so the printed pile matches the list on screen.
  for (const [i, { doc }] of breve.entries()) {
    samlet.addPage(arkSider[i]!)
    if (options.dobbeltsidet) samlet.addPage(PageSizes.A4)
    for (const page of await samlet.copyPages(doc, doc.getPageIndices())) samlet.addPage(page)
    if (options.dobbeltsidet && doc.getPageCount() % 2 === 1) samlet.addPage(PageSizes.A4)
  }
  return Buffer.from(await samlet.save())
}

function adressearkFor(u: Printbrev, doc: PDFDocument): AdressearkData {
  return {
    naevn: brevhovedAf(u),
    modtager: { navn: u.navn, adresseLinjer: u.adresseLinjer },
    sagsnummer: u.sagsnummer ?? '',
    brev: doc.getTitle()?.trim() || u.filnavn,
    filnavn: u.filnavn,
    dato: formatDato(u.dokument_oprettet),
    sider: doc.getPageCount(),
  }
}

export async function markerSendt(db: Database, p: Principal, ids: string[]): Promise<void> {
  const valgte = await udvalgte(db, p, ids)
  await db.transaction().execute(async (trx) => {
    for (const u of valgte) {
      await trx.updateTable('udsendelser').set({ status: 'printet', printet: sql`now()`, sendt: sql`now()` }).where('id', '=', u.id).where('status', '=', 'til_print').execute()
      await skrivJournal(trx, { sagId: u.sag_id, aktoerId: p.userId, handling: 'brev_sendt_med_post', detaljer: { udsendelseId: u.id }, synligForParter: true })
    }
  })
}

export function listFritagelser(db: Database) {
  return db.selectFrom('fritagelser').select(['id', 'navn', 'cvr', 'gyldig_fra', 'gyldig_til', 'oprettet']).orderBy('oprettet', 'desc').limit(200).execute()
}

export async function opretFritagelse(db: Database, cpr: CprCipher, p: Principal, input: { navn: string; nummer: string; fra: string; til: string }): Promise<FormErrors> {
  const errors = new FormErrors()
  if (input.navn.trim().length < 2) errors.add('navn', 'Skriv navnet.')
  const cifre = input.nummer.replace(/[\s-]/g, '')
  let cprHash: string | null = null
  let cvr: string | null = null
  if (cifre.length === 8) {
    const r = validateCvr(cifre)
    if (r.ok) cvr = r.cvr
    else errors.add('nummer', r.fejl)
  } else {
    const r = validateCpr(input.nummer)
    if (r.ok) cprHash = cpr.lookupHash(r.cpr)
    else errors.add('nummer', r.fejl)
  }
  const fra = input.fra || idagIDanmark()
  if (!erDato(fra)) errors.add('fra', 'Angiv en gyldig dato.')
  if (input.til && (!erDato(input.til) || input.til < fra)) errors.add('til', 'Slutdatoen skal ligge efter startdatoen.')
  if (errors.any) return errors
  await db.insertInto('fritagelser').values({ navn: input.navn.trim(), cpr_hash: cprHash, cvr, gyldig_fra: fra, gyldig_til: input.til || null, oprettet_af: p.userId }).execute()
  return errors
}
