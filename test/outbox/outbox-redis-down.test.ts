// The outbox's promise: a job committed while Redis is away runs once Redis is back,
// exactly once.
import { readdir } from 'node:fs/promises'
import { afterAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { freePort, PrivateRedis } from '../helpers/redis-server.js'
import { waitFor } from '../helpers/wait.js'
import { startWorkerRuntime, type WorkerRuntime } from '../../workers/runtime.js'
import { uid } from '../helpers/factories.js'

const redis = new PrivateRedis(await freePort())

describe('outbox with Redis down at commit', () => {
  const w = useWorld({ REDIS_URL: redis.url })
  let runtime: WorkerRuntime | undefined

  afterAll(async () => {
    await runtime?.close()
    await redis.stop()
  })

  it('when a citizen registers while Redis is down, then the welcome mail is sent once after Redis returns', async () => {
    runtime = await startWorkerRuntime(w.config, { log: (await import('pino')).default({ level: 'silent' }) })

    const email = `borger-${uid()}@test.invalid`
    const res = await new Agent(w.app).post('/registrer', {
      navn: 'Bodil Borger',
      email,
      adgangskode: 'en-lang-nok-adgangskode',
      adgangskode_gentag: 'en-lang-nok-adgangskode',
    })
    expect(res.statusCode).toBe(303)

    const user = await w.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()
    const outbox = await w.db.selectFrom('outbox').selectAll().where('job_name', '=', 'send-velkomstmail').executeTakeFirstOrThrow()
    expect(outbox.payload).toEqual({ userId: user.id })

    // The relay tries (LISTEN/NOTIFY and polling) and fails while Redis is away.
    await waitFor('a failed dispatch attempt', async () => {
      const row = await w.db.selectFrom('outbox').select(['forsoeg', 'afsendt']).where('id', '=', outbox.id).executeTakeFirstOrThrow()
      return row.forsoeg >= 1 && row.afsendt === null
    })
    expect(await w.db.selectFrom('sendte_mails').selectAll().execute()).toHaveLength(0)

    await redis.start()

    const sent = await waitFor('the welcome mail', async () => {
      const rows = await w.db.selectFrom('sendte_mails').selectAll().where('outbox_id', '=', outbox.id).execute()
      return rows.length > 0 ? rows : null
    }, 30_000)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.modtager).toBe(email)

    // Dispatch again on purpose (as a second relay or a crash before marking would):
    // the job id comes from the outbox id, so BullMQ keeps one job and the mail goes once.
    await w.db.updateTable('outbox').set({ afsendt: null }).where('id', '=', outbox.id).execute()
    await runtime.relay.drain()
    await new Promise((r) => setTimeout(r, 1000))
    const queue = runtime.queues.get('notifikation')!
    const counts = await queue.getJobCounts('completed', 'waiting', 'active', 'failed', 'delayed')
    expect(counts).toMatchObject({ completed: 1, waiting: 0, active: 0, failed: 0, delayed: 0 })
    expect(await w.db.selectFrom('sendte_mails').selectAll().execute()).toHaveLength(1)
    expect((await readdir(w.config.mailDir)).filter((f) => f.endsWith('.eml'))).toEqual([`velkomst-${outbox.id}.eml`])
    const after = await w.db.selectFrom('outbox').select('afsendt').where('id', '=', outbox.id).executeTakeFirstOrThrow()
    expect(after.afsendt).not.toBeNull()
  })
})
