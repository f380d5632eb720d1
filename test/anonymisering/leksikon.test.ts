import { describe, expect, it } from 'vitest'
import { indlaesLeksikon, lavLeksikon } from '../../server/modules/anonymisering/leksikon.js'
import { anonymiser } from '../../server/modules/anonymisering/anonymiser.js'
import { testEnvDefaults } from '../helpers/urls.js'

const dir = testEnvDefaults().referenceDataDir

describe('the lexicon', () => {
  it('when loaded twice from one directory, then it is read once and holds the reference data', async () => {
    const a = await indlaesLeksikon(dir)
    expect(await indlaesLeksikon(dir)).toBe(a)
    expect(a.fornavne.has('soeren')).toBe(true) // Søren, folded
    expect(a.efternavne.has('hansen')).toBe(true)
    expect(a.postnumre.get('2200')).toBe('København N')
    expect(a.vejnavne.get('aaskildevej')).toEqual(['aaskildevej'])
    expect(a.bynavne.has('odense')).toBe(true)
  })

  it('when the directory has no reference data, then loading fails with the missing file', async () => {
    await expect(indlaesLeksikon('/nonexistent-naevn-data')).rejects.toThrow(/ENOENT/)
  })

  it('when a small lexicon is built by hand, then the anonymizer uses it', () => {
    const lille = lavLeksikon({ fornavne: ['Xenia'], efternavne: ['Quist'], vejnavne: [], postnumre: [{ postnr: '9999', navn: 'Testby' }] })
    const r = anonymiser('Vidnet Xenia Quist bor på Testvej 4, 9999 Testby.', { parties: [] }, lille, { bevarPostnummerOgBy: false })
    expect(r.tekst).toBe('Vidnet C bor på [adresse].')
  })
})
