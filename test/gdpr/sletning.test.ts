import { beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { useWorld } from '../helpers/world.js'
import { useWorkers } from '../helpers/workers.js'
import { Agent } from '../helpers/agent.js'
import { createNaevn, createUser } from '../helpers/factories.js'
import { waitFor } from '../helpers/wait.js'
import { createCprCipher } from '../../server/kerne/identitet/cpr-crypto.js'
import { lavSletningsforslag, udfoerSletning } from '../../server/modules/gdpr/sletning.js'
import { udloebneSager } from '../../server/modules/gdpr/opbevaring.js'
import { aarFoer } from '../../server/kerne/sag/frister.js'
import { foreslaaSletning } from '../../workers/processors/sletning.js'
import { lavFuldSag, raesterAfSag, type FuldSag } from './fixtures.js'

const seksAar = 6 * 366
const w = useWorld()
const workers = useWorkers(w)

describe('retention: proposal, approval and deletion', () => {
  let naevn1: { id: string }
  let naevn2: { id: string }
  let leder1: Awaited<ReturnType<typeof createUser>>
  let leder2: Awaited<ReturnType<typeof createUser>>
  let sagsbehandler1: Awaited<ReturnType<typeof createUser>>
  const s = {} as Record<'gammelAfsluttet' | 'gammelForlig' | 'gammelAfgjort' | 'aaben' | 'ung' | 'andetNaevn' | 'iAnkefrist' | 'publiceringIGang' | 'delerBlob', FuldSag>

  beforeAll(async () => {
    const cpr = createCprCipher(w.config.cprEncryptionKey)
    naevn1 = await createNaevn(w.db)
    naevn2 = await createNaevn(w.db)
    leder1 = await createUser(w.db, { medlemskaber: [{ naevnId: naevn1.id, rolle: 'sekretariatsleder' }] })
    leder2 = await createUser(w.db, { medlemskaber: [{ naevnId: naevn2.id, rolle: 'sekretariatsleder' }] })
    sagsbehandler1 = await createUser(w.db, { medlemskaber: [{ naevnId: naevn1.id, rolle: 'sagsbehandler' }] })
    s.gammelAfsluttet = await lavFuldSag(w.db, cpr, { naevnId: naevn1.id, status: 'afsluttet', lukketForDage: seksAar, publicering: 'publiceret' })
    s.delerBlob = await lavFuldSag(w.db, cpr, { naevnId: naevn1.id, status: 'afsluttet', lukketForDage: 365, deltBlob: { sha256: s.gammelAfsluttet.deltSha } })
    s.gammelForlig = await lavFuldSag(w.db, cpr, { naevnId: naevn1.id, status: 'forlig', lukketForDage: seksAar })
    // Decided 5 years and 19 days ago: with the 4-week appeal period it closed only 5 years minus 9 days ago.
    s.iAnkefrist = await lavFuldSag(w.db, cpr, { naevnId: naevn1.id, status: 'afgjort', lukketForDage: 5 * 365 + 1 + 19, publicering: 'publiceret' })
    s.gammelAfgjort = await lavFuldSag(w.db, cpr, { naevnId: naevn1.id, status: 'afgjort', lukketForDage: seksAar, publicering: 'publiceret' })
    s.publiceringIGang = await lavFuldSag(w.db, cpr, { naevnId: naevn1.id, status: 'afgjort', lukketForDage: seksAar, publicering: 'til_gennemsyn' })
    s.aaben = await lavFuldSag(w.db, cpr, { naevnId: naevn1.id, status: 'under_behandling', lukketForDage: seksAar })
    s.ung = await lavFuldSag(w.db, cpr, { naevnId: naevn1.id, status: 'henlagt', lukketForDage: 2 * 365 })
    s.andetNaevn = await lavFuldSag(w.db, cpr, { naevnId: naevn2.id, status: 'afsluttet', lukketForDage: seksAar })
  })

  async function som(u: { email: string; password: string }): Promise<Agent> {
    const a = new Agent(w.app)
    const res = await a.login(u.email, u.password)
    expect(res.statusCode).toBe(303)
    return a
  }

  it('when the expiry is computed, then it counts an afgjort case from the end of its appeal period', async () => {
    expect(aarFoer('2028-02-29', 5)).toBe('2023-02-28')
    expect(aarFoer('2026-11-21', 5)).toBe('2021-11-21')
    const alle = (await udloebneSager(w.db, naevn1.id, aarFoer(new Date().toISOString().slice(0, 10), 5))).map((x) => x.id)
    expect(alle).toContain(s.gammelAfgjort.sagId)
    expect(alle).not.toContain(s.iAnkefrist.sagId)
  })

  it('when the scheduled job runs, then each board gets a dry run listing exactly its expired closed cases, and a second run adds nothing', async () => {
    const resultat = await foreslaaSletning({ db: w.db, config: w.config } as Parameters<typeof foreslaaSletning>[0])
    expect(resultat).toMatch(/nye forslag/)
    const koersler = await w.db.selectFrom('sletningskoersler').selectAll().where('naevn_id', 'in', [naevn1.id, naevn2.id]).execute()
    expect(koersler.map((k) => k.status)).toEqual(['forslag', 'forslag'])
    const forslag1 = await w.db.selectFrom('sletningsforslag').select('sag_id').where('koersel_id', '=', koersler.find((k) => k.naevn_id === naevn1.id)!.id).execute()
    expect(forslag1.map((f) => f.sag_id).sort()).toEqual([s.gammelAfsluttet.sagId, s.gammelForlig.sagId, s.gammelAfgjort.sagId].sort())
    const forslag2 = await w.db.selectFrom('sletningsforslag').select('sag_id').where('koersel_id', '=', koersler.find((k) => k.naevn_id === naevn2.id)!.id).execute()
    expect(forslag2.map((f) => f.sag_id)).toEqual([s.andetNaevn.sagId])
    // A dry run deletes nothing.
    expect((await raesterAfSag(w.db, s.gammelAfsluttet)).sager).toBe(1)

    const igen = await lavSletningsforslag(w.db, { standardAar: 5 })
    expect(igen.filter((r) => r.koerselId !== null)).toEqual([])
    expect(await w.db.selectFrom('sletningskoersler').select('id').where('naevn_id', '=', naevn1.id).execute()).toHaveLength(1)
  })

  it('when the leader opens the page, then only their board’s proposal shows; a caseworker and the other board’s leader get 404', async () => {
    const leder = await som(leder1)
    const side = await leder.get('/sagsbehandling/sletning')
    expect(side.statusCode).toBe(200)
    expect(side.body).toContain(s.gammelAfsluttet.sagsnummer)
    expect(side.body).not.toContain(s.andetNaevn.sagsnummer)
    expect(side.body).not.toContain(s.aaben.sagsnummer)

    expect((await (await som(sagsbehandler1)).get('/sagsbehandling/sletning')).statusCode).toBe(404)
    const k1 = await w.db.selectFrom('sletningskoersler').select('id').where('naevn_id', '=', naevn1.id).executeTakeFirstOrThrow()
    const fremmed = await som(leder2)
    await fremmed.get('/sagsbehandling/sletning')
    expect((await fremmed.post(`/sagsbehandling/sletning/${k1.id}/godkend`, { bekraeft: 'ja' })).statusCode).toBe(404)
    expect((await w.db.selectFrom('sletningskoersler').select('status').where('id', '=', k1.id).executeTakeFirstOrThrow()).status).toBe('forslag')
  })

  it('when the leader approves without confirming, then nothing happens and the page says why', async () => {
    const leder = await som(leder1)
    await leder.get('/sagsbehandling/sletning')
    const k1 = await w.db.selectFrom('sletningskoersler').select('id').where('naevn_id', '=', naevn1.id).executeTakeFirstOrThrow()
    const res = await leder.post(`/sagsbehandling/sletning/${k1.id}/godkend`, {})
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('Bekræft, at du har gennemgået listen')
  })

  it('when the leader approves, then the job deletes every personal datum of those cases, keeps the published decision and the statistics, and logs it without personal data', async () => {
    const registerFoer = await w.db.selectFrom('register_afgoerelser').selectAll().where('id', '=', s.gammelAfsluttet.registerId!).executeTakeFirstOrThrow()
    const huslejeFoer = await w.db.selectFrom('register_huslejer').selectAll().where('register_afgoerelse_id', '=', s.gammelAfsluttet.registerId!).execute()

    const leder = await som(leder1)
    await leder.get('/sagsbehandling/sletning')
    const k1 = await w.db.selectFrom('sletningskoersler').select('id').where('naevn_id', '=', naevn1.id).executeTakeFirstOrThrow()
    const res = await leder.post(`/sagsbehandling/sletning/${k1.id}/godkend`, { bekraeft: 'ja' })
    expect(res.statusCode).toBe(303)
    await waitFor('sletningen', async () => (await w.db.selectFrom('sletningskoersler').select('status').where('id', '=', k1.id).where('status', '=', 'udfoert').executeTakeFirst()) ?? false, 20_000)

    for (const sag of [s.gammelAfsluttet, s.gammelForlig, s.gammelAfgjort]) {
      const rest = await raesterAfSag(w.db, sag)
      expect(rest, sag.sagsnummer).toEqual(Object.fromEntries(Object.keys(rest).map((k) => [k, 0])))
      // Nothing of the person anywhere in the database's text columns of the case tables.
      const spor = await sql<{ n: number }>`
        SELECT (
          (SELECT count(*) FROM parter WHERE navn = ${sag.navn} OR email = ${sag.email}) +
          (SELECT count(*) FROM sletningslog WHERE antal::text LIKE ${'%' + sag.navn + '%'}) +
          (SELECT count(*) FROM revisionslog WHERE detaljer::text LIKE ${'%' + sag.navn + '%'})
        )::int AS n`.execute(w.db)
      expect(spor.rows[0]!.n).toBe(0)
    }
    // The shared blob is still used by another case; the case's own blobs are gone (checked above).
    expect(await w.db.selectFrom('document_blobs').select('sha256').where('sha256', '=', s.gammelAfsluttet.deltSha).executeTakeFirst()).toBeDefined()

    // The public copy: every column as before, except the link to the deleted decision.
    const registerEfter = await w.db.selectFrom('register_afgoerelser').selectAll().where('id', '=', s.gammelAfsluttet.registerId!).executeTakeFirstOrThrow()
    expect(registerEfter.afgoerelse_id).toBeNull()
    expect({ ...registerEfter, afgoerelse_id: null }).toEqual({ ...registerFoer, afgoerelse_id: null })
    expect(await w.db.selectFrom('register_huslejer').selectAll().where('register_afgoerelse_id', '=', s.gammelAfsluttet.registerId!).execute()).toEqual(huslejeFoer)

    const stat = await w.db.selectFrom('sagsstatistik').selectAll().where('sag_id', '=', s.gammelAfgjort.sagId).executeTakeFirstOrThrow()
    expect(stat).toMatchObject({ naevn_id: naevn1.id, kommunekode: 101, status: 'afgjort', afslutningsaarsag: 'IN_FAVOUR', medhold: 'TENANT', sagsomraader: ['vedligeholdelse'], lovgrundlag: ['lejeloven:§106'] })
    expect(stat.indbragt).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    const log = await w.db.selectFrom('sletningslog').selectAll().where('sag_id', '=', s.gammelAfsluttet.sagId).executeTakeFirstOrThrow()
    expect(log).toMatchObject({ naevn_id: naevn1.id, sagsnummer: s.gammelAfsluttet.sagsnummer, godkendt_af: leder1.id })
    expect(log.antal).toMatchObject({ parter: 2, dokumenter: 4, notater: 1, beskeder: 1, sendte_mails: 1, afgoerelse_versioner: 1, anonymiseringer: 1, medlemsnoter: 1, document_blobs: 3 })
    const tekst = JSON.stringify(log)
    for (const personligt of [s.gammelAfsluttet.navn, s.gammelAfsluttet.email, s.gammelAfsluttet.cpr, 'Hemmeligvej']) expect(tekst).not.toContain(personligt)

    // What was not in the run is untouched.
    for (const sag of [s.aaben, s.ung, s.iAnkefrist, s.publiceringIGang, s.andetNaevn, s.delerBlob]) {
      expect((await raesterAfSag(w.db, sag)).parter, sag.sagsnummer).toBe(2)
    }

    // The page shows it as done.
    const side = await leder.get('/sagsbehandling/sletning')
    expect(side.body).toContain('Slettet')
  })

  it('when the deletion job runs again, then nothing more happens', async () => {
    const k1 = await w.db.selectFrom('sletningskoersler').select('id').where('naevn_id', '=', naevn1.id).executeTakeFirstOrThrow()
    const foer = await w.db.selectFrom('sletningslog').select(sql<number>`count(*)::int`.as('n')).where('naevn_id', '=', naevn1.id).executeTakeFirstOrThrow()
    expect(await udfoerSletning(w.db, k1.id)).toEqual({ slettet: 0, sprungetOver: 0 })
    const efter = await w.db.selectFrom('sletningslog').select(sql<number>`count(*)::int`.as('n')).where('naevn_id', '=', naevn1.id).executeTakeFirstOrThrow()
    expect(efter.n).toBe(foer.n)
  })

  it('when a case is re-opened between proposal and approval, then it is skipped, not deleted', async () => {
    const cpr = createCprCipher(w.config.cprEncryptionKey)
    const naevn3 = await createNaevn(w.db)
    const sag = await lavFuldSag(w.db, cpr, { naevnId: naevn3.id, status: 'afsluttet', lukketForDage: seksAar })
    const [r] = await lavSletningsforslag(w.db, { standardAar: 5, naevnId: naevn3.id })
    await w.db.updateTable('sager').set({ status: 'under_behandling' }).where('id', '=', sag.sagId).execute()
    await w.db.updateTable('sletningskoersler').set({ status: 'godkendt' }).where('id', '=', r!.koerselId!).execute()
    expect(await udfoerSletning(w.db, r!.koerselId!)).toEqual({ slettet: 0, sprungetOver: 1 })
    expect((await raesterAfSag(w.db, sag)).sager).toBe(1)
  })

  it('when a board keeps cases longer, then its leader sets it on the board’s page and the proposal follows it; a caseworker gets 404', async () => {
    const cpr = createCprCipher(w.config.cprEncryptionKey)
    const naevn4 = await createNaevn(w.db)
    const leder4 = await createUser(w.db, { medlemskaber: [{ naevnId: naevn4.id, rolle: 'sekretariatsleder' }] })
    const sb4 = await createUser(w.db, { medlemskaber: [{ naevnId: naevn4.id, rolle: 'sagsbehandler' }] })
    await lavFuldSag(w.db, cpr, { naevnId: naevn4.id, status: 'afsluttet', lukketForDage: seksAar })

    const leder = await som(leder4)
    expect((await leder.get(`/naevn/${naevn4.id}/opbevaring`)).statusCode).toBe(200)
    expect((await leder.post(`/naevn/${naevn4.id}/opbevaring`, { aar: 'ti' })).statusCode).toBe(400)
    expect((await leder.post(`/naevn/${naevn4.id}/opbevaring`, { aar: '10' })).statusCode).toBe(303)
    expect((await w.db.selectFrom('naevn').select('opbevaring_aar').where('id', '=', naevn4.id).executeTakeFirstOrThrow()).opbevaring_aar).toBe(10)
    expect(await lavSletningsforslag(w.db, { standardAar: 5, naevnId: naevn4.id })).toEqual([])

    const sb = await som(sb4)
    expect((await sb.get(`/naevn/${naevn4.id}/opbevaring`)).statusCode).toBe(404)
    expect((await sb.post(`/naevn/${naevn4.id}/opbevaring`, { aar: '1' })).statusCode).toBe(404)
    expect((await leder.get(`/naevn/${naevn1.id}/opbevaring`)).statusCode).toBe(404)
  })

  it('when slet-sager gets a bad payload or a run that was never approved, then it fails at once without retries', async () => {
    const queue = workers.runtime.queues.get('gdpr')!
    await queue.add('slet-sager', { koerselId: 'ikke-et-id' }, { jobId: 'outbox-999999981' })
    await waitFor('failed job', async () => (await (await queue.getJob('outbox-999999981'))?.getState()) === 'failed')
    expect((await queue.getJob('outbox-999999981'))!.failedReason).toContain('ugyldige data')

    const naevn5 = await createNaevn(w.db)
    const k = await w.db.insertInto('sletningskoersler').values({ naevn_id: naevn5.id, opbevaring_aar: 5, lukket_foer: '2020-01-01' }).returning('id').executeTakeFirstOrThrow()
    await queue.add('slet-sager', { koerselId: k.id }, { jobId: 'outbox-999999982' })
    await waitFor('failed job', async () => (await (await queue.getJob('outbox-999999982'))?.getState()) === 'failed')
    const job = await queue.getJob('outbox-999999982')
    expect(job!.failedReason).toContain('ikke godkendt')
    expect(job!.attemptsMade).toBe(1)
  })
})
