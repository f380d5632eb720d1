// PostgreSQL restarted under traffic. The app runs against a private cluster (the shared
// one is never touched) while citizens start and submit filings, a caseworker reads the
// inbox and the public search its pages and API; the cluster is stopped (fast shutdown:
// open sessions are cut off) for about two seconds and started again. Every request then
// either succeeds or answers 503 (problem+json for the API, the Danish error page for
// people) — never a 500, never a hang — the app serves again without a restart, no case
// is left half-filed, and the outbox relay listens again.
import pino from 'pino'
import { afterAll, describe, expect, it } from 'vitest'
import type { LightMyRequestResponse } from 'fastify'
import { sql } from 'kysely'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { udfyldKladde } from '../helpers/indbringelse.js'
import { freePort } from '../helpers/redis-server.js'
import { PrivatePostgres } from '../helpers/postgres-server.js'
import { waitFor } from '../helpers/wait.js'
import { loadConfig } from '../../server/platform/config.js'
import { outboxChannel } from '../../server/kerne/outbox/outbox.js'
import { startWorkerRuntime, type WorkerRuntime } from '../../workers/runtime.js'

const pgs = new PrivatePostgres(await freePort())
// Also when the world never got as far as dropping its database.
afterAll(() => pgs.destroy())
const KLADDER = 10
const SVARTID_MS = 10_000

interface Svar {
  loekke: string
  url: string
  fase: 'foer' | 'under' | 'efter'
  status: number
  type: string
  body: string
  retryAfter: string | undefined
}

describe('PostgreSQL restarted under traffic', () => {
  const w = useWorld(
    { DATABASE_POOL_SIZE: '6' },
    {
      database: async () => {
        await pgs.start()
        return { url: await pgs.createNaevnDatabase('naevn_fejl'), drop: () => pgs.destroy() }
      },
    },
  )
  let runtime: WorkerRuntime | undefined
  afterAll(async () => {
    await runtime?.close()
  })

  it('when PostgreSQL restarts under traffic, then requests fail with 503, the app recovers by itself and no case is left half-filed', async () => {
    // The relay only listens (no polling), so a job dispatched after the restart proves
    // that its LISTEN connection came back.
    runtime = await startWorkerRuntime(loadConfig({ ...w.env, OUTBOX_POLL_MS: '600000' }), { log: pino({ level: 'silent' }) })

    const naevn = await naevnFor(w.db, 101)
    const sbUser = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    const sb = new Agent(w.app)
    expect((await sb.login(sbUser.email, sbUser.password)).statusCode).toBe(303)
    const borgerUser = await createUser(w.db)
    const borger = new Agent(w.app)
    expect((await borger.login(borgerUser.email, borgerUser.password)).statusCode).toBe(303)
    const nyeUser = await createUser(w.db)
    const nye = new Agent(w.app)
    expect((await nye.login(nyeUser.email, nyeUser.password)).statusCode).toBe(303)

    // Drafts ready to submit: the final POST writes the whole filing in one transaction.
    const kladder: string[] = []
    for (let i = 0; i < KLADDER; i++) {
      const id = await udfyldKladde(borger)
      expect((await borger.post(`/indbringelse/${id}/gebyr`)).statusCode).toBe(303)
      kladder.push(id)
    }

    let fase: Svar['fase'] = 'foer'
    let stop = false
    const svar: Svar[] = []
    const kald = async (loekke: string, url: string, f: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> => {
      const start = fase
      let timer: NodeJS.Timeout | undefined
      const res = await Promise.race([
        f(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`${url} svarede ikke inden ${SVARTID_MS} ms (${start})`)), SVARTID_MS)
        }),
      ]).finally(() => clearTimeout(timer))
      svar.push({ loekke, url, fase: start === 'under' || fase === 'under' ? 'under' : start, status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body: res.body, retryAfter: res.headers['retry-after'] as string | undefined })
      return res
    }
    const pause = () => new Promise((r) => setTimeout(r, 20))

    const indsendt = new Map<string, number[]>()
    const nyeKladder: { status: number; id: string | null }[] = []
    const loekker = [
      (async () => {
        for (let i = 0; !stop; i++) {
          await kald('side', '/afgoerelser', () => new Agent(w.app).get(`/afgoerelser?q=fugt${i}`))
          await pause()
        }
      })(),
      (async () => {
        for (let i = 0; !stop; i++) {
          await kald('api', '/api/v1/register/afgoerelser', () => new Agent(w.app).get(`/api/v1/register/afgoerelser?q=skimmel${i}`))
          await pause()
        }
      })(),
      (async () => {
        while (!stop) {
          await kald('indbakke', '/sagsbehandling', () => sb.get('/sagsbehandling'))
          await pause()
        }
      })(),
      (async () => {
        // Each draft is submitted once while the traffic runs, one after another.
        for (const id of kladder) {
          if (stop) break
          const res = await kald('indsend', '/indbringelse/:id/indsend', () => borger.post(`/indbringelse/${id}/indsend`))
          indsendt.set(id, [...(indsendt.get(id) ?? []), res.statusCode])
          await new Promise((r) => setTimeout(r, 250))
        }
      })(),
      (async () => {
        while (!stop) {
          const res = await kald('ny kladde', '/indbringelse', () => nye.post('/indbringelse'))
          nyeKladder.push({ status: res.statusCode, id: /\/indbringelse\/([0-9a-f-]+)\/hvem/.exec(String(res.headers.location ?? ''))?.[1] ?? null })
          await new Promise((r) => setTimeout(r, 100))
        }
      })(),
    ]

    await waitFor('traffic before the restart', async () => svar.filter((s) => s.status < 400).length >= 10, 30_000)
    fase = 'under'
    await pgs.stop()
    await new Promise((r) => setTimeout(r, 2000))
    await pgs.start()
    const tilbage = Date.now()
    fase = 'efter'
    // Every loop succeeds again, with the same app (its pools reconnect by themselves).
    await waitFor(
      'every kind of request succeeding after the restart',
      async () => ['side', 'api', 'indbakke', 'ny kladde'].every((l) => svar.some((s) => s.loekke === l && s.fase === 'efter' && s.status < 400)),
      60_000,
    )
    stop = true
    await Promise.all(loekker)
    const genopretning = Date.now() - tilbage

    // Nothing but success or a clean 503.
    const ulovlige = svar.filter((s) => ![200, 303, 503].includes(s.status))
    expect(ulovlige.map((s) => `${s.loekke} ${s.fase} ${s.status}: ${s.body.slice(0, 300)}`)).toEqual([])
    const fejl = svar.filter((s) => s.status === 503)
    expect(fejl.length, 'the outage was met by requests').toBeGreaterThan(0)
    for (const s of fejl) {
      expect(s.retryAfter).toBe('5')
      expect(s.body).not.toMatch(/\bat .*\.(ts|js):\d+|Error:|ECONNREFUSED|57P0|terminated/)
      if (s.url.startsWith('/api/')) {
        expect(s.type).toContain('application/problem+json')
        expect(JSON.parse(s.body)).toMatchObject({ status: 503, code: 'DatabaseUtilgaengelig', title: 'Tjenesten er midlertidigt utilgængelig' })
      } else {
        expect(s.type).toContain('text/html')
        expect(s.body).toContain('Systemet er midlertidigt utilgængeligt. Prøv igen om lidt.')
      }
    }
    // Successes after the restart in every loop: nothing kept failing.
    for (const l of ['side', 'api', 'indbakke', 'ny kladde']) {
      const efter = svar.filter((s) => s.loekke === l && s.fase === 'efter')
      expect(efter.at(-1)?.status, l).toBeLessThan(400)
    }

    // The submissions that met the outage are submitted again and succeed; the rest had
    // not yet been sent.
    for (const id of kladder) {
      const sag = await w.db.selectFrom('sager').select('status').where('id', '=', id).executeTakeFirstOrThrow()
      if (sag.status === 'kladde') {
        const res = await borger.post(`/indbringelse/${id}/indsend`)
        expect(res.statusCode, res.body.slice(0, 500)).toBe(303)
        indsendt.set(id, [...(indsendt.get(id) ?? []), res.statusCode])
      }
    }
    // Each submission either filed the case (303) or answered an error and filed nothing.
    for (const [id, statusser] of indsendt) {
      expect(statusser.filter((s) => s === 303), id).toHaveLength(1)
      expect(statusser.at(-1), id).toBe(303)
      expect(statusser.every((s) => s === 303 || s === 503), id).toBe(true)
    }

    // No partial case: every case is either a draft with nothing of a filing, or filed
    // with its numbers, its parties, one status entry and one receipt job.
    const sager = await w.db.selectFrom('sager').select(['id', 'status', 'indbringelsesnummer', 'sagsnummer', 'indbragt']).execute()
    const nyeOk = nyeKladder.filter((k) => k.status === 303)
    expect(sager).toHaveLength(KLADDER + nyeOk.length)
    expect(new Set(sager.map((s) => s.id))).toEqual(new Set([...kladder, ...nyeOk.map((k) => k.id)]))
    const journal = await w.db.selectFrom('journal').select(['sag_id', 'handling', 'til_status']).execute()
    const outbox = await w.db.selectFrom('outbox').select(['job_name', 'payload', 'afsendt']).execute()
    for (const s of sager) {
      expect(journal.filter((j) => j.sag_id === s.id && j.handling === 'kladde_oprettet'), s.id).toHaveLength(1)
      const indbragtJ = journal.filter((j) => j.sag_id === s.id && j.handling === 'status' && j.til_status === 'indbragt')
      const kvitteringJob = outbox.filter((o) => o.job_name === 'generer-kvittering' && (o.payload as { sagId: string }).sagId === s.id)
      if (kladder.includes(s.id)) {
        expect(s.status).toBe('indbragt')
        expect(s.indbringelsesnummer).not.toBeNull()
        expect(s.sagsnummer).toBe(`101-${s.indbringelsesnummer}`)
        expect(s.indbragt).not.toBeNull()
        expect(indbragtJ, s.id).toHaveLength(1)
        expect(kvitteringJob, s.id).toHaveLength(1)
        const parter = await w.db.selectFrom('parter').select('rolle').where('sag_id', '=', s.id).execute()
        expect(parter.map((p) => p.rolle).sort()).toEqual(['indbringer', 'modpart'])
      } else {
        expect(s.status).toBe('kladde')
        expect([s.indbringelsesnummer, s.sagsnummer, s.indbragt]).toEqual([null, null, null])
        expect(indbragtJ).toHaveLength(0)
        expect(kvitteringJob).toHaveLength(0)
      }
    }
    const numre = sager.filter((s) => s.indbringelsesnummer !== null).map((s) => s.indbringelsesnummer)
    expect(new Set(numre).size).toBe(KLADDER)

    // The relay listens again: once its LISTEN connection is back, a filing made now is
    // dispatched by its notification alone (no polling here), and every receipt is made
    // exactly once.
    await waitFor(
      'the relay listening again',
      async () => {
        const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = ${`LISTEN ${outboxChannel}`}`.execute(w.db)
        return r.rows[0]!.n >= 1
      },
      60_000,
    )
    const senere = await udfyldKladde(borger)
    expect((await borger.post(`/indbringelse/${senere}/gebyr`)).statusCode).toBe(303)
    expect((await borger.post(`/indbringelse/${senere}/indsend`)).statusCode).toBe(303)
    const indbragte = [...kladder, senere]
    await waitFor(
      'a receipt for every filed case',
      async () => {
        const r = await w.db.selectFrom('dokumenter').select('sag_id').where('kategori', '=', 'kvittering').execute()
        return r.length >= indbragte.length
      },
      45_000,
    )
    const kvitteringer = await w.db.selectFrom('dokumenter').select('sag_id').where('kategori', '=', 'kvittering').execute()
    expect(kvitteringer.map((k) => k.sag_id).sort()).toEqual([...indbragte].sort())
    const udestaaende = await w.db.selectFrom('outbox').select('id').where('job_name', '=', 'generer-kvittering').where('afsendt', 'is', null).execute()
    expect(udestaaende).toHaveLength(0)

    console.log(`postgres-genstart: ${svar.length} svar, ${fejl.length} × 503, ${svar.filter((s) => s.fase === 'under' && s.status < 400).length} lykkedes under genstarten, alle løkker OK ${genopretning} ms efter start`)
  }, 120_000)
})
