import { describe, expect, it } from 'vitest'
import { kvitteringDocument, renderHtml } from '../../server/kerne/documents/index.js'
import { kvitteringViewModel } from './factories.js'

describe('renderHtml', () => {
  it('when a paragraph holds a script tag, then it comes out as inert text', () => {
    const html = renderHtml([{ type: 'paragraph', text: '<script>alert(1)</script>' }])
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')
  })

  it('when labels, cells and items hold markup and quotes, then every one is escaped', () => {
    const evil = `"><img src=x onerror='alert(1)'>&`
    const html = renderHtml([
      { type: 'heading', level: 2, text: evil },
      { type: 'list', ordered: false, items: [evil] },
      { type: 'keyValue', rows: [{ label: evil, value: evil }] },
      { type: 'table', columns: [evil], rows: [[evil]] },
    ])
    expect(html).not.toContain('<img')
    expect(html).not.toContain(`'alert`)
    expect(html.match(/&quot;&gt;&lt;img src=x onerror=&#39;alert\(1\)&#39;&gt;&amp;/g)).toHaveLength(6)
  })

  it('when every block type is rendered, then the preview uses semantic elements with DKFDS classes and no inline styles', () => {
    const html = renderHtml([
      { type: 'heading', level: 1, text: 'Kvittering' },
      { type: 'heading', level: 3, text: 'Detaljer' },
      { type: 'paragraph', text: 'Tekst' },
      { type: 'list', ordered: true, items: ['Et', 'To'] },
      { type: 'list', ordered: false, items: ['Punkt'] },
      { type: 'keyValue', rows: [{ label: 'Sagsnummer', value: 'HLN-1' }] },
      { type: 'table', columns: ['Filnavn', 'Størrelse'], rows: [['a.pdf', '1 kB']] },
      { type: 'pageBreak' },
    ])
    expect(html).toBe(
      [
        '<h1>Kvittering</h1>',
        '<h3>Detaljer</h3>',
        '<p>Tekst</p>',
        '<ol><li>Et</li><li>To</li></ol>',
        '<ul><li>Punkt</li></ul>',
        '<dl class="naevn-fakta"><dt>Sagsnummer</dt><dd>HLN-1</dd></dl>',
        '<div class="table--responsive-scroll"><table class="table"><thead><tr><th scope="col">Filnavn</th><th scope="col">Størrelse</th></tr></thead><tbody><tr><td>a.pdf</td><td>1 kB</td></tr></tbody></table></div>',
        '<hr class="dokument-sideskift" aria-hidden="true">',
      ].join('\n'),
    )
    expect(html).not.toMatch(/\sstyle=/)
  })

  it('when a kvittering is previewed, then it shows the same text as the PDF with the filer’s text escaped', () => {
    const html = renderHtml(kvitteringDocument(kvitteringViewModel()).blocks)
    expect(html).toContain('<h1>Kvittering for indbringelse</h1>')
    expect(html).toContain('<dt>Sagsnummer</dt><dd>HLN-2026-0099</dd>')
    expect(html).toContain('<p>Test af æøå og ÆØÅ – “citat” &amp; &lt;tegn&gt;.</p>')
  })
})
