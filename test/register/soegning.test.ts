// The afgørelsesregister's search (soeg): Danish stemming, websearch syntax, every
// filter, facets that agree with the result set, both sort orders, stable and complete
// pages, withdrawn rows never shown, escaped excerpts, and validation of bad input.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { createNaevn } from '../helpers/factories.js'
import { soeg, type SoegeParametre, type Soegeresultat } from '../../server/modules/register/soegning.js'
import { ValidationError } from '../../server/errors.js'

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
})
