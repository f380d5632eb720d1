// The reference data the project carries in data/: every file the code reads is there,
// with the columns its readers use and the row counts data/README.md states.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultReferenceDataDir, loadConfig, projectRoot } from '../../server/platform/config.js'
import { readCsv } from '../../server/kerne/referencedata/csv.js'

const filer: Record<string, { kolonner: string[]; raekker: number }> = {
  'kommuner.csv': { kolonner: ['kommunekode', 'kommunenavn', 'regionskode', 'regionsnavn'], raekker: 98 },
  'regioner.csv': { kolonner: ['regionskode', 'regionsnavn'], raekker: 5 },
  'postnumre.csv': { kolonner: ['postnr', 'navn'], raekker: 1125 },
  'postnummer_kommune.csv': { kolonner: ['postnr', 'kommunekode', 'er_kommune'], raekker: 1434 },
  'fornavne_maend.csv': { kolonner: ['navn'], raekker: 500 },
  'fornavne_kvinder.csv': { kolonner: ['navn'], raekker: 500 },
  'efternavne.csv': { kolonner: ['navn'], raekker: 500 },
  'vejnavne.csv': { kolonner: ['vejnavn'], raekker: 1556 },
  'love_kapitler.csv': { kolonner: ['lov', 'kapitel', 'paragraf_fra', 'paragraf_til'], raekker: 72 },
  'lejeloven_paragraffer.csv': { kolonner: ['lov', 'kapitel', 'paragraf', 'tekst'], raekker: 213 },
  'almenlejeloven_paragraffer.csv': { kolonner: ['lov', 'kapitel', 'paragraf', 'tekst'], raekker: 118 },
  'almenboligloven_paragraffer.csv': { kolonner: ['lov', 'kapitel', 'paragraf', 'tekst'], raekker: 348 },
}

describe('the reference data in data/', () => {
  it('when no REFERENCE_DATA_DIR is set, then the config reads the project’s own data/ folder', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/x', SESSION_SECRET: 'x'.repeat(32), CPR_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') })
    expect(config.referenceDataDir).toBe(path.join(projectRoot, 'data'))
    expect(defaultReferenceDataDir).toBe(config.referenceDataDir)
    expect(existsSync(path.join(defaultReferenceDataDir, 'README.md'))).toBe(true)
  })

  for (const [fil, { kolonner, raekker }] of Object.entries(filer)) {
    it(`when ${fil} is read, then it has its columns and the ${raekker} rows its README names`, async () => {
      const rows = await readCsv(defaultReferenceDataDir, fil)
      expect(rows).toHaveLength(raekker)
      for (const k of kolonner) expect(Object.keys(rows[0]!)).toContain(k)
      expect(rows.every((r) => kolonner.every((k) => k === 'kapitel' || r[k] !== ''))).toBe(true)
    })
  }
})
