// The public register pages with real cases: filed, decided, anonymized, approved and
// published by the worker (sider-hjaelp.ts). Every public route is fetched and must not
// show the parties' names, the CPR number or the address with floor and door; a decision
// that is not approved is nowhere; a withdrawn one leaves search and exports and its page
// says why; pages answer 304 to a matching If-None-Match; bad input gives a Danish
// message and keeps what was typed.
import { beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { useWorkers } from '../helpers/workers.js'
import { Agent } from '../helpers/agent.js'
import { createUser } from '../helpers/factories.js'
import { pageTexts } from '../documents/pdfjs.js'
import { endeligSag, HEMMELIGHEDER, publiceretSag, sagsbehandling, type Sagsbehandling } from '../helpers/afgoerelse.js'

// Today in Copenhagen: the decisions are made the day they are filed (processing time 0).
const idag = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date())
const aar = Number(idag.slice(0, 4))

describe('the public register pages', () => {
  const w = useWorld()
  useWorkers(w)
  let s: Sagsbehandling
  let a = 0 // published: vedligeholdelse, lejeloven § 106
  let b = 0 // published: same § and area as a, its own words
  let ikkeGodkendtSag = ''
  let naevnNavn = ''

  beforeAll(async () => {
    s = await sagsbehandling(w)
    ;({ id: a } = await publiceretSag(w, s, { afgoerelsesdato: idag }))
    ;({ id: b } = await publiceretSag(w, s, {
      afgoerelsesdato: idag,
      afslutningsaarsag: 'IN_FAVOUR',
      afgoerelse_tekst: 'Nævnet giver lejer medhold. Tagrenderne skal udskiftes, og udlejer skal betale for fugtskaden.',
    }))
    // Final, but its anonymization is never approved.
    ikkeGodkendtSag = await endeligSag(w, s, { afgoerelsesdato: idag, afgoerelse_tekst: 'Nævnet finder, at kakkelovnen skal efterses af en skorstensfejer.' })
    naevnNavn = (await w.db.selectFrom('register_afgoerelser').select('naevn_navn').where('id', '=', a).executeTakeFirstOrThrow()).naevn_navn
  }, 120_000)

  const get = (url: string, headers: Record<string, string> = {}) => w.app.inject({ method: 'GET', url, headers })
  /** Handlebars writes = as &#x3D; in attributes. */
  const attr = (body: string) => body.replace(/&#x3D;/g, '=')

  it('when every public route is fetched, then none shows a party name, the CPR number (with or without hyphen) or the address with floor and door', async () => {
    const ruter = [
      '/',
      '/afgoerelser',
      '/afgoerelser?q=fugtskaden',
      '/afgoerelser?q=%22n%C3%B8rregade%2012%22',
      `/afgoerelser?q=vedligeholde&naevnType=RENT_BOARD&kommunekode=101&emne=vedligeholdelse&udfald=IN_PARTIAL_FAVOUR&medhold=TENANT&fra=01.01.${aar}&til=31.12.${aar}&lov=${encodeURIComponent('lejeloven:§106')}&sortering=dato`,
      `/afgoerelser/${a}`,
      `/afgoerelser/${b}`,
      '/love/lejeloven/106',
      '/huslejeregister',
      '/huslejeregister?adresse=N%C3%B8rregade',
      '/huslejeregister?kommunekode=101&metode=BASED_ON_COMPARABLE_RENTS',
      '/huslejeregister?postnr=1165&format=csv',
      '/statistik',
      '/data',
      '/data/afgoerelser.csv',
      '/data/afgoerelser.ndjson',
      '/data/huslejeregister.csv',
      '/data/huslejeregister.ndjson',
      '/api/v1/register/afgoerelser',
      '/api/v1/register/afgoerelser?q=fugtskaden',
      `/api/v1/register/afgoerelser/${a}`,
      '/api/v1/register/huslejer',
      '/api/v1/register/huslejer?adresse=N%C3%B8rregade',
    ]
    for (const url of ruter) {
      const res = await get(url)
      expect(res.statusCode, url).toBe(200)
      for (const h of HEMMELIGHEDER) expect(res.body, `${url} shows ${h}`).not.toContain(h)
    }
    const graphql = await w.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: '{ decisions(take: 50) { id title municipalityName } addresses(take: 50) { designation streetName streetBuildingIdentifier floorIdentifier suiteIdentifier postalNumber } }' },
    })
    expect(graphql.statusCode).toBe(200)
    for (const h of HEMMELIGHEDER) expect(graphql.body).not.toContain(h)

    const pdf = await get(`/afgoerelser/${a}.pdf`)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    const tekst = (await pageTexts(pdf.rawPayload)).join('\n')
    expect(tekst).toContain('Afgørelse (anonymiseret)')
    for (const h of HEMMELIGHEDER) expect(tekst).not.toContain(h)

    // The search found what it should, so the pages above were not simply empty.
    expect((await get('/afgoerelser?q=fugtskaden')).body).toContain(`href="/afgoerelser/${a}"`)
    // Searching for a party's name finds nothing (the page repeats only what was typed).
    expect((await get('/afgoerelser?q=Lise%20Lejer')).body).toContain('Ingen afgørelser matcher søgningen')
    expect((await get('/afgoerelser?q=010190-1234')).body).toContain('Ingen afgørelser matcher søgningen')
  })

  it('when a decision is opened, then its page shows the metadata, the sections, the statute with a link to its text, the related decision and the PDF link', async () => {
    const res = await get(`/afgoerelser/${a}`)
    expect(res.body).toContain('<dt>Udfald</dt><dd>Afsluttet med afgørelse om delvist medhold</dd>')
    expect(res.body).toContain('<dt>Medhold</dt><dd>Lejer</dd>')
    expect(res.body).toContain('<dt>Besigtigelse</dt><dd>Afholdt</dd>')
    expect(res.body).toContain('<dt>Gebyrpålæggelse</dt><dd>Ja</dd>')
    expect(res.body).toContain('<dt>Kommune</dt><dd>København</dd>')
    expect(res.body).toContain('<h2>Sagsfremstilling</h2>')
    expect(res.body).toContain('<h2>Lovgrundlag og begrundelse</h2>')
    expect(res.body).toContain('href="/love/lejeloven/106"')
    expect(res.body).toContain(`href="/afgoerelser/${a}.pdf"`)
    // b cites the same § in the same area: related.
    expect(res.body).toContain(`href="/afgoerelser/${b}"`)

    const lov = await get('/love/lejeloven/106')
    expect(lov.body).toContain('<h1>Lejeloven § 106</h1>')
    expect(lov.body).toContain('2 offentliggjorte afgørelser henviser til bestemmelsen.')
    expect(attr(lov.body)).toContain(`href="/afgoerelser?lov=${encodeURIComponent('lejeloven:§106')}"`)
    expect((await get('/love/lejeloven/99999')).statusCode).toBe(404)
    expect((await get('/love/grundloven/1')).statusCode).toBe(404)
  })

  it('when the PDF column is empty (a bulk import), then the download renders it through the shared renderer and stores it', async () => {
    await w.db.updateTable('register_afgoerelser').set({ pdf: null }).where('id', '=', b).execute()
    const res = await get(`/afgoerelser/${b}.pdf`)
    expect(res.statusCode).toBe(200)
    const tekst = (await pageTexts(res.rawPayload)).join('\n')
    expect(tekst).toContain('Tagrenderne skal udskiftes')
    expect(tekst).toContain(`/afgoerelser/${b}`)
    const gemt = await w.db.selectFrom('register_afgoerelser').select('pdf').where('id', '=', b).executeTakeFirstOrThrow()
    expect(gemt.pdf?.equals(res.rawPayload)).toBe(true)
  })

  it('when an id is unknown or not a number, then the Danish 404 page answers', async () => {
    for (const url of ['/afgoerelser/99999999', '/afgoerelser/abc', '/afgoerelser/0', '/afgoerelser/99999999.pdf']) {
      const res = await get(url)
      expect(res.statusCode, url).toBe(404)
      expect(res.body).toContain('Siden findes ikke')
    }
  })

  it('when a decision is final but its anonymization not approved, then it is on no page, in no search and in no export, and the next id is not found', async () => {
    const afg = await w.db.selectFrom('afgoerelser').select(['id', 'publicering']).where('sag_id', '=', ikkeGodkendtSag).executeTakeFirstOrThrow()
    expect(afg.publicering).not.toBe('publiceret')
    expect(await w.db.selectFrom('register_afgoerelser').select('id').where('afgoerelse_id', '=', afg.id).executeTakeFirst()).toBeUndefined()
    const maks = await w.db.selectFrom('register_afgoerelser').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()
    expect((await get(`/afgoerelser/${Number(maks.id) + 1}`)).statusCode).toBe(404)
    expect((await get('/afgoerelser?q=kakkelovnen')).body).toContain('Ingen afgørelser matcher søgningen')
    for (const url of ['/data/afgoerelser.ndjson', '/data/afgoerelser.csv', '/api/v1/register/afgoerelser?q=kakkelovnen']) expect((await get(url)).body, url).not.toContain('kakkelovnen')
  })

  it('when a published decision is withdrawn, then it leaves search, exports and the rent register, and its page and PDF answer 410 with the reason', async () => {
    const { sagId, id } = await publiceretSag(w, s, { afgoerelsesdato: idag, afgoerelse_tekst: 'Nævnet finder, at vinduespudsningen påhviler udlejer.' })
    expect((await get('/afgoerelser?q=vinduespudsningen')).body).toContain(`href="/afgoerelser/${id}"`)
    // Seen (and cached) before the withdrawal: the cache must notice.
    expect((await get(`/afgoerelser/${id}`)).body).toContain('vinduespudsningen')
    const leje = () => w.db.selectFrom('register_huslejer').select('status').where('register_afgoerelse_id', '=', id).executeTakeFirstOrThrow()
    expect((await get('/huslejeregister?format=csv')).body).toContain(`/afgoerelser/${id}\r\n`)

    const begrundelse = 'Lejeren kan genkendes af naboerne trods anonymiseringen.'
    expect((await s.sb.post(`/sagsbehandling/sager/${sagId}/anonymisering/fravaelg`, { handling: 'tilbagetraek', begrundelse })).statusCode).toBe(303)
    expect((await leje()).status).toBe('trukket_tilbage')

    expect((await get('/afgoerelser?q=vinduespudsningen')).body).toContain('Ingen afgørelser matcher søgningen')
    const side = await get(`/afgoerelser/${id}`)
    expect(side.statusCode).toBe(410)
    expect(side.body).toContain('Afgørelsen er trukket tilbage')
    expect(side.body).toContain(begrundelse)
    expect(side.body).not.toContain('vinduespudsningen')
    const pdf = await get(`/afgoerelser/${id}.pdf`)
    expect(pdf.statusCode).toBe(410)
    expect(pdf.headers['content-type']).toContain('text/html')
    expect(pdf.body).toContain(begrundelse)
    for (const url of ['/data/afgoerelser.ndjson', '/data/afgoerelser.csv']) expect((await get(url)).body).not.toContain('vinduespudsningen')
    for (const url of ['/data/huslejeregister.ndjson', '/huslejeregister?format=csv']) expect((await get(url)).body).not.toContain(`/afgoerelser/${id}"`)
    expect((await get('/huslejeregister?format=csv')).body).not.toContain(`/afgoerelser/${id}\r\n`)
    // The anonymous rent page is cached for 30 seconds per filter combination (the
    // route says why); a logged-in visitor sees it rendered fresh.
    expect((await s.sb.get('/huslejeregister')).body).not.toContain(`href="/afgoerelser/${id}"`)
    expect((await get('/huslejeregister?adresse=N%C3%B8rregade&side=1')).body).not.toContain(`href="/afgoerelser/${id}"`)
  })

  it('when the statistics page is opened, then the board shows its decisions, published and withheld counts, outcomes and median processing time for the year', async () => {
    // a and b published, one withdrawn (previous test), one not yet approved.
    const res = await get(`/statistik?aar=${aar}`)
    expect(res.statusCode).toBe(200)
    const raekke = new RegExp(`<tr><th scope="row">${naevnNavn}</th><td>Huslejenævn</td>((?:<td class="tal">[^<]*</td>)+)</tr>`).exec(res.body)
    expect(raekke, res.body).not.toBeNull()
    const tal = [...raekke![1]!.matchAll(/<td class="tal">([^<]*)<\/td>/g)].map((m) => m[1])
    // afgjort, offentliggjort, afventer, fravalgt, trukket tilbage, median days
    expect(tal).toEqual(['4', '2', '1', '0', '1', '0'])
    const udfald = new RegExp(`<tr><th scope="row">${naevnNavn}</th>((?:<td class="tal">[^<]*</td>)+)</tr>`).exec(res.body.slice(res.body.indexOf('<h2>Udfald')))
    // IN_FAVOUR, IN_PARTIAL_FAVOUR, REJECTED, DISMISSED, SETTLEMENT, NOT_SET
    expect([...udfald![1]!.matchAll(/<td class="tal">([^<]*)<\/td>/g)].map((m) => m[1])).toEqual(['1', '3', '0', '0', '0', '0'])
    // No reason for withholding and no case-level data.
    expect(res.body).not.toContain('genkendes af naboerne')
    expect((await get('/statistik?aar=tyve')).statusCode).toBe(400)
  })

  it('when a page is fetched again with its ETag, then it answers 304; it is public for 60 seconds and sets no cookie, and private for a logged-in visitor', async () => {
    for (const url of [`/afgoerelser/${a}`, `/afgoerelser/${a}.pdf`, '/afgoerelser?q=fugtskaden', '/huslejeregister?kommunekode=101', '/statistik', '/data', '/love/lejeloven/106']) {
      const foerste = await get(url)
      expect(foerste.statusCode, url).toBe(200)
      expect(foerste.headers['cache-control']).toBe('public, max-age=60')
      expect(foerste.headers['set-cookie'], url).toBeUndefined()
      const etag = foerste.headers.etag as string
      expect(etag).toMatch(/^"[\w-]+"$/)
      const igen = await get(url, { 'if-none-match': etag })
      expect(igen.statusCode, url).toBe(304)
      expect(igen.body).toBe('')
      expect((await get(url, { 'if-none-match': '"noget-andet"' })).statusCode).toBe(200)
    }
    // The same data gives the same ETag; a change gives a new one.
    const foer = (await get(`/afgoerelser/${a}`)).headers.etag
    expect((await get(`/afgoerelser/${a}`)).headers.etag).toBe(foer)
    // Every writer of the public copy (publication, correction, withdrawal) sets opdateret.
    await w.db.updateTable('register_afgoerelser').set({ titel: 'Vedligeholdelse – ny titel', opdateret: new Date() }).where('id', '=', a).execute()
    expect((await get(`/afgoerelser/${a}`, { 'if-none-match': foer as string })).statusCode).toBe(200)

    const bruger = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(bruger.email, bruger.password)
    const privat = await agent.get(`/afgoerelser/${a}`)
    expect(privat.statusCode).toBe(200)
    expect(privat.headers['cache-control']).toBe('private, no-cache')
    expect(privat.headers.etag).toBeUndefined()
    expect(privat.body).toContain(bruger.navn)
  })

  it('when the search gets a bad date, then it answers 400 with a Danish message and keeps what was typed', async () => {
    const res = await get('/afgoerelser?q=fugt&fra=31.02.2025&til=2025-13-01&emne=vedligeholdelse')
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('Der er problemer med det, du har udfyldt')
    expect(res.body).toContain('Skriv fra-datoen som dd.mm.åååå')
    expect(res.body).toContain('Skriv til-datoen som dd.mm.åååå')
    expect(res.body).toContain('value="31.02.2025"')
    expect(res.body).toContain('value="2025-13-01"')
    expect(res.body).toContain('value="fugt"')
    expect(res.body).toContain('<option value="vedligeholdelse" selected>')
    const omvendt = await get('/afgoerelser?fra=2025-12-31&til=2025-01-01')
    expect(omvendt.statusCode).toBe(400)
    expect(omvendt.body).toContain('Til-datoen skal ligge efter fra-datoen.')
    // Checked by soeg() itself: its message is shown too.
    const naevn = await get('/afgoerelser?naevnId=ikke-et-id')
    expect(naevn.statusCode).toBe(400)
    expect(naevn.body).toContain('Nævnet findes ikke.')
    const side = await get('/afgoerelser?side=nul')
    expect(side.statusCode).toBe(400)
    expect(side.body).toContain('Sidetallet skal være et helt tal fra 1.')

    const husleje = await get('/huslejeregister?postnr=12a&adresse=N%C3%B8rregade')
    expect(husleje.statusCode).toBe(400)
    expect(husleje.body).toContain('Skriv postnummeret med fire cifre')
    expect(husleje.body).toContain('value="12a"')
    expect(husleje.body).toContain('value="Nørregade"')
    expect((await get('/huslejeregister?postnr=12a&format=csv')).statusCode).toBe(400)
  })

  it('when the search is filtered, then the hits, facet counts, highlighted excerpts and the filters in every link follow', async () => {
    const res = await get(`/afgoerelser?q=fugtskaden&udfald=IN_FAVOUR&fra=01.01.${aar}`)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain(`href="/afgoerelser/${b}"`)
    expect(res.body).not.toContain(`href="/afgoerelser/${a}"`)
    expect(res.body).toContain('<strong>1 afgørelse</strong>')
    expect(res.body).toMatch(/<mark>fugtskaden<\/mark>/i)
    // The outcome's facet counts the other outcome too (its own filter left out).
    expect(res.body).toContain('<option value="IN_FAVOUR" selected>Afsluttet med afgørelse om medhold (1)</option>')
    expect(res.body).toContain('<option value="IN_PARTIAL_FAVOUR">Afsluttet med afgørelse om delvist medhold (1)</option>')
    // The year link keeps the text and the outcome.
    expect(attr(res.body)).toContain(`href="/afgoerelser?q=fugtskaden&amp;udfald=IN_FAVOUR&amp;fra=${aar}-01-01&amp;til=${aar}-12-31"`)
    // A text with markup is shown as text.
    const farlig = await get('/afgoerelser?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E')
    expect(farlig.body).not.toContain('<script>alert(1)')
    expect(farlig.body).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"')
  })

  it('when the rent register is searched by address, then the decided rent, its statistics and chart are shown, and the CSV has the same rows in the Danish dialect', async () => {
    const res = await get('/huslejeregister?adresse=N%C3%B8rregde') // a typo still finds the street
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('Nørregade 12, 1165 København K')
    expect(res.body).toContain('Det lejedes værdi (sammenligningslejemål)')
    expect(res.body).toContain('7.500 kr. pr. måned')
    expect(res.body).toContain('1.250 kr.')
    expect(res.body).toContain('<svg viewBox=')
    expect(res.body).toContain('1165 København K')
    expect(res.body).not.toMatch(/ style="/)

    const csv = await get('/huslejeregister?adresse=N%C3%B8rregade&format=csv')
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers['content-disposition']).toBe('attachment; filename="huslejeregister.csv"')
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const linjer = csv.body.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean)
    expect(linjer[0]).toBe('Adresse;Postnummer;By;Kommune;Metode;Lejen angivet som;Beløb (kr.);Bruttoareal (m²);Kr. pr. m² pr. år;Fastsat;Afgørelse')
    expect(linjer.slice(1).every((l) => l.startsWith('Nørregade 12, 1165 København K;1165;København K;København;Det lejedes værdi (sammenligningslejemål);Månedlig husleje;7500;72;1250;2026-10-01;'))).toBe(true)
    expect(linjer).toHaveLength(1 + 2)
  })
})
