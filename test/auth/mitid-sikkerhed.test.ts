// The attacks on an OIDC login, each through the real flow against the local IdP: every
// one is refused, leaves no session, and is logged with its reason, never with a CPR.
import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent } from '../helpers/agent.js'
import { callbackSti, godkendHosIdp, mitidLogin, sagMedModpart, startMitid, useMitidWorld } from '../helpers/mitid.js'
import { startLokalIdp, type LokalIdp } from '../../server/kerne/auth/oidc/lokal-idp.js'
import { demoCpr, demoCvr, demoIdentiteter } from '../../server/kerne/auth/oidc/demo-identiteter.js'

const person = (navn: string) => demoIdentiteter.find((d) => d.navn === navn)!.subjekt
const camilla = person('Camilla Nørgaard')
const challenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url')

function medParam(url: string, navn: string, vaerdi: string): string {
  const u = new URL(url)
  u.searchParams.set(navn, vaerdi)
  return u.href
}

describe('MitID log-in refuses tampering', () => {
  const logLines: string[] = []
  const anden = { clientId: 'anden-klient', clientSecret: randomBytes(16).toString('hex') }
  const w = useMitidWorld({ LOG_LEVEL: 'info' }, { ekstraKlienter: [anden] }, logLines)
  let andenIdp: LokalIdp
  beforeAll(async () => {
    andenIdp = await startLokalIdp(w.config, { port: 0 })
  })
  afterAll(async () => {
    await andenIdp?.close()
  })

  const afvisninger = () => logLines.map((l) => JSON.parse(l) as { msg: string; grund?: string }).filter((l) => l.msg === 'mitid-login afvist')

  async function afvist(agent: Agent, sti: string, grund: RegExp) {
    const foer = afvisninger().length
    const res = await agent.get(sti)
    expect(res.statusCode, res.body.slice(0, 300)).toBe(400)
    expect(res.body).toContain('Login med MitID mislykkedes')
    expect(agent.hasCookie('naevn_session')).toBe(false)
    const nye = afvisninger().slice(foer)
    expect(nye).toHaveLength(1)
    expect(nye[0]!.grund).toMatch(grund)
  }

  it('when the state that comes back is not the one sent, then the login is refused and logged', async () => {
    const agent = new Agent(w.app)
    const authorize = await startMitid(agent)
    const callback = await godkendHosIdp(medParam(authorize, 'state', 'angriberens-state'), camilla)
    await afvist(agent, callbackSti(callback), /state/i)
  })

  it('when the ID token carries another nonce than the one sent, then the login is refused and logged', async () => {
    const agent = new Agent(w.app)
    const authorize = await startMitid(agent)
    const callback = await godkendHosIdp(medParam(authorize, 'nonce', 'angriberens-nonce'), camilla)
    await afvist(agent, callbackSti(callback), /nonce/i)
  })

  it('when the code was issued for another PKCE challenge, then the token exchange fails and the login is refused', async () => {
    const agent = new Agent(w.app)
    const authorize = await startMitid(agent)
    const callback = await godkendHosIdp(medParam(authorize, 'code_challenge', challenge(randomBytes(32).toString('base64url'))), camilla)
    await afvist(agent, callbackSti(callback), /invalid_grant/)
  })

  it('when a code is used a second time (with the old transaction cookie), then it is refused and no new session starts', async () => {
    const agent = new Agent(w.app)
    const authorize = await startMitid(agent)
    const transaktion = agent.cookieHeader()
    const callback = await godkendHosIdp(authorize, camilla)
    expect((await agent.get(callbackSti(callback))).statusCode).toBe(303)
    const angriber = new Agent(w.app)
    const cookie = /naevn_mitid=([^;]+)/.exec(transaktion)![1]!
    angriber.setCookie('naevn_mitid', cookie)
    await afvist(angriber, callbackSti(callback), /invalid_grant/)
  })

  it('when the callback comes without the transaction cookie or with a forged one, then it is refused', async () => {
    const agent = new Agent(w.app)
    const callback = await godkendHosIdp(await startMitid(agent), camilla)
    await afvist(new Agent(w.app), callbackSti(callback), /mangler_transaktion/)
    const forfalsket = new Agent(w.app)
    forfalsket.setCookie('naevn_mitid', Buffer.from(JSON.stringify({ state: callback.searchParams.get('state'), nonce: 'x', verifier: 'y', udloeber: Date.now() + 60_000 })).toString('base64url'))
    await afvist(forfalsket, callbackSti(callback), /mangler_transaktion/)
  })

  it('when the code and iss come from another issuer, then the login is refused', async () => {
    const agent = new Agent(w.app)
    const authorize = new URL(await startMitid(agent))
    const hosAnden = new URL(authorize.pathname + authorize.search, andenIdp.issuer)
    const callback = await godkendHosIdp(hosAnden.href, camilla)
    expect(callback.searchParams.get('iss')).toBe(andenIdp.issuer)
    await afvist(agent, callbackSti(callback), /iss/i)
  })

  it('when the code was issued to another client (audience), then the token exchange fails and the login is refused', async () => {
    const agent = new Agent(w.app)
    const authorize = await startMitid(agent)
    const callback = await godkendHosIdp(medParam(authorize, 'client_id', anden.clientId), camilla)
    await afvist(agent, callbackSti(callback), /invalid_grant/)
  })

  it('when the user cancels at MitID, then a Danish page says so and nothing is logged in', async () => {
    const agent = new Agent(w.app)
    const authorize = await startMitid(agent)
    const res = await fetch(authorize, { redirect: 'manual' })
    const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const interaktion = new URL(res.headers.get('location')!, authorize)
    const side = await fetch(interaktion, { headers: { cookie: cookies } })
    expect(await side.text()).toContain('Log ind med MitID')
    const afbrudt = await fetch(`${interaktion.href}/afbryd`, { method: 'POST', redirect: 'manual', headers: { cookie: cookies } })
    const resume = await fetch(new URL(afbrudt.headers.get('location')!, authorize), { redirect: 'manual', headers: { cookie: cookies } })
    const callback = new URL(resume.headers.get('location')!)
    const svar = await agent.get(callbackSti(callback))
    expect(svar.statusCode).toBe(400)
    expect(svar.body).toContain('Du afbrød login')
  })

  it('when a MitID citizen opens a case her CPR is not a party to, then it is 404 and the refusal is logged', async () => {
    const fremmedSag = await sagMedModpart(w, '0101801234')
    const agent = new Agent(w.app)
    await mitidLogin(agent, camilla)
    const res = await agent.get(`/sager/${fremmedSag}`)
    expect(res.statusCode).toBe(404)
    const log = logLines.map((l) => JSON.parse(l) as { msg: string; code?: string; req?: { url?: string } })
    expect(log.some((l) => l.msg === 'afvist forespørgsel' && l.code === 'SagIkkeFundet')).toBe(true)
    expect((await agent.get('/mine-sager')).body).not.toContain(fremmedSag)
  })

  it('when everything above has been logged, then no CPR number of the demo people appears in the log', () => {
    const alt = logLines.join('\n')
    expect(logLines.length).toBeGreaterThan(10)
    for (const cpr of [...Object.values(demoCpr), '2202951234', '0101801234']) {
      expect(alt).not.toContain(cpr)
      expect(alt).not.toContain(`${cpr.slice(0, 6)}-${cpr.slice(6)}`)
    }
  })
})

describe('MitID log-in with an expired code', () => {
  const w = useMitidWorld({}, { kodeLevetidSek: 1 })

  it('when the code has expired before it reaches the server, then the login is refused', async () => {
    const agent = new Agent(w.app)
    const callback = await godkendHosIdp(await startMitid(agent), camilla)
    await new Promise((r) => setTimeout(r, 2100))
    const res = await agent.get(callbackSti(callback))
    expect(res.statusCode).toBe(400)
    expect(agent.hasCookie('naevn_session')).toBe(false)
  })
})

describe('powers of attorney (fuldmagt) for MitID representatives', () => {
  const w = useMitidWorld()
  const juhl = person('Søren Juhl')

  async function fuldmagt(giver: { cvr?: string; cprHash?: string }, o: { fra?: string; til?: string | null; tilbagekaldt?: boolean } = {}) {
    await w.db
      .insertInto('fuldmagter')
      .values({
        fuldmaegtig_cvr: demoCvr.juhlAdvokater,
        fuldmaegtig_navn: 'Juhl Advokater',
        giver_cvr: giver.cvr ?? null,
        giver_cpr_hash: giver.cprHash ?? null,
        giver_navn: 'Klienten',
        gyldig_fra: o.fra ?? sql<string>`current_date - 30`,
        gyldig_til: o.til === undefined ? null : o.til,
        tilbagekaldt: o.tilbagekaldt ? sql<Date>`now()` : null,
      })
      .execute()
  }

  it('when a client has given a valid power of attorney, then the representative sees the client\'s cases, and no others', async () => {
    const klientSag = await sagMedModpart(w, demoCvr.vesterbroBolig)
    const borgerKlient = '0202821234'
    const borgerSag = await sagMedModpart(w, borgerKlient)
    await fuldmagt({ cvr: demoCvr.vesterbroBolig })
    await fuldmagt({ cprHash: w.app.cpr.lookupHash(borgerKlient) })
    const andenSag = await sagMedModpart(w, '12345674')
    const agent = new Agent(w.app)
    await mitidLogin(agent, juhl)
    expect((await agent.get(`/sager/${klientSag}`)).statusCode).toBe(200)
    expect((await agent.get(`/sager/${borgerSag}`)).statusCode).toBe(200)
    expect((await agent.get(`/sager/${andenSag}`)).statusCode).toBe(404)
  })

  it('when the power of attorney has expired, is not yet in force or is revoked, then the case is 404 and not in Mine sager', async () => {
    const cases = [
      { fra: '2020-01-01', til: '2021-01-01' },
      { fra: '2999-01-01', til: null },
      { tilbagekaldt: true },
    ]
    const agent = new Agent(w.app)
    await mitidLogin(agent, juhl)
    for (const [i, c] of cases.entries()) {
      // A client CVR of its own for each case, so no other power of attorney covers it.
      const gyldigCvr = gyldigtCvr(String(10000000 + i * 1000))
      const sagId = await sagMedModpart(w, gyldigCvr)
      await fuldmagt({ cvr: gyldigCvr }, c)
      expect((await agent.get(`/sager/${sagId}`)).statusCode, JSON.stringify(c)).toBe(404)
      const sagsnummer = (await w.db.selectFrom('sager').select('sagsnummer').where('id', '=', sagId).executeTakeFirstOrThrow()).sagsnummer!
      expect((await agent.get('/mine-sager')).body).not.toContain(sagsnummer)
    }
  })
})

/** The first CVR at or after n that passes the modulus-11 check. */
function gyldigtCvr(n: string): string {
  const w = [2, 7, 6, 5, 4, 3, 2, 1]
  for (let x = Number(n); ; x++) {
    const s = String(x).padStart(8, '0')
    if ([...s].reduce((a, c, i) => a + Number(c) * w[i]!, 0) % 11 === 0) return s
  }
}
