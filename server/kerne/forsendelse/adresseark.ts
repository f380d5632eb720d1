// The address sheet (adresseark) printed in front of each letter in the print queue. The
// letters carry no recipient block, so the sheet goes into the envelope first and its
// address shows through the window: Danish C5/C65 window envelopes with the window on the
// left, ca. 20 mm from the left edge and 45–50 mm from the top, ca. 90 × 35 mm. The board's
// return address sits as a small line above the recipient, as on Danish letters. Below the
// window: the case number, which letter it is and how many pages it has, so whoever stuffs
// the envelopes can check the pile.
//
// Pure: data in, PDF bytes out (one page per sheet). The fonts are the documents' own
// (server/kerne/documents/pdf.ts), read once per process.
import PDFDocument from 'pdfkit'
import type { Letterhead } from '../documents/blocks.js'
import { fonts } from '../documents/pdf.js'

type Pdf = PDFKit.PDFDocument

const MM = 72 / 25.4

/** The envelope window, in mm from the page's top left corner. */
export const VINDUE_MM = { x: 20, y: 45, bredde: 90, hoejde: 35 } as const

/**
 * Where the text goes: inside the window with room to spare on every side, so it stays
 * visible whether the window starts at 45 or at 50 mm and the sheet slides a little.
 */
const FELT = { x: 25 * MM, y: 50 * MM, bredde: 80 * MM, bund: 78 * MM }

export const ADRESSE_MANGLER = 'Adresse mangler – find adressen før afsendelse'

const INK = '#1a1a1a'
const MUTED = '#555555'
const RULE = '#9e9e9e'

export interface AdressearkData {
  /** The board, as its letterhead (server/kerne/documents/brevhoved.ts). */
  naevn: Letterhead
  /** The recipient; no address lines means the address is missing. */
  modtager: { navn: string; adresseLinjer: string[] }
  sagsnummer: string
  /** The letter's title (its PDF title, or the file name). */
  brev: string
  filnavn: string
  /** The letter's date in Danish ("3. december 2026"). */
  dato: string
  /** The letter's own pages, without the sheet and any blank backs. */
  sider: number
}

/**
 * The address lines a letter can be posted with: street, then postnr and by. A party
 * without a street or a postnr has no postal address; the result is then empty.
 */
export function postadresse(p: { adresse: string | null; postnr: string | null; by: string | null }): string[] {
  const gade = (p.adresse ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
  const postnr = (p.postnr ?? '').trim()
  if (gade.length === 0 || postnr === '') return []
  return [...gade, [postnr, (p.by ?? '').trim()].filter(Boolean).join(' ')]
}

export function siderTekst(sider: number): string {
  return sider === 1 ? 'Brevet har 1 side' : `Brevet har ${sider} sider`
}

/** One A4 page per sheet, in the order given. */
export async function adressearkPdf(ark: AdressearkData[], options: { creationDate?: Date } = {}): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    autoFirstPage: false,
    pdfVersion: '1.7',
    lang: 'da-DK',
    // No default font: PDFKit would open Helvetica, which is not embedded (see pdf.ts).
    font: '',
    info: {
      Title: 'Adresseark',
      Creator: 'Nævn',
      Producer: 'Nævn',
      ...(options.creationDate ? { CreationDate: options.creationDate } : {}),
    },
  })
  for (const [name, data] of Object.entries(fonts())) pdf.registerFont(name, data)
  pdf.font('regular')
  const bytes = collect(pdf)
  for (const a of ark) {
    pdf.addPage()
    tegn(pdf, a)
  }
  pdf.end()
  return bytes
}

function tegn(pdf: Pdf, a: AdressearkData) {
  const venstre = 25 * MM
  const hoejre = pdf.page.width - 20 * MM
  const bredde = hoejre - venstre

  // The letterhead above the window, as on the letters.
  let y = 16 * MM
  skriv(pdf, a.naevn.naevnNavn, 'bold', 14, venstre, y, 110 * MM, INK)
  y = pdf.y + 3
  if (a.naevn.adresseLinjer.length > 0) skriv(pdf, a.naevn.adresseLinjer.join('\n'), 'regular', 9, venstre, y, 110 * MM, MUTED)
  if (a.naevn.kontaktLinjer.length > 0) skriv(pdf, a.naevn.kontaktLinjer.join('\n'), 'regular', 9, hoejre - 70 * MM, 16 * MM, 70 * MM, MUTED, { align: 'right' })

  // The window: the return address as one small line, then the recipient.
  const retur = [a.naevn.naevnNavn, ...a.naevn.adresseLinjer].join(' · ')
  const returStr = tilpas(pdf, retur, 'regular', 7, 5.5, FELT.bredde)
  skriv(pdf, retur, 'regular', returStr, FELT.x, FELT.y, FELT.bredde, MUTED, { lineBreak: false, ellipsis: true, height: returStr * 1.3 })
  const ruleY = pdf.y + 1.5
  pdf.save().moveTo(FELT.x, ruleY).lineTo(FELT.x + FELT.bredde, ruleY).lineWidth(0.4).strokeColor(RULE).stroke().restore()
  y = ruleY + 5

  const mangler = a.modtager.adresseLinjer.length === 0
  const linjer = [a.modtager.navn, ...a.modtager.adresseLinjer]
  // Five lines of 10.5 pt fit between the rule and the bottom of the field; more (a long
  // address) get smaller type rather than leave the window.
  const str = mangler ? 10.5 : Math.max(7.5, Math.min(10.5, (FELT.bund - y) / (linjer.length * 1.25)))
  for (const linje of linjer) {
    const s = tilpas(pdf, linje, 'regular', str, 7.5, FELT.bredde)
    skriv(pdf, linje, 'regular', s, FELT.x, y, FELT.bredde, INK, { lineBreak: false, ellipsis: true, height: s * 1.3 })
    y += str * 1.25
  }
  if (mangler) {
    y += 2
    skriv(pdf, ADRESSE_MANGLER, 'bold', 10.5, FELT.x, y, FELT.bredde, INK)
    // A heavy frame round the window so the sheet stands out in the pile.
    pdf
      .save()
      .rect(VINDUE_MM.x * MM, VINDUE_MM.y * MM, VINDUE_MM.bredde * MM, VINDUE_MM.hoejde * MM)
      .lineWidth(2)
      .dash(6, { space: 3 })
      .strokeColor(INK)
      .stroke()
      .restore()
  }

  // Fold marks for a C65 envelope (DIN 5008, form B), outside the text.
  for (const fold of [105, 210]) pdf.save().moveTo(5 * MM, fold * MM).lineTo(10 * MM, fold * MM).lineWidth(0.5).strokeColor(RULE).stroke().restore()

  // Below the window: what the letter is, for the recipient and for the one who packs it.
  y = 115 * MM
  skriv(pdf, 'Følgeside til brev', 'bold', 17, venstre, y, bredde, INK)
  y = pdf.y + 10
  const labelBredde = 32 * MM
  for (const [label, vaerdi] of [
    ['Sagsnummer', a.sagsnummer],
    ['Brev', a.brev],
    ['Fil', a.filnavn],
    ['Dato', a.dato],
  ] as const) {
    skriv(pdf, label, 'bold', 10.5, venstre, y, labelBredde, INK)
    skriv(pdf, vaerdi, 'regular', 10.5, venstre + labelBredde, y, bredde - labelBredde, INK)
    y = pdf.y + 4
  }
  y += 8
  skriv(pdf, `${siderTekst(a.sider)}.`, 'bold', 14, venstre, y, bredde, INK)
  if (mangler) {
    y = pdf.y + 14
    skriv(pdf, `${ADRESSE_MANGLER}.`, 'bold', 12, venstre, y, bredde, INK)
  }
}

/** The largest size from `max` down to `min` at which the text fits on one line. */
function tilpas(pdf: Pdf, text: string, font: string, max: number, min: number, bredde: number): number {
  pdf.font(font).fontSize(max)
  const w = pdf.widthOfString(ren(pdf, text))
  if (w <= bredde) return max
  return Math.max(min, Math.floor(((max * bredde) / w) * 10) / 10)
}

function skriv(pdf: Pdf, text: string, font: string, size: number, x: number, y: number, width: number, color: string, options: PDFKit.Mixins.TextOptions = {}) {
  pdf.font(font).fontSize(size).fillColor(color)
  pdf.text(ren(pdf, text), x, y, { width, lineGap: 1.5, ...options })
}

/**
 * A character the font lacks would print as nothing: it becomes "?"; control characters
 * become spaces (as in pdf.ts).
 */
function ren(pdf: Pdf, text: string): string {
  const coverage = (pdf as unknown as { _font?: { font?: { hasGlyphForCodePoint(c: number): boolean } } })._font?.font
  let out = ''
  for (const ch of text.normalize('NFC')) {
    const c = ch.codePointAt(0) ?? 0
    if (ch === '\n') out += ch
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) out += ' '
    else if (!coverage || coverage.hasGlyphForCodePoint(c)) out += ch
    else if (!/\p{Cf}/u.test(ch)) out += '?'
  }
  return out
}

function collect(pdf: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
  })
}
