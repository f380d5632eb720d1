// A closed case with something in every table that holds personal data, built with SQL so
// each test controls its dates exactly (a case closed six years ago cannot be filed
// through the pages today).
import { randomBytes, createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Database } from '../../server/platform/db/database.js'
import type { CprCipher } from '../../server/kerne/identitet/cpr-crypto.js'
import type { SagStatus } from '../../server/kerne/sag/status.js'
import { createUser, uid } from '../helpers/factories.js'

let nummer = 0

export interface SagInput {
  naevnId: string
  status: SagStatus
  /** Days since the last status change. */
  lukketForDage: number
  cpr?: string
  email?: string
  navn?: string
  /** Publication state of the decision; a register copy is made when 'publiceret'. */
  publicering?: string | null
  /** A blob shared with another case (dedup by SHA-256). */
  deltBlob?: { sha256: string }
}

export interface FuldSag {
  sagId: string
  sagsnummer: string
  filerId: string
  filerEmail: string
  partId: string
  modpartId: string
  egenSha: string
  deltSha: string
  interntSha: string
  modpartSha: string
  registerId: number | null
  navn: string
  cpr: string
  email: string
}

const dage = (n: number) => new Date(Date.now() - n * 24 * 3600 * 1000)

export async function blob(db: Database, tekst: string): Promise<string> {
  const indhold = Buffer.from(tekst)
  const sha256 = createHash('sha256').update(indhold).digest('hex')
  await db.insertInto('document_blobs').values({ sha256, indhold, stoerrelse: indhold.length }).onConflict((oc) => oc.column('sha256').doNothing()).execute()
  return sha256
}

export async function lavFuldSag(db: Database, cpr: CprCipher, o: SagInput): Promise<FuldSag> {
  const id = uid()
  const navn = o.navn ?? `Lise Lejer ${id}`
  const personCpr = o.cpr ?? '0101901234'
  const email = o.email ?? `lise-${id}@test.invalid`
  const filer = await createUser(db, { navn, email })
  const staff = await createUser(db, { navn: `Sagsbehandler ${id}` })
  const medlem = await createUser(db, { navn: `Nævnsmedlem ${id}` })
  nummer += 1
  const sagsnummer = `101-9${process.pid % 1000}${String(nummer).padStart(3, '0')}${randomBytes(1).toString('hex')}`
  const lukket = dage(o.lukketForDage)
  const sag = await db
    .insertInto('sager')
    .values({
      status: o.status,
      oprettet_af: filer.id,
      naevn_id: o.naevnId,
      sagsnummer,
      indbringer_rolle: 'lejer',
      lejemaal_type: 'privat',
      vejnavn: 'Hemmeligvej',
      husnummer: '7',
      etage: '3',
      doer: 'tv',
      postnr: '1165',
      by: 'København K',
      kommunekode: 101,
      formaal: 'klage',
      sagsomraader: ['vedligeholdelse'],
      beskrivelse: `Beskrivelse fra ${navn}`,
      indbragt: dage(o.lukketForDage + 200),
      sagsbehandler_id: staff.id,
      vurdering: 'Intern vurdering',
      oprettet: dage(o.lukketForDage + 210),
      opdateret: lukket,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const sagId = sag.id
  const part = await db
    .insertInto('parter')
    .values({ sag_id: sagId, rolle: 'indbringer', navn, user_id: filer.id, cpr_krypteret: cpr.encrypt(personCpr), cpr_hash: cpr.lookupHash(personCpr), email, telefon: '12345678', adresse: 'Hemmeligvej 7, 3. tv', postnr: '1165', by: 'København K' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const modpart = await db
    .insertInto('parter')
    .values({ sag_id: sagId, rolle: 'modpart', navn: `Udlejer Uffe ${id}`, email: `uffe-${id}@test.invalid`, cpr_krypteret: cpr.encrypt('0202802345'), cpr_hash: cpr.lookupHash('0202802345'), raekkefoelge: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()

  // Status history: filed, then closed lukketForDage ago.
  await db
    .insertInto('journal')
    .values([
      { sag_id: sagId, aktoer_id: filer.id, handling: 'status', fra_status: 'kladde', til_status: 'indbragt', synlig_for_parter: true, tidspunkt: dage(o.lukketForDage + 200) },
      { sag_id: sagId, aktoer_id: staff.id, handling: 'status', fra_status: 'paa_dagsorden', til_status: o.status, begrundelse: `Afgjort for ${navn}`, synlig_for_parter: true, tidspunkt: lukket },
      { sag_id: sagId, aktoer_id: staff.id, handling: 'sag_aabnet', synlig_for_parter: false, tidspunkt: lukket, detaljer: JSON.stringify({ intern: true }) },
    ])
    .execute()

  // Documents: the filer's own, one shared by two cases, an internal one, one for the other party only.
  const egenSha = await blob(db, `bilag fra ${navn} ${id}`)
  const deltSha = o.deltBlob?.sha256 ?? (await blob(db, `delt bilag ${id}`))
  const interntSha = await blob(db, `internt notat ${id}`)
  const modpartSha = await blob(db, `modpartens bilag ${id}`)
  const dok = async (sha256: string, filnavn: string, extra: Partial<{ synlig_for_parter: boolean; kun_for_parter: string[]; uploadet_af: string; kategori: string }> = {}) =>
    (
      await db
        .insertInto('dokumenter')
        .values({ sag_id: sagId, sha256, filnavn, mime: 'text/plain', stoerrelse: 10, kategori: extra.kategori ?? 'bilag', synlig_for_parter: extra.synlig_for_parter ?? true, kun_for_parter: extra.kun_for_parter ?? null, uploadet_af: extra.uploadet_af ?? null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const egenDok = await dok(egenSha, 'mit bilag.txt', { uploadet_af: filer.id, kun_for_parter: [part.id] })
  const deltDok = await dok(deltSha, 'afgoerelse.pdf', { kategori: 'afgoerelse' })
  await dok(interntSha, 'internt.txt', { synlig_for_parter: false, uploadet_af: staff.id })
  await dok(modpartSha, 'modpart.txt', { kun_for_parter: [modpart.id] })

  await db.insertInto('beskeder').values({ sag_id: sagId, afsender_id: filer.id, part_user_id: filer.id, fra_sekretariat: false, tekst: `Hej fra ${navn}`, dokument_id: egenDok }).execute()
  await db.insertInto('notater').values({ sag_id: sagId, forfatter_id: staff.id, tekst: `Notat om ${navn}` }).execute()
  const h = await db
    .insertInto('partshoeringer')
    .values({ sag_id: sagId, oprettet_af: staff.id, besked: 'Kommentér venligst', frist: '2019-01-10', oprindelig_frist: '2019-01-10', brev_dokument_id: deltDok })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db.insertInto('partshoering_modtagere').values({ partshoering_id: h.id, part_id: part.id }).execute()
  await db.insertInto('partshoering_svar').values({ partshoering_id: h.id, part_id: part.id, afsender_id: filer.id, tekst: `Svar fra ${navn}` }).execute()
  await db.insertInto('breve').values({ sag_id: sagId, oprettet_af: staff.id, emne: 'Brev', tekst: `Kære ${navn}`, modtagere: [part.id], dokument_id: deltDok }).execute()
  await db.insertInto('udsendelser').values({ sag_id: sagId, part_id: part.id, dokument_id: deltDok, status: 'sendt', kanal: 'digital_post', sendt: lukket }).execute()
  await db.insertInto('part_invitationer').values({ token_hash: `t-${id}`, part_id: modpart.id, udloeber: lukket }).execute()

  // An e-mail about the case, found through the outbox row that caused it.
  const ob = await db.insertInto('outbox').values({ job_name: 'send-sagsnotifikation', payload: JSON.stringify({ sagId, haendelse: 'indbragt' }), afsendt: lukket }).returning('id').executeTakeFirstOrThrow()
  await db.insertInto('sendte_mails').values({ outbox_id: ob.id, modtager: email, emne: `Nyt i sag ${sagsnummer}`, skabelon: 'sagsnotifikation', transport: 'fil' }).execute()

  // A meeting with the case on its agenda, an inspection, a member's note and disqualification.
  const m = await db.insertInto('moeder').values({ naevn_id: o.naevnId, starttid: lukket, sted: 'Rådhuset', status: 'afholdt', oprettet_af: staff.id }).returning('id').executeTakeFirstOrThrow()
  await db.insertInto('dagsordenpunkter').values({ moede_id: m.id, sag_id: sagId, position: 1, oprettet_af: staff.id, udfald: 'afgjort', udfald_note: `Note om ${navn}` }).execute()
  await db.insertInto('besigtigelser').values({ sag_id: sagId, moede_id: m.id, tidspunkt: lukket, adresse: 'Hemmeligvej 7, 3. tv', oprettet_af: staff.id }).execute()
  await db.insertInto('medlemsnoter').values({ user_id: medlem.id, sag_id: sagId, tekst: `Medlemsnote om ${navn}` }).execute()
  await db.insertInto('inhabiliteter').values({ user_id: medlem.id, sag_id: sagId, begrundelse: 'Kender lejeren' }).execute()

  // The decision, its final version, the anonymization (original text names the party) and the public copy.
  let registerId: number | null = null
  if (o.publicering !== undefined) {
    const a = await db
      .insertInto('afgoerelser')
      .values({ sag_id: sagId, status: 'endelig', afgoerelsesdato: lukket.toISOString().slice(0, 10), afslutningsaarsag: 'IN_FAVOUR', medhold: 'TENANT', gebyrpaalaeggelse: true, lovgrundlag: ['lejeloven:§106'], afgoerelse_tekst: `${navn} får medhold`, oprettet_af: staff.id, publicering: o.publicering })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.insertInto('afgoerelse_versioner').values({ afgoerelse_id: a.id, nr: 1, dokument_id: deltDok, sha256: deltSha, felter: JSON.stringify({ navn }), endeliggjort_af: staff.id }).execute()
    await db.insertInto('anonymiseringer').values({ afgoerelse_id: a.id, version_nr: 1, status: 'godkendt', original_tekst: `${navn} får medhold`, spans: '[]', anonymiseret_tekst: 'Lejer får medhold' }).execute()
    if (o.publicering === 'publiceret') {
      const r = await db
        .insertInto('register_afgoerelser')
        .values({ afgoerelse_id: a.id, naevn_id: o.naevnId, naevn_navn: 'Testnævn', naevn_type: 'RENT_BOARD', kommunekode: 101, kommunenavn: 'København', date_of_decision: lukket.toISOString().slice(0, 10), titel: 'Vedligeholdelse', tekst: 'Lejer får medhold', pdf: Buffer.from('%PDF-offentlig') })
        .returning('id')
        .executeTakeFirstOrThrow()
      registerId = Number(r.id)
      await db.insertInto('register_huslejer').values({ register_afgoerelse_id: r.id, kommunekode: 101, kommunenavn: 'København', amount: '8000', postnr: '1165' }).execute()
    }
  }
  return { sagId, sagsnummer, filerId: filer.id, filerEmail: email, partId: part.id, modpartId: modpart.id, egenSha, deltSha, interntSha, modpartSha, registerId, navn, cpr: personCpr, email }
}

/** Rows still pointing at the case, per table (0 everywhere after deletion). */
export async function raesterAfSag(db: Database, f: FuldSag): Promise<Record<string, number>> {
  const r = await sql<Record<string, number>>`
    SELECT
      (SELECT count(*)::int FROM sager WHERE id = ${f.sagId}) AS sager,
      (SELECT count(*)::int FROM parter WHERE sag_id = ${f.sagId} OR id IN (${f.partId}, ${f.modpartId})) AS parter,
      (SELECT count(*)::int FROM parter WHERE cpr_hash IS NOT NULL AND id IN (${f.partId}, ${f.modpartId})) AS cpr,
      (SELECT count(*)::int FROM dokumenter WHERE sag_id = ${f.sagId}) AS dokumenter,
      (SELECT count(*)::int FROM document_blobs WHERE sha256 IN (${f.egenSha}, ${f.interntSha}, ${f.modpartSha})) AS egne_blobs,
      (SELECT count(*)::int FROM journal WHERE sag_id = ${f.sagId}) AS journal,
      (SELECT count(*)::int FROM beskeder WHERE sag_id = ${f.sagId}) AS beskeder,
      (SELECT count(*)::int FROM notater WHERE sag_id = ${f.sagId}) AS notater,
      (SELECT count(*)::int FROM partshoeringer WHERE sag_id = ${f.sagId}) AS partshoeringer,
      (SELECT count(*)::int FROM partshoering_svar WHERE part_id = ${f.partId}) AS partshoering_svar,
      (SELECT count(*)::int FROM partshoering_modtagere WHERE part_id = ${f.partId}) AS partshoering_modtagere,
      (SELECT count(*)::int FROM breve WHERE sag_id = ${f.sagId}) AS breve,
      (SELECT count(*)::int FROM udsendelser WHERE sag_id = ${f.sagId}) AS udsendelser,
      (SELECT count(*)::int FROM part_invitationer WHERE part_id = ${f.modpartId}) AS part_invitationer,
      (SELECT count(*)::int FROM sendte_mails WHERE modtager = ${f.email}) AS sendte_mails,
      (SELECT count(*)::int FROM afgoerelser WHERE sag_id = ${f.sagId}) AS afgoerelser,
      (SELECT count(*)::int FROM anonymiseringer an WHERE an.original_tekst LIKE ${'%' + f.navn + '%'}) AS anonymiseringer,
      (SELECT count(*)::int FROM afgoerelse_versioner v WHERE v.felter->>'navn' = ${f.navn}) AS afgoerelse_versioner,
      (SELECT count(*)::int FROM dagsordenpunkter WHERE sag_id = ${f.sagId}) AS dagsordenpunkter,
      (SELECT count(*)::int FROM besigtigelser WHERE sag_id = ${f.sagId}) AS besigtigelser,
      (SELECT count(*)::int FROM medlemsnoter WHERE sag_id = ${f.sagId}) AS medlemsnoter,
      (SELECT count(*)::int FROM inhabiliteter WHERE sag_id = ${f.sagId}) AS inhabiliteter`.execute(db)
  return r.rows[0]!
}
