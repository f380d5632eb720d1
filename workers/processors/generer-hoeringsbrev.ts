// generer-hoeringsbrev: the hearing letter as a PDF on the case, one letter waiting to be
// sent per recipient (til afsendelse, until the notification module delivers it), and
// an e-mail notice to each recipient with an address.
import { sql } from 'kysely'
import { UnrecoverableError } from 'bullmq'
import type { ProcessorContext } from '../registry.js'
import type { JobPayload } from '../../server/queues/jobs.js'
import { renderBlocks } from '../../server/documents/template.js'
import { renderPdf } from '../../server/documents/pdf.js'
import { lagreDokument } from '../../server/sag/bilag.js'
import { skrivJournal } from '../../server/sag/journal.js'
import { addToOutbox } from '../../server/outbox/outbox.js'
import { formatDansk } from '../../server/sag/frister.js'
import { adresseTekst, formatDato, partRolleLabel } from '../../server/sag/visning.js'

export async function genererHoeringsbrev(ctx: ProcessorContext, payload: JobPayload<'generer-hoeringsbrev'>): Promise<string> {
  const { db, config } = ctx
  const h = await db
    .selectFrom('partshoeringer')
    .innerJoin('sager', 'sager.id', 'partshoeringer.sag_id')
    .innerJoin('naevn', 'naevn.id', 'sager.naevn_id')
    .innerJoin('users', 'users.id', 'partshoeringer.oprettet_af')
    .select([
      'partshoeringer.id',
      'partshoeringer.sag_id',
      'partshoeringer.besked',
      'partshoeringer.frist',
      'partshoeringer.oprettet',
      'partshoeringer.brev_dokument_id',
      'sager.sagsnummer',
      'sager.vejnavn',
      'sager.husnummer',
      'sager.etage',
      'sager.doer',
      'sager.postnr',
      'sager.by',
      'naevn.navn as naevn_navn',
      'naevn.adresse as naevn_adresse',
      'naevn.postnr as naevn_postnr',
      'naevn.by as naevn_by',
      'naevn.email as naevn_email',
      'naevn.telefon as naevn_telefon',
      'users.navn as afsender',
    ])
    .where('partshoeringer.id', '=', payload.partshoeringId)
    .executeTakeFirst()
  if (!h) throw new UnrecoverableError(`partshøring ${payload.partshoeringId} findes ikke`)
  if (h.brev_dokument_id) return 'findes allerede'
  const [modtagere, dokumenter] = await Promise.all([
    db.selectFrom('partshoering_modtagere').innerJoin('parter', 'parter.id', 'partshoering_modtagere.part_id').select(['parter.id', 'parter.navn', 'parter.rolle', 'parter.email']).where('partshoering_id', '=', h.id).execute(),
    db.selectFrom('partshoering_dokumenter').innerJoin('dokumenter', 'dokumenter.id', 'partshoering_dokumenter.dokument_id').select('dokumenter.filnavn').where('partshoering_id', '=', h.id).execute(),
  ])
  const blocks = renderBlocks('partshoering', {
    sagsnummer: h.sagsnummer ?? '',
    dato: formatDato(h.oprettet),
    adresse: adresseTekst(h),
    frist: formatDansk(h.frist),
    modtagere: modtagere.map((m) => ({ navn: m.navn, rolle: (partRolleLabel[m.rolle] ?? m.rolle).toLowerCase() })),
    besked: h.besked.split(/\r?\n/).filter((l) => l.trim()),
    dokumenter: dokumenter.map((d) => d.filnavn),
    url: config.publicUrl,
    afsender: `${h.afsender}, ${h.naevn_navn}`,
  })
  const pdf = await renderPdf({
    title: `Partshøring i sag ${h.sagsnummer}`,
    subject: `Partshøring, sag ${h.sagsnummer}`,
    letterhead: {
      naevnNavn: h.naevn_navn,
      adresseLinjer: [h.naevn_adresse, [h.naevn_postnr, h.naevn_by].filter(Boolean).join(' ')].filter(Boolean),
      kontaktLinjer: [h.naevn_email && `E-mail: ${h.naevn_email}`, h.naevn_telefon && `Telefon: ${h.naevn_telefon}`].filter((x): x is string => Boolean(x)),
    },
    blocks,
    creationDate: h.oprettet,
  })
  const made = await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${'hoeringsbrev:' + h.id}))`.execute(trx)
    const again = await trx.selectFrom('partshoeringer').select('brev_dokument_id').where('id', '=', h.id).executeTakeFirstOrThrow()
    if (again.brev_dokument_id) return false
    const dokumentId = await lagreDokument(trx, {
      sagId: h.sag_id,
      filnavn: `partshoering-${h.sagsnummer}-${h.frist}.pdf`,
      mime: 'application/pdf',
      data: pdf,
      kategori: 'brev',
      uploadetAf: null,
      synligForParter: true,
    })
    await trx.updateTable('partshoeringer').set({ brev_dokument_id: dokumentId }).where('id', '=', h.id).execute()
    await trx.insertInto('udsendelser').values(modtagere.map((m) => ({ sag_id: h.sag_id, part_id: m.id, dokument_id: dokumentId }))).execute()
    await skrivJournal(trx, { sagId: h.sag_id, aktoerId: null, handling: 'brev_dannet', detaljer: { dokumentId, partshoeringId: h.id }, synligForParter: true })
    for (const m of modtagere) await addToOutbox(trx, 'send-partsnotifikation', { sagId: h.sag_id, partId: m.id, haendelse: 'partshoering' })
    return true
  })
  return made ? 'dannet' : 'findes allerede'
}
