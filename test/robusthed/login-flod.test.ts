// A flood of logins from one address: after the per-IP limit every post gets 429 with the
// Danish page and Retry-After, before the password is checked, so the flood cannot use up
// the real user's lockout attempts (README: LOGIN_LOCKOUT_ATTEMPTS failures for one e-mail
// lock it for LOGIN_LOCKOUT_MINUTES; only attempts that reach the check count). Other
// routes and other addresses are served meanwhile.
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser } from '../helpers/factories.js'
import { waitFor } from '../helpers/wait.js'

const GRAENSE = 4

describe('a flood of login attempts', () => {
  const w = useWorld({ LOGIN_RATE_LIMIT_PER_MINUTE: String(GRAENSE), LOGIN_LOCKOUT_ATTEMPTS: '5' })

  async function csrfFor(agent: Agent) {
    return /name="_csrf" value="([^"]+)"/.exec((await agent.get('/login')).body)![1]!
  }

  it('when one address posts 300 logins in a burst with rotating e-mails, then all beyond the limit get 429 with Retry-After and the server stays responsive', async () => {
    await waitFor('Redis connected', async () => (w.app.redis.status === 'ready' ? true : undefined))
    const angriber = new Agent(w.app)
    const csrf = await csrfFor(angriber)
    const ip = '203.0.113.7'
    const start = Date.now()
    const svar = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        w.app.inject({
          method: 'POST',
          url: '/login',
          remoteAddress: ip,
          headers: { cookie: angriber.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ email: `offer-${i}@test.invalid`, adgangskode: 'gaet-1234', _csrf: csrf }).toString(),
        }),
      ),
    )
    const koder = svar.map((r) => r.statusCode)
    expect(koder.filter((k) => k === 400)).toHaveLength(GRAENSE)
    expect(koder.filter((k) => k === 429)).toHaveLength(300 - GRAENSE)
    const afvist = svar.find((r) => r.statusCode === 429)!
    expect(afvist.headers['content-type']).toContain('text/html')
    expect(afvist.body).toContain('For mange forsøg')
    expect(afvist.body).toContain('Vent et minut og prøv igen.')
    expect(Number(afvist.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(afvist.headers['retry-after'])).toBeLessThanOrEqual(60)
    // 300 requests against argon2 would take far longer than refusing 296 of them.
    expect(Date.now() - start).toBeLessThan(20_000)

    // Meanwhile the rest of the site answers the same address and everybody else.
    expect((await w.app.inject({ url: '/healthz', remoteAddress: ip })).statusCode).toBe(200)
    expect((await w.app.inject({ url: '/login', remoteAddress: ip })).statusCode).toBe(200)
    expect((await w.app.inject({ url: '/afgoerelser', remoteAddress: ip })).statusCode).toBe(200)
  })

  it('when the flood aims at a real user’s e-mail, then only the attempts within the limit count, and the user still logs in', async () => {
    await waitFor('Redis connected', async () => (w.app.redis.status === 'ready' ? true : undefined))
    const user = await createUser(w.db)
    const angriber = new Agent(w.app)
    const csrf = await csrfFor(angriber)
    const ip = '198.51.100.23'
    const koder: number[] = []
    for (let i = 0; i < 300; i++) {
      const res = await w.app.inject({
        method: 'POST',
        url: '/login',
        remoteAddress: ip,
        headers: { cookie: angriber.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ email: user.email, adgangskode: `forkert-${i}`, _csrf: csrf }).toString(),
      })
      koder.push(res.statusCode)
    }
    expect(koder.filter((k) => k === 400)).toHaveLength(GRAENSE)
    expect(koder.slice(GRAENSE).every((k) => k === 429)).toBe(true)

    // GRAENSE (4) failures are below LOGIN_LOCKOUT_ATTEMPTS (5): the real user, from home, gets in.
    const bruger = new Agent(w.app)
    const brugerCsrf = await csrfFor(bruger)
    const login = await w.app.inject({
      method: 'POST',
      url: '/login',
      remoteAddress: '192.0.2.44',
      headers: { cookie: bruger.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: user.email, adgangskode: user.password, _csrf: brugerCsrf }).toString(),
    })
    expect(login.statusCode).toBe(303)
    expect(login.cookies.some((c) => c.name === 'naevn_session' && c.value !== '')).toBe(true)
  })

  it('when one address has used up its login limit, then its registration has its own counter and other addresses still reach the password check', async () => {
    await waitFor('Redis connected', async () => (w.app.redis.status === 'ready' ? true : undefined))
    const agent = new Agent(w.app)
    const csrf = await csrfFor(agent)
    const ip = '203.0.113.99'
    const post = (url: string, remoteAddress: string, form: Record<string, string>) =>
      w.app.inject({ method: 'POST', url, remoteAddress, headers: { cookie: agent.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...form, _csrf: csrf }).toString() })
    for (let i = 0; i < GRAENSE + 2; i++) await post('/login', ip, { email: `x${i}@test.invalid`, adgangskode: 'y' })
    const reg = await post('/registrer', ip, { navn: 'Ny', email: 'ny@test.invalid', adgangskode: 'en-lang-adgangskode', adgangskode_gentag: 'en-lang-adgangskode' })
    // The two routes have their own counters of the same size; the registration's is still free.
    expect([303, 400]).toContain(reg.statusCode)
    const andet = await post('/login', '203.0.113.100', { email: 'x@test.invalid', adgangskode: 'y' })
    expect(andet.statusCode).toBe(400)
  })
})
