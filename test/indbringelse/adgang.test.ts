// Who may see a filed case or a draft: only its filer (or the representative who filed
// it). Everyone else gets 404, on every page, download, message and API path.
import { beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { minimalPdf } from '../helpers/multipart.js'
import { indbringSag, udfyldKladde } from '../helpers/indbringelse.js'

describe('access to cases as a party', () => {
  const w = useWorld()
  let ejer: Agent
  let fremmed: Agent
  let kladde: string
  let sag: string
  let dokument: string

  beforeAll(async () => {
    await naevnFor(w.db, 101)
    const a = await createUser(w.db)
    const b = await createUser(w.db)
    ejer = new Agent(w.app)
    await ejer.login(a.email, a.password)
    fremmed = new Agent(w.app)
    await fremmed.login(b.email, b.password)
    kladde = await udfyldKladde(ejer)
    sag = await indbringSag(ejer)
    await ejer.postMultipart(`/sager/${sag}/bilag`, { kategori: 'foto' }, [{ field: 'filer', filename: 'fugt.pdf', data: minimalPdf }])
    dokument = (await w.db.selectFrom('dokumenter').select('id').where('sag_id', '=', sag).executeTakeFirstOrThrow()).id
  })

  const gets: [string, () => string][] = [
    ['draft step', () => `/indbringelse/${kladde}/parter`],
    ['draft', () => `/indbringelse/${kladde}`],
    ['case page', () => `/sager/${sag}`],
    ['document', () => `/sager/${sag}/dokumenter/${dokument}`],
    ['case via API', () => `/api/v1/sager/${sag}`],
    ['draft via API', () => `/api/v1/sager/${kladde}`],
    ['messages via API', () => `/api/v1/sager/${sag}/beskeder`],
    ['document via API', () => `/api/v1/sager/${sag}/dokumenter/${dokument}`],
  ]

  for (const [name, url] of gets) {
    it(`when another citizen opens the ${name}, then it is a 404; the owner gets 200`, async () => {
      expect((await fremmed.get(url())).statusCode).toBe(404)
      expect((await ejer.get(url())).statusCode).toBeLessThan(400)
    })
  }

  it('when another citizen posts to the draft, the case or its messages, then it is a 404 and nothing changes', async () => {
    await fremmed.get('/mine-sager')
    const before = await w.db.selectFrom('sager').select(['version']).where('id', '=', kladde).executeTakeFirstOrThrow()
    expect((await fremmed.post(`/indbringelse/${kladde}/hvem`, { indbringer_rolle: 'udlejer', for_hvem: 'selv' })).statusCode).toBe(404)
    expect((await fremmed.post(`/indbringelse/${kladde}/slet`)).statusCode).toBe(404)
    expect((await fremmed.postMultipart(`/sager/${sag}/beskeder`, { tekst: 'Hej' }, [])).statusCode).toBe(404)
    expect((await fremmed.postMultipart(`/indbringelse/${kladde}/bilag`, { kategori: 'andet' }, [{ field: 'filer', filename: 'x.pdf', data: minimalPdf }])).statusCode).toBe(404)
    const after = await w.db.selectFrom('sager').select(['version']).where('id', '=', kladde).executeTakeFirstOrThrow()
    expect(after.version).toBe(before.version)
    expect(await w.db.selectFrom('beskeder').selectAll().where('sag_id', '=', sag).execute()).toHaveLength(0)
  })

  it('when another citizen lists their cases, then neither the draft nor the case appears', async () => {
    const res = await fremmed.get('/mine-sager')
    expect(res.body).not.toContain(kladde)
    expect(res.body).not.toContain(sag)
    const api = await fremmed.get('/api/v1/sager')
    expect(api.json()).toMatchObject({ totalCount: 0, items: [] })
  })

  it('when a caseworker who is not a party opens the case page, then it is a 404 (staff see cases through sagsbehandling)', async () => {
    const naevn = await naevnFor(w.db, 101)
    const sb = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    const agent = new Agent(w.app)
    await agent.login(sb.email, sb.password)
    expect((await agent.get(`/sager/${sag}`)).statusCode).toBe(404)
  })
})

describe('representatives', () => {
  const w = useWorld()

  it('when a representative files for several clients, then they see all and only those cases, found by search', async () => {
    await naevnFor(w.db, 101)
    const rep = await createUser(w.db, { navn: 'Lejernes Landsorganisation' })
    const other = await createUser(w.db)
    const repAgent = new Agent(w.app)
    await repAgent.login(rep.email, rep.password)
    const otherAgent = new Agent(w.app)
    await otherAgent.login(other.email, other.password)
    const a = await indbringSag(repAgent, { repraesentant: true, klientNavn: 'Anna Andersen' })
    const b = await indbringSag(repAgent, { repraesentant: true, klientNavn: 'Bo Bendtsen' })
    const c = await indbringSag(otherAgent)

    const list = await repAgent.get('/api/v1/sager')
    expect(list.json().items.map((i: { id: string }) => i.id).sort()).toEqual([a, b].sort())
    const page = await repAgent.get('/mine-sager')
    expect(page.body).toContain(a)
    expect(page.body).toContain(b)
    expect(page.body).not.toContain(c)
    const search = await repAgent.get(`/mine-sager?q=${encodeURIComponent('Bendtsen')}`)
    expect(search.body).toContain(b)
    expect(search.body).not.toContain(a)
    const sagsnummer = (await w.db.selectFrom('sager').select('sagsnummer').where('id', '=', a).executeTakeFirstOrThrow()).sagsnummer!
    const bySagsnummer = await repAgent.get(`/api/v1/sager?q=${sagsnummer}`)
    expect(bySagsnummer.json().items.map((i: { id: string }) => i.id)).toEqual([a])
    const parter = await w.db.selectFrom('parter').select(['rolle', 'navn', 'user_id']).where('sag_id', '=', a).orderBy('rolle').execute()
    expect(parter).toEqual(
      expect.arrayContaining([
        { rolle: 'repraesentant', navn: 'Lejernes Forening', user_id: rep.id },
        { rolle: 'indbringer', navn: 'Anna Andersen', user_id: null },
      ]),
    )
  })

  it('when a representative has many cases, then Mine sager pages through them', async () => {
    const rep = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(rep.email, rep.password)
    for (let i = 0; i < 27; i++) await agent.post('/indbringelse')
    const first = await agent.get('/mine-sager')
    expect(first.body).toContain('Side 1 af 2')
    expect(first.body).toContain('27 sager')
    const second = await agent.get('/mine-sager?side=2')
    expect((second.body.match(/Kladde – ikke indsendt/g) ?? []).length).toBe(2)
  })
})
