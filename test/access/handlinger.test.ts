// The access matrix for actions, not only pages: the decisions a head of secretariat takes
// for their own board (assign a case to someone else, read the access log, propose
// deletion, see the leaders' overview, change the board's settings), tried by every role
// of the board, by the head of another board, by a party and by an administrator. Each
// refusal is a 404 and changes nothing. The policies are named in server/kerne/access/policies.ts.
import { beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createNaevn, createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag } from '../helpers/indbringelse.js'

type Rolle = 'sagsbehandler' | 'sekretariatsleder' | 'naevnsmedlem' | 'andenLeder' | 'part' | 'admin'
const roller: Rolle[] = ['sagsbehandler', 'sekretariatsleder', 'naevnsmedlem', 'andenLeder', 'part', 'admin']

describe('who may take the head of secretariat’s decisions', () => {
  const w = useWorld()
  const agents = {} as Record<Rolle, Agent>
  const ids = {} as Record<Rolle, string>
  let naevnA: string
  let sagId: string

  beforeAll(async () => {
    naevnA = (await naevnFor(w.db, 101)).id
    const naevnB = (await createNaevn(w.db)).id
    for (const r of roller) {
      const u =
        r === 'admin'
          ? await createUser(w.db, { admin: true })
          : r === 'part'
            ? await createUser(w.db)
            : r === 'andenLeder'
              ? await createUser(w.db, { medlemskaber: [{ naevnId: naevnB, rolle: 'sekretariatsleder' }] })
              : await createUser(w.db, { medlemskaber: [{ naevnId: naevnA, rolle: r }] })
      ids[r] = u.id
      agents[r] = new Agent(w.app)
      await agents[r].login(u.email, u.password)
    }
    sagId = await indbringSag(agents.part)
    // The caseworker opens the case once, so the access log has an entry.
    expect((await agents.sagsbehandler.get(`/sagsbehandling/sager/${sagId}`)).statusCode).toBe(200)
  })

  const tildelt = async () => (await w.db.selectFrom('sager').select('sagsbehandler_id').where('id', '=', sagId).executeTakeFirstOrThrow()).sagsbehandler_id

  // Anyone of the board's staff may take a case themselves; giving it to someone else is the head's.
  it.each(roller.filter((r) => r !== 'sekretariatsleder'))('when a %s assigns the case to the head of the board, then it is 404 and the case stays unassigned', async (r) => {
    const res = await agents[r].post(`/sagsbehandling/sager/${sagId}/tildel`, { sagsbehandler: ids.sekretariatsleder })
    expect(res.statusCode).toBe(404)
    expect(await tildelt()).toBeNull()
  })

  it('when the head of the board assigns the case to the caseworker, then it is assigned', async () => {
    expect((await agents.sekretariatsleder.post(`/sagsbehandling/sager/${sagId}/tildel`, { sagsbehandler: ids.sagsbehandler })).statusCode).toBe(303)
    expect(await tildelt()).toBe(ids.sagsbehandler)
  })

  const sider: [string, () => string, Partial<Record<Rolle, number>>][] = [
    // The head of another board reads only their own boards' staff: the caseworker is not one (a form error).
    ['the access log of the caseworker', () => `/sagsbehandling/adgangslog?medarbejder=${ids.sagsbehandler}`, { sekretariatsleder: 200, andenLeder: 400 }],
    ['the leaders’ overview', () => '/sagsbehandling/oversigt', { sekretariatsleder: 200, andenLeder: 200 }],
    ['the deletion proposals', () => '/sagsbehandling/sletning', { sekretariatsleder: 200, andenLeder: 200 }],
    ['the board’s anonymization policy', () => `/naevn/${naevnA}/anonymisering`, { sekretariatsleder: 200, admin: 200 }],
  ]
  for (const [navn, url, tilladt] of sider) {
    it.each(roller)(`when a %s opens ${navn}, then only the permitted roles get it, the rest 404`, async (r) => {
      expect((await agents[r].get(url())).statusCode).toBe(tilladt[r] ?? 404)
    })
  }

  it('when the access log is searched, then the head of the board sees the caseworker’s reading of the case', async () => {
    const res = await agents.sekretariatsleder.get(`/sagsbehandling/adgangslog?medarbejder=${ids.sagsbehandler}`)
    expect(res.body).toContain(`/sagsbehandling/sager/${sagId}`)
  })

  it.each(roller)('when a %s opens the case page, then only the head of the board sees its access log entries', async (r) => {
    const res = await agents[r].get(`/sagsbehandling/sager/${sagId}`)
    if (r === 'sagsbehandler' || r === 'sekretariatsleder') {
      expect(res.statusCode).toBe(200)
      expect(res.body.includes('Sagen åbnet')).toBe(r === 'sekretariatsleder')
    } else expect(res.statusCode).toBe(404)
  })

  it.each(roller)('when a %s proposes deleting the board’s closed cases, then only its head may', async (r) => {
    const res = await agents[r].post('/sagsbehandling/sletning/forslag', { naevn: naevnA })
    expect(res.statusCode).toBe(r === 'sekretariatsleder' ? 303 : 404)
  })
})
