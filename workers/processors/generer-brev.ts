// generer-brev: a caseworker's letter to the parties as a PDF with the board's
// letterhead; udsendBrev stores it and prepares its sending and notices.
import { UnrecoverableError } from 'bullmq'
import type { ProcessorContext } from '../registry.js'
import type { JobPayload } from '../../server/platform/queues/jobs.js'
import { renderBlocks } from '../../server/kerne/documents/template.js'
import { renderPdf } from '../../server/kerne/documents/pdf.js'
import { brevhovedAf, naevnKontaktKolonner } from '../../server/kerne/documents/brevhoved.js'
import { adresseTekst, formatDato, partRolleLabel, adresseKolonner } from '../../server/kerne/sag/visning.js'
import { udsendBrev } from './udsend-brev.js'

export async function genererBrev(ctx: ProcessorContext, payload: JobPayload<'generer-brev'>): Promise<string> {
  const { db } = ctx
  const b = await db
    .selectFrom('breve')
    .innerJoin('sager', 'sager.id', 'breve.sag_id')
    .innerJoin('naevn', 'naevn.id', 'sager.naevn_id')
    .innerJoin('users', 'users.id', 'breve.oprettet_af')
    .select(['breve.id', 'breve.sag_id', 'breve.emne', 'breve.tekst', 'breve.modtagere', 'breve.oprettet', 'breve.dokument_id', 'sager.sagsnummer', ...adresseKolonner])
    .select([...naevnKontaktKolonner, 'users.navn as afsender'])
    .where('breve.id', '=', payload.brevId)
    .executeTakeFirst()
  if (!b) throw new UnrecoverableError(`brev ${payload.brevId} findes ikke`)
  if (b.dokument_id) return 'findes allerede'
  const modtagere = await db.selectFrom('parter').select(['id', 'navn', 'rolle']).where('id', 'in', b.modtagere).where('sag_id', '=', b.sag_id).execute()
  const pdf = await renderPdf({
    title: b.emne,
    subject: `${b.emne}, sag ${b.sagsnummer}`,
    letterhead: brevhovedAf(b),
    blocks: renderBlocks('brev', {
      emne: b.emne,
      dato: formatDato(b.oprettet),
      sagsnummer: b.sagsnummer ?? '',
      adresse: adresseTekst(b),
      modtagere: modtagere.map((m) => `${m.navn} (${(partRolleLabel[m.rolle] ?? m.rolle).toLowerCase()})`),
      afsnit: b.tekst.split(/\r?\n/).filter((l) => l.trim()),
      afsender: `${b.afsender}, ${b.naevn_navn}`,
    }),
    creationDate: b.oprettet,
  })
  return udsendBrev(db, {
    laasNoegle: `brev:${b.id}`,
    sagId: b.sag_id,
    filnavn: `brev-${b.sagsnummer}-${b.oprettet.toISOString().slice(0, 10)}.pdf`,
    pdf,
    modtagere: modtagere.map((m) => m.id),
    haendelse: 'brev',
    findes: async (trx) => (await trx.selectFrom('breve').select('dokument_id').where('id', '=', b.id).executeTakeFirstOrThrow()).dokument_id,
    gem: async (trx, dokumentId) => void (await trx.updateTable('breve').set({ dokument_id: dokumentId }).where('id', '=', b.id).execute()),
  })
}
