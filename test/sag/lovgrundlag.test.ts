import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readCsv } from '../../server/kerne/referencedata/csv.js'
import { formatBestemmelse, loadLovgrundlag, lovKoder, lovLabel, tilStatutory, type Bestemmelse, type LovIndex } from '../../server/kerne/sag/lovgrundlag.js'
import { testEnvDefaults } from '../helpers/urls.js'

const dir = testEnvDefaults().referenceDataDir
const datafiler = ['love_kapitler.csv', 'lejeloven_paragraffer.csv', 'almenlejeloven_paragraffer.csv', 'almenboligloven_paragraffer.csv']

const tmpDirs: string[] = []
afterAll(async () => {
  await Promise.all(tmpDirs.map((d) => rm(d, { recursive: true, force: true })))
})

async function tmpDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), 'naevn-lovgrundlag-'))
  tmpDirs.push(d)
  return d
}

function alle(index: LovIndex): Bestemmelse[] {
  return index.love().flatMap((l) => [...index.bestemmelser(l.lov)])
}

describe('lovgrundlag: the laws, chapters and provisions', () => {
  it('when the laws are loaded, then each has as many provisions and chapters as data/README.md states', async () => {
    const index = await loadLovgrundlag(dir)
    expect(index.love().map((l) => l.lov)).toEqual(['lejeloven', 'almenlejeloven', 'almenboligloven'])
    expect(index.bestemmelser('lejeloven')).toHaveLength(213)
    expect(index.bestemmelser('almenlejeloven')).toHaveLength(118)
    expect(index.bestemmelser('almenboligloven')).toHaveLength(348)
    expect(index.kapitler('lejeloven')).toHaveLength(29)
    expect(index.kapitler('almenlejeloven')).toHaveLength(19)
    expect(index.kapitler('almenboligloven')).toHaveLength(24)
    expect(index.bestemmelser('ukendtloven')).toEqual([])
    expect(index.kapitler('ukendtloven')).toEqual([])
  })

  it('when a chapter is listed, then it holds as many provisions as love_kapitler.csv counts for it', async () => {
    const index = await loadLovgrundlag(dir)
    const rows = await readCsv(dir, 'love_kapitler.csv')
    expect(rows).toHaveLength(72)
    for (const r of rows) {
      expect(index.bestemmelser(r.lov!, r.kapitel!).length, `${r.lov} kapitel ${r.kapitel}`).toBe(Number(r.antal_bestemmelser))
    }
  })

  it('when lejeloven § 1 is fetched, then it lies in chapter 1 "Anvendelsesområde m.v." of the 2022 lejelov', async () => {
    const index = await loadLovgrundlag(dir)
    const b = index.hent('lejeloven:§1')!
    expect(b).toMatchObject({
      id: 'lejeloven:§1',
      lov: 'lejeloven',
      lovTitel: 'Lov om leje (LOV nr. 341 af 22. marts 2022)',
      kapitel: '1',
      kapitelOverskrift: 'Anvendelsesområde m.v.',
      paragraf: '1',
    })
    expect(b.tekst).toMatch(/^§ 1\. Loven gælder for leje, herunder fremleje, af hus eller rum/)
    expect(b.tekst).toContain('Stk. 2.')
    expect(b.overskrift).toBe('Loven gælder for leje, herunder fremleje, af hus eller rum, uanset om lejeren er en person eller en …')
    expect(formatBestemmelse(b)).toBe('Lejeloven § 1 (kapitel 1: Anvendelsesområde m.v.)')
    expect(formatBestemmelse(index.hent('lejeloven:§106')!)).toBe('Lejeloven § 106 (kapitel 11)')
  })

  it('when the chapters of a law are listed, then only sourced titles are given and lettered chapters keep their place', async () => {
    const index = await loadLovgrundlag(dir)
    const lejeloven = index.kapitler('lejeloven')
    expect(lejeloven[0]).toEqual({ kapitel: '1', overskrift: 'Anvendelsesområde m.v.' })
    expect(lejeloven.slice(1).every((k) => k.overskrift === null)).toBe(true)
    expect(index.kapitler('almenlejeloven').map((k) => k.kapitel).slice(-3)).toEqual(['17', '17a', '18'])
    expect(index.bestemmelser('almenlejeloven', '17a').map((b) => b.id)).toEqual(['almenlejeloven:§108a'])
  })

  it('when the laws are named, then the Danish short names and the document titles without provenance notes are used', async () => {
    const index = await loadLovgrundlag(dir)
    expect(lovKoder.map(lovLabel)).toEqual(['Lejeloven', 'Almenlejeloven', 'Almenboligloven'])
    expect(index.love()).toEqual([
      { lov: 'lejeloven', titel: 'Lov om leje (LOV nr. 341 af 22. marts 2022)' },
      { lov: 'almenlejeloven', titel: 'Bekendtgørelse af lov om leje af almene boliger (LBK nr. 928 af 4. september 2019)' },
      { lov: 'almenboligloven', titel: expect.stringMatching(/^Bekendtgørelse af lov om almene boliger m\.v\. \(.*2026\/207/) },
    ])
  })
})

describe('lovgrundlag: ids', () => {
  it('when every provision is listed, then ids are unique, follow one pattern and fetch the provision back', async () => {
    const index = await loadLovgrundlag(dir)
    const bestemmelser = alle(index)
    expect(bestemmelser).toHaveLength(213 + 118 + 348)
    expect(new Set(bestemmelser.map((b) => b.id)).size).toBe(bestemmelser.length)
    for (const b of bestemmelser) {
      expect(b.id).toMatch(/^(lejeloven|almenlejeloven|almenboligloven):(uden-kapitel:)?§\d+[a-z]?(-\d*[a-z]?)?$/)
      expect(index.hent(b.id)).toBe(b)
    }
  })

  it('when a lettered § or a repealed range is fetched, then its id is compact and its paragraf is written as in the law', async () => {
    const index = await loadLovgrundlag(dir)
    expect(index.hent('almenlejeloven:§86a')).toMatchObject({ paragraf: '86 a', kapitel: '14' })
    expect(index.hent('almenboligloven:§96k-o')).toMatchObject({ paragraf: '96 k-o', overskrift: '(Ophævet)' })
    expect(formatBestemmelse(index.hent('almenboligloven:§65-67')!)).toBe('Almenboligloven §§ 65-67 (kapitel 5)')
    // Spaces and case are forgiven on look-up, not in the stored id.
    expect(index.hent('Almenlejeloven:§ 86 A')?.id).toBe('almenlejeloven:§86a')
    expect(index.hent('lejeloven:§999')).toBeUndefined()
    expect(index.hent('')).toBeUndefined()
  })

  it('when an amending act’s commencement § shares its number with a real §, then it gets its own uden-kapitel id', async () => {
    const index = await loadLovgrundlag(dir)
    expect(index.hent('almenlejeloven:§10')).toMatchObject({ kapitel: '3', overskrift: expect.stringMatching(/^Lejen fastsættes årligt/) })
    const ikraft = index.hent('almenlejeloven:uden-kapitel:§10')!
    expect(ikraft).toMatchObject({ kapitel: '', kapitelOverskrift: null, tekst: '§ 10. Loven træder i kraft den 1. juli 2017.' })
    expect(formatBestemmelse(ikraft)).toBe('Almenlejeloven § 10 (uden for kapitelinddelingen)')
    expect(index.hent('almenboligloven:uden-kapitel:§29')?.tekst).toMatch(/1\. juli 2020/)
    expect(index.hent('almenboligloven:uden-kapitel:§68')?.tekst).toMatch(/1\. marts 2021/)
  })

  it('when the data is loaded afresh, then every provision gets the same id', async () => {
    const a = await loadLovgrundlag(dir)
    // Another key for the same directory: a second, independent build.
    const b = await loadLovgrundlag(dir + path.sep)
    expect(b).not.toBe(a)
    expect(alle(b).map((x) => x.id)).toEqual(alle(a).map((x) => x.id))
    expect(await loadLovgrundlag(dir)).toBe(a)
  })
})

describe('lovgrundlag: headings', () => {
  it('when headings are derived, then each is at most about 100 characters, begins the text and ends at a word', async () => {
    const index = await loadLovgrundlag(dir)
    for (const b of alle(index)) {
      const normal = b.tekst.replace(/\s+/g, ' ')
      expect(b.overskrift.length, b.id).toBeGreaterThan(0)
      expect(b.overskrift.length, b.id).toBeLessThanOrEqual(102)
      if (b.overskrift.endsWith('…')) {
        const uden = b.overskrift.slice(0, -2)
        expect(b.overskrift.endsWith(' …'), b.id).toBe(true)
        expect(normal, b.id).toContain(uden)
        // The text goes on with a space after the cut: no word was split.
        expect(normal.charAt(normal.indexOf(uden) + uden.length), b.id).toMatch(/[\s,;:]/)
        expect(uden, b.id).toMatch(/[\p{L}\p{N}.)-]$/u)
      } else {
        expect(normal, b.id).toContain(b.overskrift)
      }
    }
  })

  it('when a provision’s first sentence is short, then it is the heading, even across "stk." and dates', async () => {
    const index = await loadLovgrundlag(dir)
    expect(index.hent('lejeloven:§213')?.overskrift).toBe('Loven gælder ikke for Færøerne og Grønland.')
    expect(index.hent('lejeloven:§195')?.overskrift).toBe('Dette kapitel kan ikke ved aftale fraviges til skade for lejeren.')
    expect(index.hent('almenboligloven:uden-kapitel:§68')?.overskrift).toBe('Loven træder i kraft den 1. marts 2021.')
    expect(index.hent('almenboligloven:§172a')?.overskrift).toBe('(Ophævet)')
  })
})

describe('lovgrundlag: search', () => {
  it('when the query is a § number, then that § comes first, lejeloven before the others', async () => {
    const index = await loadLovgrundlag(dir)
    expect(index.soeg('§ 106')[0]?.id).toBe('lejeloven:§106')
    expect(index.soeg('§ 106').map((b) => b.id)).toEqual(['lejeloven:§106', 'almenlejeloven:§106', 'almenboligloven:§106'])
    expect(index.soeg('106')[0]?.id).toBe('lejeloven:§106')
    expect(index.soeg('§106')[0]?.id).toBe('lejeloven:§106')
    expect(index.soeg('lejelovens § 106, stk. 2').map((b) => b.id)).toEqual(['lejeloven:§106'])
    expect(index.soeg('almenlejeloven 106').map((b) => b.id)).toEqual(['almenlejeloven:§106'])
  })

  it('when a number is also the start of other § numbers, then exact matches come before prefix matches', async () => {
    const index = await loadLovgrundlag(dir)
    const result = index.soeg('lejeloven 10', { limit: 50 })
    expect(result.map((b) => b.paragraf)).toEqual(['10', '100', '101', '102', '103', '104', '105', '106', '107', '108', '109'])
    const alleLove = index.soeg('10')
    expect(alleLove.slice(0, 4).map((b) => b.id)).toEqual(['lejeloven:§10', 'almenlejeloven:§10', 'almenlejeloven:uden-kapitel:§10', 'almenboligloven:§10'])
    expect(alleLove[4]?.paragraf).toBe('100')
  })

  it('when the query is a lettered § or a § inside a repealed range, then that provision is found', async () => {
    const index = await loadLovgrundlag(dir)
    expect(index.soeg('§ 75 a')[0]?.id).toBe('almenboligloven:§75a')
    expect(index.soeg('75a')[0]?.id).toBe('almenboligloven:§75a')
    expect(index.soeg('almenboligloven § 66')[0]?.id).toBe('almenboligloven:§65-67')
    expect(index.soeg('almenboligloven § 96 m')[0]?.id).toBe('almenboligloven:§96k-o')
  })

  it('when the query is a word, then every provision found mentions it, the most mentions first', async () => {
    const index = await loadLovgrundlag(dir)
    const result = index.soeg('depositum', { limit: 100 })
    expect(result.length).toBeGreaterThan(5)
    for (const b of result) expect(b.tekst.toLowerCase(), b.id).toContain('depositum')
    expect(result.map((b) => b.id)).toEqual(expect.arrayContaining(['lejeloven:§63', 'almenlejeloven:§50']))
    const antal = (b: Bestemmelse) => b.tekst.toLowerCase().split('depositum').length - 1
    expect(antal(result[0]!)).toBeGreaterThanOrEqual(antal(result.at(-1)!))
    // Upper case and Danish letters do not matter.
    expect(index.soeg('DEPOSITUM', { limit: 100 }).map((b) => b.id)).toEqual(result.map((b) => b.id))
    expect(index.soeg('LEJEFORHØJELSE').length).toBeGreaterThan(0)
  })

  it('when the query has several words, then provisions with more of them come first', async () => {
    const index = await loadLovgrundlag(dir)
    const result = index.soeg('depositum tilbagebetaling', { limit: 100 })
    const ord = (b: Bestemmelse) => ['depositum', 'tilbagebetaling'].filter((w) => b.tekst.toLowerCase().includes(w)).length
    expect(ord(result[0]!)).toBe(2)
    const counts = result.map(ord)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    expect(counts).toContain(1)
  })

  it('when a law is given, then only its provisions are found', async () => {
    const index = await loadLovgrundlag(dir)
    const almen = index.soeg('depositum', { lov: 'almenlejeloven' })
    expect(almen.length).toBeGreaterThan(0)
    expect(almen.every((b) => b.lov === 'almenlejeloven')).toBe(true)
    expect(index.soeg('§ 106', { lov: 'almenboligloven' }).map((b) => b.id)).toEqual(['almenboligloven:§106'])
    expect(index.soeg('almenlejeloven depositum').every((b) => b.lov === 'almenlejeloven')).toBe(true)
    // The query names one law, the filter another: nothing can match both.
    expect(index.soeg('lejeloven 106', { lov: 'almenboligloven' })).toEqual([])
    expect(index.soeg('depositum', { lov: 'ukendtloven' })).toEqual([])
    expect(index.soeg('almenlejeloven').map((b) => b.id).slice(0, 2)).toEqual(['almenlejeloven:§1', 'almenlejeloven:§2'])
  })

  it('when no limit is given, then at most 20 are returned; a limit is respected', async () => {
    const index = await loadLovgrundlag(dir)
    expect(index.soeg('leje')).toHaveLength(20)
    expect(index.soeg('leje', { limit: 3 })).toHaveLength(3)
    expect(index.soeg('leje', { limit: 0 })).toEqual([])
  })

  it('when the query is empty or only filler words, then nothing is found', async () => {
    const index = await loadLovgrundlag(dir)
    expect(index.soeg('')).toEqual([])
    expect(index.soeg('   ')).toEqual([])
    expect(index.soeg('§')).toEqual([])
    expect(index.soeg('og')).toEqual([])
    expect(index.soeg('xyzzyqq')).toEqual([])
  })
})

describe('lovgrundlag: the national API statutory', () => {
  it('when a provision is exported, then law, chapter and section are filled in the API vocabulary', async () => {
    const index = await loadLovgrundlag(dir)
    expect(tilStatutory(index.hent('lejeloven:§1')!)).toEqual({
      lawId: 'lejeloven',
      lawText: 'Lov om leje (LOV nr. 341 af 22. marts 2022)',
      chapterId: '1',
      chapterText: 'Anvendelsesområde m.v.',
      sectionId: '1',
      sectionText: '§ 1. Loven gælder for leje, herunder fremleje, af hus eller rum, uanset om lejeren er en person eller en …',
    })
    expect(tilStatutory(index.hent('almenlejeloven:§86a')!)).toMatchObject({ chapterId: '14', chapterText: 'Kapitel 14', sectionId: '86 a' })
    expect(tilStatutory(index.hent('almenlejeloven:uden-kapitel:§10')!)).toMatchObject({ chapterId: null, chapterText: null, sectionId: '10' })
  })
})

describe('lovgrundlag: loading', () => {
  it('when the directory has no law texts, then loading fails, and a later load of the fixed directory succeeds', async () => {
    const tom = await tmpDir()
    await expect(loadLovgrundlag(tom)).rejects.toThrow(/ENOENT/)
    await Promise.all(datafiler.map((f) => copyFile(path.join(dir, f), path.join(tom, f))))
    const index = await loadLovgrundlag(tom)
    expect(index.bestemmelser('lejeloven')).toHaveLength(213)
  })

  it('when two rows would get the same id, then loading refuses the data', async () => {
    const d = await tmpDir()
    await Promise.all(datafiler.map((f) => copyFile(path.join(dir, f), path.join(d, f))))
    const file = path.join(d, 'lejeloven_paragraffer.csv')
    await writeFile(file, `${(await readFile(file, 'utf8')).trimEnd()}\nlejeloven,29,106,§ 106. En kopi.\n`)
    await expect(loadLovgrundlag(d)).rejects.toThrow(/lejeloven:§106/)
  })
})
