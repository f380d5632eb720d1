// A request's id follows it into the jobs it causes: the outbox row carries it, and the
// worker's log lines for the job carry it as reqId. A client-supplied id is kept only
// when it is a plain token.
import { Writable } from 'node:stream'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { waitFor } from '../helpers/wait.js'
import { startWorkerRuntime, type WorkerRuntime } from '../../workers/runtime.js'

describe('request id into jobs', () => {
  const w = useWorld()
  const linjer: Record<string, unknown>[] = []
  let runtime: WorkerRuntime
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        for (const l of chunk.toString().split('\n').filter(Boolean)) linjer.push(JSON.parse(l) as Record<string, unknown>)
        cb()
      },
    })
    runtime = await startWorkerRuntime(w.config, { log: pino({ level: 'info' }, stream) })
  })
  afterAll(() => runtime?.close())

  it('when a registration causes a welcome mail, then the outbox row and the job’s log lines carry the request’s id', async () => {
    const a = new Agent(w.app)
    await a.get('/registrer')
    const res = await a.post('/registrer', { navn: 'Rita Request', email: 'rita@test.invalid', adgangskode: 'en-lang-adgangskode-1', adgangskode_gentag: 'en-lang-adgangskode-1' }, { headers: { 'x-request-id': 'req-test-4711' } })
    expect(res.statusCode).toBe(303)
    const row = await w.db.selectFrom('outbox').select(['id', 'request_id']).where('job_name', '=', 'send-velkomstmail').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(row.request_id).toBe('req-test-4711')
    const linje = await waitFor('the job’s log line', async () => linjer.find((l) => l.jobId === `outbox-${row.id}` && l.msg === 'job færdigt'))
    expect(linje.reqId).toBe('req-test-4711')
  })

  it('when a client sends an id that is not a plain token, then a fresh one is used instead', async () => {
    const a = new Agent(w.app)
    await a.get('/registrer')
    await a.post('/registrer', { navn: 'Rolf Request', email: 'rolf@test.invalid', adgangskode: 'en-lang-adgangskode-2', adgangskode_gentag: 'en-lang-adgangskode-2' }, { headers: { 'x-request-id': 'evil\nid {"admin":true}' } })
    const row = await w.db.selectFrom('outbox').select('request_id').where('job_name', '=', 'send-velkomstmail').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(row.request_id).toMatch(/^[0-9a-f-]{36}$/)
  })
})
