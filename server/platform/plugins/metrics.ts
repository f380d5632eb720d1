// /metrics in Prometheus format for the web process, behind a bearer token
// (METRICS_TOKEN; without it the route does not exist): HTTP latency per route, the job
// queues' depths and failed jobs, and the outbox's backlog and lag. The worker process
// exposes job durations and failures on its own port (workers/metrics.ts).
import fp from 'fastify-plugin'
import { sql } from 'kysely'
import { Gauge, Histogram } from 'prom-client'
import { harMetricsToken, nytRegister } from '../metrics.js'

export default fp(
  async (app) => {
    const token = app.config.metricsToken
    if (!token) return
    const register = nytRegister('web')
    const varighed = new Histogram({
      name: 'naevn_http_request_duration_seconds',
      help: 'Svartid pr. rute, metode og statuskode',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [register],
    })
    app.addHook('onResponse', async (req, reply) => {
      // The route's pattern, never the raw URL: ids and queries would explode the label set.
      const route = req.routeOptions.url ?? 'ukendt_rute'
      varighed.observe({ method: req.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000)
    })

    const koeDybde = new Gauge({ name: 'naevn_queue_jobs', help: 'Job i hver kø pr. tilstand', labelNames: ['queue', 'state'], registers: [register] })
    const outboxVenter = new Gauge({ name: 'naevn_outbox_pending', help: 'Outbox-rækker, der endnu ikke er lagt i en kø', registers: [register] })
    const outboxLag = new Gauge({ name: 'naevn_outbox_lag_seconds', help: 'Alderen på den ældste outbox-række, der venter', registers: [register] })

    async function opdater() {
      const [koeer, outbox] = await Promise.allSettled([
        app.koeer.oversigt(),
        sql<{ n: number; lag: number | null }>`SELECT count(*)::int AS n, extract(epoch FROM now() - min(oprettet))::float8 AS lag FROM outbox WHERE afsendt IS NULL`.execute(app.db),
      ])
      koeDybde.reset()
      if (koeer.status === 'fulfilled') for (const k of koeer.value) for (const [state, n] of Object.entries(k.antal)) koeDybde.set({ queue: k.navn, state }, n)
      if (outbox.status === 'fulfilled') {
        const r = outbox.value.rows[0]!
        outboxVenter.set(r.n)
        outboxLag.set(r.lag ?? 0)
      }
    }

    app.get('/metrics', { config: { api: true }, schema: { hide: true } }, async (req, reply) => {
      if (!harMetricsToken(req.headers.authorization, token)) {
        return reply.status(401).header('www-authenticate', 'Bearer realm="metrics"').type('text/plain; charset=utf-8').send('Metrics kræver et gyldigt token.\n')
      }
      await opdater()
      return reply.type(register.contentType).send(await register.metrics())
    })
  },
  { name: 'metrics', dependencies: ['config', 'db', 'koeer'] },
)
