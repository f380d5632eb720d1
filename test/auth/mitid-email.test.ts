// /konto/email: a MitID user gives an address for notices; it is used only once the
// single-use link mailed to it is confirmed. Bad input gets Danish errors with the input
// kept; accounts without MitID get 404; an address held by another account is refused.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Agent } from '../helpers/agent.js'
import { createUser } from '../helpers/factories.js'
import { mitidLogin, useMitidWorld } from '../helpers/mitid.js'
import { demoIdentiteter } from '../../server/kerne/auth/oidc/demo-identiteter.js'

const person = (navn: string) => demoIdentiteter.find((d) => d.navn === navn)!.subjekt

describe('the e-mail address of a MitID user', () => {
  const w = useMitidWorld()

  async function bekraeftLink(email: string): Promise<string> {
    const dir = w.env.MAIL_DIR!
    const filer = (await readdir(dir)).filter((f) => f.startsWith('email-bekraeft-')).sort()
    for (const f of filer.reverse()) {
      const eml = (await readFile(path.join(dir, f), 'utf8')).replace(/=\r?\n/g, '')
      if (eml.includes(email)) return /\/konto\/email\/bekraeft\/[A-Za-z0-9_-]+/.exec(eml)![0]
    }
    throw new Error(`no confirmation mail to ${email}`)
  }

  const brugerEmail = async (navn: string) => (await w.db.selectFrom('users').select('email').where('navn', '=', navn).executeTakeFirstOrThrow()).email

  it('when a MitID user gives an address, then it is used only after the mailed link is confirmed, and the link works once', async () => {
    const agent = new Agent(w.app)
    await mitidLogin(agent, person('Camilla Nørgaard'))
    const mine = await agent.get('/mine-sager')
    expect(mine.body).toContain('Skriv din e-mailadresse')
    const side = await agent.get('/konto/email')
    expect(side.statusCode).toBe(200)
    expect(side.body).toContain('Ingen. Du får ikke besked på e-mail endnu.')

    const res = await agent.post('/konto/email', { email: 'camilla@eksempel.dk' })
    expect(res.statusCode).toBe(303)
    const efter = await agent.get(String(res.headers.location))
    expect(efter.body).toContain('Adressen bruges først, når du har bekræftet den')
    expect(efter.body).toContain('camilla@eksempel.dk – ikke bekræftet endnu')
    expect(await brugerEmail('Camilla Nørgaard')).toMatch(/@mitid\.invalid$/)

    const link = await bekraeftLink('camilla@eksempel.dk')
    // Opening the link (as a mail scanner would) confirms nothing.
    const vis = await new Agent(w.app).get(link)
    expect(vis.statusCode).toBe(200)
    expect(await brugerEmail('Camilla Nørgaard')).toMatch(/@mitid\.invalid$/)
    const anonym = new Agent(w.app)
    await anonym.get(link)
    const ok = await anonym.post(link, {})
    expect(ok.statusCode).toBe(200)
    expect(ok.body).toContain('Adressen er bekræftet')
    expect(await brugerEmail('Camilla Nørgaard')).toBe('camilla@eksempel.dk')
    expect((await anonym.post(link, {})).statusCode).toBe(410)
    expect((await agent.get('/konto/email')).body).toContain('<dd>camilla@eksempel.dk</dd>')
  })

  it('when the address is wrong, then the page says so in Danish and keeps what was typed', async () => {
    const agent = new Agent(w.app)
    await mitidLogin(agent, person('Frederik Winther'))
    await agent.get('/konto/email')
    for (const [email, fejl] of [
      ['', 'Skriv din e-mailadresse.'],
      ['frederik.eksempel.dk', 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.'],
      ['frederik@noget.invalid', 'Adressen kan ikke modtage e-mail. Skriv en anden.'],
    ] as const) {
      const res = await agent.post('/konto/email', { email })
      expect(res.statusCode).toBe(400)
      expect(res.body).toContain(fejl)
      if (email) expect(res.body).toContain(`value="${email}"`)
    }
  })

  it('when the address belongs to another account, then confirming it is refused and nothing changes', async () => {
    const anden = await createUser(w.db, { email: 'optaget@eksempel.dk' })
    expect(anden.email).toBe('optaget@eksempel.dk')
    const agent = new Agent(w.app)
    await mitidLogin(agent, person('Mette Hansen'))
    await agent.get('/konto/email')
    expect((await agent.post('/konto/email', { email: 'optaget@eksempel.dk' })).statusCode).toBe(303)
    const link = await bekraeftLink('optaget@eksempel.dk')
    await agent.get(link)
    const res = await agent.post(link, {})
    expect(res.statusCode).toBe(409)
    expect(res.body).toContain('allerede knyttet til en anden konto')
    expect(await brugerEmail('Mette Hansen (Nørrebro Ejendomme ApS)')).toMatch(/@mitid\.invalid$/)
  })

  it('when an account without MitID or an anonymous visitor asks, then the page is 404 or the login', async () => {
    const u = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(u.email, u.password)
    expect((await agent.get('/konto/email')).statusCode).toBe(404)
    expect((await agent.post('/konto/email', { email: 'x@eksempel.dk' })).statusCode).toBe(404)
    expect((await new Agent(w.app).get('/konto/email')).statusCode).toBe(302)
    expect((await new Agent(w.app).get('/konto/email/bekraeft/ukendt-token')).statusCode).toBe(410)
  })
})
