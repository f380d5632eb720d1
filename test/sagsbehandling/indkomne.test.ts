import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag, udfyldKladde } from '../helpers/indbringelse.js'

describe('incoming cases and fee registration', () => {
  const w = useWorld()

  it('when a case is filed, then only its own board’s secretariat sees it, and may register the fee as paid once', async () => {
    const kbh = await naevnFor(w.db, 101)
    const frb = await naevnFor(w.db, 147)
    const borger = await createUser(w.db)
    const egen = await createUser(w.db, { medlemskaber: [{ naevnId: kbh.id, rolle: 'sagsbehandler' }] })
    const anden = await createUser(w.db, { medlemskaber: [{ naevnId: frb.id, rolle: 'sekretariatsleder' }] })
    const medlem = await createUser(w.db, { medlemskaber: [{ naevnId: kbh.id, rolle: 'naevnsmedlem' }] })
    const b = new Agent(w.app)
    await b.login(borger.email, borger.password)
    const id = await indbringSag(b)
    const kladde = await udfyldKladde(b)
    const sagsnummer = (await w.db.selectFrom('sager').select('sagsnummer').where('id', '=', id).executeTakeFirstOrThrow()).sagsnummer!

    const egenAgent = new Agent(w.app)
    await egenAgent.login(egen.email, egen.password)
    const start = await egenAgent.get('/sagsbehandling')
    expect(start.body).toContain(sagsnummer)
    expect(start.body).not.toContain(kladde)

    const andenAgent = new Agent(w.app)
    await andenAgent.login(anden.email, anden.password)
    expect((await andenAgent.get('/sagsbehandling')).body).not.toContain(sagsnummer)
    expect((await andenAgent.post(`/sagsbehandling/sager/${id}/gebyr-betalt`)).statusCode).toBe(404)
    const medlemAgent = new Agent(w.app)
    await medlemAgent.login(medlem.email, medlem.password)
    expect((await medlemAgent.post(`/sagsbehandling/sager/${id}/gebyr-betalt`)).statusCode).toBe(404)
    expect((await b.post(`/sagsbehandling/sager/${id}/gebyr-betalt`)).statusCode).toBe(404)
    expect((await egenAgent.post(`/sagsbehandling/sager/${kladde}/gebyr-betalt`)).statusCode).toBe(404)

    expect((await egenAgent.post(`/sagsbehandling/sager/${id}/gebyr-betalt`)).statusCode).toBe(303)
    expect((await egenAgent.post(`/sagsbehandling/sager/${id}/gebyr-betalt`)).statusCode).toBe(409)
    const sag = await w.db.selectFrom('sager').select('gebyr_betalt').where('id', '=', id).executeTakeFirstOrThrow()
    expect(sag.gebyr_betalt).not.toBeNull()
    // The filer sees the payment in the timeline.
    expect((await b.get(`/sager/${id}`)).body).toContain('Gebyret er registreret som betalt')
  })
})
