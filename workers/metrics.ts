// The worker process's own metrics (job durations and failures per queue and job), on
// WORKER_METRICS_PORT behind the same bearer token as the web's /metrics. Queue depths
// and outbox lag are in the web process's /metrics.
import http from 'node:http'
import type { Worker } from 'bullmq'
import type { Logger } from 'pino'
import { Counter, Histogram } from 'prom-client'
import { harMetricsToken, nytRegister } from '../server/platform/metrics.js'

export async function startWorkerMetrics(o: { port: number; token: string; workers: Worker[]; log: Logger }): Promise<{ close(): Promise<void>; port: number }> {
  const register = nytRegister('worker')
  const varighed = new Histogram({ name: 'naevn_job_duration_seconds', help: 'Varighed af job pr. kø, job og udfald', labelNames: ['queue', 'job', 'result'], buckets: [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60], registers: [register] })
  const fejl = new Counter({ name: 'naevn_job_failures_total', help: 'Fejlede forsøg pr. kø og job; final=true når jobbet har opbrugt sine forsøg', labelNames: ['queue', 'job', 'final'], registers: [register] })
  for (const w of o.workers) {
    w.on('completed', (job) => {
      if (job.processedOn && job.finishedOn) varighed.observe({ queue: w.name, job: job.name, result: 'ok' }, (job.finishedOn - job.processedOn) / 1000)
    })
    w.on('failed', (job) => {
      if (!job) return
      if (job.processedOn && job.finishedOn) varighed.observe({ queue: w.name, job: job.name, result: 'fejl' }, (job.finishedOn - job.processedOn) / 1000)
      const final = job.finishedOn !== undefined && job.attemptsMade >= (job.opts.attempts ?? 1)
      fejl.inc({ queue: w.name, job: job.name, final: String(final) })
    })
  }
  const server = http.createServer((req, res) => {
    if (req.url !== '/metrics') return res.writeHead(404).end()
    if (!harMetricsToken(req.headers.authorization, o.token)) return res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"' }).end()
    register.metrics().then(
      (body) => res.writeHead(200, { 'content-type': register.contentType }).end(body),
      (err: unknown) => res.writeHead(500).end(String(err)),
    )
  })
  await new Promise<void>((resolve) => server.listen(o.port, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  o.log.info({ port }, 'worker-metrics lytter')
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
