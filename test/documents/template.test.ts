import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DocumentTemplateError, kvitteringDocument, renderBlocks } from '../../server/kerne/documents/index.js'
import { kvitteringViewModel } from './factories.js'

const fixtures = { templatesDir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures') }

/** A template of its own in a fresh directory, so each test states the markup it feeds in. */
function template(markup: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'naevn-dokument-'))
  writeFileSync(path.join(dir, 'skabelon.hbs'), markup)
  return { templatesDir: dir }
}

const alleBlokkeModel = {
  titel: 'Afgørelse',
  navn: 'Søren Ærø',
  punkter: ['første', 'anden'],
  sagsnummer: 'HLN-2026-0001',
  etiket: 'Lejemål',
  vaerdi: 'Åboulevarden 1',
  filer: [{ navn: 'bilag.pdf', stoerrelse: '12 kB' }],
}

describe('renderBlocks', () => {
  it('when a template uses every element, then it gives the matching blocks with whitespace collapsed', () => {
    expect(renderBlocks('alle-blokke', alleBlokkeModel, fixtures)).toEqual([
      { type: 'heading', level: 1, text: 'Afgørelse' },
      { type: 'heading', level: 2, text: 'Underoverskrift' },
      { type: 'heading', level: 3, text: 'Mindre overskrift' },
      { type: 'paragraph', text: 'Første afsnit over flere linjer med Søren Ærø.' },
      { type: 'list', ordered: false, items: ['første', 'anden'] },
      { type: 'list', ordered: true, items: ['Et', 'To'] },
      {
        type: 'keyValue',
        rows: [
          { label: 'Sagsnummer', value: 'HLN-2026-0001' },
          { label: 'Lejemål', value: 'Åboulevarden 1' },
        ],
      },
      { type: 'table', columns: ['Filnavn', 'Størrelse'], rows: [['bilag.pdf', '12 kB']] },
      { type: 'pageBreak' },
      { type: 'paragraph', text: 'Efter sideskift' },
    ])
  })

  it('when user data holds markup, quotes and entities, then it comes back as the same text and adds no blocks', () => {
    const hostile = `</p><h1>x</h1><script>alert("1")</script> & &amp; 'a' = \`b\``
    const blocks = renderBlocks(
      'alle-blokke',
      { ...alleBlokkeModel, navn: hostile, etiket: `"><row label="x">`, filer: [{ navn: '<td>a</td>', stoerrelse: '&lt;' }] },
      fixtures,
    )
    expect(blocks).toHaveLength(10)
    expect(blocks[3]).toEqual({ type: 'paragraph', text: `Første afsnit over flere linjer med ${hostile}.` })
    expect(blocks[6]).toMatchObject({ rows: [{}, { label: `"><row label="x">`, value: 'Åboulevarden 1' }] })
    expect(blocks[7]).toMatchObject({ rows: [['<td>a</td>', '&lt;']] })
  })

  it('when a template has an unknown tag, then rendering fails naming the template, the tag and the line', () => {
    const options = template('<h1>Titel</h1>\n<p>Tekst</p>\n<blink>{{x}}</blink>\n')
    expect(() => renderBlocks('skabelon', { x: 'y' }, options)).toThrow(DocumentTemplateError)
    expect(() => renderBlocks('skabelon', { x: 'y' }, options)).toThrow('Document template "skabelon": unknown tag <blink> (line 3)')
  })

  it.each([
    ['an element inside a paragraph', '<p>Tekst <h2>Ind i</h2></p>', '<h2> is not allowed inside <p>'],
    ['crossed closing tags', '<ul><li>Punkt</ul></li>', '</ul> closes <li>'],
    ['an element never closed', '<p>Tekst', '<p> is never closed'],
    ['a closing tag without opening', '<p>a</p></p>', '</p> has no opening tag'],
    ['text outside any text element', '<h1>Titel</h1> løs tekst', 'text "løs tekst" directly inside the document'],
    ['a list holding something else than items', '<ul><p>x</p></ul>', '<ul> may only hold <li>, found <p>'],
    ['a row with too few cells', '<table><col>A</col><col>B</col><tr><td>1</td></tr></table>', 'a <tr> has 1 cells but the table has 2 columns'],
    ['a table without columns', '<table></table>', 'a <table> needs at least one <col>'],
    ['a box row without label', '<kv><row>x</row></kv>', '<row> needs a label="…"'],
    ['an attribute the tag does not have', '<p class="x">a</p>', '<p> has no attribute "class"'],
    ['a list item outside a list', '<li>x</li>', '<li> is not allowed here'],
    ['a stray angle bracket', '<p>a < b</p>', 'malformed tag'],
  ])('when the markup has %s, then rendering fails saying so', (_case, markup, problem) => {
    expect(() => renderBlocks('skabelon', {}, template(markup))).toThrow(problem)
  })

  it('when the view-model lacks a field the template uses, then rendering fails instead of leaving it blank', () => {
    expect(() => renderBlocks('skabelon', {}, template('<p>{{sagsnummer}}</p>'))).toThrow(/skabelon.*sagsnummer/)
  })

  it('when the template name could leave the templates folder, then it is refused', () => {
    expect(() => renderBlocks('../pages/forside', {})).toThrow('a template name is lowercase letters, digits and "-"')
  })
})

describe('kvittering template', () => {
  it('when a case is filed, then the receipt has the case data box, the parties, the description as paragraphs and the next steps', () => {
    const doc = kvitteringDocument(kvitteringViewModel({ beskrivelse: 'Første linje.\r\n\r\nAnden linje.\nTredje linje.' }))
    expect(doc.title).toBe('Kvittering for indbringelse')
    expect(doc.letterhead).toEqual({ naevnNavn: 'Huslejenævnet i Århus', adresseLinjer: ['Rådhuspladsen 2', '8000 Aarhus C'], kontaktLinjer: expect.any(Array) })
    expect(doc.blocks[0]).toEqual({ type: 'heading', level: 1, text: 'Kvittering for indbringelse' })
    const box = doc.blocks.find((b) => b.type === 'keyValue')
    expect(box).toEqual({
      type: 'keyValue',
      rows: [
        { label: 'Indbringelsesnummer', value: 'IND-2026-000417' },
        { label: 'Sagsnummer', value: 'HLN-2026-0099' },
        { label: 'Modtaget', value: '21. november 2026 kl. 09.14' },
        { label: 'Indbringer', value: 'Lejer' },
        { label: 'Formål', value: 'Prøvelse af varmeregnskab for 2025' },
        { label: 'Lejemål', value: 'Privat udlejning' },
        { label: 'Adresse', value: 'Søndergade 12, 2. th., 8000 Aarhus C' },
        { label: 'Sagsområder', value: 'Varmeregnskab, Vedligeholdelse' },
      ],
    })
    const headings = doc.blocks.filter((b) => b.type === 'heading').map((b) => b.text)
    expect(headings).toEqual(['Kvittering for indbringelse', 'Parter', 'Din beskrivelse', 'Vedhæftede filer', 'Gebyr', 'Hvad sker der nu?'])
    const paragraphs = doc.blocks.filter((b) => b.type === 'paragraph').map((b) => b.text)
    expect(paragraphs).toEqual(expect.arrayContaining(['Første linje.', 'Anden linje.', 'Tredje linje.', 'Beløb: 344,00 kr.']))
    expect(doc.blocks).toContainEqual({ type: 'table', columns: ['Rolle', 'Navn'], rows: [['Lejer', 'Søren Østergård Ærø'], ['Udlejer', 'Ejendomsselskabet Åbo ApS']] })
    const nextSteps = doc.blocks.at(-1)
    expect(nextSteps).toMatchObject({ type: 'list', ordered: true })
    expect(nextSteps?.type === 'list' && nextSteps.items.join(' ')).toContain('senest 1 uge')
    expect(nextSteps?.type === 'list' && nextSteps.items.join(' ')).toContain('lov om boligforhold § 82, stk. 3')
  })

  it('when there is a representative and no attachments, then the box names the representative and the files section says Ingen', () => {
    const doc = kvitteringDocument(kvitteringViewModel({ repraesentant: 'Advokat Åse Ørum', vedhaeftninger: [] }))
    expect(doc.blocks).toContainEqual(expect.objectContaining({ type: 'keyValue', rows: expect.arrayContaining([{ label: 'Repræsentant', value: 'Advokat Åse Ørum' }]) }))
    const filesAt = doc.blocks.findIndex((b) => b.type === 'heading' && b.text === 'Vedhæftede filer')
    expect(doc.blocks[filesAt + 1]).toEqual({ type: 'paragraph', text: 'Ingen' })
  })
})
