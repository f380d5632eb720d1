// The operators' failed list: a delivery the Digital Post gateway refuses lands there
// after its last attempt; an admin sees it and, once the cause is fixed, retries it, and
// the letter is delivered once. Nobody but an admin can see or touch the list.
import { afterAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { waitFor } from '../helpers/wait.js'
import { useWorkers } from '../helpers/workers.js'
import { startGateway } from '../helpers/gateway.js'

const gw = await startGateway()
afterAll(() => gw.stop())

describe('failed jobs', () => {
  const w = useWorld({ DIGITAL_POST_TRANSPORT: 'http', DIGITAL_POST_URL: gw.url })
  useWorkers(w)

  it('when the gateway refuses a letter, then it lands in the failed list, only an admin sees it, and a retry after the fix delivers it once', async () => {
    const naevn = await naevnFor(w.db, 101)
    const sb = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    const admin = await createUser(w.db, { admin: true })
    const filer = await createUser(w.db)
    const filerAgent = new Agent(w.app)
    await filerAgent.login(filer.email, filer.password)
    const sagId = await indbringSag(filerAgent)
    const sbAgent = new Agent(w.app)
    await sbAgent.login(sb.email, sb.password)
    const adminAgent = new Agent(w.app)
    await adminAgent.login(admin.email, admin.password)
    await adminAgent.get('/admin/koeer')

    // A refusal (4xx) cannot be helped by retrying: the job fails at once.
    gw.afvisAlle = 422
    const indbringer = await w.db.selectFrom('parter').select('id').where('sag_id', '=', sagId).where('rolle', '=', 'indbringer').executeTakeFirstOrThrow()
    await sbAgent.get(`/sagsbehandling/sager/${sagId}`)
    const res = await sbAgent.post(`/sagsbehandling/sager/${sagId}/breve`, { brev_modtagere: [indbringer.id], emne: 'Oplysninger', brevtekst: 'Send venligst lejekontrakten.' })
    expect(res.statusCode).toBe(303)
    const u = await waitFor('the refused sending', () => w.db.selectFrom('udsendelser').selectAll().where('sag_id', '=', sagId).where('status', '=', 'fejlet').executeTakeFirst())
    expect(u.sidste_fejl).toMatch(/422/)

    const side = await waitFor('the failed list', async () => {
      const r = await adminAgent.get('/admin/koeer')
      return r.body.includes(u.id) ? r : undefined
    })
    expect(side.statusCode).toBe(200)
    expect(side.body).toContain('Brev leveres (Digital Post eller print)')
    expect(side.body).toContain('Digital Post afviste beskeden')
    const action = /action="(\/admin\/koeer\/notifikation\/[^"]+)\/genstart"/.exec(side.body)
    expect(action).not.toBeNull()
    const sti = action![1]!

    // An anonymous visitor is asked to log in; the caseworker and the party: no such page, no such job.
    const anonym = await new Agent(w.app).get('/admin/koeer')
    expect(anonym.statusCode).toBe(302)
    expect(anonym.headers.location).toMatch(/^\/login/)
    for (const agent of [sbAgent, filerAgent]) {
      expect((await agent.get('/admin/koeer')).statusCode).toBe(404)
      expect((await agent.post(`${sti}/genstart`)).statusCode).toBe(404)
      expect((await agent.post(`${sti}/fjern`)).statusCode).toBe(404)
    }
    // An id that is not a failed job, and a queue that does not exist.
    expect((await adminAgent.post('/admin/koeer/notifikation/outbox-999999/genstart')).statusCode).toBe(404)
    expect((await adminAgent.post('/admin/koeer/ingen-koe/outbox-1/genstart')).statusCode).toBe(404)
    expect(gw.modtaget.size).toBe(0)

    // The cause is fixed; the admin retries.
    gw.afvisAlle = null
    const igen = await adminAgent.post(`${sti}/genstart`)
    expect(igen.statusCode).toBe(303)
    expect(igen.headers.location).toBe('/admin/koeer?handling=genstartet')
    const sendt = await waitFor('the delivery after the retry', () => w.db.selectFrom('udsendelser').selectAll().where('id', '=', u.id).where('status', '=', 'sendt').executeTakeFirst())
    expect(sendt.kvittering).toContain(u.id)
    expect([...gw.modtaget.keys()]).toEqual([u.id])
    expect((await adminAgent.get('/admin/koeer')).body).not.toContain(u.id)
    // A second retry of the same job: it is no longer failed.
    expect((await adminAgent.post(`${sti}/genstart`)).statusCode).toBe(404)
  })

  it('when a job cannot be processed at all, then an admin can remove it from the failed list', async () => {
    const admin = await createUser(w.db, { admin: true })
    const adminAgent = new Agent(w.app)
    await adminAgent.login(admin.email, admin.password)
    await adminAgent.get('/admin/koeer')
    // A payload that breaks the job's schema fails without retries.
    const { id } = await w.db.insertInto('outbox').values({ job_name: 'lever-udsendelse', payload: JSON.stringify({ udsendelseId: 'ikke-en-uuid' }) }).returning('id').executeTakeFirstOrThrow()
    const side = await waitFor('the bad job in the failed list', async () => {
      const r = await adminAgent.get('/admin/koeer')
      return r.body.includes(`outbox-${id}`) ? r : undefined
    })
    expect(side.body).toContain('ugyldige data til lever-udsendelse')
    const fjern = await adminAgent.post(`/admin/koeer/notifikation/outbox-${id}/fjern`)
    expect(fjern.statusCode).toBe(303)
    expect((await adminAgent.get('/admin/koeer')).body).not.toContain(`outbox-${id}`)
  })
})

describe('the bull-board dashboard', () => {
  const w = useWorld()
  useWorkers(w)

  it('when an admin opens /admin/jobkoeer, then the dashboard and its API answer and a failed job can be retried there; anyone else gets 404', async () => {
    const admin = await createUser(w.db, { admin: true })
    const adminAgent = new Agent(w.app)
    await adminAgent.login(admin.email, admin.password)
    const side = await adminAgent.get('/admin/jobkoeer')
    expect(side.statusCode).toBe(200)
    expect(side.body).toContain('__UI_CONFIG__')
    const api = await adminAgent.get('/admin/jobkoeer/api/queues')
    expect(api.statusCode).toBe(200)
    const navne = (JSON.parse(api.body) as { queues: { name: string }[] }).queues.map((q) => q.name).sort()
    expect(navne).toEqual(expect.arrayContaining(['anonymisering', 'dokumenter', 'notifikation', 'publicering']))

    const { id } = await w.db.insertInto('outbox').values({ job_name: 'lever-udsendelse', payload: JSON.stringify({ udsendelseId: 'ikke-en-uuid' }) }).returning('id').executeTakeFirstOrThrow()
    await waitFor('the failed job', async () => (await w.app.koeer.fejlede()).find((j) => j.id === `outbox-${id}`))
    const sb = await createUser(w.db, { medlemskaber: [{ naevnId: (await naevnFor(w.db, 101)).id, rolle: 'sagsbehandler' }] })
    const sbAgent = new Agent(w.app)
    await sbAgent.login(sb.email, sb.password)
    expect((await sbAgent.get('/admin/jobkoeer')).statusCode).toBe(404)
    expect((await sbAgent.get('/admin/jobkoeer/api/queues')).statusCode).toBe(404)
    const fremmed = await w.app.inject({ method: 'PUT', url: `/admin/jobkoeer/api/queues/notifikation/outbox-${id}/retry/failed`, headers: { cookie: sbAgent.cookieHeader() } })
    expect(fremmed.statusCode).toBe(404)

    const retry = await w.app.inject({ method: 'PUT', url: `/admin/jobkoeer/api/queues/notifikation/outbox-${id}/retry/failed`, headers: { cookie: adminAgent.cookieHeader() } })
    expect(retry.statusCode).toBe(204)
    // It fails again (the payload is still bad), but it was tried again: two attempts.
    await waitFor('the retried job', async () => {
      const job = await w.app.koeer.koeListe().find((q) => q.name === 'notifikation')!.getJob(`outbox-${id}`)
      return job && (await job.isFailed()) && job.attemptsStarted >= 2
    })
  })
})
