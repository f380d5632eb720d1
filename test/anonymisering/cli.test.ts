import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../scripts/anonymize.js'
import { testEnvDefaults } from '../helpers/urls.js'

const dir = mkdtempSync(path.join(tmpdir(), 'naevn-anonymize-'))
const fil = (navn: string, indhold: string) => {
  const p = path.join(dir, navn)
  writeFileSync(p, indhold)
  return p
}
const tekst = fil('afgoerelse.txt', 'Huslejenævnet i Odense. Lejer Jens Hansen, cpr-nr. 010190-1234, bor på Vestergade 3, 5000 Odense C.\n')
const sag = fil('sag.json', JSON.stringify({ parties: [{ role: 'lejer', name: 'Jens Hansen', cpr: '0101901234' }] }))
const data = ['--data', testEnvDefaults().referenceDataDir]

async function kør(argv: string[]) {
  let stdout = ''
  let stderr = ''
  const kode = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { kode, stdout, stderr }
}

describe('npm run anonymize', () => {
  it('when given a text and a case file, then the anonymized text goes to stdout', async () => {
    expect(await kør(['--', tekst, sag, ...data])).toEqual({
      kode: 0,
      stdout: 'Huslejenævnet i Odense. Lejer, cpr-nr. [cpr-nr.], bor på [adresse].\n',
      stderr: '',
    })
  })

  it('when --spans is given, then the spans are printed as JSON', async () => {
    const r = await kør([tekst, sag, '--spans', ...data])
    expect(r.kode).toBe(0)
    const spans = JSON.parse(r.stdout) as { type: string; erstatning: string }[]
    expect(spans.map((s) => s.type)).toEqual(['person', 'cpr', 'adresse'])
  })

  it('when the case file has a policy, then it is used', async () => {
    const medPolitik = fil('sag2.json', JSON.stringify({ parties: [{ role: 'lejer', name: 'Jens Hansen' }], politik: { erstatning: 'bogstaver', bevarPostnummerOgBy: false } }))
    const r = await kør([tekst, medPolitik, ...data])
    expect(r.stdout).toBe('Huslejenævnet i Odense. Lejer A, cpr-nr. [cpr-nr.], bor på [adresse].\n')
  })

  it('when a file is missing, the JSON is bad or the arguments are wrong, then one Danish sentence goes to stderr and the exit code is 1', async () => {
    const mangler = await kør([tekst, path.join(dir, 'findes-ikke.json'), ...data])
    expect(mangler).toEqual({ kode: 1, stdout: '', stderr: `Filen ${path.join(dir, 'findes-ikke.json')} findes ikke eller kan ikke læses.\n` })
    const daarlig = await kør([tekst, fil('daarlig.json', '{"parties": ['), ...data])
    expect(daarlig.kode).toBe(1)
    expect(daarlig.stderr).toMatch(/^Sagsfilen .* er ikke gyldig JSON \(.*\)\.\n$/)
    const forkert = await kør([tekst, fil('forkert.json', '{"parties": [{"role": "nabo", "name": "X"}]}'), ...data])
    expect(forkert.stderr).toMatch(/skal være et JSON-objekt med "parties"/)
    expect((await kør([tekst])).stderr).toMatch(/^Brug: npm run anonymize/)
  })
})
