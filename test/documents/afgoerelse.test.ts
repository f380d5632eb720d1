import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  afgoerelseDocument,
  afgoerelsePreviewHtml,
  type AfgoerelseViewModel,
} from '../../server/kerne/documents/afgoerelse.js'
import type { Block } from '../../server/kerne/documents/blocks.js'
import { klagefristSidsteDag } from '../../server/kerne/sag/frister.js'
import { renderPdf } from '../../server/kerne/documents/pdf.js'
import { eksempelAfgoerelse } from '../../server/kerne/documents/afgoerelse.eksempel.js'
import { tekstTilAfsnit, validerTekst } from '../../server/kerne/documents/tekst.js'
import { formatDansk } from '../../server/kerne/sag/frister.js'
import { pageTexts } from './pdfjs.js'

const creationDate = new Date('2026-12-03T09:00:00Z')

function langSagsfremstilling(afsnit: number): string {
  return Array.from(
    { length: afsnit },
    (_, i) =>
      `Afsnit ${i + 1}. Nævnet har modtaget bemærkninger fra parterne, herunder fotografier af radiatorerne, en kopi af lejekontrakten af 1. februar 2019 og korrespondance om fordelingen af udgifterne til varme og vand i ejendommen.`,
  ).join('\n\n')
}

async function pdfTekst(vm: AfgoerelseViewModel): Promise<string[]> {
  return pageTexts(await renderPdf(afgoerelseDocument(vm, { creationDate })))
}

const SEKTIONER = ['AFGØRELSE', 'SAGSFREMSTILLING', 'LOVGRUNDLAG OG BEGRUNDELSE', 'KLAGEVEJLEDNING', 'OPLYSNINGER OM SAGEN']

describe('tekstTilAfsnit', () => {
  it('when paragraphs are separated by blank lines, then each is one afsnit with its soft line breaks joined by a space', () => {
    expect(tekstTilAfsnit('Første linje\nfortsætter her.\n\n  \nAndet afsnit.\r\nSamme afsnit.')).toEqual([
      { type: 'afsnit', tekst: 'Første linje fortsætter her.' },
      { type: 'afsnit', tekst: 'Andet afsnit. Samme afsnit.' },
    ])
  })

  it('when lines start with "- ", "* " or "• ", then they form one bulleted list, and a line after it starts a new paragraph', () => {
    expect(tekstTilAfsnit('Lejeren har anført:\n- at lejen er for høj,\n* at varmen ikke virker,\n• at vinduerne er utætte.\nUdlejeren bestrider det.')).toEqual([
      { type: 'afsnit', tekst: 'Lejeren har anført:' },
      { type: 'punkter', punkter: ['at lejen er for høj,', 'at varmen ikke virker,', 'at vinduerne er utætte.'] },
      { type: 'afsnit', tekst: 'Udlejeren bestrider det.' },
    ])
  })

  it('when lines start with "1. " or "2) ", then they form a numbered list, and an indented line continues the item above', () => {
    expect(tekstTilAfsnit('1. Første punkt\n   der fortsætter.\n2) Andet punkt')).toEqual([
      { type: 'nummereret', punkter: ['Første punkt der fortsætter.', 'Andet punkt'] },
    ])
  })

  it('when a bulleted list is followed directly by a numbered one, then they are two lists', () => {
    expect(tekstTilAfsnit('- a\n- b\n1. c')).toEqual([
      { type: 'punkter', punkter: ['a', 'b'] },
      { type: 'nummereret', punkter: ['c'] },
    ])
  })

  it('when a line merely looks like a list ("2026. …", "-5 grader", "*vigtigt*", "1.000 kr."), then it stays text', () => {
    expect(tekstTilAfsnit('2026. Lejen steg.\n-5 grader i stuen.\n*vigtigt*\n1.000 kr. blev betalt.')).toEqual([
      { type: 'afsnit', tekst: '2026. Lejen steg. -5 grader i stuen. *vigtigt* 1.000 kr. blev betalt.' },
    ])
  })

  it('when the text is empty, blank or has empty bullets, then nothing empty comes out and runs of spaces become one', () => {
    expect(tekstTilAfsnit('')).toEqual([])
    expect(tekstTilAfsnit(' \n\t\n')).toEqual([])
    expect(tekstTilAfsnit('-\n- \tx\t  y')).toEqual([{ type: 'punkter', punkter: ['x y'] }])
  })
})

describe('validerTekst', () => {
  it('when the text is within the limit and has no tags, then it is accepted, including "<" and ">" used as signs', () => {
    expect(validerTekst('Lejen < 5.000 kr. og > 4.000 kr. <3', 100)).toBeNull()
    expect(validerTekst('æøå'.repeat(10), 30)).toBeNull()
  })

  it('when the text is longer than allowed, then the message says so in Danish with both numbers', () => {
    expect(validerTekst('x'.repeat(20_001), 20_000)).toBe('Teksten er for lang: den må højst være 20.000 tegn, men er 20.001 tegn.')
  })

  it('when the text holds something like an HTML tag, then it is refused', () => {
    for (const text of ['Se <b>her</b>', '<script>alert(1)</script>', 'a <img src=x onerror=alert(1)> b', '<!-- kommentar -->', 'slut</p>']) {
      expect(validerTekst(text, 1000)).toBe('Teksten må ikke indeholde HTML')
    }
  })
})

describe('klagefristSidsteDag', () => {
  it('when the decision is notified on an ordinary Monday, then the last day is the Monday 4 weeks later', () => {
    expect(klagefristSidsteDag('2026-12-07')).toBe('2027-01-04')
    expect(formatDansk(klagefristSidsteDag('2026-12-07'))).toBe('mandag den 4. januar 2027')
  })

  it('when 4 weeks end on juledag, then the deadline moves past 2. juledag and the weekend', () => {
    expect(klagefristSidsteDag('2026-11-27')).toBe('2026-12-28')
  })

  it('when 4 weeks end on nytårsaftensdag, then the deadline moves past nytårsdag and the weekend', () => {
    expect(klagefristSidsteDag('2026-12-03')).toBe('2027-01-04')
  })

  it('when 4 weeks end on a Saturday, then the deadline is the Monday after', () => {
    expect(klagefristSidsteDag('2026-10-31')).toBe('2026-11-30')
  })

  it('when a beboerklagenævn decision is notified before July, then July does not count (almenlejeloven § 106)', () => {
    expect(klagefristSidsteDag('2026-06-22', 'huslejenaevn')).toBe('2026-07-20')
    expect(klagefristSidsteDag('2026-06-22', 'beboerklagenaevn')).toBe('2026-08-20')
    expect(klagefristSidsteDag('2026-07-10', 'beboerklagenaevn')).toBe('2026-08-28')
  })

  it('when the date is not a calendar date, then it throws instead of guessing', () => {
    expect(() => klagefristSidsteDag('2026-02-30')).toThrow(RangeError)
  })
})

describe('afgoerelseDocument', () => {
  it('when built, then the sections come in order and the texts become paragraphs and lists', () => {
    const { blocks, title, subject } = afgoerelseDocument(eksempelAfgoerelse())
    expect(title).toBe('Afgørelse')
    expect(subject).toBe('Afgørelse, sag 101-10005')
    const headings = blocks.filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading').map((b) => b.text)
    expect(headings).toEqual(['Afgørelse', ...SEKTIONER])
    expect(blocks).toContainEqual({ type: 'list', ordered: false, items: ['at fordelingen ikke følger de målte forbrug,', 'at der er opkrævet for nye målere.'] })
    expect(blocks).toContainEqual({ type: 'list', ordered: true, items: ['Regnskabet er kommet frem rettidigt.', 'Nye målere er en forbedring.'] })
    expect(blocks).toContainEqual({ type: 'list', ordered: false, items: ['Lejelovens § 71 – Varmeregnskab', 'Lejelovens § 76 – Fordeling af udgifter'] })
    const [header] = blocks.filter((b) => b.type === 'keyValue')
    expect(header).toEqual({
      type: 'keyValue',
      rows: [
        { label: 'Dato', value: '3. december 2026' },
        { label: 'Indbringelsesnummer', value: '10005' },
        { label: 'Sagsnummer', value: '101-10005' },
        { label: 'Nævn', value: 'Huslejenævnet i København' },
        { label: 'Afgørelsesdato', value: '1. december 2026' },
        { label: 'Lejemål', value: 'Søndergade 12, 2. th., 2100 København Ø' },
        { label: 'Lejer', value: 'Søren Østergård Ærø' },
        { label: 'Medpart', value: 'Åse Ærø' },
        { label: 'Udlejer', value: 'Ejendomsselskabet Åbo ApS' },
      ],
    })
    // The box of case data closes the document.
    expect(blocks.at(-1)).toMatchObject({ type: 'keyValue', rows: expect.arrayContaining([{ label: 'Medhold', value: 'Delvist' }]) })
  })

  it('when there is no box and no provisions, then neither heading nor empty list is printed', () => {
    const { blocks } = afgoerelseDocument(eksempelAfgoerelse({ boks: [], lovgrundlag: [], begrundelse: 'Kort begrundelse.' }))
    expect(blocks).not.toContainEqual(expect.objectContaining({ text: 'OPLYSNINGER OM SAGEN' }))
    expect(blocks.filter((b) => b.type === 'list')).toHaveLength(1)
  })

  it('when a correction is sent as version 2, then the box and the subject say which version it is', () => {
    const { blocks, subject } = afgoerelseDocument(eksempelAfgoerelse({ version: 2 }))
    expect(subject).toBe('Afgørelse, sag 101-10005, version 2')
    expect(blocks[1]).toMatchObject({ type: 'keyValue', rows: expect.arrayContaining([{ label: 'Version', value: '2 (erstatter tidligere version)' }]) })
  })
})

describe('the decision as PDF', () => {
  it('when a final decision is rendered, then a viewer reads every section, the parties, the provisions and the last day to appeal', async () => {
    const text = (await pdfTekst(eksempelAfgoerelse())).join('\n')
    for (const heading of SEKTIONER) expect(text).toContain(heading)
    for (const navn of ['Søren Østergård Ærø', 'Åse Ærø', 'Ejendomsselskabet Åbo ApS']) expect(text).toContain(navn)
    expect(text).toContain('Lejelovens § 71 – Varmeregnskab')
    expect(text).toContain('Lejelovens § 76 – Fordeling af udgifter')
    expect(text).toContain('indbringes for boligretten')
    expect(text).toContain('minretssag.dk')
    expect(text).toContain('(lov om boligforhold)')
    expect(text).toContain('Fristen udløber mandag den 4. januar 2027.')
    expect(text).toContain('senest 1 år efter nævnets afgørelse')
    expect(text).not.toContain('UDKAST')
  })

  it('when the decision is notified across Christmas or lands on a Saturday, then the letter names the moved last day', async () => {
    for (const [meddelt, sidsteDag] of [
      ['2026-11-27', 'mandag den 28. december 2026'],
      ['2026-10-31', 'mandag den 30. november 2026'],
    ] as const) {
      const klagevejledning = { meddelt: formatDansk(meddelt), sidsteDag: formatDansk(klagefristSidsteDag(meddelt)), naevnType: 'huslejenaevn' as const }
      const text = (await pdfTekst(eksempelAfgoerelse({ klagevejledning }))).join('\n')
      expect(text).toContain(`Fristen udløber ${sidsteDag}.`)
    }
  })

  it('when no last day is known yet, then the letter says the deadline runs from when the decision is received', async () => {
    const text = (await pdfTekst(eksempelAfgoerelse({ klagevejledning: { meddelt: null, sidsteDag: null, naevnType: 'huslejenaevn' } }))).join('\n')
    expect(text).toContain('Fristen regnes fra den dag, du har modtaget afgørelsen.')
    expect(text).not.toContain('Fristen udløber')
  })

  it('when a beboerklagenævn decides, then the guidance names its own law and that July does not count', async () => {
    const text = (await pdfTekst(eksempelAfgoerelse({ klagevejledning: { meddelt: null, sidsteDag: null, naevnType: 'beboerklagenaevn' } }))).join('\n')
    expect(text).toContain('Beboerklagenævnets afgørelse kan af hver af parterne indbringes for boligretten')
    expect(text).toContain('(almenlejeloven § 106, stk. 1)')
    expect(text).toContain('ses der bort fra juli måned')
  })

  it('when it is a draft, then the title, the first paragraph and every footer say UDKAST', async () => {
    const pages = await pdfTekst(eksempelAfgoerelse({ udkast: true, sagsfremstilling: langSagsfremstilling(12) }))
    expect(pages.length).toBeGreaterThanOrEqual(2)
    expect(pages[0]).toContain('UDKAST – Afgørelse')
    expect(pages[0]).toContain('Dette er et udkast til nævnets afgørelse')
    for (const page of pages) expect(page).toMatch(/UDKAST – Afgørelse\s+Side \d+ af \d+/)
  })

  it('when the account of the case is long, then the decision runs to 3 pages numbered "Side X af 3" and nothing is lost', async () => {
    const pages = await pdfTekst(eksempelAfgoerelse({ sagsfremstilling: langSagsfremstilling(20) }))
    expect(pages).toHaveLength(3)
    pages.forEach((text, i) => expect(text).toContain(`Side ${i + 1} af 3`))
    const all = pages.join('\n')
    for (let i = 1; i <= 20; i++) expect(all).toContain(`Afsnit ${i}.`)
    expect(pages[2]).toContain('OPLYSNINGER OM SAGEN')
  })

  it('when rendered, then the text a viewer reads matches the snapshot', async () => {
    const pages = await pdfTekst(eksempelAfgoerelse())
    expect(pages.map((text, i) => `--- side ${i + 1} ---\n${text}`).join('\n')).toMatchSnapshot()
  })
})

describe('the decision PDF checked by qpdf and pdffonts', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'naevn-afgoerelse-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** Runs a command-line tool; its absence is a failure that says what to install. */
  function tool(command: string, args: string[]) {
    const result = spawnSync(command, args, { encoding: 'utf8' })
    if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
      throw new Error(`"${command}" findes ikke på maskinen. Installer poppler-utils og qpdf (fx apt-get install -y poppler-utils qpdf) og kør testen igen.`)
    }
    if (result.error) throw result.error
    return result
  }

  async function pdfFile(vm: AfgoerelseViewModel): Promise<string> {
    const file = path.join(dir, `afgoerelse-${vm.udkast ? 'udkast' : 'endelig'}-${vm.sagsfremstilling.length}.pdf`)
    writeFileSync(file, await renderPdf(afgoerelseDocument(vm, { creationDate })))
    return file
  }

  it('when a checking tool is missing, then the failure says which packages to install', () => {
    expect(() => tool('naevn-findes-ikke-qpdf', ['--check'])).toThrow(/Installer poppler-utils og qpdf/)
  })

  it('when a 3-page decision is checked with qpdf, then it has no structural errors', async () => {
    const result = tool('qpdf', ['--check', await pdfFile(eksempelAfgoerelse({ sagsfremstilling: langSagsfremstilling(20) }))])
    expect(result.stdout + result.stderr).toContain('No syntax or stream encoding errors found')
    expect(result.status).toBe(0)
  })

  it('when the fonts are listed with pdffonts, then every font is embedded', async () => {
    const result = tool('pdffonts', [await pdfFile(eksempelAfgoerelse({ udkast: true }))])
    expect(result.status).toBe(0)
    // name  type  encoding  emb sub uni  object ID
    const fonts = result.stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const match = /^(\S+)\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line)
        return { line, name: match?.[1], emb: match?.[2] }
      })
    expect(fonts.map((f) => f.name)).toEqual(expect.arrayContaining([expect.stringMatching(/\+IBMPlexSans$/), expect.stringMatching(/\+IBMPlexSans-Bold$/)]))
    for (const font of fonts) expect(font, font.line).toMatchObject({ emb: 'yes' })
  })
})

describe('afgoerelsePreviewHtml', () => {
  it('when the texts hold markup and quotes, then the preview escapes them and carries no style attributes', () => {
    const evil = `Se "her" & <b onclick='x()'>fed</b>`
    const html = afgoerelsePreviewHtml(
      eksempelAfgoerelse({
        sagsfremstilling: `${evil}\n- ${evil}`,
        parter: [{ rolle: 'Lejer"><script>', navn: evil }],
        boks: [{ label: 'Medhold', vaerdi: evil }],
        lovgrundlag: [{ label: '§ 1 <i>', overskrift: evil }],
      }),
    )
    expect(html).not.toMatch(/<b[\s>]|<script|<i>/)
    expect(html).not.toMatch(/\sstyle=/)
    expect(html).toContain('<p>Se &quot;her&quot; &amp; &lt;b onclick=&#39;x()&#39;&gt;fed&lt;/b&gt;</p>')
    expect(html).toContain('<dt>Lejer&quot;&gt;&lt;script&gt;</dt>')
    expect(html).toContain('<h2>KLAGEVEJLEDNING</h2>')
    expect(html).toContain('<h1>Afgørelse</h1>')
  })

  it('when a draft is previewed, then its heading says UDKAST', () => {
    expect(afgoerelsePreviewHtml(eksempelAfgoerelse({ udkast: true }))).toContain('<h1>UDKAST – Afgørelse</h1>')
  })
})
