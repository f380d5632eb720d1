// Reading and repairing the job queues from the web process: counts per queue, the
// failed list (jobs that used up their attempts or could never succeed), and retry or
// remove of one failed job. The worker process owns the processing; this only looks.
import { Queue, type Job } from 'bullmq'
import type { Redis } from 'ioredis'
import { defaultJobOptions, isJobName, isScheduledJobName, jobLabels, queueNames, type QueueName } from './jobs.js'

export interface KoeOversigt {
  navn: QueueName
  antal: { waiting: number; active: number; delayed: number; failed: number; completed: number }
}

export interface FejletJob {
  koe: QueueName
  id: string
  navn: string
  label: string
  data: Record<string, unknown>
  forsoeg: number
  fejl: string
  fejlet: Date | null
  oprettet: Date
}

const maksFejlede = 200

export class KoeAdgang {
  private readonly queues = new Map<QueueName, Queue>()

  constructor(connection: Redis, prefix: string) {
    for (const navn of queueNames) this.queues.set(navn, new Queue(navn, { connection, prefix, defaultJobOptions }))
  }

  /** The queues themselves, for a dashboard that reads them directly (bull-board). */
  koeListe(): Queue[] {
    return [...this.queues.values()]
  }

  erKoe(navn: string): navn is QueueName {
    return this.queues.has(navn as QueueName)
  }

  async oversigt(): Promise<KoeOversigt[]> {
    return Promise.all(
      [...this.queues].map(async ([navn, q]) => {
        const c = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed')
        return { navn, antal: { waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0, completed: c.completed ?? 0 } }
      }),
    )
  }

  /** The failed jobs of every queue, newest first. */
  async fejlede(): Promise<FejletJob[]> {
    const lister = await Promise.all([...this.queues].map(async ([navn, q]) => (await q.getFailed(0, maksFejlede - 1)).map((j) => fejletJob(navn, j))))
    return lister.flat().sort((a, b) => (b.fejlet?.getTime() ?? 0) - (a.fejlet?.getTime() ?? 0))
  }

  private async fejletJob(koe: QueueName, id: string): Promise<Job | null> {
    const job = await this.queues.get(koe)!.getJob(id)
    if (!job || !(await job.isFailed())) return null
    return job
  }

  /** Back to waiting with its attempts reset. False when there is no such failed job. */
  async genstart(koe: QueueName, id: string): Promise<boolean> {
    const job = await this.fejletJob(koe, id)
    if (!job) return false
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true })
    return true
  }

  async fjern(koe: QueueName, id: string): Promise<boolean> {
    const job = await this.fejletJob(koe, id)
    if (!job) return false
    await job.remove()
    return true
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()))
  }
}

function fejletJob(koe: QueueName, job: Job): FejletJob {
  const navn = job.name
  return {
    koe,
    id: job.id ?? '',
    navn,
    label: isJobName(navn) || isScheduledJobName(navn) ? jobLabels[navn] : navn,
    data: typeof job.data === 'object' && job.data !== null ? (job.data as Record<string, unknown>) : {},
    forsoeg: job.attemptsMade,
    fejl: job.failedReason ?? '',
    fejlet: job.finishedOn ? new Date(job.finishedOn) : null,
    oprettet: new Date(job.timestamp),
  }
}
