// The leader's access log by staff member: the cases and documents one member of staff
// opened, only on the boards the leader leads; nobody else can search it.
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag } from '../helpers/indbringelse.js'

describe('access log by staff member', () => {
  const w = useWorld()

  it('when a leader searches a caseworker, then the cases they opened on the leader’s boards are listed, and nothing else', async () => {
    const kbh = await naevnFor(w.db, 101)
    const aarhus = await naevnFor(w.db, 751)
    const leder = await createUser(w.db, { medlemskaber: [{ naevnId: kbh.id, rolle: 'sekretariatsleder' }] })
    // A caseworker on both boards, and one on Aarhus only.
    const begge = await createUser(w.db, { navn: 'Bente Begge', medlemskaber: [{ naevnId: kbh.id, rolle: 'sagsbehandler' }, { naevnId: aarhus.id, rolle: 'sagsbehandler' }] })
    const kunAarhus = await createUser(w.db, { navn: 'Aage Aarhus', medlemskaber: [{ naevnId: aarhus.id, rolle: 'sagsbehandler' }] })
    const filer = await createUser(w.db)
    const fa = new Agent(w.app)
    await fa.login(filer.email, filer.password)
    const kbhSag = await indbringSag(fa)
    const aarhusSag = await indbringSag(fa, { postnr: '8000' })
    const ba = new Agent(w.app)
    await ba.login(begge.email, begge.password)
    expect((await ba.get(`/sagsbehandling/sager/${kbhSag}`)).statusCode).toBe(200)
    expect((await ba.get(`/sagsbehandling/sager/${aarhusSag}`)).statusCode).toBe(200)
    const [kbhNr, aarhusNr] = await Promise.all([kbhSag, aarhusSag].map(async (id) => (await w.db.selectFrom('sager').select('sagsnummer').where('id', '=', id).executeTakeFirstOrThrow()).sagsnummer!))

    const la = new Agent(w.app)
    await la.login(leder.email, leder.password)
    const side = await la.get(`/sagsbehandling/adgangslog?medarbejder=${begge.id}`)
    expect(side.statusCode).toBe(200)
    expect(side.body).toContain(kbhNr)
    // The Aarhus case is not the Copenhagen leader's business.
    expect(side.body).not.toContain(aarhusNr)
    // A caseworker outside the leader's boards cannot be chosen.
    const fremmed = await la.get(`/sagsbehandling/adgangslog?medarbejder=${kunAarhus.id}`)
    expect(fremmed.statusCode).toBe(400)
    expect(fremmed.body).toContain('Vælg en medarbejder i de nævn, du leder.')
    expect((await la.get(`/sagsbehandling/adgangslog?medarbejder=${begge.id}&fra=i-går`)).statusCode).toBe(400)
    // A caseworker is not a leader.
    expect((await ba.get(`/sagsbehandling/adgangslog?medarbejder=${begge.id}`)).statusCode).toBe(404)
  })
})
