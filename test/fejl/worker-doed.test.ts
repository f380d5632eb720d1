// The worker killed (SIGKILL) while decisions are being anonymized and published, and a
// new one started: the stalled jobs are taken over once their locks expire, and every
// decision is published exactly once — one public copy, one PDF, one rent, one
// publication in the journal — with no job failed for good.
import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { useWorkerProcesser } from '../helpers/worker-proces.js'
import { naevnFor } from '../helpers/factories.js'
import { waitFor } from '../helpers/wait.js'
import { endeligSag, registerId, sagsbehandling, type Sagsbehandling } from '../helpers/afgoerelse.js'
import { forventHverAfgoerelseEnGang, journalProfil, ventPaaPublicering, ventPaaTommeKoeer } from '../helpers/fejl.js'
import { anonymiserAfgoerelse } from '../../workers/processors/anonymiser-afgoerelse.js'
import { publicerAfgoerelse } from '../../workers/processors/publicer-afgoerelse.js'
import { processorContext } from '../../workers/runtime.js'
import { createDatabase } from '../../server/platform/db/database.js'

const ANTAL = 8

describe('a worker killed mid-publication', () => {
  const w = useWorld({ WORKER_LOCK_MS: '2000', WORKER_CONCURRENCY: '4' })
  const proc = useWorkerProcesser(w)
  const queues = new Map<string, Queue>()
  let s: Sagsbehandling

  beforeAll(async () => {
    for (const navn of ['anonymisering', 'publicering', 'notifikation', 'dokumenter']) {
      const q = new Queue(navn, { connection: new Redis(w.config.redisUrl, { maxRetriesPerRequest: null }), prefix: w.config.queuePrefix })
      queues.set(navn, q)
    }
    s = await sagsbehandling(w)
    // The board approves anonymizations itself: the worker alone takes a final decision
    // through anonymization to publication.
    const naevn = await naevnFor(w.db, 101)
    await w.db.updateTable('naevn').set({ auto_godkend_taerskel: 0.01 }).where('id', '=', naevn.id).execute()
  })
  afterAll(async () => {
    for (const q of queues.values()) {
      await q.close()
      ;(await q.client).disconnect()
    }
  })

  it('when the worker dies with anonymizations and publications running, then a new worker publishes every decision exactly once', async () => {
    // Every decision is made final before any worker runs: one batch waits in the outbox.
    const sager: string[] = []
    for (let i = 0; i < ANTAL; i++) sager.push(await endeligSag(w, s))

    const foerste = proc.start()
    // Killed while decision jobs are running, after some are done (so the kill falls in
    // the middle of the pipeline, not before it).
    const iGang = await waitFor(
      'decision jobs running',
      async () => {
        const aktive = [...(await queues.get('anonymisering')!.getJobs(['active'])), ...(await queues.get('publicering')!.getJobs(['active']))]
        const publiceret = await w.db.selectFrom('register_afgoerelser').select('id').execute()
        return aktive.length > 0 && publiceret.length >= 1 && publiceret.length < ANTAL ? aktive : undefined
      },
      60_000,
    )
    await proc.draeb(foerste)
    const afbrudt = iGang.map((j) => j.id!)
    const publiceretVedDrab = (await w.db.selectFrom('register_afgoerelser').select('id').execute()).length
    expect(publiceretVedDrab).toBeLessThan(ANTAL)
    // The killed worker's jobs are still marked active, their locks not yet expired.
    const stadigAktive = [...(await queues.get('anonymisering')!.getJobs(['active'])), ...(await queues.get('publicering')!.getJobs(['active']))].map((j) => j.id)
    expect(stadigAktive.length).toBeGreaterThan(0)

    proc.start()
    await ventPaaPublicering(w, sager)
    const koeer = await ventPaaTommeKoeer(queues)
    for (const [navn, c] of Object.entries(koeer)) expect(c.failed, navn).toBe(0)
    expect(koeer['anonymisering']!.completed).toBe(ANTAL)
    expect(koeer['publicering']!.completed).toBe(ANTAL)
    // The jobs running at the kill were finished by the new worker.
    for (const j of iGang) expect(await (await queues.get(j.queueName)!.getJob(j.id!))!.getState(), j.id).toBe('completed')

    const profil = await forventHverAfgoerelseEnGang(w, sager)
    expect(profil).toMatchObject({ afgoerelse_publiceret: 1, anonymisering_godkendt: 1 })
    console.log(`worker-doed: ${afbrudt.length} job(s) i gang ved drabet (${afbrudt.join(', ')}), ${publiceretVedDrab}/${ANTAL} publiceret før`)
  }, 120_000)

  it('when a publication job runs again after its work was committed, then the decision is published once', async () => {
    // What a kill between the commit and BullMQ's "completed" leaves behind: the same job
    // run a second time.
    const sagId = await endeligSag(w, s)
    const afgoerelse = await w.db.selectFrom('afgoerelser').select('id').where('sag_id', '=', sagId).executeTakeFirstOrThrow()
    const db = createDatabase(w.databaseUrl, 2)
    const ctx = processorContext(w.config, db, pino({ level: 'silent' }))
    try {
      // Anonymized (approved by the board's threshold) and published — by these calls or
      // by the worker still running from the test before; both are idempotent.
      await anonymiserAfgoerelse(ctx, { afgoerelseId: afgoerelse.id, nr: 1 })
      await publicerAfgoerelse(ctx, { afgoerelseId: afgoerelse.id })
      const id = await registerId(w, sagId)
      // Run again: the copy is replaced in place, and that is no second publication.
      expect(await publicerAfgoerelse(ctx, { afgoerelseId: afgoerelse.id })).toBe('opdateret')
      expect(await w.db.selectFrom('register_afgoerelser').select('id').where('afgoerelse_id', '=', afgoerelse.id).execute()).toEqual([{ id }])
      expect(await w.db.selectFrom('register_huslejer').select('id').where('register_afgoerelse_id', '=', id).execute()).toHaveLength(1)
    } finally {
      ctx.mailer.close()
      await db.destroy()
    }
    const profil = await journalProfil(w, sagId)
    expect(profil['afgoerelse_publiceret']).toBe(1)
    expect(profil['afgoerelse_genpubliceret']).toBeUndefined()
  }, 90_000)
})
