// Delivery of letters with legal effect: the routing per party (Digital Post, exemption,
// no CPR, representative), the print queue with its combined PDF, and its access rules.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { waitFor } from '../helpers/wait.js'
import { useWorkers } from '../helpers/workers.js'

describe('delivery of letters', () => {
  const w = useWorld()
  useWorkers(w)

  async function setup(o: { repraesentant?: boolean } = {}) {
    const naevn = await naevnFor(w.db, 101)
    const sb = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    const filer = await createUser(w.db)
    const filerAgent = new Agent(w.app)
    await filerAgent.login(filer.email, filer.password)
    const sagId = await indbringSag(filerAgent, o)
    const sbAgent = new Agent(w.app)
    await sbAgent.login(sb.email, sb.password)
    await sbAgent.get(`/sagsbehandling/sager/${sagId}`)
    return { sagId, sbAgent, filerAgent }
  }

  async function skrivBrev(sbAgent: Agent, sagId: string, partId: string) {
    const res = await sbAgent.post(`/sagsbehandling/sager/${sagId}/breve`, { brev_modtagere: [partId], emne: 'Oplysninger', brevtekst: 'Send venligst lejekontrakten.' })
    expect(res.statusCode).toBe(303)
    return waitFor('the letter routed', () =>
      w.db.selectFrom('udsendelser').selectAll().where('sag_id', '=', sagId).where('status', 'in', ['sendt', 'til_print']).executeTakeFirst(),
    )
  }

  it('when the filer has a CPR number and is not exempt, then a valid MeMo message is delivered once, named by the sending', async () => {
    const { sagId, sbAgent } = await setup()
    const indbringer = await w.db.selectFrom('parter').select('id').where('sag_id', '=', sagId).where('rolle', '=', 'indbringer').executeTakeFirstOrThrow()
    const u = await skrivBrev(sbAgent, sagId, indbringer.id)
    expect(u).toMatchObject({ status: 'sendt', kanal: 'digital_post' })
    expect(u.kvittering).toBeTruthy()
    const xml = await readFile(path.join(w.config.digitalPost.dir, `${u.id}.xml`), 'utf8')
    expect(xml).toContain('0101901234')
    expect(xml).toMatch(/<memo:Message\b/)
    const journal = await w.db.selectFrom('journal').select(['handling', 'synlig_for_parter']).where('sag_id', '=', sagId).where('handling', '=', 'udsendelse_sendt').execute()
    expect(journal).toEqual([{ handling: 'udsendelse_sendt', synlig_for_parter: true }])
  })

  it('when a party is exempt from Digital Post, then the letter waits in the print queue, prints as one PDF and can be marked sent; another board sees none of it', async () => {
    const { sagId, sbAgent, filerAgent } = await setup()
    const indbringer = await w.db.selectFrom('parter').select('id').where('sag_id', '=', sagId).where('rolle', '=', 'indbringer').executeTakeFirstOrThrow()

    const bad = await sbAgent.post('/sagsbehandling/fritagelser', { navn: 'Lene Lejer', nummer: '010190-12', fra: '2020-01-01', til: '' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Lene Lejer')
    const ok = await sbAgent.post('/sagsbehandling/fritagelser', { navn: 'Lene Lejer', nummer: '010190-1234', fra: '2020-01-01', til: '' })
    expect(ok.statusCode).toBe(303)
    const register = await sbAgent.get('/sagsbehandling/fritagelser')
    expect(register.body).toContain('Lene Lejer')
    expect(register.body).not.toContain('1234')

    const u = await skrivBrev(sbAgent, sagId, indbringer.id)
    expect(u).toMatchObject({ status: 'til_print', kanal: 'brev', modtager_part_id: indbringer.id })
    expect(u.begrundelse).toContain('fritaget for Digital Post')
    const journal = await w.db.selectFrom('journal').select('handling').where('sag_id', '=', sagId).where('handling', '=', 'udsendelse_rutet').execute()
    expect(journal).toHaveLength(1)

    const koe = await sbAgent.get('/sagsbehandling/udskrivning')
    expect(koe.body).toContain(`value="${u.id}"`)
    const pdf = await sbAgent.post('/sagsbehandling/udskrivning/samlet.pdf', { id: [u.id] })
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toContain('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')

    // Staff of another board: the letter is not in their queue, and its id does not exist for them.
    const andetNaevn = await naevnFor(w.db, 851)
    const fremmed = await createUser(w.db, { medlemskaber: [{ naevnId: andetNaevn.id, rolle: 'sagsbehandler' }] })
    const fremmedAgent = new Agent(w.app)
    await fremmedAgent.login(fremmed.email, fremmed.password)
    expect((await fremmedAgent.get('/sagsbehandling/udskrivning')).body).not.toContain(u.id)
    await fremmedAgent.get('/sagsbehandling/udskrivning')
    expect((await fremmedAgent.post('/sagsbehandling/udskrivning/samlet.pdf', { id: [u.id] })).statusCode).toBe(404)
    expect((await fremmedAgent.post('/sagsbehandling/udskrivning/sendt', { id: [u.id] })).statusCode).toBe(404)
    // A party is not staff at all.
    expect((await filerAgent.get('/sagsbehandling/udskrivning')).statusCode).toBe(404)
    expect((await filerAgent.post('/sagsbehandling/udskrivning/samlet.pdf', { id: [u.id] })).statusCode).toBe(404)

    const sendt = await sbAgent.post('/sagsbehandling/udskrivning/sendt', { id: [u.id] })
    expect(sendt.statusCode).toBe(303)
    const efter = await w.db.selectFrom('udsendelser').select(['status', 'printet']).where('id', '=', u.id).executeTakeFirstOrThrow()
    expect(efter.status).toBe('printet')
    expect(efter.printet).toBeInstanceOf(Date)
    expect((await sbAgent.get('/sagsbehandling/udskrivning')).body).not.toContain(u.id)
    expect((await sbAgent.get(`/sagsbehandling/sager/${sagId}`)).body).toContain('Sendt med posten')
  })

  it('when the case says the representative receives, then the letter for the client goes to the representative', async () => {
    const { sagId, sbAgent } = await setup({ repraesentant: true })
    await w.db.updateTable('sager').set({ repraesentant_modtager: true }).where('id', '=', sagId).execute()
    const parter = await w.db.selectFrom('parter').select(['id', 'rolle']).where('sag_id', '=', sagId).execute()
    const klient = parter.find((p) => p.rolle === 'indbringer')!
    const repraesentant = parter.find((p) => p.rolle === 'repraesentant')!
    const u = await skrivBrev(sbAgent, sagId, klient.id)
    expect(u.part_id).toBe(klient.id)
    expect(u.modtager_part_id).toBe(repraesentant.id)
    expect(u.begrundelse).toContain('repræsentanten')
    // The representative filed without a CPR number of their own: a printed letter to them.
    expect(u.status).toBe('til_print')
  })

})
