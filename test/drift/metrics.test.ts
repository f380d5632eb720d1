// /metrics: Prometheus text behind a bearer token — HTTP latency per route, queue depths,
// outbox backlog and lag from the web process; job durations and failures from the
// worker's own port. Without a configured token the route does not exist.
import net from 'node:net'
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { createUser } from '../helpers/factories.js'
import { waitFor } from '../helpers/wait.js'
import { useWorkers } from '../helpers/workers.js'
import { addToOutbox } from '../../server/kerne/outbox/outbox.js'

const token = 'metrics-token-til-test-0123456789'
const ledigPort = await new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as net.AddressInfo).port
    s.close(() => resolve(p))
  })
})

describe('metrics with a token', () => {
  const w = useWorld({ METRICS_TOKEN: token, WORKER_METRICS_PORT: String(ledigPort) })
  useWorkers(w)

  it('when /metrics is asked without or with a wrong token, then it answers 401; with the token, it shows route latencies, queue depths and the outbox', async () => {
    expect((await w.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401)
    expect((await w.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer forkert-token-forkert-token' } })).statusCode).toBe(401)
    await w.app.inject({ method: 'GET', url: '/healthz' })
    const res = await w.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/plain')
    expect(res.body).toMatch(/naevn_http_request_duration_seconds_bucket\{[^}]*route="\/healthz"[^}]*status_code="200"/)
    expect(res.body).toMatch(/naevn_queue_jobs\{[^}]*queue="notifikation"[^}]*state="failed"/)
    expect(res.body).toMatch(/^naevn_outbox_pending\{[^}]*\} \d+/m)
    expect(res.body).toMatch(/^naevn_outbox_lag_seconds\{[^}]*\} [\d.e+-]+/m)
  })

  it('when the worker has run a job, then its metrics port shows the job’s duration, behind the same token', async () => {
    const user = await createUser(w.db)
    const outboxId = await w.db.transaction().execute((trx) => addToOutbox(trx, 'send-velkomstmail', { userId: user.id }))
    await waitFor('the job', () => w.db.selectFrom('sendte_mails').select('id').where('outbox_id', '=', outboxId).executeTakeFirst())
    const url = `http://127.0.0.1:${ledigPort}/metrics`
    expect((await fetch(url)).status).toBe(401)
    const body = await waitFor('the job in the worker’s metrics', async () => {
      const r = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
      const t = await r.text()
      return /naevn_job_duration_seconds_count\{[^}]*job="send-velkomstmail"/.test(t) ? t : undefined
    })
    expect(body).toMatch(/naevn_job_duration_seconds_count\{[^}]*queue="notifikation"[^}]*result="ok"/)
  })
})

describe('metrics without a token', () => {
  const w = useWorld()
  it('when no METRICS_TOKEN is configured, then /metrics does not exist', async () => {
    expect((await w.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(404)
  })
})
