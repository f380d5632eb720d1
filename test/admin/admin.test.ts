import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createNaevn, createUser, uid } from '../helpers/factories.js'

async function adminAgent(w: ReturnType<typeof useWorld>) {
  const admin = await createUser(w.db, { admin: true })
  const agent = new Agent(w.app)
  await agent.login(admin.email, admin.password)
  return { agent, admin }
}

describe('admin: users and memberships', () => {
  const w = useWorld()

  it('when the admin creates a caseworker for a board, then the account can log in and lands on Sagsbehandling', async () => {
    const { agent } = await adminAgent(w)
    const naevn = await createNaevn(w.db)
    const email = `ny-${uid()}@test.invalid`
    const res = await agent.post('/admin/brugere', {
      navn: 'Nina Ny',
      email,
      adgangskode: 'første-adgangskode-123',
      naevnId: naevn.id,
      rolle: 'sagsbehandler',
    })
    expect(res.statusCode).toBe(303)
    const created = new Agent(w.app)
    await created.login(email, 'første-adgangskode-123')
    expect((await created.get('/')).headers.location).toBe('/sagsbehandling')
    const log = await w.db.selectFrom('revisionslog').select('handling').where('objekt_type', '=', 'bruger').execute()
    expect(log.map((l) => l.handling)).toEqual(expect.arrayContaining(['bruger_oprettet', 'medlemskab_sat']))
  })

  it('when the form has errors, then it is shown again in Danish with everything typed kept (but the password)', async () => {
    const { agent } = await adminAgent(w)
    const naevn = await createNaevn(w.db)
    const res = await agent.post('/admin/brugere', { navn: 'Ole Uden Mail', email: 'ikke-en-mail', adgangskode: 'kort', naevnId: naevn.id, rolle: '' })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('value="Ole Uden Mail"')
    expect(res.body).toContain('value="ikke-en-mail"')
    expect(res.body).toMatch(new RegExp(`<option value="${naevn.id}" selected>`))
    expect(res.body).toContain('Skriv en gyldig e-mailadresse.')
    expect(res.body).toContain('Adgangskoden skal være på mindst 12 tegn.')
    expect(res.body).toContain('Vælg brugerens rolle i nævnet.')
    expect(res.body).not.toContain('value="kort"')
  })

  it('when the e-mail is taken, then the admin is told so on the field', async () => {
    const { agent } = await adminAgent(w)
    const existing = await createUser(w.db)
    const res = await agent.post('/admin/brugere', { navn: 'Dublet', email: existing.email.toUpperCase(), adgangskode: 'en-god-lang-adgangskode' })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('Der findes allerede en konto med denne e-mailadresse.')
  })

  it('when a role is given and changed and removed, then the user page shows each state', async () => {
    const { agent } = await adminAgent(w)
    const naevn = await createNaevn(w.db)
    const user = await createUser(w.db)
    await agent.get(`/admin/brugere/${user.id}`)
    expect((await agent.post(`/admin/brugere/${user.id}/medlemskaber`, { naevnId: naevn.id, rolle: 'naevnsmedlem' })).statusCode).toBe(303)
    expect((await agent.post(`/admin/brugere/${user.id}/medlemskaber`, { naevnId: naevn.id, rolle: 'sekretariatsleder' })).statusCode).toBe(303)
    const rows = await w.db.selectFrom('naevn_medlemskaber').select('rolle').where('user_id', '=', user.id).execute()
    expect(rows).toEqual([{ rolle: 'sekretariatsleder' }])
    expect((await agent.get(`/admin/brugere/${user.id}`)).body).toContain('Sekretariatsleder')
    expect((await agent.post(`/admin/brugere/${user.id}/medlemskaber/${naevn.id}/fjern`)).statusCode).toBe(303)
    expect(await w.db.selectFrom('naevn_medlemskaber').selectAll().where('user_id', '=', user.id).execute()).toHaveLength(0)
  })

  it('when a role is assigned without choosing one, then the page says so and keeps the chosen board', async () => {
    const { agent } = await adminAgent(w)
    const naevn = await createNaevn(w.db)
    const user = await createUser(w.db)
    await agent.get(`/admin/brugere/${user.id}`)
    const res = await agent.post(`/admin/brugere/${user.id}/medlemskaber`, { naevnId: naevn.id, rolle: '' })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('Vælg en rolle.')
    expect(res.body).toMatch(new RegExp(`<option value="${naevn.id}" selected>`))
  })

  it('when the admin tries to deactivate their own account, then it is refused', async () => {
    const { agent, admin } = await adminAgent(w)
    await agent.get('/admin')
    const res = await agent.post(`/admin/brugere/${admin.id}/deaktiver`)
    expect(res.statusCode).toBe(409)
    expect((await agent.get('/admin')).statusCode).toBe(200)
  })

  it('when users are searched, then only matches are listed', async () => {
    const { agent } = await adminAgent(w)
    const needle = `nål${uid()}`
    await createUser(w.db, { navn: `Karl ${needle}` })
    const res = await agent.get(`/admin/brugere?q=${encodeURIComponent(needle)}`)
    expect(res.body).toContain(`Karl ${needle}`)
    expect(res.body).toContain('1 brugere fundet')
  })
})

describe('admin: boards', () => {
  const w = useWorld()

  it('when boards are merged, then the target serves their municipalities, takes their members and the sources close', async () => {
    const { agent } = await adminAgent(w)
    const target = await createNaevn(w.db, { kommunekoder: [265] })
    const a = await createNaevn(w.db, { kommunekoder: [269] })
    const b = await createNaevn(w.db, { kommunekoder: [259] })
    const member = await createUser(w.db, { medlemskaber: [{ naevnId: a.id, rolle: 'sagsbehandler' }] })
    await agent.get(`/admin/naevn/${target.id}`)
    const res = await agent.post(`/admin/naevn/${target.id}/sammenlaeg`, { kilder: [a.id, b.id] })
    expect(res.statusCode).toBe(303)

    const kommuner = await w.db.selectFrom('naevn_kommuner').select('kommunekode').where('naevn_id', '=', target.id).orderBy('kommunekode').execute()
    expect(kommuner.map((k) => k.kommunekode)).toEqual([259, 265, 269])
    const sources = await w.db.selectFrom('naevn').select(['aktiv', 'sammenlagt_i']).where('id', 'in', [a.id, b.id]).execute()
    expect(sources).toEqual([
      { aktiv: false, sammenlagt_i: target.id },
      { aktiv: false, sammenlagt_i: target.id },
    ])
    const m = await w.db.selectFrom('naevn_medlemskaber').select(['naevn_id', 'rolle']).where('user_id', '=', member.id).execute()
    expect(m).toEqual([{ naevn_id: target.id, rolle: 'sagsbehandler' }])
  })

  it('when boards of different types are merged, then it is refused with a Danish message and nothing moves', async () => {
    const { agent } = await adminAgent(w)
    const target = await createNaevn(w.db, { kommunekoder: [101] })
    const other = await createNaevn(w.db, { type: 'beboerklagenaevn', kommunekoder: [101] })
    await agent.get(`/admin/naevn/${target.id}`)
    const res = await agent.post(`/admin/naevn/${target.id}/sammenlaeg`, { kilder: [other.id] })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('Kun nævn af samme type kan lægges sammen.')
    const still = await w.db.selectFrom('naevn').select('aktiv').where('id', '=', other.id).executeTakeFirstOrThrow()
    expect(still.aktiv).toBe(true)
  })

  it('when no board is chosen for a merge, then the form says so', async () => {
    const { agent } = await adminAgent(w)
    const target = await createNaevn(w.db)
    await agent.get(`/admin/naevn/${target.id}`)
    const res = await agent.post(`/admin/naevn/${target.id}/sammenlaeg`, {})
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('Vælg mindst ét andet nævn')
  })

  it('when contact details are saved with a bad postal code, then the form keeps the input and explains', async () => {
    const { agent } = await adminAgent(w)
    const naevn = await createNaevn(w.db)
    await agent.get(`/admin/naevn/${naevn.id}`)
    const bad = await agent.post(`/admin/naevn/${naevn.id}`, { navn: 'Huslejenævnet i Testby', adresse: 'Torvet 1', postnr: '12', by: 'Testby', email: '', telefon: '', hoeringsfrist_uger: '2' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('value="Torvet 1"')
    expect(bad.body).toContain('Postnummeret skal være fire cifre.')
    const ok = await agent.post(`/admin/naevn/${naevn.id}`, { navn: 'Huslejenævnet i Testby', adresse: 'Torvet 1', postnr: '1234', by: 'Testby', email: 'nævn@testby.dk', telefon: '12345678', hoeringsfrist_uger: '3' })
    expect(ok.statusCode).toBe(303)
    const row = await w.db.selectFrom('naevn').select(['navn', 'postnr', 'hoeringsfrist_uger']).where('id', '=', naevn.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ navn: 'Huslejenævnet i Testby', postnr: '1234', hoeringsfrist_uger: 3 })
  })
})
