// The access matrix: role × board × endpoint. A refusal is always a 404.
import { describe, expect, it, beforeAll } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createNaevn, createUser } from '../helpers/factories.js'
import type { NaevnRolle } from '../../server/kerne/access/principal.js'

describe('access to boards and role pages', () => {
  const w = useWorld()
  let boardA: { id: string }
  let boardB: { id: string }
  const agents: Record<string, Agent> = {}

  beforeAll(async () => {
    boardA = await createNaevn(w.db)
    boardB = await createNaevn(w.db, { type: 'beboerklagenaevn' })
    const roles: (NaevnRolle | 'admin' | 'borger')[] = ['sagsbehandler', 'sekretariatsleder', 'naevnsmedlem', 'admin', 'borger']
    for (const role of roles) {
      const user =
        role === 'admin'
          ? await createUser(w.db, { admin: true })
          : role === 'borger'
            ? await createUser(w.db)
            : await createUser(w.db, { medlemskaber: [{ naevnId: boardA.id, rolle: role }] })
      agents[role] = new Agent(w.app)
      await agents[role].login(user.email, user.password)
    }
  })

  const pageMatrix: [string, (ids: { a: string; b: string }) => string, Record<string, number>][] = [
    ['own board page', ({ a }) => `/naevn/${a}`, { sagsbehandler: 200, sekretariatsleder: 200, naevnsmedlem: 200, admin: 200, borger: 404 }],
    ['other board page', ({ b }) => `/naevn/${b}`, { sagsbehandler: 404, sekretariatsleder: 404, naevnsmedlem: 404, admin: 200, borger: 404 }],
    ['own board via API', ({ a }) => `/api/v1/naevn/${a}`, { sagsbehandler: 200, sekretariatsleder: 200, naevnsmedlem: 200, admin: 200, borger: 404 }],
    ['other board via API', ({ b }) => `/api/v1/naevn/${b}`, { sagsbehandler: 404, sekretariatsleder: 404, naevnsmedlem: 404, admin: 200, borger: 404 }],
    ['caseworker start page', () => '/sagsbehandling', { sagsbehandler: 200, sekretariatsleder: 200, naevnsmedlem: 404, admin: 404, borger: 404 }],
    ['board members portal', () => '/naevnsportal', { sagsbehandler: 404, sekretariatsleder: 404, naevnsmedlem: 200, admin: 404, borger: 404 }],
    ['admin overview', () => '/admin', { sagsbehandler: 404, sekretariatsleder: 404, naevnsmedlem: 404, admin: 200, borger: 404 }],
    ['admin users', () => '/admin/brugere', { sagsbehandler: 404, sekretariatsleder: 404, naevnsmedlem: 404, admin: 200, borger: 404 }],
    ['admin board', ({ a }) => `/admin/naevn/${a}`, { sagsbehandler: 404, sekretariatsleder: 404, naevnsmedlem: 404, admin: 200, borger: 404 }],
    ['unknown board id', () => '/naevn/00000000-0000-0000-0000-000000000000', { sagsbehandler: 404, sekretariatsleder: 404, naevnsmedlem: 404, admin: 404, borger: 404 }],
    ['malformed board id', () => '/naevn/abc', { sagsbehandler: 404, sekretariatsleder: 404, naevnsmedlem: 404, admin: 404, borger: 404 }],
  ]

  for (const [name, url, expected] of pageMatrix) {
    for (const [role, status] of Object.entries(expected)) {
      it(`when a ${role} opens the ${name}, then the answer is ${status}`, async () => {
        const res = await agents[role]!.get(url({ a: boardA.id, b: boardB.id }))
        expect(res.statusCode).toBe(status)
      })
    }
  }

  it('when a refused board is asked for through the API, then the 404 is problem+json and looks like a missing one', async () => {
    const refused = await agents.sagsbehandler!.get(`/api/v1/naevn/${boardB.id}`)
    const missing = await agents.sagsbehandler!.get('/api/v1/naevn/00000000-0000-0000-0000-000000000000')
    expect(refused.headers['content-type']).toContain('application/problem+json')
    expect({ ...refused.json(), instance: '' }).toEqual({ ...missing.json(), instance: '' })
  })

  it('when a caseworker lists their own board, then its members are shown', async () => {
    const res = await agents.sagsbehandler!.get(`/api/v1/naevn/${boardA.id}`)
    expect(res.json().medlemmer.map((m: { rolle: string }) => m.rolle).sort()).toEqual(['naevnsmedlem', 'sagsbehandler', 'sekretariatsleder'])
  })

  it('when a non-admin posts to an admin action, then it is a 404 and nothing changes', async () => {
    const victim = await createUser(w.db)
    const agent = agents.sekretariatsleder!
    await agent.get('/sagsbehandling')
    const res = await agent.post(`/admin/brugere/${victim.id}/deaktiver`)
    expect(res.statusCode).toBe(404)
    const row = await w.db.selectFrom('users').select('aktiv').where('id', '=', victim.id).executeTakeFirstOrThrow()
    expect(row.aktiv).toBe(true)
  })

  it('when anyone asks for the public list of boards, then it answers without login', async () => {
    const res = await w.app.inject('/api/v1/naevn?type=beboerklagenaevn')
    expect(res.statusCode).toBe(200)
    const ids = res.json().items.map((i: { id: string }) => i.id)
    expect(ids).toContain(boardB.id)
    expect(ids).not.toContain(boardA.id)
  })
})
