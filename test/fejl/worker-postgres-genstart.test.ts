// PostgreSQL restarted while the worker anonymizes and publishes decisions (a private
// cluster; the shared one is never touched). The jobs that meet the restart fail, are
// retried with backoff and complete; the worker process survives its connections being
// cut and needs no restart; every decision is published exactly once.
import pino from 'pino'
import { afterAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { freePort } from '../helpers/redis-server.js'
import { PrivatePostgres } from '../helpers/postgres-server.js'
import { waitFor } from '../helpers/wait.js'
import { naevnFor } from '../helpers/factories.js'
import { endeligSag, sagsbehandling } from '../helpers/afgoerelse.js'
import { forventHverAfgoerelseEnGang, ventPaaPublicering, ventPaaTommeKoeer } from '../helpers/fejl.js'
import { startWorkerRuntime, type WorkerRuntime } from '../../workers/runtime.js'

const pgs = new PrivatePostgres(await freePort())
// Also when the world never got as far as dropping its database.
afterAll(() => pgs.destroy())
const ANTAL = 8

describe('PostgreSQL restarted under the worker', () => {
  const w = useWorld(
    { WORKER_CONCURRENCY: '4' },
    {
      database: async () => {
        await pgs.start()
        return { url: await pgs.createNaevnDatabase('naevn_fejl_worker'), drop: () => pgs.destroy() }
      },
    },
  )
  let runtime: WorkerRuntime | undefined
  afterAll(async () => {
    await runtime?.close()
  })

  it('when PostgreSQL restarts with decision jobs running, then they are retried and every decision is published exactly once', async () => {
    const s = await sagsbehandling(w)
    const naevn = await naevnFor(w.db, 101)
    // The board approves anonymizations itself, so the worker alone publishes.
    await w.db.updateTable('naevn').set({ auto_godkend_taerskel: 0.01 }).where('id', '=', naevn.id).execute()
    const sager: string[] = []
    for (let i = 0; i < ANTAL; i++) sager.push(await endeligSag(w, s))

    const fejl: string[] = []
    runtime = await startWorkerRuntime(w.config, { log: pino({ level: 'silent' }) })
    for (const worker of runtime.workers) worker.on('failed', (job, err) => fejl.push(`${job?.name}: ${err.message}`))
    const anonymisering = runtime.queues.get('anonymisering')!
    const publicering = runtime.queues.get('publicering')!
    const iGang = await waitFor(
      'decision jobs running',
      async () => {
        const aktive = [...(await anonymisering.getJobs(['active'])), ...(await publicering.getJobs(['active']))]
        return aktive.length > 0 ? aktive : undefined
      },
      60_000,
    )
    await pgs.stop()
    await new Promise((r) => setTimeout(r, 2000))
    await pgs.start()

    await ventPaaPublicering(w, sager, 90_000)
    const koeer = await ventPaaTommeKoeer(runtime.queues, 90_000)
    for (const [navn, c] of Object.entries(koeer)) expect(c.failed, navn).toBe(0)
    expect(koeer['anonymisering']!.completed).toBe(ANTAL)
    expect(koeer['publicering']!.completed).toBe(ANTAL)
    // The restart did meet running jobs: at least one attempt failed and was retried.
    expect(fejl.length, 'failed attempts').toBeGreaterThan(0)
    for (const j of iGang) expect(await (await runtime.queues.get(j.queueName as 'anonymisering')!.getJob(j.id!))!.getState(), j.id).toBe('completed')

    await forventHverAfgoerelseEnGang(w, sager)
    console.log(`worker-postgres-genstart: ${iGang.length} job(s) i gang ved stop, ${fejl.length} mislykkede forsøg: ${[...new Set(fejl)].slice(0, 4).join(' | ')}`)
  }, 120_000)
})
