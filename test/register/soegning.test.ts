// The afgørelsesregister's search (soeg): Danish stemming, websearch syntax, every
// filter, facets that agree with the result set, both sort orders, stable and complete
// pages, withdrawn rows never shown, escaped excerpts, and validation of bad input.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { createNaevn } from '../helpers/factories.js'
import { soeg, type SoegeParametre, type Soegeresultat } from '../../server/modules/register/soegning.js'
import { ValidationError } from '../../server/platform/errors.js'

// A word no other test file's rows (nor the seed) contain keeps each test's world its own.
const MAERKE = `zqx${randomUUID().slice(0, 8)}`

interface Raekke {
  titel: string
  tekst: string
  naevn?: 'a' | 'b'
  kommunekode?: number
  dato: string
  udfald?: string
  medhold?: string
  emner?: [string, string][]
  love?: string[]
  status?: 'publiceret' | 'trukket_tilbage'
}

const raekker: Raekke[] = [
  { titel: 'Huslejens størrelse', tekst: 'Lejer klagede over huslejen for lejemålet. Huslejen nedsættes.', dato: '2024-03-01', udfald: 'IN_FAVOUR', medhold: 'TENANT', emner: [['huslejens_stoerrelse', 'Huslejens størrelse']], love: ['lejeloven:§19'] },
  { titel: 'Depositum', tekst: 'Udlejer tilbageholdt depositum. Huslejens betaling var ikke i orden.', dato: '2023-05-10', udfald: 'REJECTED', medhold: 'LANDLORD', emner: [['depositum', 'Depositum og forudbetalt leje']], love: ['lejeloven:§106'] },
  { titel: 'Vedligeholdelse af vinduer', tekst: 'Vinduerne var utætte og skulle udskiftes af udlejer. Vedligeholdelsen var forsømt.', dato: '2022-09-15', udfald: 'IN_PARTIAL_FAVOUR', medhold: 'SHARED', emner: [['vedligeholdelse', 'Vedligeholdelse']], love: ['lejeloven:§106', 'lejeloven:§107'] },
  { titel: 'Varmeregnskab', tekst: 'Varmeregnskabet var ikke aflagt rettidigt. Fjernvarme og vand.', dato: '2021-01-20', naevn: 'b', kommunekode: 751, udfald: 'SETTLEMENT', medhold: 'NOT_SET', emner: [['forbrug', 'Varme, vand eller andet forbrug']], love: ['almenlejeloven:§62'] },
  { titel: 'Husorden', tekst: 'Beboeren havde hund i strid med husordenen. Gøen om natten.', dato: '2025-02-02', naevn: 'b', kommunekode: 751, udfald: 'DISMISSED', medhold: 'NOT_SET', emner: [['husorden', 'Husorden']], love: ['almenlejeloven:§80'] },
  { titel: 'Farlig tekst', tekst: 'Teksten indeholder <script>alert("husleje")</script> & andet, og huslejen.', dato: '2020-06-30', udfald: 'IN_FAVOUR', medhold: 'TENANT' },
  { titel: 'Trukket tilbage', tekst: 'Denne afgørelse om huslejen og depositum er trukket tilbage.', dato: '2024-04-04', status: 'trukket_tilbage', udfald: 'IN_FAVOUR', medhold: 'TENANT', emner: [['depositum', 'Depositum og forudbetalt leje']] },
]
// Filler for pagination and facet sums: 30 rows over two boards, three years.
for (let i = 0; i < 30; i++) {
  raekker.push({
    titel: `Lejeforhøjelse nr. ${i}`,
    tekst: `Udlejer varslede lejeforhøjelse for lejemålet. ${i % 3 === 0 ? 'Huslejen blev fastsat til det lejedes værdi.' : 'Forbedringer af køkken.'}`,
    naevn: i % 2 === 0 ? 'a' : 'b',
    kommunekode: i % 2 === 0 ? 101 : 751,
    dato: `${2019 + (i % 3)}-0${1 + (i % 9)}-1${i % 10}`,
    udfald: ['IN_FAVOUR', 'REJECTED', 'IN_PARTIAL_FAVOUR'][i % 3],
    medhold: ['TENANT', 'LANDLORD'][i % 2],
    emner: i % 4 === 0 ? [['huslejens_stoerrelse', 'Huslejens størrelse'], ['forbedringer', 'Forbedringer']] : [['forbedringer', 'Forbedringer']],
    love: i % 5 === 0 ? ['lejeloven:§23', 'lejeloven:§19'] : ['lejeloven:§23'],
  })
}

describe('soeg: the afgørelsesregister search', () => {
  const w = useWorld()
  const naevn: Record<'a' | 'b', { id: string; navn: string }> = {} as never
  const ids = new Map<string, number>()

  beforeAll(async () => {
    naevn.a = await createNaevn(w.db, { type: 'huslejenaevn', kommunekoder: [] })
    naevn.b = await createNaevn(w.db, { type: 'beboerklagenaevn', kommunekoder: [] })
    for (const r of raekker) {
      const n = naevn[r.naevn ?? 'a']
      const row = await w.db
        .insertInto('register_afgoerelser')
        .values({
          naevn_id: n.id,
          naevn_navn: n.navn,
          naevn_type: (r.naevn ?? 'a') === 'a' ? 'RENT_BOARD' : 'RESIDENT_COMPLAINTS_BOARD',
          kommunekode: r.kommunekode ?? 101,
          kommunenavn: (r.kommunekode ?? 101) === 101 ? 'København' : 'Aarhus',
          date_of_decision: r.dato,
          reason_for_closing: r.udfald ?? 'NOT_SET',
          in_favour: r.medhold ?? 'NOT_SET',
          subjects: (r.emner ?? []).map((e) => e[0]),
          subject_labels: (r.emner ?? []).map((e) => e[1]),
          statute_keys: r.love ?? [],
          titel: `${r.titel} ${MAERKE}`,
          tekst: r.tekst,
          status: r.status ?? 'publiceret',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      ids.set(r.titel, row.id)
    }
  })

  const s = (p: Partial<SoegeParametre> = {}) => soeg(w.db, { sortering: 'dato', side: 1, perSide: 50, ...p, q: p.q === undefined ? MAERKE : `${MAERKE} ${p.q}` })
  const titler = (r: Soegeresultat) => r.hits.map((h) => h.titel.replace(` ${MAERKE}`, ''))

  it('when searching a word, then its Danish inflections are found', async () => {
    const r = await s({ q: 'huslejens' })
    expect(titler(r)).toContain('Huslejens størrelse')
    expect(titler(r)).toContain('Depositum')
    expect(titler(r)).toContain('Farlig tekst')
    const r2 = await s({ q: 'husleje' })
    expect(new Set(titler(r2))).toEqual(new Set(titler(r)))
  })

  it('when a decision is withdrawn, then it is never found nor counted', async () => {
    const r = await s({ q: 'depositum' })
    expect(titler(r)).toEqual(['Depositum'])
    expect(r.total).toBe(1)
    expect(r.facetter.emne.find((f) => f.vaerdi === 'depositum')?.antal).toBe(1)
  })

  it('when the text holds markup, then the excerpt is escaped except the marks', async () => {
    const r = await s({ q: 'farlig' })
    expect(r.hits).toHaveLength(1)
    const u = r.hits[0]!.uddrag
    expect(u).not.toContain('<script>')
    expect(u).toContain('&lt;script&gt;')
    expect(u.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
    const r2 = await s({ q: 'husleje' })
    expect(r2.hits.find((h) => h.id === ids.get('Farlig tekst'))!.uddrag).toMatch(/<mark>huslejen<\/mark>/i)
  })

  it('when a filter value is invalid, then ValidationError in Danish, not a crash', async () => {
    await expect(s({ fra: '2024-13-01' })).rejects.toBeInstanceOf(ValidationError)
    await expect(s({ naevnId: 'ikke-en-uuid' })).rejects.toThrow(/Nævnet findes ikke/)
    await expect(s({ perSide: 51 })).rejects.toBeInstanceOf(ValidationError)
  })

  it('when using websearch syntax, then quotes, OR and -word work', async () => {
    expect(new Set(titler(await s({ q: 'vinduer OR varmeregnskabet' })))).toEqual(new Set(['Vedligeholdelse af vinduer', 'Varmeregnskab']))
    expect(titler(await s({ q: '"hund i strid"' }))).toEqual(['Husorden'])
    expect(titler(await s({ q: '"strid i hund"' }))).toEqual([])
    const uden = titler(await s({ q: 'huslejen -depositum' }))
    expect(uden).toContain('Huslejens størrelse')
    expect(uden).not.toContain('Depositum')
  })

  it('when a text has only stop words, then nothing is found', async () => {
    const r = await soeg(w.db, { q: 'og i', sortering: 'relevans', side: 1, perSide: 10 })
    expect(r.total).toBe(0)
    expect(r.hits).toEqual([])
  })

  it('when filtering, then every filter narrows to exactly its rows', async () => {
    const alle = await s()
    expect(alle.total).toBe(raekker.filter((r) => r.status !== 'trukket_tilbage').length)
    const tael = (fn: (r: Raekke) => boolean) => raekker.filter((r) => r.status !== 'trukket_tilbage' && fn(r)).length
    expect((await s({ naevnType: 'RESIDENT_COMPLAINTS_BOARD' })).total).toBe(tael((r) => r.naevn === 'b'))
    expect((await s({ naevnId: naevn.b.id })).total).toBe(tael((r) => r.naevn === 'b'))
    expect((await s({ kommunekode: 751 })).total).toBe(tael((r) => r.kommunekode === 751))
    expect((await s({ emne: 'forbedringer' })).total).toBe(tael((r) => (r.emner ?? []).some((e) => e[0] === 'forbedringer')))
    expect((await s({ udfald: 'REJECTED' })).total).toBe(tael((r) => r.udfald === 'REJECTED'))
    expect((await s({ medhold: 'SHARED' })).total).toBe(tael((r) => r.medhold === 'SHARED'))
    expect((await s({ fra: '2021-01-01', til: '2022-12-31' })).total).toBe(tael((r) => r.dato >= '2021-01-01' && r.dato <= '2022-12-31'))
    expect((await s({ lov: 'lejeloven:§106' })).total).toBe(tael((r) => (r.love ?? []).includes('lejeloven:§106')))
    expect((await s({ lov: 'almenlejeloven' })).total).toBe(tael((r) => (r.love ?? []).some((l) => l.startsWith('almenlejeloven:'))))
    expect((await s({ lov: 'lejeloven' })).total).toBe(tael((r) => (r.love ?? []).some((l) => l.startsWith('lejeloven:'))))
  })

  it('when facets are exact, then single-valued ones sum to the total and each value filters to its count', async () => {
    const r = await s({ medhold: 'TENANT' })
    expect(r.totalErEstimat).toBe(false)
    expect(r.facetterErEstimat).toBe(false)
    for (const d of ['naevnType', 'naevn', 'kommune', 'udfald', 'aar'] as const) {
      expect(r.facetter[d].reduce((a, x) => a + x.antal, 0), d).toBe(r.total)
    }
    // The medhold facet ignores its own filter: it counts every value.
    expect(r.facetter.medhold.reduce((a, x) => a + x.antal, 0)).toBe((await s()).total)
    const felt = { naevnType: 'naevnType', naevn: 'naevnId', kommune: 'kommunekode', emne: 'emne', udfald: 'udfald', lov: 'lov' } as const
    for (const [d, param] of Object.entries(felt)) {
      for (const v of r.facetter[d as keyof typeof felt]) {
        const filter = { [param]: param === 'kommunekode' ? Number(v.vaerdi) : v.vaerdi }
        expect((await s({ medhold: 'TENANT', ...filter })).total, `${d}=${v.vaerdi}`).toBe(v.antal)
      }
    }
    for (const v of r.facetter.aar) expect((await s({ medhold: 'TENANT', fra: `${v.vaerdi}-01-01`, til: `${v.vaerdi}-12-31` })).total).toBe(v.antal)
    for (const v of r.facetter.medhold) expect((await s({ medhold: v.vaerdi })).total).toBe(v.antal)
    expect(r.facetter.udfald.find((f) => f.vaerdi === 'IN_FAVOUR')?.label).toBe('Afsluttet med afgørelse om medhold')
    expect(r.facetter.lov.find((f) => f.vaerdi === 'lejeloven:§23')?.label).toBe('Lejeloven § 23')
  })

  it('when sorting by date or relevance, then the order is newest first or best match first', async () => {
    const d = await s({ sortering: 'dato' })
    const datoer = d.hits.map((h) => h.dateOfDecision)
    expect(datoer).toEqual([...datoer].sort().reverse())
    // The title weighs more than the body: "Husorden" in the title beats "husordenen" in a body only.
    const r = await s({ q: 'husleje', sortering: 'relevans' })
    expect(titler(r)[0]).toBe('Huslejens størrelse')
  })

  it('when paging, then the pages together hold every hit once, in a stable order', async () => {
    for (const sortering of ['dato', 'relevans'] as const) {
      const alle = await s({ q: 'lejemålet', sortering })
      const sider: number[] = []
      for (let side = 1; side <= Math.ceil(alle.total / 7) + 1; side++) sider.push(...(await s({ q: 'lejemålet', sortering, side, perSide: 7 })).hits.map((h) => h.id))
      expect(sider).toHaveLength(alle.total)
      expect(new Set(sider).size).toBe(alle.total)
      expect(sider).toEqual(alle.hits.map((h) => h.id))
    }
  })

  it('when the matches exceed the exact threshold, then the count and facets are estimates and flagged', async () => {
    const exact = await s()
    const r = await soeg(w.db, { q: MAERKE, sortering: 'relevans', side: 1, perSide: 5 }, { eksaktGraense: 5, kandidater: 5, stikproeve: 2 })
    expect(r.totalErEstimat).toBe(true)
    expect(r.facetterErEstimat).toBe(true)
    expect(r.total).toBeGreaterThan(5)
    expect(r.hits).toHaveLength(5)
    // Every shown hit is a real match; an estimate is never below the threshold.
    for (const h of r.hits) expect(exact.hits.map((x) => x.id)).toContain(h.id)
    const under = await soeg(w.db, { q: `${MAERKE} husorden`, sortering: 'relevans', side: 1, perSide: 5 }, { eksaktGraense: 5, kandidater: 5, stikproeve: 2 })
    expect(under.totalErEstimat).toBe(false)
  })
})
