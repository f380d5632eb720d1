// The case bundle (sagsmappe) of an agenda item: one PDF for the board that joins the
// case's documents behind an index. The index (rendered by the shared renderer, with the
// board's letterhead) lists every document with the bundle page it starts on ("Side N");
// PDFs are joined as they are, PNG and JPEG pictures are placed on A4 pages scaled to
// fit, and a document that cannot be shown in a PDF (Word, Excel, text, HEIC, a damaged
// or encrypted PDF) is listed with a note that it must be fetched on its own, so nothing
// is left out silently. Every page gets the bundle's own page number in its top corner,
// because the joined documents carry their own numbering.
import { PageSizes, PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib'
import type { DocumentSpec, Letterhead } from './blocks.js'
import { renderPdf } from './pdf.js'

export interface SagsmappeDokument {
  filnavn: string
  mime: string
  /** Danish label of the document's kind ("Lejekontrakt", "Kvittering", …). */
  kategori: string
  /** "3. december 2026" */
  dato: string
  data: Uint8Array
}

export interface SagsmappeInput {
  letterhead: Letterhead
  naevnNavn: string
  sagsnummer: string
  lejemaal: string
  /** When the bundle was made, in Danish. */
  dannet: string
  dokumenter: SagsmappeDokument[]
  creationDate?: Date
}

export const KAN_IKKE_VISES = 'kan ikke vises i sagsmappen – hentes særskilt'

export interface SagsmappeIndhold {
  filnavn: string
  /** The bundle page the document starts on; null when it could not be included. */
  side: number | null
  sider: number
}

type Forberedt =
  | { slags: 'pdf'; doc: PDFDocument; sider: number }
  | { slags: 'billede'; mime: 'image/png' | 'image/jpeg' }
  | { slags: 'udeladt' }

async function forbered(d: SagsmappeDokument): Promise<Forberedt> {
  if (d.mime === 'application/pdf') {
    try {
      // An encrypted PDF throws here (ignoreEncryption is off): its pages cannot be copied faithfully.
      const doc = await PDFDocument.load(d.data, { updateMetadata: false })
      const sider = doc.getPageCount()
      return sider > 0 ? { slags: 'pdf', doc, sider } : { slags: 'udeladt' }
    } catch {
      return { slags: 'udeladt' }
    }
  }
  if (d.mime === 'image/png' || d.mime === 'image/jpeg') return { slags: 'billede', mime: d.mime }
  return { slags: 'udeladt' }
}

function indeksSpec(input: SagsmappeInput, indhold: SagsmappeIndhold[]): DocumentSpec {
  const raekker = input.dokumenter.map((d, i) => {
    const side = indhold[i]!.side
    return [String(i + 1), d.filnavn, `${d.kategori}, ${d.dato}`, side === null ? KAN_IKKE_VISES : `Side ${side}`]
  })
  return {
    title: `Sagsmappe, sag ${input.sagsnummer}`,
    subject: `Sagsmappe til nævnsmødet, sag ${input.sagsnummer}`,
    letterhead: input.letterhead,
    blocks: [
      { type: 'heading', level: 1, text: `Sagsmappe, sag ${input.sagsnummer}` },
      {
        type: 'keyValue',
        rows: [
          { label: 'Nævn', value: input.naevnNavn },
          { label: 'Lejemål', value: input.lejemaal },
          { label: 'Dannet', value: input.dannet },
          { label: 'Dokumenter', value: String(input.dokumenter.length) },
        ],
      },
      { type: 'heading', level: 2, text: 'Indhold' },
      raekker.length > 0
        ? { type: 'table', columns: ['Nr.', 'Dokument', 'Art og dato', 'Begynder på'], rows: raekker }
        : { type: 'paragraph', text: 'Sagen har ingen dokumenter, som nævnet kan se.' },
    ],
    ...(input.creationDate ? { creationDate: input.creationDate } : {}),
  }
}

/** Where each document starts when the index takes `indeksSider` pages. */
function placer(forberedt: Forberedt[], indeksSider: number): SagsmappeIndhold[] {
  let naeste = indeksSider + 1
  return forberedt.map((f) => {
    const sider = f.slags === 'pdf' ? f.sider : f.slags === 'billede' ? 1 : 0
    const side = sider > 0 ? naeste : null
    naeste += sider
    return { filnavn: '', side, sider }
  })
}

export async function byggSagsmappe(input: SagsmappeInput): Promise<{ pdf: Buffer; indhold: SagsmappeIndhold[] }> {
  const forberedt = await Promise.all(input.dokumenter.map(forbered))
  // The index's own length moves every start page; a long index may need a second
  // rendering with the right count (the page numbers it prints hardly change its length).
  let indeksSider = 1
  let indhold = placer(forberedt, indeksSider)
  let indeks = await PDFDocument.load(await renderPdf(indeksSpec(input, indhold)))
  for (let i = 0; i < 5 && indeks.getPageCount() !== indeksSider; i++) {
    indeksSider = indeks.getPageCount()
    indhold = placer(forberedt, indeksSider)
    indeks = await PDFDocument.load(await renderPdf(indeksSpec(input, indhold)))
  }
  if (indeks.getPageCount() !== indeksSider) throw new Error('sagsmappens indholdsfortegnelse skifter længde')

  const ud = await PDFDocument.create()
  ud.setTitle(`Sagsmappe, sag ${input.sagsnummer}`)
  ud.setLanguage('da-DK')
  ud.setProducer('Nævn')
  if (input.creationDate) {
    ud.setCreationDate(input.creationDate)
    ud.setModificationDate(input.creationDate)
  }
  for (const side of await ud.copyPages(indeks, indeks.getPageIndices())) ud.addPage(side)
  const font = await ud.embedFont(StandardFonts.Helvetica)
  for (const [i, f] of forberedt.entries()) {
    const d = input.dokumenter[i]!
    if (f.slags === 'pdf') {
      for (const side of await ud.copyPages(f.doc, f.doc.getPageIndices())) ud.addPage(side)
    } else if (f.slags === 'billede') {
      try {
        const billede = f.mime === 'image/png' ? await ud.embedPng(d.data) : await ud.embedJpg(d.data)
        tegnBillede(ud.addPage(PageSizes.A4), billede, d.filnavn, font)
      } catch {
        // A picture pdf-lib cannot read: the page stays, saying so, so the index stays right.
        const side = ud.addPage(PageSizes.A4)
        side.drawText(latin1(`${d.filnavn}: ${KAN_IKKE_VISES}`), { x: 40, y: 780, size: 11, font })
      }
    }
  }
  const ialt = ud.getPageCount()
  ud.getPages().forEach((side, i) => stempl(side, `Sag ${input.sagsnummer} · sagsmappe side ${i + 1} af ${ialt}`, font))
  indhold = indhold.map((x, i) => ({ ...x, filnavn: input.dokumenter[i]!.filnavn }))
  return { pdf: Buffer.from(await ud.save()), indhold }
}

const MARGEN = 40
const OVERSKRIFT = 28

function tegnBillede(side: PDFPage, billede: Awaited<ReturnType<PDFDocument['embedPng']>>, filnavn: string, font: PDFFont) {
  const { width, height } = side.getSize()
  const boksB = width - 2 * MARGEN
  const boksH = height - 2 * MARGEN - OVERSKRIFT
  // Scaled down to fit the page, never up: a small picture is not blown up into blur.
  const skala = Math.min(boksB / billede.width, boksH / billede.height, 1)
  const b = billede.width * skala
  const h = billede.height * skala
  side.drawText(latin1(filnavn), { x: MARGEN, y: height - MARGEN - 12, size: 10, font, color: rgb(0.2, 0.2, 0.2) })
  side.drawImage(billede, { x: MARGEN + (boksB - b) / 2, y: MARGEN + (boksH - h) / 2, width: b, height: h })
}

function stempl(side: PDFPage, tekst: string, font: PDFFont) {
  const boks = side.getMediaBox()
  const t = latin1(tekst)
  const stoerrelse = 8
  const bredde = font.widthOfTextAtSize(t, stoerrelse)
  const x = boks.x + boks.width - bredde - 14
  const y = boks.y + boks.height - 14
  side.drawRectangle({ x: x - 3, y: y - 3, width: bredde + 6, height: stoerrelse + 5, color: rgb(1, 1, 1), opacity: 0.85 })
  side.drawText(t, { x, y, size: stoerrelse, font, color: rgb(0.25, 0.25, 0.25) })
}

/** The standard Helvetica font covers WinAnsi (Latin-1 and a few more): anything else becomes "?". */
function latin1(tekst: string): string {
  return tekst.replace(/[–—]/g, '-').replace(/·/g, '-').replace(/[^\x20-\x7E\xA0-\xFF]/g, '?')
}
