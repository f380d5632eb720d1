// generer-hoeringsbrev: the hearing letter as a PDF; udsendBrev stores it and prepares
// its sending and notices.
import { UnrecoverableError } from 'bullmq'
import type { ProcessorContext } from '../registry.js'
import type { JobPayload } from '../../server/platform/queues/jobs.js'
import { renderBlocks } from '../../server/kerne/documents/template.js'
import { renderPdf } from '../../server/kerne/documents/pdf.js'
import { brevhovedAf, naevnKontaktKolonner } from '../../server/kerne/documents/brevhoved.js'
import { udsendBrev } from './udsend-brev.js'
import { formatDansk } from '../../server/kerne/sag/frister.js'
import { adresseTekst, formatDato, partRolleLabel, adresseKolonner } from '../../server/kerne/sag/visning.js'

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
      ...adresseKolonner,
      ...naevnKontaktKolonner,
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
    letterhead: brevhovedAf(h),
    blocks,
    creationDate: h.oprettet,
  })
  return udsendBrev(db, {
    laasNoegle: `hoeringsbrev:${h.id}`,
    sagId: h.sag_id,
    filnavn: `partshoering-${h.sagsnummer}-${h.frist}.pdf`,
    pdf,
    modtagere: modtagere.map((m) => m.id),
    haendelse: 'partshoering',
    findes: async (trx) => (await trx.selectFrom('partshoeringer').select('brev_dokument_id').where('id', '=', h.id).executeTakeFirstOrThrow()).brev_dokument_id,
    gem: async (trx, dokumentId) => void (await trx.updateTable('partshoeringer').set({ brev_dokument_id: dokumentId }).where('id', '=', h.id).execute()),
  })
}
