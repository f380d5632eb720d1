// Killing the worker mid-batch: letters are in flight to the Digital Post gateway when
// the worker process dies (SIGKILL: no clean-up, locks left in Redis). A new worker takes
// the stalled jobs over once their locks expire, and every letter is delivered exactly
// once — one message per sending at the gateway, one "sent" record, one journal entry,
// one e-mail notice per party and letter.
import { readdir } from 'node:fs/promises'
import { afterAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { sagsbehandling } from '../helpers/afgoerelse.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { waitFor } from '../helpers/wait.js'
import { startGateway } from '../helpers/gateway.js'
import { useWorkerProcesser } from '../helpers/worker-proces.js'

const gw = await startGateway()
afterAll(() => gw.stop())

const ANTAL = 12

describe('a worker killed mid-batch', () => {
  const w = useWorld({ DIGITAL_POST_TRANSPORT: 'http', DIGITAL_POST_URL: gw.url, WORKER_LOCK_MS: '2000', WORKER_CONCURRENCY: '4' })
  const proc = useWorkerProcesser(w)

  it('when the worker dies with letters in flight, then a new worker delivers every letter exactly once', async () => {
    const { sb: sbAgent, fa: filerAgent } = await sagsbehandling(w)
    const sagId = await indbringSag(filerAgent)
    await sbAgent.get(`/sagsbehandling/sager/${sagId}`)
    const indbringer = await w.db.selectFrom('parter').select('id').where('sag_id', '=', sagId).where('rolle', '=', 'indbringer').executeTakeFirstOrThrow()
    // All the letters are written before any worker runs: one batch waits in the outbox.
    for (let i = 1; i <= ANTAL; i++) {
      const res = await sbAgent.post(`/sagsbehandling/sager/${sagId}/breve`, { brev_modtagere: [indbringer.id], emne: `Brev ${i}`, brevtekst: `Brev nummer ${i}.` })
      expect(res.statusCode).toBe(303)
    }

    // A slow gateway, so that the worker has requests open when it is killed.
    gw.forsinkelse = 400
    const foerste = proc.start()
    await waitFor('the first deliveries', async () => gw.modtaget.size >= 3, 60_000)
    await proc.draeb(foerste)
    expect(gw.modtaget.size).toBeLessThan(ANTAL)

    gw.forsinkelse = 0
    proc.start()
    const sendt = await waitFor(
      'every letter delivered',
      async () => {
        const rows = await w.db.selectFrom('udsendelser').select(['id', 'status']).where('sag_id', '=', sagId).execute()
        return rows.length === ANTAL && rows.every((r) => r.status === 'sendt') ? rows : undefined
      },
      60_000,
    )

    // One message per sending at the gateway: a request repeated after the kill carried
    // the same Idempotency-Key and was recognised.
    expect(new Set(gw.modtaget.keys())).toEqual(new Set(sendt.map((r) => r.id)))
    expect(gw.modtaget.size).toBe(ANTAL)
    // …and the kill did catch requests in flight: some keys reached the gateway twice.
    expect(gw.forsoeg.length).toBeGreaterThan(ANTAL)
    const journal = await w.db.selectFrom('journal').select((eb) => eb.fn.count<number>('id').as('n')).where('sag_id', '=', sagId).where('handling', '=', 'udsendelse_sendt').executeTakeFirstOrThrow()
    expect(Number(journal.n)).toBe(ANTAL)
    // The e-mail notices: one per letter, none twice.
    await waitFor('every notice', async () => {
      const n = await w.db.selectFrom('sendte_mails').select((eb) => eb.fn.count<number>('id').as('n')).where('skabelon', '=', 'partsnotifikation:brev').executeTakeFirstOrThrow()
      return Number(n.n) === ANTAL
    })
    const filer_mails = (await readdir(w.config.mailDir)).filter((f) => f.startsWith('part-brev-'))
    expect(filer_mails).toHaveLength(ANTAL)
  }, 120_000)
})
