import { describe, expect, it } from 'vitest'
import { kvitteringDocument, renderPdf, type Block, type DocumentSpec } from '../../server/kerne/documents/index.js'
import { kvitteringViewModel, pngLogo } from './factories.js'
import { findNode, openPdf, pageTexts, structRoles } from './pdfjs.js'

const creationDate = new Date('2026-11-21T08:14:00Z')

function langBeskrivelse(afsnit: number): string {
  return Array.from(
    { length: afsnit },
    (_, i) => `Afsnit ${i + 1}: Radiatorerne i stuen og soveværelset har ikke virket siden oktober, og udlejer har ikke svaret på mine henvendelser.`,
  ).join('\n')
}

function spec(blocks: Block[], overrides: Partial<DocumentSpec> = {}): DocumentSpec {
  return {
    title: 'Prøvedokument',
    letterhead: { naevnNavn: 'Beboerklagenævnet i Ærø', adresseLinjer: ['Vestergade 1'], kontaktLinjer: ['post@aeroe.dk'] },
    blocks,
    creationDate,
    ...overrides,
  }
}

describe('renderPdf', () => {
  it('when a kvittering with Danish letters is rendered, then a viewer reads its title, æøå, the sagsnummer and the page number', async () => {
    const bytes = await renderPdf(kvitteringDocument(kvitteringViewModel(), { creationDate }))
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7')
    const pages = await pageTexts(bytes)
    expect(pages).toHaveLength(1)
    const text = pages[0] ?? ''
    expect(text).toContain('Kvittering for indbringelse')
    expect(text).toContain('æøå')
    expect(text).toContain('ÆØÅ')
    expect(text).toContain('HLN-2026-0099')
    expect(text).toContain('Huslejenævnet i Århus')
    expect(text).toContain('Søren Østergård Ærø')
    expect(text).toContain('Side 1 af 1')
  })

  it('when the description is long, then it runs over several pages, each numbered "Side X af N", and nothing is lost', async () => {
    const bytes = await renderPdf(kvitteringDocument(kvitteringViewModel({ beskrivelse: langBeskrivelse(40) }), { creationDate }))
    const pages = await pageTexts(bytes)
    expect(pages.length).toBeGreaterThanOrEqual(2)
    pages.forEach((text, i) => expect(text).toContain(`Side ${i + 1} af ${pages.length}`))
    const all = pages.join(' ')
    for (let i = 1; i <= 40; i++) expect(all).toContain(`Afsnit ${i}:`)
    expect(pages.at(-1)).toContain('Hvad sker der nu?')
  })

  it('when rendered, then the metadata carries title, author, subject, creator, date and language, and the XMP declares PDF/A-2a', async () => {
    const bytes = await renderPdf(kvitteringDocument(kvitteringViewModel(), { creationDate }))
    const pdf = await openPdf(bytes)
    const { info, metadata } = await pdf.getMetadata()
    expect(info).toMatchObject({
      Title: 'Kvittering for indbringelse',
      Author: 'Huslejenævnet i Århus',
      Subject: 'Kvittering for indbringelse, sag HLN-2026-0099',
      Creator: 'Nævn',
      Language: 'da-DK',
      CreationDate: 'D:20261121081400Z',
    })
    expect(metadata?.get('dc:title')).toBe('Kvittering for indbringelse')
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true })
    await pdf.destroy()
    const raw = bytes.toString('latin1')
    expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/)
    expect(raw).toContain('/DisplayDocTitle true')
    expect(raw).toContain('/OutputIntents')
  })

  it('when the board name holds "&" and "<", then the XMP metadata stays well-formed and says the same as the Info dictionary', async () => {
    const naevnNavn = 'Huslejenævnet for Lolland & Falster <Syd>'
    const bytes = await renderPdf(spec([{ type: 'paragraph', text: 'Tekst' }], { letterhead: { naevnNavn, adresseLinjer: [], kontaktLinjer: [] } }))
    const pdf = await openPdf(bytes)
    const { info, metadata } = await pdf.getMetadata()
    expect(info).toMatchObject({ Author: naevnNavn })
    expect(metadata?.get('dc:creator')).toEqual([naevnNavn])
    await pdf.destroy()
  })

  it('when rendered, then IBM Plex Sans is embedded and no standard font is used', async () => {
    const bytes = await renderPdf(kvitteringDocument(kvitteringViewModel(), { creationDate }))
    const raw = bytes.toString('latin1')
    expect(raw).toContain('/FontFile2')
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+IBMPlexSans\b/)
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+IBMPlexSans-Bold\b/)
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/)
  })

  it('when rendered, then the content is tagged: headings, paragraphs, lists, the box and tables are in the structure tree', async () => {
    const bytes = await renderPdf(kvitteringDocument(kvitteringViewModel(), { creationDate }))
    const pdf = await openPdf(bytes)
    const roles = structRoles(await (await pdf.getPage(1)).getStructTree())
    await pdf.destroy()
    expect(roles).toEqual(expect.arrayContaining(['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD']))
  })

  it('when the same document is rendered twice with the same creation date, then the bytes are identical', async () => {
    const doc = kvitteringDocument(kvitteringViewModel({ beskrivelse: langBeskrivelse(30) }), { creationDate, logo: { data: pngLogo(), mime: 'image/png' } })
    const [first, second] = await Promise.all([renderPdf(doc), renderPdf(doc)])
    expect(first.equals(second)).toBe(true)
    const later = await renderPdf({ ...doc, creationDate: new Date('2026-11-22T08:14:00Z') })
    expect(later.equals(first)).toBe(false)
  })

  it('when a table runs over a page, then its header row is repeated on the next page', async () => {
    const vedhaeftninger = Array.from({ length: 70 }, (_, i) => ({ filnavn: `bilag-${i + 1}.pdf`, stoerrelse: `${i + 1} kB` }))
    const pages = await pageTexts(await renderPdf(kvitteringDocument(kvitteringViewModel({ vedhaeftninger }), { creationDate })))
    const withRows = pages.filter((text) => /bilag-\d+\.pdf/.test(text))
    expect(withRows.length).toBeGreaterThanOrEqual(2)
    for (const text of withRows) expect(text).toMatch(/Filnavn\s+Størrelse/)
    expect(pages.join(' ')).toContain('bilag-70.pdf')
  })

  it('when a heading would land at the bottom of a page, then it moves to the next page with the paragraph after it', async () => {
    // Slide the heading down the page one paragraph at a time, across a page break.
    for (let filler = 26; filler <= 38; filler++) {
      const blocks: Block[] = [
        ...Array.from({ length: filler }, (_, i): Block => ({ type: 'paragraph', text: `Fyld ${i + 1}.` })),
        { type: 'heading', level: 2, text: 'Overskriften' },
        { type: 'paragraph', text: 'Afsnittet under overskriften.' },
      ]
      const pages = await pageTexts(await renderPdf(spec(blocks)))
      const headingPage = pages.findIndex((text) => text.includes('Overskriften'))
      const paragraphPage = pages.findIndex((text) => text.includes('Afsnittet under overskriften.'))
      expect({ filler, headingPage }).toEqual({ filler, headingPage: paragraphPage })
    }
  })

  it('when text has very long words, characters the font lacks and control characters, then everything that can be shown is shown', async () => {
    const word = 'Ejendomsværdiskattefastsættelsesgrundlag'.repeat(6)
    const bytes = await renderPdf(
      spec([
        { type: 'paragraph', text: `Før ${word} efter` },
        { type: 'table', columns: ['Kort', 'Lang'], rows: [['a', word]] },
        { type: 'keyValue', rows: [{ label: 'Emoji', value: 'glad 😀 tab\there' }] },
      ]),
    )
    const text = (await pageTexts(bytes)).join(' ')
    expect(text.replace(/\s+/g, '').split(word)).toHaveLength(3)
    expect(text).toContain('glad ? tab here')
  })

  it('when the letterhead has a logo, then the image is embedded as a figure with a text alternative', async () => {
    const bytes = await renderPdf(spec([{ type: 'paragraph', text: 'Tekst' }], { letterhead: { naevnNavn: 'Nævnet', adresseLinjer: [], kontaktLinjer: [], logo: { data: pngLogo(), mime: 'image/png' } } }))
    expect(bytes.toString('latin1')).toContain('/Subtype /Image')
    const pdf = await openPdf(bytes)
    const tree = await (await pdf.getPage(1)).getStructTree()
    await pdf.destroy()
    expect(findNode(tree, 'Figure')).toMatchObject({ alt: 'Logo: Nævnet' })
  })
})
