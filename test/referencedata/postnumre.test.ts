import { describe, expect, it } from 'vitest'
import { loadPostnumre } from '../../server/kerne/referencedata/postnumre.js'
import { testEnvDefaults } from '../helpers/urls.js'

const dir = testEnvDefaults().referenceDataDir

describe('postal codes and their municipalities', () => {
  it('when a postal code lies in one municipality, then that municipality is the only one', async () => {
    const index = await loadPostnumre(dir)
    expect(index.lookup('8000')).toEqual({ postnr: '8000', navn: 'Aarhus C', kommuner: [{ kommunekode: 751, navn: 'Aarhus' }] })
  })

  it('when a postal code spans several municipalities, then all of them are offered, by name', async () => {
    const index = await loadPostnumre(dir)
    // data/README.md's spot check: 2800 → 157, 159, 173, 230.
    const lyngby = index.lookup('2800')
    expect(lyngby?.navn).toBe('Kgs. Lyngby')
    expect(lyngby?.kommuner).toEqual([
      { kommunekode: 157, navn: 'Gentofte' },
      { kommunekode: 159, navn: 'Gladsaxe' },
      { kommunekode: 173, navn: 'Lyngby-Taarbæk' },
      { kommunekode: 230, navn: 'Rudersdal' },
    ])
    expect(index.lookup('9982')?.kommuner.map((k) => k.kommunekode)).toEqual([813, 860])
  })

  it('when a postal code also covers Ertholmene, then only the real municipality is offered', async () => {
    const index = await loadPostnumre(dir)
    expect(index.lookup('3760')?.kommuner).toEqual([{ kommunekode: 400, navn: 'Bornholm' }])
  })

  it('when the code is unknown or not four digits, then there is no match', async () => {
    const index = await loadPostnumre(dir)
    expect(index.lookup('0001')).toBeUndefined()
    expect(index.lookup('800')).toBeUndefined()
    expect(index.lookup('80000')).toBeUndefined()
    expect(index.lookup('8ooo')).toBeUndefined()
    expect(index.lookup('')).toBeUndefined()
    expect(index.lookup(' 8000 ')?.postnr).toBe('8000')
  })

  it('when loaded twice, then the index is built once and cannot be changed', async () => {
    const a = await loadPostnumre(dir)
    const b = await loadPostnumre(dir)
    expect(b).toBe(a)
    expect(a.size).toBe(1125)
    const aarhus = a.lookup('8000')!
    expect(() => (aarhus.kommuner as unknown as { kommunekode: number }[]).push({ kommunekode: 101 })).toThrow(TypeError)
    expect(() => Object.assign(aarhus, { navn: 'Andet' })).toThrow(TypeError)
    expect(a.lookup('8000')?.kommuner).toHaveLength(1)
  })

  it('when the directory has no reference data, then loading fails with the missing file', async () => {
    await expect(loadPostnumre('/nonexistent-naevn-data')).rejects.toThrow(/ENOENT/)
  })
})
