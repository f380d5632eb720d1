// The outbox relay: moves committed outbox rows to BullMQ with a job id derived from the outbox id, then
// marks them dispatched. Woken by LISTEN/NOTIFY, with polling as the fallback, so
// nothing is lost when Redis is down or a process dies between commit and enqueue.
import pg from 'pg'
import type { Queue } from 'bullmq'
import type { Logger } from 'pino'
import { sql } from 'kysely'
import type { Database } from '../server/platform/db/database.js'
import { outboxChannel } from '../server/kerne/outbox/outbox.js'
import { jobDefinitions, jobMetaKey, jobNames, outboxJobId, type JobName, type QueueName } from '../server/platform/queues/jobs.js'

export interface RelayOptions {
  db: Database
  databaseUrl: string
  queues: Map<QueueName, Queue>
  log: Logger
  pollMs: number
  batchSize?: number
  /** How long one enqueue may take before the batch gives up (Redis unreachable). */
  enqueueTimeoutMs?: number
}

export class OutboxRelay {
  private listener: pg.Client | null = null
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private again = false
  private stopped = false

  constructor(private readonly options: RelayOptions) {}

  async start(): Promise<void> {
    await this.listen()
    const tick = () => {
      if (this.stopped) return
      this.wake()
      this.timer = setTimeout(tick, this.options.pollMs)
    }
    tick()
  }

  /** Runs a drain now, or once more after the one in progress. */
  wake(): void {
    if (this.stopped) return
    if (this.running) {
      this.again = true
      return
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((err: unknown) => this.options.log.warn({ err }, 'outbox: afsendelse fejlede, prøver igen'))
      .finally(() => {
        this.running = null
        if (this.again) {
          this.again = false
          this.wake()
        }
      })
  }

  /** Dispatches batches until nothing is pending or a batch fails. Returns the count. */
  async drain(): Promise<number> {
    let total = 0
    for (;;) {
      const { dispatched, failed, size } = await this.dispatchBatch()
      total += dispatched
      if (failed || size < (this.options.batchSize ?? 100)) return total
    }
  }

  private async dispatchBatch(): Promise<{ dispatched: number; failed: boolean; size: number }> {
    const { db, queues, log } = this.options
    return db.transaction().execute(async (trx) => {
      // SKIP LOCKED lets several relays run side by side without handing out a row twice.
      const rows = await trx
        .selectFrom('outbox')
        .select(['id', 'job_name', 'payload', 'request_id'])
        .where('afsendt', 'is', null)
        .where('job_name', 'in', jobNames)
        .orderBy('id')
        .limit(this.options.batchSize ?? 100)
        .forUpdate()
        .skipLocked()
        .execute()
      const done: number[] = []
      let failed = false
      for (const row of rows) {
        const name = row.job_name as JobName
        const queue = queues.get(jobDefinitions[name].queue)
        try {
          if (!queue) throw new Error(`ingen kø ${jobDefinitions[name].queue}`)
          // The causing request's id travels beside the payload (see createJobHandler).
          const data = row.request_id ? { ...(row.payload as object), [jobMetaKey]: { requestId: row.request_id } } : row.payload
          await withTimeout(queue.add(name, data, { jobId: outboxJobId(row.id) }), this.options.enqueueTimeoutMs ?? 3000)
          done.push(row.id)
        } catch (err) {
          failed = true
          const message = err instanceof Error ? err.message : String(err)
          log.warn({ outboxId: row.id, err: message }, 'outbox: kunne ikke lægge job i kø')
          await trx
            .updateTable('outbox')
            .set((eb) => ({ forsoeg: eb('forsoeg', '+', 1), sidste_fejl: message.slice(0, 500) }))
            .where('id', '=', row.id)
            .execute()
          break
        }
      }
      if (done.length > 0) {
        await trx.updateTable('outbox').set({ afsendt: sql`clock_timestamp()` }).where('id', 'in', done).execute()
        log.debug({ antal: done.length }, 'outbox: afsendt til kø')
      }
      return { dispatched: done.length, failed, size: rows.length }
    })
  }

  private async listen(): Promise<void> {
    if (this.stopped) return
    const client = new pg.Client({ connectionString: this.options.databaseUrl })
    client.on('notification', () => this.wake())
    client.on('error', (err) => {
      this.options.log.warn({ err: err.message }, 'outbox: LISTEN-forbindelsen faldt ud; polling dækker indtil den er tilbage')
      this.listener = null
      void client.end().catch(() => {})
      setTimeout(() => void this.listen().catch(() => {}), 2000).unref()
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${outboxChannel}`)
      this.listener = client
    } catch (err) {
      this.options.log.warn({ err }, 'outbox: kunne ikke lytte; polling dækker')
      void client.end().catch(() => {})
      setTimeout(() => void this.listen().catch(() => {}), 2000).unref()
    }
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    await this.running
    await this.listener?.end().catch(() => {})
    this.listener = null
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis svarede ikke inden ${ms} ms`)), ms)
    }),
  ])
}
