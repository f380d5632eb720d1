import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { Agent } from '../helpers/agent.js'
import { createNaevn, createUser } from '../helpers/factories.js'
import { mitidLogin, useMitidWorld } from '../helpers/mitid.js'
import { demoIdentiteter } from '../../server/kerne/auth/oidc/demo-identiteter.js'
import { base32Decode, totp } from '../../server/kerne/auth/totp.js'
import { tokenHash } from '../../server/kerne/auth/adgangskode.js'

const nyKode = 'en-helt-ny-lang-adgangskode'

describe('password accounts: change, reset, TOTP and the admin switch', () => {
  const w = useMitidWorld()

  async function staff() {
    const naevn = await createNaevn(w.db)
    return createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
  }

  async function resetLink(email: string): Promise<string> {
    const dir = w.env.MAIL_DIR!
    for (const f of (await readdir(dir)).filter((f) => f.startsWith('nulstil-'))) {
      const eml = await readFile(path.join(dir, f), 'utf8')
      if (eml.includes(email)) return /\/nulstil-adgangskode\/[A-Za-z0-9_-]+/.exec(eml.replace(/=\r?\n/g, ''))![0]
    }
    throw new Error(`no reset mail to ${email}`)
  }

  it('when a staff member changes the password, then the old one stops working, other sessions end and the new one logs in', async () => {
    const user = await staff()
    const other = new Agent(w.app)
    await other.login(user.email, user.password)
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    const wrong = await agent.post('/konto/adgangskode', { nuvaerende: 'forkert', ny_adgangskode: nyKode, ny_adgangskode_gentag: nyKode })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.body).toContain('Den nuværende adgangskode er forkert.')
    const res = await agent.post('/konto/adgangskode', { nuvaerende: user.password, ny_adgangskode: nyKode, ny_adgangskode_gentag: nyKode })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('Din adgangskode er skiftet')
    expect((await agent.get('/sagsbehandling')).statusCode).toBe(200)
    expect((await other.get('/sagsbehandling')).statusCode).toBe(302)
    expect((await new Agent(w.app).login(user.email, user.password)).statusCode).toBe(400)
    expect((await new Agent(w.app).login(user.email, nyKode)).statusCode).toBe(303)
  })

  it('when a reset link is asked for, then it is e-mailed, works once, and only its hash is stored', async () => {
    const user = await staff()
    const agent = new Agent(w.app)
    await agent.get('/glemt-adgangskode')
    const res = await agent.post('/glemt-adgangskode', { email: user.email })
    expect(res.body).toContain('Hvis der findes en konto')
    const link = await resetLink(user.email)
    const token = link.split('/').pop()!
    const row = await w.db.selectFrom('adgangskode_nulstillinger').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow()
    expect(row.token_hash).toBe(tokenHash(token))
    expect(JSON.stringify(row)).not.toContain(token)
    expect((await agent.get(link)).statusCode).toBe(200)
    const kort = await agent.post(link, { ny_adgangskode: 'kort', ny_adgangskode_gentag: 'kort' })
    expect(kort.statusCode).toBe(400)
    expect((await agent.post(link, { ny_adgangskode: nyKode, ny_adgangskode_gentag: nyKode })).statusCode).toBe(303)
    expect((await new Agent(w.app).login(user.email, nyKode)).statusCode).toBe(303)
    const igen = await agent.post(link, { ny_adgangskode: `${nyKode}-2`, ny_adgangskode_gentag: `${nyKode}-2` })
    expect(igen.statusCode).toBe(410)
    expect(igen.body).toContain('Linket er udløbet eller allerede brugt')
  })

  it('when the reset link has expired, then it is refused; and an unknown address gets the same answer as a known one', async () => {
    const user = await staff()
    const agent = new Agent(w.app)
    const known = await agent.post('/glemt-adgangskode', { email: user.email })
    const unknown = await agent.post('/glemt-adgangskode', { email: `ukendt-${user.email}` })
    expect(unknown.body.replace(/ukendt-/g, '')).toBe(known.body)
    const link = await resetLink(user.email)
    await w.db.updateTable('adgangskode_nulstillinger').set({ udloeber: sql<Date>`now() - interval '1 minute'` }).where('user_id', '=', user.id).execute()
    expect((await agent.get(link)).statusCode).toBe(410)
    expect((await agent.post(link, { ny_adgangskode: nyKode, ny_adgangskode_gentag: nyKode })).statusCode).toBe(410)
  })

  it('when a staff member turns on TOTP, then login asks for the code, and a wrong or reused code is refused', async () => {
    const user = await staff()
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    const side = await agent.get('/konto/totp')
    const hemmelighed = /<code class="totp-noegle">([A-Z2-7]+)<\/code>/.exec(side.body)![1]!
    const secret = base32Decode(hemmelighed)
    const forkert = await agent.post('/konto/totp/aktiver', { hemmelighed, kode: '000000' })
    expect(forkert.statusCode).toBe(400)
    expect(forkert.body).toContain(hemmelighed)
    // The step just before now: the activation uses it, so the login must use the current one.
    expect((await agent.post('/konto/totp/aktiver', { hemmelighed, kode: totp(secret, Date.now() / 1000 - 30) })).statusCode).toBe(303)
    const login = new Agent(w.app)
    const trin1 = await login.login(user.email, user.password)
    expect(trin1.statusCode).toBe(200)
    expect(trin1.body).toContain('Bekræft dit login')
    expect(login.hasCookie('naevn_session')).toBe(false)
    expect((await login.post('/login/totp', { kode: '123456' === totp(secret, Date.now() / 1000) ? '654321' : '123456' })).statusCode).toBe(400)
    const kode = totp(secret, Date.now() / 1000)
    expect((await login.post('/login/totp', { kode })).statusCode).toBe(303)
    expect((await login.get('/sagsbehandling')).statusCode).toBe(200)
    const replay = new Agent(w.app)
    await replay.login(user.email, user.password)
    expect((await replay.post('/login/totp', { kode })).statusCode).toBe(400)
  })

  it('when the administrator turns password login off for citizens, then citizens are refused in Danish while staff still log in', async () => {
    const admin = await createUser(w.db, { admin: true })
    const adminAgent = new Agent(w.app)
    await adminAgent.login(admin.email, admin.password)
    expect((await adminAgent.get('/admin/login')).statusCode).toBe(200)
    expect((await adminAgent.post('/admin/login', { borger_adgangskode: 'nej' })).statusCode).toBe(303)
    try {
      const borger = await createUser(w.db)
      const res = await new Agent(w.app).login(borger.email, borger.password)
      expect(res.statusCode).toBe(400)
      expect(res.body).toContain('Borgere og virksomheder logger ind med MitID')
      expect(res.body).toContain(`value="${borger.email}"`)
      expect((await new Agent(w.app).get('/registrer')).statusCode).toBe(303)
      const s = await staff()
      expect((await new Agent(w.app).login(s.email, s.password)).statusCode).toBe(303)
    } finally {
      await adminAgent.post('/admin/login', { borger_adgangskode: 'ja' })
    }
  })

  it('when someone other than an administrator opens the log-in settings, or a MitID user opens the password pages, then it is 404', async () => {
    const s = await staff()
    const staffAgent = new Agent(w.app)
    await staffAgent.login(s.email, s.password)
    expect((await staffAgent.get('/admin/login')).statusCode).toBe(404)
    expect((await staffAgent.post('/admin/login', { borger_adgangskode: 'nej' })).statusCode).toBe(404)
    const mitid = new Agent(w.app)
    await mitidLogin(mitid, demoIdentiteter[0]!.subjekt)
    for (const url of ['/konto/adgangskode', '/konto/totp']) expect((await mitid.get(url)).statusCode, url).toBe(404)
    expect((await mitid.post('/konto/totp/aktiver', { hemmelighed: 'A'.repeat(32), kode: '123456' })).statusCode).toBe(404)
    expect((await mitid.get('/admin/login')).statusCode).toBe(404)
  })
})
