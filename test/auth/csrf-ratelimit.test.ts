import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { waitFor } from '../helpers/wait.js'
import { Agent } from '../helpers/agent.js'
import { createUser } from '../helpers/factories.js'

describe('CSRF', () => {
  const w = useWorld()

  it('when a form is posted without the CSRF token, then it is refused with 403 and nothing changes', async () => {
    const admin = await createUser(w.db, { admin: true })
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(admin.email, admin.password)
    const res = await agent.post(`/admin/brugere/${user.id}/deaktiver`, {}, { csrf: false })
    expect(res.statusCode).toBe(403)
    expect(res.body).toContain('sikkerhedstjek')
    const row = await w.db.selectFrom('users').select('aktiv').where('id', '=', user.id).executeTakeFirstOrThrow()
    expect(row.aktiv).toBe(true)
  })

  it('when the login form is posted without a token, then it is refused', async () => {
    const user = await createUser(w.db)
    const res = await new Agent(w.app).post('/login', { email: user.email, adgangskode: user.password }, { csrf: false })
    expect(res.statusCode).toBe(403)
  })

  it('when a token from another browser is used, then it is refused', async () => {
    const user = await createUser(w.db)
    const a = new Agent(w.app)
    const page = await a.get('/login')
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!
    const res = await w.app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, email: user.email, adgangskode: user.password }).toString(),
    })
    expect(res.statusCode).toBe(403)
  })
})

describe('login rate limit and lockout', () => {
  const w = useWorld({ LOGIN_RATE_LIMIT_PER_MINUTE: '3', LOGIN_LOCKOUT_ATTEMPTS: '100' })

  it('when one address posts the login form too often, then it gets 429 with a Danish page', async () => {
    await waitFor('Redis connected', async () => (w.app.redis.status === 'ready' ? true : undefined))
    const agent = new Agent(w.app)
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await agent.login('nogen@test.invalid', 'forkert')).statusCode)
    expect(statuses).toEqual([400, 400, 400, 429])
    const last = await agent.login('nogen@test.invalid', 'forkert')
    expect(last.body).toContain('For mange forsøg')
  })
})

describe('public API rate limit', () => {
  const w = useWorld({ PUBLIC_API_RATE_LIMIT_PER_MINUTE: '2' })

  it('when one address asks the public board list too often, then it gets 429 problem+json', async () => {
    // The limiter lets requests through while Redis is not connected yet (skipOnError): wait for it.
    await waitFor('Redis connected', async () => (w.app.redis.status === 'ready' ? true : undefined))
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) statuses.push((await w.app.inject('/api/v1/naevn')).statusCode)
    expect(statuses).toEqual([200, 200, 429])
    const res = await w.app.inject('/api/v1/naevn')
    expect(res.headers['content-type']).toContain('application/problem+json')
  })
})

describe('account lockout', () => {
  const w = useWorld({ LOGIN_LOCKOUT_ATTEMPTS: '3' })

  it('when an account has too many failed attempts, then even the right password is refused with the same message', async () => {
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    const first = await agent.login(user.email, 'forkert')
    for (let i = 0; i < 2; i++) await agent.login(user.email, 'forkert')
    const locked = await agent.login(user.email, user.password)
    expect(locked.statusCode).toBe(400)
    expect(agent.hasCookie('naevn_session')).toBe(false)
    const message = (body: string) => /href="#email">([^<]+)</.exec(body)?.[1]
    expect(message(locked.body)).toBe(message(first.body))
  })

  it('when an unknown address is tried as often, then the answers are exactly the same as for a real one', async () => {
    const agent = new Agent(w.app)
    const bodies: string[] = []
    for (let i = 0; i < 4; i++) bodies.push((await agent.login('findes-ikke@test.invalid', 'forkert')).body)
    const message = (body: string) => /href="#email">([^<]+)</.exec(body)?.[1]
    expect(new Set(bodies.map(message)).size).toBe(1)
  })
})
