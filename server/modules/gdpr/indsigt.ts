// Access requests (indsigt, databeskyttelsesforordningen art. 15): everything the system
// holds about one person on one board, found by CPR, CVR or e-mail, put together as a ZIP
// with a PDF index for the caseworker to review before it is handed over.
//
// Who the person is: their party rows on the board's filed cases (parter, matched by the
// CPR look-up hash, the CVR or the e-mail) and their user accounts (those party rows' users
// and an account with that e-mail). Which data are theirs:
//   - the cases they are party to or filed (case data: number, address, areas, description);
//   - their own party rows (their CPR decrypted: it is their own datum);
//   - the documents they could see as that party (shared with all parties, or meant for
//     one of their party rows), the ones they uploaded, and the letters sent to them;
//   - their message threads with the secretariat, the hearings sent to them and their
//     answers, the sendings of letters to them, the e-mails sent to their address about
//     those cases;
//   - the journal entries they made, about one of their party rows, or shown to parties.
// Not included: internal notes and the caseworker's assessment (interne arbejdsdokumenter,
// offentlighedsloven § 23; the caseworker decides on those separately), and anything of the
// other parties. Another board's cases are never read: every query is bound to the board.
//
// The request is logged (indsigtsanmodninger) with the ids it found and, for a CPR number,
// only its keyed look-up hash; each case's journal notes that an extract was made.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import type { CprCipher } from '../../kerne/identitet/cpr-crypto.js'
import { validateCpr, validateCvr } from '../../kerne/identitet/cpr.js'
import { skrivJournal } from '../../kerne/sag/journal.js'
import { NotFoundError, ValidationError } from '../../platform/errors.js'
import { createZip, safeZipName } from './zip.js'
import { adresseTekst, formatDatoTid, partRolleLabel } from '../../kerne/sag/visning.js'
import { indsigtDocument, filstoerrelse, type IndsigtTemplateModel } from '../../kerne/documents/indsigt.js'
import { renderPdf } from '../../kerne/documents/pdf.js'
import { brevhoved } from '../../kerne/documents/brevhoved.js'
import { journalTekst } from '../../kerne/sag/journalhandlinger.js'
import { statusLabel } from '../../kerne/sag/status.js'
import { udsendelseStatusTekst } from '../../kerne/forsendelse/udsendelser.js'

export type Soegetype = 'cpr' | 'cvr' | 'email'

export interface Soegning {
  naevnId: string
  type: Soegetype
  vaerdi: string
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** "l***@eksempel.dk": what the log keeps of an e-mail address. */
export function maskEmail(email: string): string {
  const [lokal = '', domaene = ''] = email.split('@')
  return `${lokal.slice(0, 1)}***@${domaene}`
}

interface Fund {
  partIds: string[]
  userIds: string[]
  sagIds: string[]
  noegle: string
}

async function find(db: Kysely<DB>, cpr: CprCipher, s: Soegning): Promise<Fund> {
  const v = s.vaerdi.trim()
  let noegle: string
  const parter = db
    .selectFrom('parter')
    .innerJoin('sager', 'sager.id', 'parter.sag_id')
    .select(['parter.id', 'parter.user_id'])
    .where('sager.naevn_id', '=', s.naevnId)
    .where('sager.status', '!=', 'kladde')
  let fundne: { id: string; user_id: string | null }[]
  let brugere: string[] = []
  if (s.type === 'cpr') {
    const r = validateCpr(v)
    if (!r.ok) throw new ValidationError('UgyldigtCpr', r.fejl, { vaerdi: r.fejl })
    noegle = cpr.lookupHash(r.cpr)
    fundne = await parter.where('parter.cpr_hash', '=', noegle).execute()
  } else if (s.type === 'cvr') {
    const r = validateCvr(v)
    if (!r.ok) throw new ValidationError('UgyldigtCvr', r.fejl, { vaerdi: r.fejl })
    noegle = r.cvr
    fundne = await parter.where('parter.cvr', '=', r.cvr).execute()
  } else {
    const email = v.toLowerCase()
    if (!emailPattern.test(email)) throw new ValidationError('UgyldigEmail', 'Skriv en gyldig e-mailadresse.', { vaerdi: 'Skriv en gyldig e-mailadresse.' })
    noegle = maskEmail(email)
    brugere = (await db.selectFrom('users').select('id').where(sql<string>`lower(email)`, '=', email).execute()).map((u) => u.id)
    fundne = await parter
      .where((eb) => eb.or([eb(sql<string>`lower(parter.email)`, '=', email), ...(brugere.length > 0 ? [eb('parter.user_id', 'in', brugere)] : [])]))
      .execute()
  }
  const partIds = [...new Set(fundne.map((p) => p.id))]
  const userIds = [...new Set([...brugere, ...fundne.map((p) => p.user_id).filter((u): u is string => u !== null)])]
  const sager = await db
    .selectFrom('sager')
    .select('sager.id')
    .where('sager.naevn_id', '=', s.naevnId)
    .where('sager.status', '!=', 'kladde')
    .where((eb) =>
      eb.or([
        ...(partIds.length > 0 ? [eb.exists(eb.selectFrom('parter').select('parter.id').whereRef('parter.sag_id', '=', 'sager.id').where('parter.id', 'in', partIds))] : []),
        ...(userIds.length > 0 ? [eb('sager.oprettet_af', 'in', userIds)] : []),
        eb.val(false),
      ]),
    )
    .orderBy('sager.sagsnummer')
    .execute()
  return { partIds, userIds, sagIds: sager.map((x) => x.id), noegle }
}

/** Finds the person, logs the request and journals it on each case found. */
export async function opretIndsigt(db: Kysely<DB>, cpr: CprCipher, s: Soegning, aktoerId: string): Promise<string> {
  const f = await find(db, cpr, s)
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('indsigtsanmodninger')
      .values({ naevn_id: s.naevnId, soegetype: s.type, soegenoegle: f.noegle, part_ids: f.partIds, user_ids: f.userIds, sag_ids: f.sagIds, oprettet_af: aktoerId })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const sagId of f.sagIds) {
      await skrivJournal(trx, { sagId, aktoerId, handling: 'indsigt_udarbejdet', detaljer: { anmodningId: row.id, soegetype: s.type }, synligForParter: false })
    }
    return row.id
  })
}

export async function hentAnmodning(db: Kysely<DB>, id: string, mayView: (naevnId: string) => boolean) {
  const a = await db
    .selectFrom('indsigtsanmodninger as a')
    .innerJoin('naevn', 'naevn.id', 'a.naevn_id')
    .leftJoin('users', 'users.id', 'a.oprettet_af')
    .selectAll('a')
    .select(['naevn.navn as naevn_navn', 'users.navn as oprettet_af_navn'])
    .where('a.id', '=', id)
    .executeTakeFirst()
  if (!a || !mayView(a.naevn_id)) throw new NotFoundError('IndsigtIkkeFundet', 'Anmodningen findes ikke.')
  return a
}

export type Anmodning = Awaited<ReturnType<typeof hentAnmodning>>

export interface IndsigtFil {
  /** Path in the ZIP. */
  sti: string
  beskrivelse: string
  mime: string
  indhold: Buffer
  oprettet: Date
}

/** Everything found, as data (for oplysninger.json and the index) and files. */
export async function samlIndsigt(db: Kysely<DB>, cpr: CprCipher, a: Anmodning) {
  const { part_ids: partIds, user_ids: userIds, sag_ids: sagIdsAlle } = a
  const ingen = ['00000000-0000-0000-0000-000000000000']
  const pIds = partIds.length > 0 ? partIds : ingen
  const uIds = userIds.length > 0 ? userIds : ingen
  // Bound to the board again: a case moved elsewhere since the request is not read.
  const sager = sagIdsAlle.length === 0
    ? []
    : await db
        .selectFrom('sager')
        .select(['id', 'sagsnummer', 'indbringelsesnummer', 'status', 'indbragt', 'indbringer_rolle', 'lejemaal_type', 'formaal', 'sagsomraader', 'beskrivelse', 'vejnavn', 'husnummer', 'etage', 'doer', 'postnr', 'by', 'oprettet_af'])
        .where('id', 'in', sagIdsAlle)
        .where('naevn_id', '=', a.naevn_id)
        .orderBy('sagsnummer')
        .execute()
  const sagIds = sager.length > 0 ? sager.map((s) => s.id) : ingen

  const [parter, brugere, dokumenter, beskeder, hoeringer, svar, udsendelser, journal] = await Promise.all([
    db.selectFrom('parter').selectAll().where('id', 'in', pIds).where('sag_id', 'in', sagIds).orderBy('sag_id').orderBy('raekkefoelge').execute(),
    db.selectFrom('users').select(['id', 'navn', 'email', 'oprettet']).where('id', 'in', uIds).execute(),
    db
      .selectFrom('dokumenter as d')
      .innerJoin('document_blobs as b', 'b.sha256', 'd.sha256')
      .select(['d.id', 'd.sag_id', 'd.filnavn', 'd.mime', 'd.kategori', 'd.stoerrelse', 'd.oprettet', 'd.sha256', 'b.indhold'])
      .where('d.sag_id', 'in', sagIds)
      .where((eb) =>
        eb.or([
          eb('d.uploadet_af', 'in', uIds),
          eb.and([eb('d.synlig_for_parter', '=', true), eb.or([eb('d.kun_for_parter', 'is', null), eb(sql`d.kun_for_parter`, '&&', sql`${sql.val(pIds)}::uuid[]`)])]),
          eb('d.id', 'in', eb.selectFrom('udsendelser').select('udsendelser.dokument_id').where('udsendelser.part_id', 'in', pIds)),
          eb('d.id', 'in', eb.selectFrom('beskeder').select('beskeder.dokument_id').where('beskeder.part_user_id', 'in', uIds).where('beskeder.dokument_id', 'is not', null).$narrowType<{ dokument_id: string }>()),
          eb(
            'd.id',
            'in',
            eb
              .selectFrom('partshoering_svar_dokumenter as sd')
              .innerJoin('partshoering_svar as sv', 'sv.id', 'sd.svar_id')
              .select('sd.dokument_id')
              .where('sv.part_id', 'in', pIds),
          ),
        ]),
      )
      .orderBy('d.sag_id')
      .orderBy('d.oprettet')
      .orderBy('d.id')
      .execute(),
    db.selectFrom('beskeder').select(['id', 'sag_id', 'fra_sekretariat', 'tekst', 'dokument_id', 'oprettet']).where('sag_id', 'in', sagIds).where('part_user_id', 'in', uIds).orderBy('oprettet').execute(),
    db
      .selectFrom('partshoering_modtagere as m')
      .innerJoin('partshoeringer as h', 'h.id', 'm.partshoering_id')
      .select(['h.id', 'h.sag_id', 'h.besked', 'h.frist', 'h.oprettet', 'm.part_id', 'm.besvaret'])
      .where('m.part_id', 'in', pIds)
      .where('h.sag_id', 'in', sagIds)
      .orderBy('h.oprettet')
      .execute(),
    db
      .selectFrom('partshoering_svar as sv')
      .innerJoin('partshoeringer as h', 'h.id', 'sv.partshoering_id')
      .select(['sv.id', 'h.sag_id', 'sv.partshoering_id', 'sv.part_id', 'sv.tekst', 'sv.oprettet'])
      .where('sv.part_id', 'in', pIds)
      .where('h.sag_id', 'in', sagIds)
      .orderBy('sv.oprettet')
      .execute(),
    db
      .selectFrom('udsendelser')
      .innerJoin('dokumenter', 'dokumenter.id', 'udsendelser.dokument_id')
      .select(['udsendelser.id', 'udsendelser.sag_id', 'udsendelser.part_id', 'udsendelser.kanal', 'udsendelser.status', 'udsendelser.oprettet', 'udsendelser.sendt', 'dokumenter.filnavn'])
      .where('udsendelser.sag_id', 'in', sagIds)
      .where((eb) => eb.or([eb('udsendelser.part_id', 'in', pIds), eb('udsendelser.modtager_part_id', 'in', pIds)]))
      .orderBy('udsendelser.oprettet')
      .execute(),
    db
      .selectFrom('journal')
      .select(['id', 'sag_id', 'tidspunkt', 'handling', 'fra_status', 'til_status', 'begrundelse', 'synlig_for_parter', 'aktoer_id'])
      .where('sag_id', 'in', sagIds)
      .where('handling', '!=', 'indsigt_udarbejdet')
      .where((eb) =>
        eb.or([eb('aktoer_id', 'in', uIds), eb('synlig_for_parter', '=', true), eb(sql<string>`detaljer->>'partId'`, 'in', pIds)]),
      )
      .orderBy('id')
      .execute(),
  ])

  const emails = [...new Set([...parter.map((p) => p.email), ...brugere.map((u) => u.email)].filter((e): e is string => Boolean(e)).map((e) => e.toLowerCase()))]
  const mails =
    emails.length === 0
      ? []
      : await db
          .selectFrom('sendte_mails')
          .innerJoin('outbox', 'outbox.id', 'sendte_mails.outbox_id')
          .select(['sendte_mails.id', 'sendte_mails.modtager', 'sendte_mails.emne', 'sendte_mails.skabelon', 'sendte_mails.sendt', sql<string>`outbox.payload->>'sagId'`.as('sag_id')])
          .where(sql<string>`outbox.payload->>'sagId'`, 'in', sagIds)
          .where(sql<string>`lower(sendte_mails.modtager)`, 'in', emails)
          .orderBy('sendte_mails.sendt')
          .execute()

  const sagsnummer = new Map(sager.map((s) => [s.id, s.sagsnummer ?? s.id]))
  const filer: (IndsigtFil & { sagId: string; dokument: (typeof dokumenter)[number] })[] = []
  const brugt = new Set<string>()
  for (const [i, d] of dokumenter.entries()) {
    // Numbered, so two attachments with the same name stay two files.
    let sti = safeZipName(`sager/${sagsnummer.get(d.sag_id) ?? d.sag_id}/${String(i + 1).padStart(3, '0')}-${d.filnavn}`)
    while (brugt.has(sti)) sti = `${sti}_`
    brugt.add(sti)
    filer.push({ sti, beskrivelse: d.filnavn, mime: d.mime, indhold: Buffer.from(d.indhold), oprettet: d.oprettet, sagId: d.sag_id, dokument: d })
  }

  const data = {
    anmodning: { id: a.id, naevn: a.naevn_navn, udarbejdet: a.oprettet.toISOString() },
    brugerkonti: brugere.map((u) => ({ navn: u.navn, email: u.email, oprettet: u.oprettet.toISOString() })),
    sager: sager.map((s) => ({
      sagsnummer: s.sagsnummer,
      indbringelsesnummer: s.indbringelsesnummer,
      status: s.status,
      indbragt: s.indbragt?.toISOString() ?? null,
      indbringerRolle: s.indbringer_rolle,
      lejemaalType: s.lejemaal_type,
      formaal: s.formaal,
      sagsomraader: s.sagsomraader,
      adresse: { vejnavn: s.vejnavn, husnummer: s.husnummer, etage: s.etage, doer: s.doer, postnr: s.postnr, by: s.by },
      // The description is the filer's: only theirs to receive.
      beskrivelse: userIds.includes(s.oprettet_af) ? s.beskrivelse : null,
      parter: parter
        .filter((p) => p.sag_id === s.id)
        .map((p) => ({
          rolle: p.rolle,
          navn: p.navn,
          cpr: p.cpr_krypteret ? cpr.decrypt(p.cpr_krypteret) : null,
          cvr: p.cvr,
          email: p.email,
          telefon: p.telefon,
          adresse: p.adresse,
          postnr: p.postnr,
          by: p.by,
        })),
      dokumenter: filer.filter((f) => f.sagId === s.id).map((f) => ({ fil: f.sti, ...pick(f.dokument) })),
      beskeder: beskeder.filter((b) => b.sag_id === s.id).map((b) => ({ fra: b.fra_sekretariat ? 'sekretariatet' : 'parten', tekst: b.tekst, tidspunkt: b.oprettet.toISOString() })),
      partshoeringer: hoeringer.filter((h) => h.sag_id === s.id).map((h) => ({ besked: h.besked, frist: h.frist, sendt: h.oprettet.toISOString(), besvaret: h.besvaret?.toISOString() ?? null })),
      hoeringssvar: svar.filter((x) => x.sag_id === s.id).map((x) => ({ tekst: x.tekst, tidspunkt: x.oprettet.toISOString() })),
      udsendelser: udsendelser
        .filter((u) => u.sag_id === s.id)
        .map((u) => ({ brev: u.filnavn, kanal: u.kanal, status: u.status, oprettet: u.oprettet.toISOString(), sendt: u.sendt?.toISOString() ?? null })),
      mails: mails.filter((m) => m.sag_id === s.id).map((m) => ({ modtager: m.modtager, emne: m.emne, skabelon: m.skabelon, sendt: m.sendt.toISOString() })),
      journal: journal
        .filter((j) => j.sag_id === s.id)
        .map((j) => ({ tidspunkt: j.tidspunkt.toISOString(), handling: j.handling, fraStatus: j.fra_status, tilStatus: j.til_status, begrundelse: j.synlig_for_parter || uIds.includes(j.aktoer_id ?? '') ? j.begrundelse : null })),
    })),
  }
  return { data, filer: filer.map(({ sti, beskrivelse, mime, indhold, oprettet }) => ({ sti, beskrivelse, mime, indhold, oprettet })), visning: soegningVisning(a) }
}

function pick(d: { filnavn: string; kategori: string; mime: string; stoerrelse: number; oprettet: Date; sha256: string }) {
  return { filnavn: d.filnavn, kategori: d.kategori, mime: d.mime, stoerrelse: d.stoerrelse, oprettet: d.oprettet.toISOString(), sha256: d.sha256 }
}

export function soegningVisning(a: { soegetype: string; soegenoegle: string }): string {
  if (a.soegetype === 'cpr') return 'CPR-nummer (gemt som nøglet hash)'
  if (a.soegetype === 'cvr') return `CVR ${a.soegenoegle}`
  return `E-mail ${a.soegenoegle}`
}

export type IndsigtData = Awaited<ReturnType<typeof samlIndsigt>>['data']

export async function markerHentet(db: Kysely<DB>, id: string, aktoerId: string): Promise<void> {
  await db.updateTable('indsigtsanmodninger').set({ hentet: new Date(), hentet_af: aktoerId }).where('id', '=', id).execute()
}

export function listAnmodninger(db: Kysely<DB>, naevnIds: readonly string[]) {
  if (naevnIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('indsigtsanmodninger as a')
    .innerJoin('naevn', 'naevn.id', 'a.naevn_id')
    .leftJoin('users', 'users.id', 'a.oprettet_af')
    .select(['a.id', 'a.soegetype', 'a.soegenoegle', 'a.oprettet', 'a.hentet', 'naevn.navn as naevn_navn', 'users.navn as oprettet_af_navn', sql<number>`cardinality(a.sag_ids)`.as('antal_sager')])
    .where('a.naevn_id', 'in', [...naevnIds])
    .orderBy('a.oprettet', 'desc')
    .limit(50)
    .execute()
}

// ── The package: oplysninger.json, the documents, and indeks.pdf listing both ──────────

function kort(tekst: string, n = 80): string {
  const t = tekst.replace(/\s+/g, ' ').trim()
  return t.length > n ? `${t.slice(0, n - 1)}…` : t
}

function dato(iso: string | null): string {
  return iso ? formatDatoTid(new Date(iso)) : '–'
}

/** What the review page shows and indeks.pdf prints: every file and every data item. */
export function indsigtVisning(samlet: Awaited<ReturnType<typeof samlIndsigt>>, a: Anmodning, o: { jsonStoerrelse: number }): IndsigtTemplateModel {
  const { data, filer } = samlet
  return {
    naevnNavn: a.naevn_navn,
    udarbejdet: formatDatoTid(a.oprettet),
    udarbejdetAf: a.oprettet_af_navn ?? '–',
    soegning: samlet.visning,
    antalSager: data.sager.length,
    antalFiler: filer.length + 2,
    filer: [
      { sti: 'indeks.pdf', beskrivelse: 'Denne oversigt', stoerrelse: '–' },
      { sti: 'oplysninger.json', beskrivelse: 'Alle oplysninger som data (JSON)', stoerrelse: filstoerrelse(o.jsonStoerrelse) },
      ...filer.map((f) => ({ sti: f.sti, beskrivelse: f.beskrivelse, stoerrelse: filstoerrelse(f.indhold.length) })),
    ],
    brugerkonti: data.brugerkonti.map((u) => `${u.navn} <${u.email}>, oprettet ${dato(u.oprettet)}`),
    sager: data.sager.map((s) => ({
      sagsnummer: s.sagsnummer ?? '–',
      status: statusLabel(s.status),
      indbragt: dato(s.indbragt),
      adresse: adresseTekst(s.adresse),
      punkter: [
        { label: 'Sagens oplysninger', tekst: [s.formaal, s.sagsomraader.join(', '), s.beskrivelse ? 'beskrivelse' : ''].filter(Boolean).join('; ') || '–' },
        ...s.parter.map((p) => ({ label: `Part: ${partRolleLabel[p.rolle] ?? p.rolle}`, tekst: [p.navn, p.cpr ? 'CPR' : '', p.cvr ? `CVR ${p.cvr}` : '', p.email ?? '', p.telefon ?? '', p.adresse ?? ''].filter(Boolean).join(', ') })),
        ...s.dokumenter.map((d) => ({ label: 'Dokument', tekst: `${d.fil} (${d.kategori}, ${dato(d.oprettet)})` })),
        ...s.beskeder.map((b) => ({ label: `Besked fra ${b.fra}`, tekst: `${dato(b.tidspunkt)}: ${kort(b.tekst)}` })),
        ...s.partshoeringer.map((h) => ({ label: 'Partshøring', tekst: `sendt ${dato(h.sendt)}, frist ${h.frist}: ${kort(h.besked)}` })),
        ...s.hoeringssvar.map((h) => ({ label: 'Høringssvar', tekst: `${dato(h.tidspunkt)}: ${kort(h.tekst)}` })),
        ...s.udsendelser.map((u) => ({ label: 'Brev sendt', tekst: `${u.brev} (${udsendelseStatusTekst(u.status)}, ${dato(u.sendt ?? u.oprettet)})` })),
        ...s.mails.map((m) => ({ label: 'E-mail', tekst: `${dato(m.sendt)} til ${m.modtager}: ${m.emne}` })),
        ...s.journal.map((j) => ({ label: 'Sagshistorik', tekst: `${dato(j.tidspunkt)}: ${journalTekst({ handling: j.handling, til_status: j.tilStatus }, 'part')}` })),
      ],
    })),
  }
}

/** The ZIP: indeks.pdf, oplysninger.json and the documents. */
export async function indsigtPakke(db: Kysely<DB>, cpr: CprCipher, a: Anmodning): Promise<{ zip: Buffer; visning: IndsigtTemplateModel }> {
  const samlet = await samlIndsigt(db, cpr, a)
  const json = Buffer.from(JSON.stringify(samlet.data, null, 2), 'utf8')
  const visning = indsigtVisning(samlet, a, { jsonStoerrelse: json.length })
  const n = await db.selectFrom('naevn').select(['navn', 'adresse', 'postnr', 'by', 'email', 'telefon']).where('id', '=', a.naevn_id).executeTakeFirstOrThrow()
  const pdf = await renderPdf(indsigtDocument(visning, { letterhead: brevhoved(n), creationDate: a.oprettet }))
  const zip = createZip([
    { name: 'indeks.pdf', data: pdf, date: a.oprettet },
    { name: 'oplysninger.json', data: json, date: a.oprettet },
    ...samlet.filer.map((f) => ({ name: f.sti, data: f.indhold, date: f.oprettet })),
  ])
  return { zip, visning }
}
