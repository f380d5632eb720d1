// The open API of the public registers: GraphQL at /graphql answering the national
// huslejenaevn.dk API's read queries (shapes, where/order/skip/take, totalCount, limits)
// and REST under /api/v1/register (shapes, problem+json errors, the OpenAPI document).
// Only published rows ever appear.
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { seedAfgoerelse, seedHusleje, statutory106 } from './api-seed.js'

interface GqlSvar {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a GraphQL answer's shape is what the tests assert
  data?: Record<string, any> | null
  errors?: { message: string; extensions?: { code?: string } }[]
}

describe('the open register API', () => {
  const w = useWorld()

  async function gql(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
    const res = await w.app.inject({ method: 'POST', url: '/graphql', payload: { query, variables }, headers })
    return { status: res.statusCode, body: res.json() as GqlSvar }
  }

  const decisionFelter = `id serialNumber caseIdentifier caseStatus url title municipalityCode municipalityName boardName decisiveBoard
    dateOfFiling dateOfDecision dateOfDismissal effectiveDate decisionDocumentId reasonForClosing inFavour submitter locallyInspected generalPublicInterest impositionOfFee
    subjects { id name decisiveBoard } statutories { lawId lawText chapterId chapterText sectionId sectionText }
    document { url fileName contentType }`

  describe('GraphQL', () => {
    it('when pagedDecisions is asked with where, order, skip and take, then items, pageInfo and totalCount match the published rows', async () => {
      // A municipality of this test's own, so the rows are ours.
      const kommune = { kommunekode: 147, kommunenavn: 'Frederiksberg' }
      const datoer = ['2024-03-01', '2024-05-10', '2024-08-20', '2025-01-05', '2023-12-31']
      const seedet = []
      for (const d of datoer) seedet.push(await seedAfgoerelse(w.db, { ...kommune, date_of_decision: d }))
      const ids = seedet.map((s) => s.id)
      await seedAfgoerelse(w.db, { ...kommune, date_of_decision: '2024-06-01', status: 'trukket_tilbage', status_begrundelse: 'Offentliggjort ved en fejl.' })

      const query = `query Side($skip: Int, $take: Int) {
        pagedDecisions(skip: $skip, take: $take, where: { municipalityCode: { eq: "147" }, dateOfDecision: { gte: "2024-01-01T00:00:00Z" } }, order: [{ dateOfDecision: DESC }]) {
          totalCount
          pageInfo { hasNextPage hasPreviousPage }
          items { ${decisionFelter} }
        }
      }`
      const side1 = await gql(query, { skip: 0, take: 2 })
      expect(side1.status).toBe(200)
      expect(side1.body.errors).toBeUndefined()
      const p = side1.body.data!.pagedDecisions
      const { n } = await w.db
        .selectFrom('register_afgoerelser')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'publiceret')
        .where('kommunekode', '=', 147)
        .where('date_of_decision', '>=', '2024-01-01')
        .executeTakeFirstOrThrow()
      expect(p.totalCount).toBe(Number(n))
      expect(p.totalCount).toBe(4)
      expect(p.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false })
      expect(p.items.map((i: { dateOfDecision: string }) => i.dateOfDecision)).toEqual(['2025-01-05T00:00:00.000Z', '2024-08-20T00:00:00.000Z'])
      const foerste = p.items[0]
      expect(foerste).toEqual({
        id: ids[3],
        serialNumber: seedet[3]!.serialNumber,
        caseIdentifier: seedet[3]!.serialNumber,
        caseStatus: 'CLOSED',
        dateOfDismissal: null,
        effectiveDate: '2025-01-05T00:00:00.000Z',
        decisionDocumentId: seedet[3]!.decisionDocumentId,
        url: `${w.config.publicUrl}/afgoerelser/${ids[3]}`,
        title: expect.any(String),
        municipalityCode: '147',
        municipalityName: 'Frederiksberg',
        boardName: 'Huslejenævnet i Testkommune',
        decisiveBoard: 'RENT_BOARD',
        dateOfFiling: '2025-01-15T00:00:00.000Z',
        dateOfDecision: '2025-01-05T00:00:00.000Z',
        reasonForClosing: 'IN_FAVOUR',
        inFavour: 'TENANT',
        submitter: 'TENANT',
        locallyInspected: 'HELD',
        generalPublicInterest: 'NO',
        impositionOfFee: 'YES',
        subjects: [{ id: 'vedligeholdelse', name: 'Vedligeholdelse', decisiveBoard: 'RENT_BOARD' }],
        statutories: [statutory106],
        document: { url: `${w.config.publicUrl}/afgoerelser/${ids[3]}.pdf`, fileName: `afgoerelse-${ids[3]}.pdf`, contentType: 'application/pdf' },
      })

      const side2 = (await gql(query, { skip: 2, take: 2 })).body.data!.pagedDecisions
      expect(side2.items.map((i: { dateOfDecision: string }) => i.dateOfDecision)).toEqual(['2024-05-10T00:00:00.000Z', '2024-03-01T00:00:00.000Z'])
      expect(side2.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true })
    })

    it('when a decision is withdrawn, then no query returns it, by list, page, id or filter', async () => {
      const { id } = await seedAfgoerelse(w.db, { kommunekode: 151, kommunenavn: 'Ballerup', status: 'trukket_tilbage', status_begrundelse: 'Anonymiseringen var utilstrækkelig.' })
      await seedHusleje(w.db, id, { kommunekode: 151, status: 'trukket_tilbage' })
      const svar = await gql(`{
        decisions(where: { id: { eq: ${id} } }) { id }
        pagedDecisions(where: { municipalityCode: { eq: "151" } }) { totalCount items { id } }
        decision(id: ${id}) { id }
        addresses(where: { decisionId: { eq: ${id} } }) { id }
        pagedAddresses(where: { municipalityCode: { eq: "151" } }) { totalCount }
      }`)
      expect(svar.body.errors).toBeUndefined()
      expect(svar.body.data).toEqual({ decisions: [], pagedDecisions: { totalCount: 0, items: [] }, decision: null, addresses: [], pagedAddresses: { totalCount: 0 } })
    })

    it('when where combines in, neq, lt, or and an enum, then the rows are those SQL finds', async () => {
      const kommune = { kommunekode: 153, kommunenavn: 'Brøndby' }
      await seedAfgoerelse(w.db, { ...kommune, reason_for_closing: 'REJECTED', in_favour: 'NOT_SET', date_of_decision: '2022-02-02' })
      await seedAfgoerelse(w.db, { ...kommune, reason_for_closing: 'SETTLEMENT', in_favour: 'SHARED', submitter: 'LANDLORD', date_of_decision: '2023-03-03' })
      await seedAfgoerelse(w.db, { ...kommune, reason_for_closing: 'IN_FAVOUR', in_favour: 'LANDLORD', submitter: null, naevn_type: 'RESIDENT_COMPLAINTS_BOARD', date_of_decision: '2024-04-04' })
      const svar = await gql(`{
        a: decisions(where: { municipalityCode: { in: ["153"] }, reasonForClosing: { in: [REJECTED, SETTLEMENT] } }, order: [{ dateOfDecision: ASC }]) { reasonForClosing }
        b: decisions(where: { municipalityCode: { eq: "153" }, submitter: { neq: TENANT } }, order: [{ dateOfDecision: ASC }]) { submitter }
        c: decisions(where: { municipalityCode: { eq: "153" }, dateOfDecision: { lt: "2023-03-03T00:00:00Z" } }) { dateOfDecision }
        d: decisions(where: { municipalityCode: { eq: "153" }, or: [{ inFavour: { eq: SHARED } }, { decisiveBoard: { eq: RESIDENT_COMPLAINTS_BOARD } }] }, order: [{ dateOfDecision: DESC }]) { inFavour decisiveBoard }
        e: decisions(where: { and: [{ municipalityCode: { eq: "153" } }, { dateOfDecision: { in: ["2022-02-02T00:00:00Z", "2024-04-04"] } }, { submitter: { eq: NOT_SET } }] }) { dateOfDecision }
      }`)
      expect(svar.body.errors).toBeUndefined()
      expect(svar.body.data).toEqual({
        a: [{ reasonForClosing: 'REJECTED' }, { reasonForClosing: 'SETTLEMENT' }],
        // neq keeps the rows without a value (NOT_SET), as the national API does.
        b: [{ submitter: 'LANDLORD' }, { submitter: 'NOT_SET' }],
        c: [{ dateOfDecision: '2022-02-02T00:00:00.000Z' }],
        d: [
          { inFavour: 'LANDLORD', decisiveBoard: 'RESIDENT_COMPLAINTS_BOARD' },
          { inFavour: 'SHARED', decisiveBoard: 'RENT_BOARD' },
        ],
        e: [{ dateOfDecision: '2024-04-04T00:00:00.000Z' }],
      })
      // The same filter as a variable, as clients with typed queries send it.
      const variabel = await gql('query($w: DecisionFilterInput) { decisions(where: $w) { reasonForClosing } }', { w: { municipalityCode: { eq: '153' }, reasonForClosing: { nin: ['REJECTED', 'SETTLEMENT'] } } })
      expect(variabel.body).toEqual({ data: { decisions: [{ reasonForClosing: 'IN_FAVOUR' }] } })
    })

    it('when take is 51, then the answer is an error, and 50 is allowed', async () => {
      const for_mange = await gql('{ pagedDecisions(take: 51) { totalCount } }')
      expect(for_mange.body.data ?? null).toBeNull()
      expect(for_mange.body.errors?.[0]?.extensions?.code).toBe('MAX_PAGE_SIZE_EXCEEDED')
      const som_variabel = await gql('query($t: Int) { decisions(take: $t) { id } }', { t: 51 })
      expect(som_variabel.body.errors?.[0]?.extensions?.code).toBe('MAX_PAGE_SIZE_EXCEEDED')
      const ok = await gql('{ pagedDecisions(take: 50) { totalCount items { id } } }')
      expect(ok.body.errors).toBeUndefined()
      expect(ok.body.data!.pagedDecisions.items.length).toBeLessThanOrEqual(50)
    })

    it('when a query is nested too deep, also through fragments, or costs too much, then it is refused before it runs', async () => {
      const dyb = await gql('{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }')
      expect(dyb.status).toBe(400)
      expect(dyb.body.errors?.length).toBeGreaterThan(0)

      const fragmenter = await gql(`
        query { pagedDecisions { items { ...A } } }
        fragment A on Decision { rents { ...B } subjects { id } }
        fragment B on Address { id }
      `)
      expect(fragmenter.body.errors).toBeUndefined()

      // Eight pages of 50 decisions, each with its rents and statutes: too much for one query.
      const dyr = await gql(`{ ${[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `p${i}: pagedDecisions(take: 50, skip: ${i * 50}) { items { ${decisionFelter} rents { id streetName rent } } }`).join('\n')} }`)
      expect(dyr.status).toBe(400)
      expect(dyr.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX')

      const lang = await gql(`{ municipalities { name } } # ${'x'.repeat(10_001)}`)
      expect(lang.status).toBe(400)
      expect(lang.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_LONG')
    })

    it('when GraphiQL-style introspection is asked, then it answers', async () => {
      const svar = await gql(`query IntrospectionQuery {
        __schema { queryType { name } types { ...FullType } directives { name locations args { ...InputValue } } }
      }
      fragment FullType on __Type {
        kind name description
        fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
        inputFields { ...InputValue } interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name isDeprecated } possibleTypes { ...TypeRef }
      }
      fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
      fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`)
      expect(svar.body.errors).toBeUndefined()
      const typer = (svar.body.data!.__schema.types as { name: string }[]).map((t) => t.name)
      expect(typer).toEqual(expect.arrayContaining(['Decision', 'DecisionFilterInput', 'DecisionSortInput', 'DecisionCollectionSegment', 'Address', 'Law', 'Municipality', 'Subject']))
    })

    it('when municipalities, laws and subjects are asked, then they have the national shapes', async () => {
      const svar = await gql(`{
        municipalities { municipalityCode name }
        laws { id text name chapters { id text sections { id text provisionId } } }
        subjects { id name decisiveBoard }
        rent: subjects(decisiveBoard: RENT_BOARD) { id }
      }`)
      expect(svar.body.errors).toBeUndefined()
      const d = svar.body.data!
      expect(d.municipalities).toHaveLength(98)
      expect(d.municipalities).toContainEqual({ municipalityCode: '101', name: 'København' })
      expect(d.laws.map((l: { id: string }) => l.id)).toEqual(['lejeloven', 'almenlejeloven', 'almenboligloven'])
      const lejeloven = d.laws[0]
      expect(lejeloven.text).toContain('Lov om leje')
      const paragraf106 = lejeloven.chapters.flatMap((k: { sections: { provisionId: string }[] }) => k.sections).find((s: { provisionId: string }) => s.provisionId === 'lejeloven:§106')
      expect(paragraf106).toMatchObject({ id: '106', text: expect.stringMatching(/^§ 106\. /) })
      expect(d.subjects).toContainEqual({ id: 'husleje', name: 'Huslejens størrelse', decisiveBoard: 'RENT_BOARD' })
      expect(d.subjects).toContainEqual({ id: 'fraflytning', name: 'Vedligeholdelse og istandsættelse ved fraflytning', decisiveBoard: 'RESIDENT_COMPLAINTS_BOARD' })
      expect(d.rent.length).toBeLessThan(d.subjects.length)
    })

    it('when pagedAddresses filters the rent register, then it gives the rent fields and the count', async () => {
      const { id, maerke } = await seedAfgoerelse(w.db, { kommunekode: 157, kommunenavn: 'Gentofte' })
      await seedHusleje(w.db, id, { kommunekode: 157, vejnavn: 'Strandvejen', husnummer: '100', postnr: '2900', postnavn: 'Hellerup', amount: '9800' })
      await seedHusleje(w.db, id, { kommunekode: 157, vejnavn: 'Strandvejen', husnummer: '102', postnr: '2900', postnavn: 'Hellerup', method: 'BASED_ON_EXPENSES', amount: '6100' })
      const svar = await gql(`{
        pagedAddresses(take: 1, where: { postalNumber: { eq: 2900 }, methodOfRentDetermination: { eq: BASED_ON_COMPARABLE_RENTS } }, order: { rent: DESC }) {
          totalCount
          items { designation streetName streetBuildingIdentifier floorIdentifier suiteIdentifier postalNumber postalDistrict municipalityCode municipalityName
                  methodOfRentDetermination declarationOfRent categoryOfRent rent grossArea dateOfRentDetermination decisionId }
        }
        alle: addresses(where: { streetName: { startsWith: "strandvej" } }, order: [{ rent: ASC }]) { rent }
        beloeb: addresses(where: { rent: { in: [6100, 1] }, municipalityCode: { eq: "157" } }) { streetBuildingIdentifier }
        decision(id: ${id}) { rents { streetBuildingIdentifier } text }
      }`)
      expect(svar.body.errors).toBeUndefined()
      expect(svar.body.data).toEqual({
        pagedAddresses: {
          totalCount: 1,
          items: [
            {
              designation: 'Strandvejen 100, 2900 Hellerup',
              streetName: 'Strandvejen',
              streetBuildingIdentifier: '100',
              floorIdentifier: null,
              suiteIdentifier: null,
              postalNumber: 2900,
              postalDistrict: 'Hellerup',
              municipalityCode: '157',
              municipalityName: 'København',
              methodOfRentDetermination: 'BASED_ON_COMPARABLE_RENTS',
              declarationOfRent: 'TENANCY_SPECIFIC_RENT',
              categoryOfRent: 'MONTHLY_RENT',
              rent: 9800,
              grossArea: 72,
              dateOfRentDetermination: '2025-05-01T00:00:00.000Z',
              decisionId: id,
            },
          ],
        },
        alle: [{ rent: 6100 }, { rent: 9800 }],
        beloeb: [{ streetBuildingIdentifier: '102' }],
        decision: { rents: [{ streetBuildingIdentifier: '100' }, { streetBuildingIdentifier: '102' }], text: expect.stringContaining(maerke) },
      })
    })

    it('when where names a bad date or a field that is not filterable, then GraphQL says so', async () => {
      const dato = await gql('{ decisions(where: { dateOfDecision: { gte: "2024-13-01" } }) { id } }')
      expect(dato.body.errors?.[0]?.message).toContain('ISO 8601 date-time')
      const felt = await gql('{ decisions(where: { tekst: { eq: "x" } }) { id } }')
      expect(felt.status).toBe(400)
      expect(felt.body.errors?.length).toBeGreaterThan(0)
      // The value of a filter is data, never SQL.
      const injektion = await gql(`{ decisions(where: { municipalityName: { eq: "x' OR 1=1 --" } }) { id } }`)
      expect(injektion.body).toEqual({ data: { decisions: [] } })
    })

    it('when a web page on another origin asks, then the preflight allows X-API-KEY and the answer may be read', async () => {
      const preflight = await w.app.inject({ method: 'OPTIONS', url: '/graphql', headers: { origin: 'https://lejer-app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-api-key' } })
      expect(preflight.statusCode).toBe(204)
      expect(preflight.headers['access-control-allow-origin']).toBe('*')
      expect(preflight.headers['access-control-allow-headers']).toContain('x-api-key')
      expect((await gql('{ municipalities { name } }')).status).toBe(200)
      const svar = await w.app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ subjects { id } }' } })
      expect(svar.headers['access-control-allow-origin']).toBe('*')
      expect((await w.app.inject({ method: 'OPTIONS', url: '/api/v1/register/huslejer' })).headers['access-control-allow-methods']).toBe('GET')
      // Nothing else in the application opens itself to other origins.
      expect((await w.app.inject('/api/v1/naevn')).headers['access-control-allow-origin']).toBeUndefined()
    })

    it('when GraphiQL is not switched on, then /graphiql does not exist', async () => {
      expect((await w.app.inject('/graphiql')).statusCode).toBe(404)
    })
  })

  describe('REST', () => {
    it('when a published decision is asked by id, then it has metadata, text, statutes, rents and the PDF URL', async () => {
      const { id, maerke } = await seedAfgoerelse(w.db, { kommunekode: 159, kommunenavn: 'Gladsaxe' })
      await seedHusleje(w.db, id, { kommunekode: 159 })
      const res = await w.app.inject(`/api/v1/register/afgoerelser/${id}`)
      expect(res.statusCode).toBe(200)
      const a = res.json()
      expect(a).toMatchObject({
        id,
        url: `${w.config.publicUrl}/afgoerelser/${id}`,
        pdfUrl: `${w.config.publicUrl}/afgoerelser/${id}.pdf`,
        decisiveBoard: 'RENT_BOARD',
        municipalityCode: 159,
        municipalityName: 'Gladsaxe',
        dateOfDecision: '2025-06-01',
        reasonForClosing: 'IN_FAVOUR',
        subjects: [{ kode: 'vedligeholdelse', label: 'Vedligeholdelse' }],
        statutories: [statutory106],
        huslejer: [{ street: 'Nørregade', houseNumber: '12', postalCode: '1165', amount: 7500, method: 'BASED_ON_COMPARABLE_RENTS' }],
      })
      expect(a.tekst).toContain(maerke)
      expect(a).not.toHaveProperty('afgoerelseId')
    })

    it('when the id is unknown or not a number, then 404 problem+json', async () => {
      for (const url of ['/api/v1/register/afgoerelser/999999999', '/api/v1/register/afgoerelser/abc', '/api/v1/register/afgoerelser/1%27%20OR%201=1']) {
        const res = await w.app.inject(url)
        expect(res.statusCode, url).toBe(404)
        expect(res.headers['content-type']).toContain('application/problem+json')
        expect(res.json()).toMatchObject({ status: 404, code: 'AfgoerelseIkkeFundet' })
      }
    })

    it('when the decision was withdrawn, then 410 problem+json with the reason and nothing of its text', async () => {
      const { id, maerke } = await seedAfgoerelse(w.db, { status: 'trukket_tilbage', status_begrundelse: 'Afgørelsen er ophævet af boligretten.' })
      const res = await w.app.inject(`/api/v1/register/afgoerelser/${id}`)
      expect(res.statusCode).toBe(410)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.json()).toMatchObject({ status: 410, code: 'AfgoerelseTrukketTilbage', begrundelse: 'Afgørelsen er ophævet af boligretten.' })
      expect(res.body).not.toContain(maerke)
    })

    it('when the search is called, then it answers with the shared search function’s hits and facets', async () => {
      const { id, maerke } = await seedAfgoerelse(w.db, { kommunekode: 161, kommunenavn: 'Glostrup' })
      const res = await w.app.inject(`/api/v1/register/afgoerelser?q=${maerke}&kommunekode=161`)
      expect(res.statusCode).toBe(200)
      const r = res.json()
      expect(r).toMatchObject({ total: 1, side: 1, perSide: 20, hits: [{ id, kommunenavn: 'Glostrup', url: `${w.config.publicUrl}/afgoerelser/${id}` }] })
      expect(r.facetter).toHaveProperty('kommune')
      const bad = await w.app.inject('/api/v1/register/afgoerelser?perSide=51')
      expect(bad.statusCode).toBe(400)
      expect(bad.headers['content-type']).toContain('application/problem+json')
      const badDato = await w.app.inject('/api/v1/register/afgoerelser?fra=2024-02-30')
      expect(badDato.statusCode).toBe(400)
      expect(badDato.json().code).toBe('UgyldigSoegning')
    })

    it('when the rent register is filtered by postal code, method and a misspelt address, then the published rents match', async () => {
      const { id } = await seedAfgoerelse(w.db, { kommunekode: 163 })
      await seedHusleje(w.db, id, { kommunekode: 163, vejnavn: 'Vesterbrogade', husnummer: '7', postnr: '1620', postnavn: 'København V' })
      await seedHusleje(w.db, id, { kommunekode: 163, vejnavn: 'Vesterbrogade', husnummer: '9', postnr: '1620', postnavn: 'København V', status: 'trukket_tilbage' })
      const filtreret = (await w.app.inject('/api/v1/register/huslejer?postnr=1620&method=BASED_ON_COMPARABLE_RENTS')).json()
      expect(filtreret.total).toBe(1)
      expect(filtreret.items[0]).toMatchObject({ street: 'Vesterbrogade', houseNumber: '7', postalCode: '1620', afgoerelseId: id, rentPerSquareMeterPerYear: 1250 })
      const stavefejl = (await w.app.inject(`/api/v1/register/huslejer?kommunekode=163&adresse=${encodeURIComponent('Vesterbrogde 7')}`)).json()
      expect(stavefejl.items.map((h: { houseNumber: string }) => h.houseNumber)).toEqual(['7'])
      expect((await w.app.inject('/api/v1/register/huslejer?postnr=abc')).statusCode).toBe(400)
    })

    it('when the reference lists are asked, then municipalities, laws with chapters and subjects per board type come back', async () => {
      const kommuner = (await w.app.inject('/api/v1/register/kommuner')).json()
      expect(kommuner.items).toContainEqual({ municipalityCode: 147, name: 'Frederiksberg' })
      const love = (await w.app.inject('/api/v1/register/love')).json()
      expect(love.items[0]).toMatchObject({ lawId: 'lejeloven', chapters: expect.any(Array) })
      expect(love.items[0].chapters[0]).toMatchObject({ chapterId: '1', sections: expect.arrayContaining([expect.objectContaining({ id: 'lejeloven:§1', sectionId: '1' })]) })
      const omraader = (await w.app.inject('/api/v1/register/sagsomraader?naevnType=RESIDENT_COMPLAINTS_BOARD')).json()
      expect(omraader.items).toContainEqual({ kode: 'beboerdemokrati', label: 'Lovligheden af beslutninger i beboerdemokratiet', naevnType: 'RESIDENT_COMPLAINTS_BOARD' })
      expect(omraader.items.every((o: { naevnType: string }) => o.naevnType === 'RESIDENT_COMPLAINTS_BOARD')).toBe(true)
    })

    it('when the OpenAPI document is read, then it lists the register routes', async () => {
      const doc = (await w.app.inject('/api/docs/json')).json()
      for (const p of ['/api/v1/register/afgoerelser', '/api/v1/register/afgoerelser/{id}', '/api/v1/register/huslejer', '/api/v1/register/kommuner', '/api/v1/register/love', '/api/v1/register/sagsomraader']) {
        expect(doc.paths, p).toHaveProperty([p, 'get'])
      }
      expect(doc.paths['/api/v1/register/afgoerelser/{id}'].get.responses).toHaveProperty('410')
    })
  })
})
