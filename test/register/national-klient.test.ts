// A client written against the national huslejenaevn.dk GraphQL API, pointed at this
// installation, must run unchanged. The query texts marked "verbatim" are copied from a
// public third-party client of gql.huslejenaevn.dk: esbenbsmith/Stepflow, scripts/sync.ts
// (its Sync, FilingYearRange and Municipalities queries, and the templates of its
// per-reason and per-municipality count queries). The rest follow the same shapes.
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { seedAfgoerelse, seedHusleje } from './api-seed.js'

interface GqlSvar {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a GraphQL answer's shape is what the tests assert
  data?: Record<string, any> | null
  errors?: { message: string; extensions?: { code?: string } }[]
}

const REASON_FOR_CLOSING_VALUES = ['NOT_SET', 'DISMISSED', 'IN_FAVOUR', 'REJECTED', 'SETTLEMENT', 'IN_PARTIAL_FAVOUR'] as const

// Verbatim (esbenbsmith/Stepflow scripts/sync.ts).
const QUERY = `
  query Sync($skip: Int!, $take: Int!) {
    pagedDecisions(
      skip: $skip
      take: $take
      order: { id: ASC }
      where: { dateOfFiling: { neq: null }, dateOfDecision: { neq: null } }
    ) {
      totalCount
      items {
        id
        municipalityCode
        municipalityName
        dateOfFiling
        dateOfDecision
        decisiveBoard
        inFavour
        reasonForClosing
        statutories {
          lawId
          lawText
          chapterId
          chapterText
          sectionId
          sectionText
        }
      }
    }
  }
`

// Verbatim (esbenbsmith/Stepflow scripts/sync.ts).
const FILING_YEAR_RANGE_QUERY = `
  query FilingYearRange {
    oldest: pagedDecisions(skip: 0, take: 1, order: { dateOfFiling: ASC }, where: { dateOfFiling: { neq: null } }) {
      items { dateOfFiling }
    }
    newest: pagedDecisions(skip: 0, take: 1, order: { dateOfFiling: DESC }, where: { dateOfFiling: { neq: null } }) {
      items { dateOfFiling }
    }
  }
`

// Verbatim (esbenbsmith/Stepflow scripts/sync.ts).
const MUNICIPALITIES_QUERY = `
  query Municipalities {
    municipalities {
      municipalityCode
      name
    }
  }
`

// The template of Stepflow's per-reason counts for a date range (one alias per reason).
function reasonForClosingRangeQuery(dateField: string, gte: string, lt: string): string {
  const fields = REASON_FOR_CLOSING_VALUES.map(
    (v) => `${v}: pagedDecisions(skip: 0, take: 1, where: { ${dateField}: { gte: "${gte}", lt: "${lt}" }, reasonForClosing: { eq: ${v} } }) { totalCount }`,
  ).join('\n    ')
  return `query ReasonForClosingForRange { ${fields} }`
}

// The template of Stepflow's per-municipality counts: one alias per year.
function municipalityYearCountsQuery(code: string, firstYear: number, lastYear: number): string {
  const fields: string[] = []
  for (let year = firstYear; year <= lastYear; year++) {
    fields.push(
      `y${year}: pagedDecisions(skip: 0, take: 1, where: { municipalityCode: { eq: "${code}" }, dateOfFiling: { gte: "${year}-01-01T00:00:00Z", lt: "${year + 1}-01-01T00:00:00Z" } }) { totalCount }`,
    )
  }
  return `query MunicipalityYearCounts { ${fields.join('\n    ')} }`
}

describe('a client of the national API pointed at this register', () => {
  const w = useWorld()

  async function gql(query: string, variables?: Record<string, unknown>, url = '/graphql') {
    const res = await w.app.inject({ method: 'POST', url, payload: { query, variables }, headers: { 'content-type': 'application/json' } })
    return { status: res.statusCode, body: res.json() as GqlSvar }
  }

  // A register of this file's own municipality: every closing reason in 2023 and 2024,
  // dismissals among them (one filed in 2023, dismissed in 2024), and a withdrawn decision.
  const KOMMUNE = { kommunekode: 165, kommunenavn: 'Albertslund' }
  const FORVENTET: Record<number, Record<string, number>> = {
    2023: { NOT_SET: 1, DISMISSED: 2, IN_FAVOUR: 2, REJECTED: 1, SETTLEMENT: 1, IN_PARTIAL_FAVOUR: 1 },
    2024: { NOT_SET: 0, DISMISSED: 1, IN_FAVOUR: 1, REJECTED: 2, SETTLEMENT: 1, IN_PARTIAL_FAVOUR: 1 },
  }
  async function byg() {
    const ids: { id: number; aarsag: string; filed: string; closed: string }[] = []
    for (const [aar, pr] of Object.entries(FORVENTET)) {
      let n = 0
      for (const [aarsag, antal] of Object.entries(pr)) {
        for (let i = 0; i < antal; i++) {
          n++
          const filed = `${aar}-${String((n % 12) + 1).padStart(2, '0')}-1${i}`
          const closed = aarsag === 'DISMISSED' && aar === '2023' && i === 1 ? '2024-01-20' : `${Number(aar) + (n % 2)}-0${(n % 9) + 1}-0${i + 1}`
          const { id } = await seedAfgoerelse(w.db, { ...KOMMUNE, reason_for_closing: aarsag, in_favour: aarsag === 'IN_FAVOUR' ? 'TENANT' : 'NOT_SET', date_of_filing: filed, date_of_decision: closed })
          ids.push({ id, aarsag, filed, closed })
        }
      }
    }
    const trukket = await seedAfgoerelse(w.db, { ...KOMMUNE, date_of_filing: '2024-03-03', status: 'trukket_tilbage', status_begrundelse: 'Anonymiseringen var utilstrækkelig.' })
    return { ids, trukket }
  }
  let verden: Awaited<ReturnType<typeof byg>> | undefined
  const register = async () => (verden ??= await byg())

  it('when a client syncs every decision page by page with or over decision and dismissal dates and order { id: ASC }, then it gets each published one once, a dismissal with its dateOfDismissal', async () => {
    const { ids, trukket } = await register()
    const sync = `query Sync($skip: Int!, $take: Int!) {
      pagedDecisions(skip: $skip, take: $take, order: { id: ASC },
                     where: { or: [{ dateOfDecision: { neq: null } }, { dateOfDismissal: { neq: null } }] }) {
        totalCount
        pageInfo { hasNextPage }
        items { id serialNumber municipalityCode dateOfFiling dateOfDecision dateOfDismissal effectiveDate reasonForClosing decisionDocumentId }
      }
    }`
    const set: { id: number; dateOfDecision: string | null; dateOfDismissal: string | null; effectiveDate: string | null; reasonForClosing: string; municipalityCode: string }[] = []
    let totalCount = Infinity
    for (let skip = 0; skip < totalCount; skip += 4) {
      const svar = await gql(sync, { skip, take: 4 })
      expect(svar.body.errors).toBeUndefined()
      totalCount = svar.body.data!.pagedDecisions.totalCount
      set.push(...svar.body.data!.pagedDecisions.items)
      if (!svar.body.data!.pagedDecisions.pageInfo.hasNextPage) break
    }
    expect(set).toHaveLength(totalCount)
    const sete = set.map((d) => d.id)
    expect(sete).toEqual([...new Set(sete)].sort((a, b) => a - b))
    expect(sete).toEqual(expect.arrayContaining(ids.map((d) => d.id)))
    expect(sete).not.toContain(trukket.id)
    for (const d of ids) {
      const fundet = set.find((x) => x.id === d.id)!
      expect(fundet.municipalityCode).toBe('165')
      expect(fundet.reasonForClosing).toBe(d.aarsag)
      if (d.aarsag === 'DISMISSED') {
        expect(fundet.dateOfDecision).toBeNull()
        expect(new Date(fundet.dateOfDismissal!).toISOString().slice(0, 10)).toBe(d.closed)
      } else {
        expect(fundet.dateOfDismissal).toBeNull()
        expect(fundet.dateOfDecision!.slice(0, 10)).toBe(d.closed)
        expect(fundet.effectiveDate).toBe(fundet.dateOfDecision)
      }
    }

    // The client's own sync (verbatim) leaves the dismissals out: they have no dateOfDecision.
    const verbatim = await gql(QUERY, { skip: 0, take: 50 })
    expect(verbatim.body.errors).toBeUndefined()
    const uden = verbatim.body.data!.pagedDecisions.items.map((d: { id: number }) => d.id)
    expect(uden).toEqual(expect.arrayContaining(ids.filter((d) => d.aarsag !== 'DISMISSED').map((d) => d.id)))
    for (const d of ids.filter((x) => x.aarsag === 'DISMISSED')) expect(uden).not.toContain(d.id)
  })

  it('when the client asks the year range (verbatim), then the first and last filing dates parse with new Date', async () => {
    await register()
    const svar = await gql(FILING_YEAR_RANGE_QUERY)
    expect(svar.body.errors).toBeUndefined()
    const oldest: string = svar.body.data!.oldest.items[0].dateOfFiling
    const newest: string = svar.body.data!.newest.items[0].dateOfFiling
    expect(oldest).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/)
    expect(new Date(oldest).getUTCFullYear()).toBeLessThanOrEqual(2023)
    expect(new Date(newest).getUTCFullYear()).toBeGreaterThanOrEqual(2024)
    expect(new Date(oldest).getTime()).toBeLessThan(new Date(newest).getTime())
  })

  it('when the client counts per reason per year with date-time bounds, 15 aliases in one request, then the counts are the register and add up to the total', async () => {
    const { ids } = await register()
    const kommune = `municipalityCode: { eq: "165" }`
    const aarAliaser = (aar: number) => [
      ...REASON_FOR_CLOSING_VALUES.map((v) => `r${aar}_${v}: pagedDecisions(skip: 0, take: 1, where: { ${kommune}, dateOfFiling: { gte: "${aar}-01-01T00:00:00Z", lt: "${aar + 1}-01-01T00:00:00Z" }, reasonForClosing: { eq: ${v} } }) { totalCount }`),
      `t${aar}: pagedDecisions(skip: 0, take: 1, where: { ${kommune}, dateOfFiling: { gte: "${aar}-01-01T00:00:00Z", lt: "${aar + 1}-01-01T00:00:00Z" } }) { totalCount }`,
    ]
    const aliaser = [...aarAliaser(2023), ...aarAliaser(2024), `alle: pagedDecisions(skip: 0, take: 1, where: { ${kommune} }) { totalCount }`]
    expect(aliaser).toHaveLength(15)
    const svar = await gql(`query Counts { ${aliaser.join('\n')} }`)
    expect(svar.status).toBe(200)
    expect(svar.body.errors).toBeUndefined()
    const d = svar.body.data!
    for (const aar of [2023, 2024]) {
      const pr = REASON_FOR_CLOSING_VALUES.map((v) => d[`r${aar}_${v}`].totalCount as number)
      expect(Object.fromEntries(REASON_FOR_CLOSING_VALUES.map((v, i) => [v, pr[i]]))).toEqual(FORVENTET[aar])
      expect(pr.reduce((a, b) => a + b, 0)).toBe(d[`t${aar}`].totalCount)
    }
    expect(d.t2023.totalCount + d.t2024.totalCount).toBe(d.alle.totalCount)
    expect(d.alle.totalCount).toBe(ids.length)

    // Stepflow's own templates: six reasons by decision date (dismissals have none, so
    // they count by dateOfDismissal), and fifteen years for one municipality.
    const perAarsag = await gql(reasonForClosingRangeQuery('dateOfDecision', '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'))
    expect(perAarsag.body.errors).toBeUndefined()
    expect(perAarsag.body.data!.DISMISSED.totalCount).toBe(0)
    const afgjort2024 = ids.filter((x) => x.aarsag !== 'DISMISSED' && x.closed.startsWith('2024')).length
    expect(REASON_FOR_CLOSING_VALUES.reduce((s, v) => s + (perAarsag.body.data![v].totalCount as number), 0)).toBe(afgjort2024)
    const afskedigede = await gql(reasonForClosingRangeQuery('dateOfDismissal', '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'))
    expect(afskedigede.body.data!.DISMISSED.totalCount).toBe(ids.filter((x) => x.aarsag === 'DISMISSED' && x.closed.startsWith('2024')).length)

    const femten = await gql(municipalityYearCountsQuery('165', 2011, 2025))
    expect(femten.body.errors).toBeUndefined()
    expect(Object.keys(femten.body.data!)).toHaveLength(15)
    expect(femten.body.data!.y2023.totalCount).toBe(ids.filter((x) => x.filed.startsWith('2023')).length)
    expect(femten.body.data!.y2011.totalCount).toBe(0)
  })

  it('when a request asks 300 aliased counts, then it is refused as too costly before it runs', async () => {
    // Short aliases, so the query is within the length limit and it is the cost that refuses it.
    const aliaser = Array.from({ length: 300 }, (_, i) => `a${i}:pagedDecisions{totalCount}`)
    const svar = await gql(`{${aliaser.join(' ')}}`)
    expect(svar.status).toBe(400)
    expect(svar.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX')
  })

  it('when the client asks the municipalities (verbatim) at /, then it gets the 98 with codes as strings', async () => {
    for (const url of ['/', '/graphql']) {
      const svar = await gql(MUNICIPALITIES_QUERY, undefined, url)
      expect(svar.status).toBe(200)
      const m = svar.body.data!.municipalities as { municipalityCode: string; name: string }[]
      expect(m).toHaveLength(98)
      expect(m).toContainEqual({ municipalityCode: '101', name: 'København' })
      expect(m).toContainEqual({ municipalityCode: '165', name: 'Albertslund' })
    }
    // GET / is still the front page.
    const forside = await w.app.inject({ method: 'GET', url: '/' })
    expect(forside.headers['content-type']).toContain('text/html')
  })

  it('when decisions are filtered by subject and statute, and publications are asked, then the rows are those SQL finds', async () => {
    const { id: husleje } = await seedAfgoerelse(w.db, { kommunekode: 167, kommunenavn: 'Hvidovre', subjects: ['husleje'], subject_labels: ['Huslejens størrelse'] })
    const { id: vedligehold } = await seedAfgoerelse(w.db, { kommunekode: 167, kommunenavn: 'Hvidovre' })
    const k = `municipalityCode: { eq: "167" }`
    const svar = await gql(`{
      emne: decisions(where: { ${k}, subjects: { some: { id: { eq: "husleje" } } } }) { id }
      ikkeEmne: decisions(where: { ${k}, subjects: { none: { id: { in: ["husleje"] } } } }) { id }
      paragraf: decisions(where: { ${k}, statutories: { some: { lawId: { eq: "lejeloven" }, sectionId: { eq: "106" } } } }, order: { id: ASC }) { id }
      andenParagraf: decisions(where: { ${k}, statutories: { some: { sectionId: { eq: "107" } } } }) { id }
      pagedPublications(take: 1, where: { ${k} }, order: { id: DESC }) { totalCount items { id title dateOfPublishing decisionDocumentId decision { id } } }
    }`)
    expect(svar.body.errors).toBeUndefined()
    const d = svar.body.data!
    expect(d.emne).toEqual([{ id: husleje }])
    expect(d.ikkeEmne).toEqual([{ id: vedligehold }])
    expect(d.paragraf).toEqual([{ id: husleje }, { id: vedligehold }])
    expect(d.andenParagraf).toEqual([])
    expect(d.pagedPublications.totalCount).toBe(2)
    expect(d.pagedPublications.items[0]).toMatchObject({ id: vedligehold, decision: { id: vedligehold }, title: expect.any(String) })
    expect(Number.isNaN(new Date(d.pagedPublications.items[0].dateOfPublishing).getTime())).toBe(false)
  })

  it('when a rent is asked with the national address fields, then they are filled', async () => {
    const { id } = await seedAfgoerelse(w.db, { kommunekode: 169, kommunenavn: 'Høje-Taastrup' })
    await seedHusleje(w.db, id, { kommunekode: 169, vejnavn: 'Bygaden', husnummer: '7', postnr: '2630', postnavn: 'Taastrup', amount: '8200' })
    const svar = await gql(`{ pagedAddresses(where: { municipalityCode: { eq: "169" } }) { totalCount items {
      designation streetName streetBuildingIdentifier postalNumber municipalityCode methodOfRentDetermination declarationOfRent categoryOfRent rent grossArea dateOfRentDetermination } } }`)
    expect(svar.body.errors).toBeUndefined()
    expect(svar.body.data!.pagedAddresses.items).toEqual([
      {
        designation: 'Bygaden 7, 2630 Taastrup',
        streetName: 'Bygaden',
        streetBuildingIdentifier: '7',
        postalNumber: 2630,
        municipalityCode: '169',
        methodOfRentDetermination: 'BASED_ON_COMPARABLE_RENTS',
        declarationOfRent: 'TENANCY_SPECIFIC_RENT',
        categoryOfRent: 'MONTHLY_RENT',
        rent: 8200,
        grossArea: 72,
        dateOfRentDetermination: '2025-05-01T00:00:00.000Z',
      },
    ])
  })

  describe('the decision document, GET /api/decisiondocument/:id', () => {
    it('when the GUID of a published decision is asked, then its PDF answers', async () => {
      const { id } = await seedAfgoerelse(w.db, { kommunekode: 173, kommunenavn: 'Lyngby-Taarbæk' })
      const guid = (await gql(`{ decision(id: ${id}) { decisionDocumentId } }`)).body.data!.decision.decisionDocumentId as string
      expect(guid).toMatch(/^[0-9a-f-]{36}$/)
      const res = await w.app.inject({ method: 'GET', url: `/api/decisiondocument/${guid}` })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('application/pdf')
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    })

    it('when the GUID is of a withdrawn decision, unknown or malformed, then the answer is a problem+json 404 (400 for a malformed one)', async () => {
      const { decisionDocumentId } = await seedAfgoerelse(w.db, { kommunekode: 173, kommunenavn: 'Lyngby-Taarbæk', status: 'trukket_tilbage', status_begrundelse: 'En part kunne genkendes.' })
      for (const guid of [decisionDocumentId, '3f2504e0-4f89-11d3-9a0c-0305e82c3301']) {
        const res = await w.app.inject({ method: 'GET', url: `/api/decisiondocument/${guid}` })
        expect(res.statusCode).toBe(404)
        expect(res.headers['content-type']).toContain('application/problem+json')
        expect(res.body).not.toContain('En part kunne genkendes')
      }
      const daarlig = await w.app.inject({ method: 'GET', url: '/api/decisiondocument/123' })
      expect(daarlig.statusCode).toBe(400)
      expect(daarlig.headers['content-type']).toContain('application/problem+json')
    })
  })
})
