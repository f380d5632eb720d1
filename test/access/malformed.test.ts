// Malformed ids and dates in addresses and forms get a clear 400 or 404, never a 500.
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { udfyldKladde } from '../helpers/indbringelse.js'

describe('malformed input', () => {
  const w = useWorld()

  it('when a draft document id is not an id, then deleting it is a 404', async () => {
    await naevnFor(w.db, 101)
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    const id = await udfyldKladde(agent)
    expect((await agent.post(`/indbringelse/${id}/bilag/ikke-et-id/slet`)).statusCode).toBe(404)
  })

  it('when an admin names a board that is not an id, then the form says so or the membership is not found', async () => {
    const admin = await createUser(w.db, { admin: true })
    const other = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(admin.email, admin.password)
    await agent.get(`/admin/brugere/${other.id}`)
    const add = await agent.post(`/admin/brugere/${other.id}/medlemskaber`, { naevnId: 'abc', rolle: 'sagsbehandler' })
    expect(add.statusCode).toBe(400)
    expect(add.body).toContain('Vælg et nævn')
    expect((await agent.post(`/admin/brugere/${other.id}/medlemskaber/abc/fjern`)).statusCode).toBe(404)
  })

  it('when the inbox gets an impossible date, then it answers without that filter', async () => {
    const naevn = await naevnFor(w.db, 101)
    const sb = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    const agent = new Agent(w.app)
    await agent.login(sb.email, sb.password)
    expect((await agent.get('/sagsbehandling?fra=2024-13-45&til=2024-02-30')).statusCode).toBe(200)
  })
})
