// The meeting's documents, made on request from what the database holds now: the agenda
// PDF (server/kerne/documents/dagsorden.ts) and an item's case bundle (server/kerne/documents/sagsmappe.ts).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { brevhoved } from '../../kerne/documents/brevhoved.js'
import { dagsordenDocument } from '../../kerne/documents/dagsorden.js'
import { renderPdf } from '../../kerne/documents/pdf.js'
import { byggSagsmappe } from '../../kerne/documents/sagsmappe.js'
import { dokumentKategoriLabel } from '../../kerne/sag/bilag.js'
import { adresseKolonner, adresseTekst, formatDato, formatDatoTid } from '../../kerne/sag/visning.js'
import { hentNaevn, listPunkter, naevnetsDokumenterMedIndhold } from './moeder.repository.js'
import { besigtigelseTekst, moedeStatusLabel, moedeTid, omraaderTekst, parterVisning } from './moeder.visning.js'

export async function dagsordenPdf(db: Kysely<DB>, moede: { id: string; naevn_id: string; starttid: Date; sted: string; status: string }, o: { skjulInhabilFor?: string } = {}): Promise<Buffer> {
  const [naevn, punkter] = await Promise.all([hentNaevn(db, moede.naevn_id), listPunkter(db, moede.id, o)])
  const t = moedeTid(moede.starttid)
  return renderPdf(
    dagsordenDocument({
      letterhead: brevhoved(naevn),
      naevnNavn: naevn.navn,
      dato: t.dato,
      tid: t.tid,
      sted: moede.sted,
      status: moede.status === 'planlagt' ? null : (moedeStatusLabel[moede.status] ?? moede.status),
      punkter: punkter.map((x) => ({
        nr: x.position,
        sagsnummer: x.sagsnummer ?? '',
        adresse: adresseTekst(x),
        sagsomraader: omraaderTekst(x),
        parter: parterVisning(x.parter),
        indstilling: x.vurdering ?? '',
        besigtigelse: (x.besigtigelser ?? []).map(besigtigelseTekst).join('; ') || null,
      })),
    }),
  )
}

export async function sagsmappePdf(db: Kysely<DB>, sagId: string): Promise<{ pdf: Buffer; filnavn: string }> {
  const sag = await db
    .selectFrom('sager')
    .innerJoin('naevn', 'naevn.id', 'sager.naevn_id')
    .select(['sager.sagsnummer', ...adresseKolonner, 'sager.naevn_id'])
    .where('sager.id', '=', sagId)
    .executeTakeFirstOrThrow()
  const [naevn, dokumenter] = await Promise.all([hentNaevn(db, sag.naevn_id!), naevnetsDokumenterMedIndhold(db, sagId)])
  const { pdf } = await byggSagsmappe({
    letterhead: brevhoved(naevn),
    naevnNavn: naevn.navn,
    sagsnummer: sag.sagsnummer ?? '',
    lejemaal: adresseTekst(sag),
    dannet: formatDatoTid(new Date()),
    dokumenter: dokumenter.map((d) => ({ filnavn: d.filnavn, mime: d.mime, kategori: dokumentKategoriLabel[d.kategori] ?? d.kategori, dato: formatDato(d.oprettet), data: d.indhold })),
  })
  return { pdf, filnavn: `sagsmappe-${sag.sagsnummer}.pdf` }
}
