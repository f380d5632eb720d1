import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { multipartBody } from '../helpers/multipart.js'
import { createNaevn, createUser } from '../helpers/factories.js'

describe('login and logout', () => {
  const w = useWorld()

  it('when a citizen logs in with the right password, then a session cookie is set and / leads to Mine sager', async () => {
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    const res = await agent.login(user.email, user.password)
    expect(res.statusCode).toBe(303)
    expect(agent.hasCookie('naevn_session')).toBe(true)
    const cookie = res.cookies.find((c) => c.name === 'naevn_session')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Lax')
    const start = await agent.get('/')
    expect(start.headers.location).toBe('/mine-sager')
    const page = await agent.get('/mine-sager')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(user.navn)
  })

  it('when the e-mail is typed in another case, then login still works', async () => {
    const user = await createUser(w.db)
    const res = await new Agent(w.app).login(user.email.toUpperCase(), user.password)
    expect(res.statusCode).toBe(303)
  })

  it('when the password is wrong, then the form is shown again with the e-mail kept and a message that reveals nothing', async () => {
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    const wrong = await agent.login(user.email, 'forkert-adgangskode')
    const unknown = await agent.login(`ukendt-${user.email}`, 'forkert-adgangskode')
    expect(wrong.statusCode).toBe(400)
    expect(wrong.body).toContain(`value="${user.email}"`)
    expect(agent.hasCookie('naevn_session')).toBe(false)
    const message = (body: string) => /<li><a class="function-link" href="#email">([^<]+)<\/a>/.exec(body)?.[1]
    expect(message(wrong.body)).toBeTruthy()
    expect(message(wrong.body)).toBe(message(unknown.body))
  })

  it('when a staff member logs in, then each role lands on its own start page', async () => {
    const naevn = await createNaevn(w.db)
    const cases = [
      { o: { admin: true }, start: '/admin' },
      { o: { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' as const }] }, start: '/sagsbehandling' },
      { o: { medlemskaber: [{ naevnId: naevn.id, rolle: 'sekretariatsleder' as const }] }, start: '/sagsbehandling' },
      { o: { medlemskaber: [{ naevnId: naevn.id, rolle: 'naevnsmedlem' as const }] }, start: '/naevnsportal' },
      { o: {}, start: '/mine-sager' },
    ]
    for (const c of cases) {
      const user = await createUser(w.db, c.o)
      const agent = new Agent(w.app)
      await agent.login(user.email, user.password)
      expect((await agent.get('/')).headers.location).toBe(c.start)
      expect((await agent.get(c.start)).statusCode).toBe(200)
    }
  })

  it('when a login names a next page, then it goes there, but never to another site', async () => {
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    const local = await agent.post('/login', { email: user.email, adgangskode: user.password, naeste: '/cookies' })
    expect(local.headers.location).toBe('/cookies')
    const other = new Agent(w.app)
    const evil = await other.post('/login', { email: user.email, adgangskode: user.password, naeste: '//evil.example/' })
    expect(evil.headers.location).toBe('/')
    // Browsers strip tabs and newlines, so "/\t/evil.example" would become "//evil.example".
    for (const naeste of ['/\t/evil.example', '/\n/evil.example', '/\\evil.example', '/ /evil.example']) {
      const sneaky = await new Agent(w.app).post('/login', { email: user.email, adgangskode: user.password, naeste })
      expect(sneaky.headers.location, JSON.stringify(naeste)).toBe('/')
    }
  })

  it('when the user logs out, then the old session cookie no longer works', async () => {
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    const stolen = agent.cookieHeader()
    const out = await agent.post('/logout')
    expect(out.statusCode).toBe(303)
    const replay = await w.app.inject({ url: '/mine-sager', headers: { cookie: stolen } })
    expect(replay.statusCode).toBe(302)
    expect(replay.headers.location).toBe('/login?naeste=%2Fmine-sager')
  })

  it('when another user logs in in the same browser, then the first session ends', async () => {
    const a = await createUser(w.db)
    const b = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(a.email, a.password)
    const first = agent.cookieHeader()
    await agent.login(b.email, b.password)
    expect((await agent.get('/mine-sager')).statusCode).toBe(200)
    const replay = await w.app.inject({ url: '/mine-sager', headers: { cookie: first } })
    expect(replay.statusCode).toBe(302)
  })

  it('when an anonymous user opens a protected page, then the login page is offered; the API answers 401 problem+json', async () => {
    const page = await w.app.inject('/sagsbehandling')
    expect(page.statusCode).toBe(302)
    expect(page.headers.location).toContain('/login?naeste=')
    const api = await w.app.inject('/api/v1/mig')
    expect(api.statusCode).toBe(401)
    expect(api.headers['content-type']).toContain('application/problem+json')
    expect(api.json()).toMatchObject({ status: 401, code: 'IkkeLoggetInd' })
  })

  it('when an anonymous user uploads a file, then it is refused before the body is read', async () => {
    const { payload, contentType } = multipartBody({ tekst: 'x' }, [{ field: 'fil', filename: 'stor.txt', data: Buffer.alloc(5 * 1024 * 1024, 'a') }])
    const page = await w.app.inject({ method: 'POST', url: '/sager/00000000-0000-4000-8000-000000000000/beskeder', payload, headers: { 'content-type': contentType } })
    expect(page.statusCode).toBe(401)
    expect(page.body).toContain('Du skal logge ind for at sende filer.')
    const api = await w.app.inject({ method: 'POST', url: '/api/v1/sager/00000000-0000-4000-8000-000000000000/dokumenter', payload, headers: { 'content-type': contentType } })
    expect(api.statusCode).toBe(401)
  })
})

describe('sessions', () => {
  const w = useWorld()

  it('when an admin deactivates a user, then that user is logged out at once', async () => {
    const admin = await createUser(w.db, { admin: true })
    const user = await createUser(w.db)
    const userAgent = new Agent(w.app)
    await userAgent.login(user.email, user.password)
    expect((await userAgent.get('/mine-sager')).statusCode).toBe(200)

    const adminAgent = new Agent(w.app)
    await adminAgent.login(admin.email, admin.password)
    await adminAgent.get(`/admin/brugere/${user.id}`)
    const res = await adminAgent.post(`/admin/brugere/${user.id}/deaktiver`)
    expect(res.statusCode).toBe(303)

    const after = await userAgent.get('/mine-sager')
    expect(after.statusCode).toBe(302)
    expect(after.headers.location).toContain('/login')
    const again = await new Agent(w.app).login(user.email, user.password)
    expect(again.statusCode).toBe(400)
  })

  it('when a session has been idle longer than the idle timeout, then it is refused', async () => {
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    await w.db
      .updateTable('sessions')
      .set({ sidst_set: sql`now() - make_interval(mins => ${w.config.sessionIdleMinutes + 1})` })
      .where('user_id', '=', user.id)
      .execute()
    const res = await agent.get('/mine-sager')
    expect(res.statusCode).toBe(302)
    expect(agent.hasCookie('naevn_session')).toBe(false)
  })

  it('when a session is used within the idle timeout, then its idle clock restarts', async () => {
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    await w.db
      .updateTable('sessions')
      .set({ sidst_set: sql`now() - make_interval(mins => ${w.config.sessionIdleMinutes - 1})` })
      .where('user_id', '=', user.id)
      .execute()
    expect((await agent.get('/mine-sager')).statusCode).toBe(200)
    const row = await w.db.selectFrom('sessions').select(sql<number>`extract(epoch from now() - sidst_set)`.as('idle')).where('user_id', '=', user.id).executeTakeFirstOrThrow()
    expect(Number(row.idle)).toBeLessThan(60)
  })

  it('when a session is past its absolute lifetime, then it is refused even if active', async () => {
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    await w.db.updateTable('sessions').set({ udloeber: sql`now() - interval '1 second'` }).where('user_id', '=', user.id).execute()
    expect((await agent.get('/mine-sager')).statusCode).toBe(302)
  })

  it('when the session cookie is forged, then it is ignored', async () => {
    const agent = new Agent(w.app)
    agent.setCookie('naevn_session', 'eyJhbGciOiJIUzI1NiJ9.eyJzaWQiOiJ4In0.forfalsket')
    expect((await agent.get('/mine-sager')).statusCode).toBe(302)
  })

  it('when a membership is removed, then the role is gone on the next request', async () => {
    const naevn = await createNaevn(w.db)
    const user = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    expect((await agent.get('/sagsbehandling')).statusCode).toBe(200)
    await w.db.deleteFrom('naevn_medlemskaber').where('user_id', '=', user.id).execute()
    expect((await agent.get('/sagsbehandling')).statusCode).toBe(404)
  })
})
