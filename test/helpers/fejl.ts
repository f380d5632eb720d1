// The fault tests' common check (test/fejl/): after a fault, every decision went the
// whole way — anonymized, approved, published once — and nothing happened twice.
import { expect } from 'vitest'
import type { Queue } from 'bullmq'
import type { World } from './world.js'
import { waitFor } from './wait.js'
import { isScheduledJobName } from '../../server/platform/queues/jobs.js'

/** The journal entries of one case by action, e.g. { afgoerelse_publiceret: 1, … }. */
export async function journalProfil(w: World, sagId: string): Promise<Record<string, number>> {
  const rows = await w.db.selectFrom('journal').select(['handling', 'til_status']).where('sag_id', '=', sagId).execute()
  const profil: Record<string, number> = {}
  for (const r of rows) {
    const k = r.til_status ? `${r.handling}:${r.til_status}` : r.handling
    profil[k] = (profil[k] ?? 0) + 1
  }
  return profil
}

/** Waits until every case's decision is in the public register. */
export async function ventPaaPublicering(w: World, sagIds: string[], timeoutMs = 60_000): Promise<void> {
  await waitFor(
    `${sagIds.length} decisions published`,
    async () => {
      const r = await w.db
        .selectFrom('register_afgoerelser')
        .innerJoin('afgoerelser', 'afgoerelser.id', 'register_afgoerelser.afgoerelse_id')
        .select('afgoerelser.sag_id')
        .where('afgoerelser.sag_id', 'in', sagIds)
        .where('register_afgoerelser.status', '=', 'publiceret')
        .execute()
      return new Set(r.map((x) => x.sag_id)).size === sagIds.length
    },
    timeoutMs,
  )
}

/**
 * Waits until the queues have no job waiting, active or delayed (a scheduler's next run
 * does not count), and returns their counts.
 */
export async function ventPaaTommeKoeer(queues: Map<string, Queue>, timeoutMs = 60_000): Promise<Record<string, Record<string, number>>> {
  return waitFor(
    'empty queues',
    async () => {
      const alle: Record<string, Record<string, number>> = {}
      for (const [navn, q] of queues) {
        const udestaaende = await q.getJobs(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'])
        if (udestaaende.some((j) => !isScheduledJobName(j.name))) return undefined
        alle[navn] = await q.getJobCounts('failed', 'completed')
      }
      return alle
    },
    timeoutMs,
  )
}

/**
 * Every case: one anonymization, approved; one public copy with its PDF and one decided
 * rent; the decision published once (no re-publication in the journal); every sending
 * delivered once and every e-mail notice sent once; the outbox drained. The journals of
 * all cases have the same profile (the same actions the same number of times).
 */
export async function forventHverAfgoerelseEnGang(w: World, sagIds: string[]): Promise<Record<string, number>> {
  const afgoerelser = await w.db.selectFrom('afgoerelser').select(['id', 'sag_id', 'publicering']).where('sag_id', 'in', sagIds).execute()
  expect(afgoerelser).toHaveLength(sagIds.length)
  expect(afgoerelser.every((a) => a.publicering === 'publiceret')).toBe(true)
  const ids = afgoerelser.map((a) => a.id)

  const anonymiseringer = await w.db.selectFrom('anonymiseringer').select(['afgoerelse_id', 'status']).where('afgoerelse_id', 'in', ids).execute()
  expect(anonymiseringer).toHaveLength(sagIds.length)
  expect(anonymiseringer.every((a) => a.status === 'godkendt')).toBe(true)

  const register = await w.db.selectFrom('register_afgoerelser').select(['id', 'afgoerelse_id', 'status', 'version', (eb) => eb.fn('length', [eb.ref('pdf')]).as('pdf_len')]).where('afgoerelse_id', 'in', ids).execute()
  expect(register).toHaveLength(sagIds.length)
  expect(new Set(register.map((r) => r.afgoerelse_id)).size).toBe(sagIds.length)
  for (const r of register) {
    expect(r.status).toBe('publiceret')
    expect(r.version).toBe(1)
    expect(Number(r.pdf_len)).toBeGreaterThan(1000)
  }
  const huslejer = await w.db.selectFrom('register_huslejer').select('register_afgoerelse_id').where('register_afgoerelse_id', 'in', register.map((r) => r.id)).execute()
  expect(huslejer).toHaveLength(sagIds.length)

  const versioner = await w.db.selectFrom('afgoerelse_versioner').select('afgoerelse_id').where('afgoerelse_id', 'in', ids).execute()
  expect(versioner).toHaveLength(sagIds.length)

  const udsendelser = await w.db.selectFrom('udsendelser').select(['sag_id', 'status', 'part_id', 'dokument_id']).where('sag_id', 'in', sagIds).execute()
  expect(udsendelser.length).toBeGreaterThanOrEqual(sagIds.length)
  expect(udsendelser.filter((u) => u.status !== 'sendt' && u.status !== 'til_print')).toEqual([])
  expect(new Set(udsendelser.map((u) => `${u.dokument_id}/${u.part_id}`)).size).toBe(udsendelser.length)

  const outbox = await w.db.selectFrom('outbox').select(['id', 'job_name']).where('afsendt', 'is', null).execute()
  expect(outbox).toEqual([])
  const mails = await w.db.selectFrom('sendte_mails').select(['outbox_id', 'modtager', 'skabelon']).execute()
  expect(new Set(mails.map((m) => `${m.outbox_id}/${m.modtager}`)).size).toBe(mails.length)

  const profiler = await Promise.all(sagIds.map((id) => journalProfil(w, id)))
  const foerste = profiler[0]!
  expect(foerste['afgoerelse_publiceret']).toBe(1)
  expect(foerste['afgoerelse_genpubliceret']).toBeUndefined()
  for (const p of profiler) expect(p).toEqual(foerste)
  return foerste
}
