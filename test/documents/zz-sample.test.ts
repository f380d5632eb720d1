import { writeFileSync } from 'node:fs'
import { it } from 'vitest'
import { kvitteringDocument, renderPdf } from '../../server/documents/index.js'
import { kvitteringViewModel } from './factories.js'

it('writes samples', async () => {
  const vm = kvitteringViewModel({ repraesentant: 'Lejernes Landsorganisation, Aarhus' })
  writeFileSync('/tmp/kvittering.pdf', await renderPdf(kvitteringDocument(vm, { creationDate: new Date('2026-11-21T08:14:00Z') })))
  writeFileSync('/tmp/kvittering-std.pdf', await renderPdf(kvitteringDocument(kvitteringViewModel())))
  const long = kvitteringViewModel({
    beskrivelse: Array.from({ length: 40 }, (_, i) => `Afsnit ${i + 1}: Lejer oplyser, at radiatorerne i stuen og soveværelset ikke har virket siden oktober, og at udlejer ikke har reageret på henvendelser. Ærgerligt, især i kulden.`).join('\n'),
    vedhaeftninger: Array.from({ length: 30 }, (_, i) => ({ filnavn: `bilag-${i + 1}-${'meget-langt-filnavn-uden-mellemrum'.repeat(i % 5 === 0 ? 4 : 1)}.pdf`, stoerrelse: `${i * 17 + 3} kB` })),
  })
  writeFileSync('/tmp/kvittering-lang.pdf', await renderPdf(kvitteringDocument(long)))
})
