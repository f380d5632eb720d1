import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createNaevn, createUser } from '../helpers/factories.js'
import { gebyrForIndbringelse } from '../../server/kerne/sag/gebyr.js'

describe('admin: fees', () => {
  // Until the routes are registered in server/modules/admin/index.ts.
  const w = useWorld()

  async function adminAgent() {
    const admin = await createUser(w.db, { admin: true, navn: 'Gebyr Admin' })
    const agent = new Agent(w.app)
    await agent.login(admin.email, admin.password)
    return { agent, admin }
  }

  it('when the admin opens the fee page, then the known amounts show by year with Danish labels', async () => {
    const { agent } = await adminAgent()
    const res = await agent.get('/admin/gebyrer')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<h1>Gebyrer</h1>')
    expect(res.body).toMatch(/<td>2024<\/td>\s*<td>Huslejenævn<\/td>\s*<td>Forhåndsgodkendelse af leje \(lejelovens § 19, stk. 3\)<\/td>\s*<td class="align-text-right">4.552 kr.<\/td>/)
    expect(res.body).toMatch(/<td>2024<\/td>\s*<td>Beboerklagenævn<\/td>\s*<td>Gebyr for indbringelse af en sag<\/td>\s*<td class="align-text-right">167 kr.<\/td>/)
    expect(res.body).toContain('Udlejers gebyr, når lejer får fuldt medhold')
  })

  it('when the admin sets a rate for a new year, then it is saved, shown, used for filings and attributed', async () => {
    const { agent, admin } = await adminAgent()
    await agent.get('/admin/gebyrer')
    const res = await agent.post('/admin/gebyrer', { aar: '2027', naevnType: 'huslejenaevn', kategori: 'indbringelse', beloeb: '1.370' })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/admin/gebyrer?gemt=1')

    const page = await agent.get('/admin/gebyrer?gemt=1')
    expect(page.body).toContain('Gebyret er gemt')
    expect(page.body).toMatch(/<td>2027<\/td>\s*<td>Huslejenævn<\/td>\s*<td>Gebyr for indbringelse af en sag<\/td>\s*<td class="align-text-right">1.370 kr.<\/td>\s*<td>[^<]+<\/td>\s*<td>Gebyr Admin<\/td>/)
    expect(await gebyrForIndbringelse(w.db, { aar: 2027, naevnType: 'huslejenaevn', formaal: 'klage' })).toEqual({
      beloebKr: 1370,
      kategori: 'indbringelse',
      aar: 2027,
    })
    const row = await w.db.selectFrom('gebyrsatser').select('opdateret_af').where('aar', '=', 2027).executeTakeFirstOrThrow()
    expect(row.opdateret_af).toBe(admin.id)
  })

  it('when the amount is not whole kroner, then the form is shown again with a Danish message and the input kept', async () => {
    const { agent } = await adminAgent()
    await agent.get('/admin/gebyrer')
    const res = await agent.post('/admin/gebyrer', { aar: '2028', naevnType: 'beboerklagenaevn', kategori: 'indbringelse', beloeb: '170,50' })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('Der er problemer med det, du har udfyldt')
    expect(res.body).toContain('Skriv beløbet i hele kroner, fx 357 eller 4.552.')
    expect(res.body).toContain('value="170,50"')
    expect(res.body).toContain('value="2028"')
    expect(res.body).toContain('<option value="beboerklagenaevn" selected>')
    expect(res.body).toContain('<option value="indbringelse" selected>')
    expect(await w.db.selectFrom('gebyrsatser').selectAll().where('aar', '=', 2028).execute()).toEqual([])
  })

  it('when a caseworker opens or posts to the fee page, then it does not exist for them', async () => {
    const naevn = await createNaevn(w.db)
    const worker = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    const agent = new Agent(w.app)
    await agent.login(worker.email, worker.password)
    expect((await agent.get('/admin/gebyrer')).statusCode).toBe(404)
    const res = await agent.post('/admin/gebyrer', { aar: '2029', naevnType: 'huslejenaevn', kategori: 'indbringelse', beloeb: '1' })
    expect(res.statusCode).toBe(404)
    expect(await w.db.selectFrom('gebyrsatser').selectAll().where('aar', '=', 2029).execute()).toEqual([])
  })

  it('when nobody is logged in, then the fee page sends them to log in', async () => {
    const res = await new Agent(w.app).get('/admin/gebyrer')
    expect([302, 303]).toContain(res.statusCode)
    expect(res.headers.location).toMatch(/^\/login/)
  })
})
