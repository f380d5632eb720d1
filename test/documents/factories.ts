// A complete kvittering view-model with Danish text everywhere; tests override what they test.
import { crc32, deflateSync } from 'node:zlib'
import type { KvitteringViewModel } from '../../server/kerne/documents/index.js'

export function kvitteringViewModel(overrides: Partial<KvitteringViewModel> = {}): KvitteringViewModel {
  return {
    naevn: {
      navn: 'Huslejenævnet i Århus',
      adresseLinjer: ['Rådhuspladsen 2', '8000 Aarhus C'],
      kontaktLinjer: ['Telefon 89 40 20 00', 'huslejenaevn@aarhus.dk', 'Åbent man.–fre. kl. 9–14'],
    },
    indbringelsesnummer: 'IND-2026-000417',
    sagsnummer: 'HLN-2026-0099',
    modtaget: '21. november 2026 kl. 09.14',
    indbringerRolle: 'Lejer',
    repraesentant: null,
    formaal: 'Prøvelse af varmeregnskab for 2025',
    lejemaal: { adresse: 'Søndergade 12, 2. th., 8000 Aarhus C', type: 'Privat udlejning' },
    sagsomraader: ['Varmeregnskab', 'Vedligeholdelse'],
    beskrivelse: 'Udlejer har opkrævet for meget i varme.\n\nTest af æøå og ÆØÅ – “citat” & <tegn>.',
    parter: [
      { rolle: 'Lejer', navn: 'Søren Østergård Ærø' },
      { rolle: 'Udlejer', navn: 'Ejendomsselskabet Åbo ApS' },
    ],
    vedhaeftninger: [
      { filnavn: 'varmeregnskab-2025.pdf', stoerrelse: '412 kB' },
      { filnavn: 'lejekontrakt.pdf', stoerrelse: '1,2 MB' },
    ],
    gebyr: { beloeb: '344,00 kr.', tekst: 'Du kan betale gebyret under »Mine sager«.' },
    ...overrides,
  }
}

/** A small RGBA PNG (a blue bar fading out to transparent) for logo tests, built without image tools. */
export function pngLogo(width = 160, height = 48): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1)
    raw[row] = 0 // filter: none
    for (let x = 0; x < width; x++) {
      const p = row + 1 + x * 4
      raw[p] = 0x00
      raw[p + 1] = 0x4b
      raw[p + 2] = 0x87
      raw[p + 3] = Math.round(255 * (1 - x / width))
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8 bits, RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typeAndData))
  return Buffer.concat([length, typeAndData, crc])
}
