// generer-besigtigelsesbrev: the notice of an inspection as a PDF with the board's
// letterhead, then (through udsendBrev) stored on the case once, one sending per party
// (Digital Post or print, routed by lever-udsendelse) and an e-mail notice per party.
import { UnrecoverableError } from 'bullmq'
import type { ProcessorContext } from '../registry.js'
import type { JobPayload } from '../../server/platform/queues/jobs.js'
import { renderPdf } from '../../server/kerne/documents/pdf.js'
import { brevhovedAf, naevnKontaktKolonner } from '../../server/kerne/documents/brevhoved.js'
import { besigtigelseDocument } from '../../server/kerne/documents/besigtigelse.js'
import { adresseKolonner, adresseTekst, formatDato, partRolleLabel } from '../../server/kerne/sag/visning.js'
import { udsendBrev } from './udsend-brev.js'

const ugedag = new Intl.DateTimeFormat('da-DK', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' })
const klokken = new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen' })

export async function genererBesigtigelsesbrev(ctx: ProcessorContext, payload: JobPayload<'generer-besigtigelsesbrev'>): Promise<string> {
  const { db } = ctx
  const b = await db
    .selectFrom('besigtigelser')
    .innerJoin('sager', 'sager.id', 'besigtigelser.sag_id')
    .innerJoin('moeder', 'moeder.id', 'besigtigelser.moede_id')
    .innerJoin('naevn', 'naevn.id', 'moeder.naevn_id')
    .select(['besigtigelser.id', 'besigtigelser.sag_id', 'besigtigelser.tidspunkt', 'besigtigelser.adresse', 'besigtigelser.oprettet', 'besigtigelser.brev_dokument_id', 'moeder.starttid', 'sager.sagsnummer', ...adresseKolonner])
    .select([...naevnKontaktKolonner])
    .where('besigtigelser.id', '=', payload.besigtigelseId)
    .executeTakeFirst()
  if (!b) throw new UnrecoverableError(`besigtigelse ${payload.besigtigelseId} findes ikke`)
  if (b.brev_dokument_id) return 'findes allerede'
  // Every party is told; a representative receives instead of the client where the case says so (kanal.ts).
  const parter = await db.selectFrom('parter').select(['id', 'navn', 'rolle']).where('sag_id', '=', b.sag_id).where('rolle', '!=', 'repraesentant').orderBy('rolle').orderBy('raekkefoelge').execute()
  const pdf = await renderPdf(
    besigtigelseDocument(
      {
        letterhead: brevhovedAf(b),
        naevnNavn: b.naevn_navn,
        dato: formatDato(b.oprettet),
        sagsnummer: b.sagsnummer ?? '',
        lejemaal: adresseTekst(b),
        tidspunkt: `${ugedag.format(b.tidspunkt)} kl. ${klokken.format(b.tidspunkt)}`,
        sted: b.adresse,
        moededato: ugedag.format(b.starttid),
        modtagere: parter.map((m) => `${m.navn} (${(partRolleLabel[m.rolle] ?? m.rolle).toLowerCase()})`),
        kontakt: [b.naevn_email, b.naevn_telefon && `telefon ${b.naevn_telefon}`].filter(Boolean).join(', ') || b.naevn_navn,
      },
      { creationDate: b.oprettet },
    ),
  )
  return udsendBrev(db, {
    laasNoegle: `besigtigelse:${b.id}`,
    sagId: b.sag_id,
    filnavn: `besigtigelse-${b.sagsnummer}-${b.tidspunkt.toISOString().slice(0, 10)}.pdf`,
    pdf,
    modtagere: parter.map((m) => m.id),
    haendelse: 'besigtigelse',
    findes: async (trx) => (await trx.selectFrom('besigtigelser').select('brev_dokument_id').where('id', '=', b.id).executeTakeFirstOrThrow()).brev_dokument_id,
    gem: async (trx, dokumentId) => void (await trx.updateTable('besigtigelser').set({ brev_dokument_id: dokumentId }).where('id', '=', b.id).execute()),
  })
}
