import { describe, expect, it } from 'vitest'
import { Agent } from '../helpers/agent.js'
import { mitidLogin, sagMedModpart, useMitidWorld } from '../helpers/mitid.js'
import { demoCpr, demoCvr, demoIdentiteter } from '../../server/kerne/auth/oidc/demo-identiteter.js'

const person = (navn: string) => demoIdentiteter.find((d) => d.navn === navn)!.subjekt

describe('log-in with MitID through the local NemLog-in stand-in', () => {
  const w = useMitidWorld()

  async function sagsnummer(sagId: string): Promise<string> {
    return (await w.db.selectFrom('sager').select('sagsnummer').where('id', '=', sagId).executeTakeFirstOrThrow()).sagsnummer!
  }

  it('when a citizen logs in with MitID for the first time, then an account is made and the cases naming her CPR are in Mine sager', async () => {
    const sagId = await sagMedModpart(w, demoCpr.frederik)
    const agent = new Agent(w.app)
    const res = await mitidLogin(agent, person('Frederik Winther'))
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303)
    expect(agent.hasCookie('naevn_session')).toBe(true)
    expect(agent.hasCookie('naevn_mitid')).toBe(false)
    const mine = await agent.get('/mine-sager')
    expect(mine.statusCode).toBe(200)
    expect(mine.body).toContain('Frederik Winther')
    expect(mine.body).toContain(await sagsnummer(sagId))
    expect((await agent.get(`/sager/${sagId}`)).statusCode).toBe(200)
    const identitet = await w.db.selectFrom('eid_identiteter').selectAll().where('subjekt', '=', person('Frederik Winther')).executeTakeFirstOrThrow()
    expect(identitet.cpr_hash).toBe(w.app.cpr.lookupHash(demoCpr.frederik))
    expect(identitet.cpr_krypteret?.toString('latin1')).not.toContain(demoCpr.frederik)
  })

  it('when the same person logs in again, then it is the same account', async () => {
    const a = new Agent(w.app)
    await mitidLogin(a, person('Camilla Nørgaard'))
    const b = new Agent(w.app)
    await mitidLogin(b, person('Camilla Nørgaard'))
    const rows = await w.db.selectFrom('eid_identiteter').select('user_id').where('subjekt', '=', person('Camilla Nørgaard')).execute()
    expect(rows).toHaveLength(1)
  })

  it('when an employee logs in with MitID Erhverv, then the company sees the cases that name its CVR', async () => {
    const sagId = await sagMedModpart(w, demoCvr.noerrebroEjendomme)
    const agent = new Agent(w.app)
    expect((await mitidLogin(agent, person('Mette Hansen'))).statusCode).toBe(303)
    const mine = await agent.get('/mine-sager')
    expect(mine.body).toContain('Mette Hansen (Nørrebro Ejendomme ApS)')
    expect(mine.body).toContain(await sagsnummer(sagId))
  })

  it('when a login names a next page, then MitID brings the user there afterwards', async () => {
    const res = await mitidLogin(new Agent(w.app), person('Camilla Nørgaard'), '/cookies')
    expect(res.headers.location).toBe('/cookies')
  })

  it('when the MitID assurance level is Low, then the login is refused with a Danish page and no session', async () => {
    const agent = new Agent(w.app)
    const res = await mitidLogin(agent, person('Ida Holm'))
    expect(res.statusCode).toBe(403)
    expect(res.body).toContain('Dit MitID har ikke et højt nok sikringsniveau')
    expect(res.body).toContain('sikringsniveau Lav')
    expect(agent.hasCookie('naevn_session')).toBe(false)
  })

  it('when a MitID user logs out, then the session ends and the browser is sent to the IdP to log out there too', async () => {
    const agent = new Agent(w.app)
    await mitidLogin(agent, person('Camilla Nørgaard'))
    await agent.get('/mine-sager')
    const res = await agent.post('/logout')
    expect(res.statusCode).toBe(303)
    const url = new URL(String(res.headers.location))
    expect(url.origin).toBe(w.idp.issuer)
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe('http://127.0.0.1:3000/login?logget_ud=1')
    expect((await agent.get('/mine-sager')).statusCode).toBe(302)
  })
})
