// The worker process's moving parts, startable in-process (tests) or from main.ts:
// one BullMQ worker per queue, the producers the relay uses, and the relay itself.
import { Queue, Worker } from 'bullmq'
import pino, { type Logger } from 'pino'
import type { Config } from '../server/platform/config.js'
import { createDatabase, type Database } from '../server/platform/db/database.js'
import { loggerOptions } from '../server/platform/logger.js'
import { createMailer } from '../server/platform/mail/mailer.js'
import { createCprCipher } from '../server/kerne/identitet/cpr-crypto.js'
import { lavTransport } from '../server/kerne/forsendelse/transport.js'
import { defaultJobOptions, queueNames, scheduledJobs, scheduledJobNames, type QueueName } from '../server/platform/queues/jobs.js'
import { createRedisClient, createWorkerRedisClient } from '../server/platform/queues/redis.js'
import { assertRegistryComplete, createJobHandler, processors, type ProcessorContext, type ProcessorRegistry } from './registry.js'
import { OutboxRelay } from './relay.js'
import { startWorkerMetrics } from './metrics.js'

export interface WorkerRuntime {
  db: Database
  queues: Map<QueueName, Queue>
  workers: Worker[]
  relay: OutboxRelay
  log: Logger
  close(): Promise<void>
}

/** What every processor gets: the database, mail, CPR cipher and Digital Post transport from config. */
export function processorContext(config: Config, db: Database, log: Logger): ProcessorContext {
  const mailer = createMailer({ smtpUrl: config.mailSmtpUrl, from: config.mailFrom, dir: config.mailDir })
  const cpr = createCprCipher(config.cprEncryptionKey)
  const { transport, dir, url, token } = config.digitalPost
  const digitalPost = lavTransport({ type: transport, mappe: dir, ...(url ? { url } : {}), ...(token ? { token } : {}), timeoutMs: 15_000 })
  return { db, mailer, config, log, cpr, digitalPost }
}

export async function startWorkerRuntime(
  config: Config,
  options: { registry?: ProcessorRegistry; log?: Logger } = {},
): Promise<WorkerRuntime> {
  const registry = options.registry ?? processors
  assertRegistryComplete(registry)
  const log = options.log ?? pino(loggerOptions(config.logLevel))
  const db = createDatabase(config.databaseUrl, Math.max(4, config.workerConcurrency + 2))
  const ctx = processorContext(config, db, log)
  const handler = createJobHandler(ctx, registry)

  const queues = new Map<QueueName, Queue>()
  const workers: Worker[] = []
  for (const name of queueNames) {
    const producer = createRedisClient(config.redisUrl)
    producer.on('error', (err) => log.debug({ err: err.message, queue: name }, 'redis (producent) fejl'))
    const queue = new Queue(name, { connection: producer, prefix: config.queuePrefix, defaultJobOptions })
    // Without a listener BullMQ prints every connection error of a queue to stderr.
    queue.on('error', (err) => log.debug({ err: err.message, queue: name }, 'redis (kø) fejl'))
    queues.set(name, queue)

    const consumer = createWorkerRedisClient(config.redisUrl)
    consumer.on('error', (err) => log.debug({ err: err.message, queue: name }, 'redis (worker) fejl'))
    const worker = new Worker(name, handler, { connection: consumer, prefix: config.queuePrefix, concurrency: config.workerConcurrency, lockDuration: config.workerLockMs, stalledInterval: config.workerLockMs })
    worker.on('failed', (job, err) =>
      log.warn({ queue: name, job: job?.name, jobId: job?.id, attemptsMade: job?.attemptsMade, err: err.message }, 'job fejlede'),
    )
    worker.on('error', (err) => log.debug({ err: err.message, queue: name }, 'worker-fejl'))
    workers.push(worker)
  }

  // Schedulers are upserted, so any number of worker processes keep exactly one each.
  // Not awaited: with Redis away the worker must still start, and it tries again later.
  let stopped = false
  const planlaeg = (name: (typeof scheduledJobNames)[number]) => {
    const def = scheduledJobs[name]
    queues
      .get(def.queue)!
      .upsertJobScheduler(name, { pattern: def.pattern, tz: def.tz }, { name, data: {}, opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnFail: false } })
      .catch((err: unknown) => {
        log.warn({ err: err instanceof Error ? err.message : err, job: name }, 'kunne ikke planlægge job; prøver igen om 30 s')
        if (!stopped) setTimeout(() => planlaeg(name), 30_000).unref()
      })
  }
  scheduledJobNames.forEach(planlaeg)

  const metrics = config.workerMetricsPort > 0 && config.metricsToken ? await startWorkerMetrics({ port: config.workerMetricsPort, token: config.metricsToken, workers, log }) : null

  const relay = new OutboxRelay({ db, databaseUrl: config.databaseUrl, queues, log, pollMs: config.outboxPollMs })
  await relay.start()
  log.info({ queues: queueNames }, 'workers kører')

  return {
    db,
    queues,
    workers,
    relay,
    log,
    async close() {
      stopped = true
      await metrics?.close()
      await relay.stop()
      // Worker.close waits for active jobs to finish: nothing is cut off midway.
      await Promise.all(workers.map((w) => w.close()))
      await Promise.all([...queues.values()].map((q) => q.close()))
      for (const q of queues.values()) (await q.client).disconnect()
      for (const w of workers) (await w.client).disconnect()
      ctx.mailer.close()
      await db.destroy()
    },
  }
}
