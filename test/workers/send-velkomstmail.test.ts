import { readFile } from 'node:fs/promises'
import path from 'node:path'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { Queue } from 'bullmq'
import { useWorld } from '../helpers/world.js'
import { createUser } from '../helpers/factories.js'
import { waitFor } from '../helpers/wait.js'
import { useWorkers } from '../helpers/workers.js'
import { addToOutbox } from '../../server/kerne/outbox/outbox.js'
import { createWorkerRedisClient } from '../../server/platform/queues/redis.js'
import { assertRegistryComplete, processors, type ProcessorContext } from '../../workers/registry.js'
import { sendVelkomstmail } from '../../workers/processors/send-velkomstmail.js'

import { processorContext } from '../../workers/runtime.js'
const silent = pino({ level: 'silent' })

describe('job registry', () => {
  it('when a job has no processor, then the worker refuses to start and names it', () => {
    expect(() => assertRegistryComplete({})).toThrow(/send-velkomstmail/)
    expect(() => assertRegistryComplete(processors)).not.toThrow()
  })
})

describe('send-velkomstmail', () => {
  const w = useWorld()
  const workers = useWorkers(w)

  it('when a registration commits, then the job goes outbox → queue → completed and the mail is written once', async () => {
    const user = await createUser(w.db, { navn: 'Vera Velkommen' })
    const outboxId = await w.db.transaction().execute((trx) => addToOutbox(trx, 'send-velkomstmail', { userId: user.id }))
    const queue = workers.runtime.queues.get('notifikation')!
    const state = await waitFor('completed job', async () => {
      const job = await queue.getJob(`outbox-${outboxId}`)
      const s = await job?.getState()
      return s === 'completed' ? s : null
    })
    expect(state).toBe('completed')
    const eml = await readFile(path.join(w.config.mailDir, `velkomst-${outboxId}.eml`), 'utf8')
    expect(eml).toContain(`To: ${user.email}`)
    expect(eml).toContain('Vera Velkommen')
    const rows = await w.db.selectFrom('sendte_mails').selectAll().where('outbox_id', '=', outboxId).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ modtager: user.email, transport: 'directory', skabelon: 'velkomst' })
  })

  it('when a job has a bad payload, then it fails at once without retries and stays in the failed list', async () => {
    const queue = workers.runtime.queues.get('notifikation')!
    await queue.add('send-velkomstmail', { userId: 'ikke-et-id' }, { jobId: 'outbox-999999991' })
    await waitFor('failed job', async () => (await (await queue.getJob('outbox-999999991'))?.getState()) === 'failed')
    const job = await queue.getJob('outbox-999999991')
    expect(job!.failedReason).toContain('ugyldige data')
    expect(job!.attemptsMade).toBe(1)
    expect(await queue.getFailedCount()).toBeGreaterThanOrEqual(1)
  })

  it('when a job has an unknown name, then it fails visibly too', async () => {
    const queue = workers.runtime.queues.get('notifikation')!
    await queue.add('findes-ikke', {}, { jobId: 'outbox-999999992' })
    await waitFor('failed job', async () => (await (await queue.getJob('outbox-999999992'))?.getState()) === 'failed')
    const job = await queue.getJob('outbox-999999992')
    expect(job!.failedReason).toContain('ukendt job')
  })

  it('when the processor is called twice for one outbox row, then the mail is sent once', async () => {
    const user = await createUser(w.db)
    const outboxId = await w.db.transaction().execute((trx) => addToOutbox(trx, 'send-velkomstmail', { userId: user.id }))
    // Mark it dispatched so the running relay leaves it alone; this test calls the processor itself.
    await w.db.updateTable('outbox').set({ afsendt: new Date() }).where('id', '=', outboxId).execute()
    const ctx: ProcessorContext = processorContext(w.config, w.db, silent)
    expect(await sendVelkomstmail(ctx, { userId: user.id }, outboxId)).toBe('sendt')
    expect(await sendVelkomstmail(ctx, { userId: user.id }, outboxId)).toBe('allerede sendt')
    expect(await w.db.selectFrom('sendte_mails').selectAll().where('outbox_id', '=', outboxId).execute()).toHaveLength(1)
  })

  it('when the queues are read by a separate client, then jobs live under this file’s own prefix', async () => {
    const other = new Queue('notifikation', { connection: createWorkerRedisClient(w.config.redisUrl), prefix: 'naevn' })
    const own = await workers.runtime.queues.get('notifikation')!.getJobCounts('completed')
    expect(own.completed).toBeGreaterThanOrEqual(1)
    expect(w.config.queuePrefix).toMatch(/^test-/)
    await other.close()
  })
})
