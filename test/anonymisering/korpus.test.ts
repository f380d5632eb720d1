import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { anonymiser, anvendSpans } from '../../server/modules/anonymisering/anonymiser.js'
import { evaluerDokument, samlEvaluering, type Dokumentresultat } from '../../server/modules/anonymisering/evaluering.js'
import { indlaesLeksikon, type Leksikon } from '../../server/modules/anonymisering/leksikon.js'
import { testEnvDefaults } from '../helpers/urls.js'
import { korpusDir, laesKorpus } from './korpus.js'

let leksikon: Leksikon
beforeAll(async () => {
  leksikon = await indlaesLeksikon(testEnvDefaults().referenceDataDir)
})

const korpus = laesKorpus()

describe('the annotated corpus', () => {
  it('when the corpus is read, then it holds at least 20 decisions of both board kinds, built from the current sources', () => {
    expect(korpus.length).toBeGreaterThanOrEqual(20)
    expect(korpus.some((d) => d.tekst.includes('Beboerklagenævnet'))).toBe(true)
    expect(korpus.some((d) => d.tekst.includes('Huslejenævnet'))).toBe(true)
    const tjek = spawnSync(process.execPath, [path.join(korpusDir, 'byg-korpus.mjs'), '--tjek'], { encoding: 'utf8' })
    expect(tjek.stderr).toBe('')
    expect(tjek.status).toBe(0)
  })

  it('when every decision is anonymized, then recall and keep-precision meet the targets', () => {
    const resultater: Dokumentresultat[] = []
    const fejl: string[] = []
    for (const d of korpus) {
      const r = anonymiser(d.tekst, d.viden, leksikon, d.politik)
      expect(anvendSpans(d.tekst, r.spans)).toBe(r.tekst)
      const e = evaluerDokument(d.tekst, d.guld, d.bevar, r.spans)
      resultater.push(e)
      for (const m of e.missede) fejl.push(`${d.navn}: ikke maskeret ${m.type} "${m.tekst}"`)
      for (const b of e.roerte) fejl.push(`${d.navn}: rørt ${b.type} "${b.tekst}"`)
    }
    const s = samlEvaluering(resultater)
    // The issue's targets: recall ≥ 0.97 overall and 1.00 for CPR, e-mail and the parties'
    // full names; keep-precision ≥ 0.98. The list of misses makes a failure readable.
    expect({ recall: s.recall >= 0.97, fejl: s.recall >= 0.97 ? [] : fejl }).toEqual({ recall: true, fejl: [] })
    expect(s.recallPerType.cpr).toBe(1)
    expect(s.recallPerType.email).toBe(1)
    expect(s.recallPerType.partsnavn).toBe(1)
    expect(s.bevarPraecision).toBeGreaterThanOrEqual(0.98)
    expect(s.antalPerType.cpr).toBeGreaterThan(0)
    expect(s.antalPerType.email).toBeGreaterThan(0)
    expect(s.antalPerType.partsnavn).toBeGreaterThan(0)
  })
})

describe('the scorer', () => {
  it('when a gold span is masked only in part, then it is not caught; punctuation does not count', () => {
    const tekst = 'Jens Hansen, Vestergade 3. Den 1. maj.'
    const guld = [
      { start: 0, end: 12, type: 'partsnavn' }, // "Jens Hansen," with its comma
      { start: 13, end: 25, type: 'adresse' }, // "Vestergade 3"
    ]
    const bevar = [{ start: 31, end: 37, type: 'dato' as const }] // "1. maj"
    const delvis = evaluerDokument(tekst, guld, bevar, [{ start: 0, end: 11 }, { start: 13, end: 24 }])
    expect(delvis.perType).toEqual({ partsnavn: { i_alt: 1, fanget: 1 }, adresse: { i_alt: 1, fanget: 0 } })
    expect(delvis.missede.map((m) => m.tekst)).toEqual(['Vestergade 3'])
    expect(delvis.bevar).toEqual({ dato: { i_alt: 1, fanget: 1 } })
    const hele = evaluerDokument(tekst, guld, bevar, [{ start: 0, end: 33 }])
    expect(hele.bevar).toEqual({ dato: { i_alt: 1, fanget: 0 } })
    const s = samlEvaluering([delvis, hele])
    expect(s.recall).toBe(3 / 4)
    expect(s.recallPerType).toEqual({ partsnavn: 1, adresse: 0.5 })
    expect(s.bevarPraecision).toBe(0.5)
  })

})
