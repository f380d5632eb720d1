// Redis restarted (killed and started again, twice) while decisions are being made final,
// anonymized, approved and published. Redis runs as production should run it for BullMQ
// (an append-only file synced on every write), so a restart keeps the queues; what was
// committed while it was away waits in the outbox. Afterwards every decision is
// published exactly once: one public copy with its PDF and rent, one publication in the
// journal, every letter and notice once, the outbox drained and no job failed for good.
import { afterAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { useWorkers } from '../helpers/workers.js'
import { freePort, PrivateRedis } from '../helpers/redis-server.js'
import { waitFor } from '../helpers/wait.js'
import { endeligSag, godkend, sagsbehandling } from '../helpers/afgoerelse.js'
import { forventHverAfgoerelseEnGang, ventPaaPublicering, ventPaaTommeKoeer } from '../helpers/fejl.js'

const redis = new PrivateRedis(await freePort(), { persistent: true })
await redis.start()
afterAll(() => redis.destroy())

const ANTAL = 10

describe('Redis restarted during publication', () => {
  const w = useWorld({ REDIS_URL: redis.url })
  const workers = useWorkers(w)

  async function anonymiseret(sagIds: string[]): Promise<void> {
    await waitFor(
      `${sagIds.length} anonymizations`,
      async () => {
        const r = await w.db.selectFrom('anonymiseringer').innerJoin('afgoerelser', 'afgoerelser.id', 'anonymiseringer.afgoerelse_id').select('afgoerelser.sag_id').where('afgoerelser.sag_id', 'in', sagIds).execute()
        return r.length === sagIds.length
      },
      60_000,
    )
  }

  it('when Redis restarts twice while decisions are made final and approved, then every decision is published exactly once', async () => {
    const s = await sagsbehandling(w)
    const sager: string[] = []

    // Made final with Redis up; the first anonymizations are under way.
    for (let i = 0; i < 3; i++) sager.push(await endeligSag(w, s))

    // Redis dies. Decisions are still made final: their jobs wait in the outbox.
    await redis.stop()
    for (let i = 0; i < 3; i++) sager.push(await endeligSag(w, s))
    await waitFor('a failed dispatch while Redis is away', async () => {
      const r = await w.db.selectFrom('outbox').select('id').where('afsendt', 'is', null).where('forsoeg', '>=', 1).executeTakeFirst()
      return r !== undefined
    })
    await redis.start()

    // Approved as their anonymizations arrive; Redis dies again right after, with the
    // publications queued or running.
    await anonymiseret(sager)
    for (const sagId of sager.slice(0, 4)) await godkend(w, s.sb, sagId)
    await redis.stop()
    for (const sagId of sager.slice(4)) await godkend(w, s.sb, sagId)
    for (let i = sager.length; i < ANTAL; i++) sager.push(await endeligSag(w, s))
    const venter = await w.db.selectFrom('outbox').select('job_name').where('afsendt', 'is', null).execute()
    expect(venter.map((o) => o.job_name)).toContain('publicer-afgoerelse')
    await redis.start()

    await anonymiseret(sager)
    for (const sagId of sager.slice(6)) await godkend(w, s.sb, sagId)

    await ventPaaPublicering(w, sager)
    const koeer = await ventPaaTommeKoeer(workers.runtime.queues)
    for (const [navn, c] of Object.entries(koeer)) expect(c.failed, navn).toBe(0)
    expect(koeer['publicering']!.completed).toBe(ANTAL)
    expect(koeer['anonymisering']!.completed).toBe(ANTAL)

    const profil = await forventHverAfgoerelseEnGang(w, sager)
    expect(profil).toMatchObject({ afgoerelse_publiceret: 1, anonymisering_klar: 1, anonymisering_godkendt: 1 })
    const forsoeg = await w.db.selectFrom('outbox').select((eb) => eb.fn.sum<number>('forsoeg').as('n')).executeTakeFirstOrThrow()
    console.log(`redis-genstart: ${ANTAL} afgørelser, ${Number(forsoeg.n)} mislykkede afsendelser fra outboxen undervejs, journal pr. sag ${JSON.stringify(profil)}`)
  }, 120_000)
})
