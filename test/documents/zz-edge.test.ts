import { writeFileSync } from 'node:fs'
import { it } from 'vitest'
import { renderPdf, type Block } from '../../server/documents/index.js'
import { pngLogo } from './factories.js'

it('writes edge sample', async () => {
  const filler: Block[] = Array.from({ length: 36 }, (_, i) => ({ type: 'paragraph', text: `Fyldtekst ${i + 1} for at skubbe overskriften ned mod bunden af siden.` }))
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: 'Kantsager 😀 med emoji og ' + 'Lang'.repeat(30) },
    { type: 'paragraph', text: 'Et ord uden mellemrum: ' + 'æøå'.repeat(80) + ' slut.' },
    { type: 'list', ordered: false, items: ['Punkt med ' + 'x'.repeat(150), 'Kort punkt', 'Tab\there og nul\u0000tegn og zero\u200bwidth'] },
    { type: 'table', columns: ['A', 'B', 'C', 'D', 'E'], rows: [['1', 'y'.repeat(120), 'kort', 'Søren', '…'], ['2', 'b', 'c', 'd', 'e']] },
    ...filler,
    { type: 'heading', level: 2, text: 'Overskrift nær bunden' },
    { type: 'paragraph', text: 'Afsnittet efter overskriften.' },
    { type: 'keyValue', rows: [{ label: 'Meget lang etiket som skal ombrydes over flere linjer', value: 'Værdi' }, { label: 'Stor', value: 'ord '.repeat(1200) }] },
    { type: 'table', columns: ['Kolonne', 'Indhold'], rows: [['kæmpe', 'ord '.repeat(1500)], ['lille', 'ok']] },
    { type: 'pageBreak' },
    { type: 'heading', level: 3, text: 'Efter sideskift' },
  ]
  writeFileSync('/tmp/edge.pdf', await renderPdf({
    title: 'Kantsager & <specialtegn> i en meget lang titel der ikke kan være i sidefoden uden at blive forkortet på en eller anden måde',
    letterhead: { naevnNavn: 'Huslejenævnet for Lolland & Falster', adresseLinjer: ['Vej 1'], kontaktLinjer: ['kontakt@x.dk'], logo: { data: pngLogo(), mime: 'image/png' } },
    blocks,
  }))
})
