// The secretariat leader's overview. One file-local world of cases with known dates:
// filed through the pages, moved through the lifecycle with skiftStatus, then
// back-dated, so every number below is worked out by hand. Dates are relative to today
// (Danish time); the repository takes "today" as an argument, so the boundaries of the
// age groups and of the deadline are tested by moving today instead of the cases.
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadPrincipal, type Principal } from '../../server/kerne/access/principal.js'
import type { SagStatus } from '../../server/kerne/sag/status.js'
import { skiftStatus } from '../../server/kerne/sag/livscyklus.js'
import { formatDato } from '../../server/kerne/sag/visning.js'
import {
  aabneSagerPrStatus,
  aldersfordeling,
  behandlingstider,
  overskredneFrister,
} from '../../server/modules/sagsbehandling/oversigt.repository.js'
import { etAarFoer } from '../../server/modules/sagsbehandling/oversigt.routes.js'
import { idagIDanmark } from '../../server/kerne/sag/frister.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { useWorld } from '../helpers/world.js'
import { fristForAndenPart } from '../../server/kerne/sag/frister.js'

/** YYYY-MM-DD plus n calendar days (n may be negative). */
function dag(d: string, n: number): string {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, dd + n)).toISOString().slice(0, 10)
}

/** Noon of a Danish calendar day, as timestamptz. */
function middag(d: string) {
  return sql<Date>`${`${d} 12:00:00`}::timestamp AT TIME ZONE 'Europe/Copenhagen'`
}

/** The cells' text of a table's rows (thead left out), found by the table's id. */
function tabel(html: string, id: string): string[][] {
  const t = new RegExp(`<table[^>]*id="${id}"[^>]*>([\\s\\S]*?)</table>`).exec(html)
  if (!t) throw new Error(`no table #${id}`)
  const body = t[1]!.replace(/<thead>[\s\S]*?<\/thead>/, '')
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()),
  )
}

describe('the secretariat leader’s overview', () => {
  const w = useWorld()
  const T = idagIDanmark()
  const ids: Record<string, string> = {}
  const sagsnumre: Record<string, string> = {}
  let A: { id: string; navn: string }
  let B: { id: string; navn: string }
  let leaderA: Principal
  let leaderAB: Principal
  const logins: Record<string, { email: string; password: string }> = {}

  async function flyt(sagId: string, statuser: SagStatus[]) {
    await w.db.transaction().execute(async (trx) => {
      for (const s of statuser) await skiftStatus(trx, sagId, s, { aktoerId: null })
    })
  }
  const tilAfgjort: SagStatus[] = ['under_behandling', 'klar_til_moede', 'paa_dagsorden', 'afgjort']
  // The deadline is a week after filing moved to a working day, so which of these is
  // late, and by how much, depends on the weekday the test runs: computed by the rule.
  const dageEfter = (frist: string, idag: string) => (Date.parse(idag) - Date.parse(frist)) / 86_400_000
  const forventet = (navne: string[], idag: string, limit = 200) => {
    const sent = navne
      .map((n) => ({ n, frist: fristForAndenPart(dag(T, -indbragtFor[n]!)) }))
      .filter((x) => x.frist < idag)
      .map((x) => [sagsnumre[x.n], dageEfter(x.frist, idag)] as [string, number])
      .sort((a, b) => b[1] - a[1])
    return { antal: sent.length, sager: sent.slice(0, limit) }
  }
  const indbragtFor: Record<string, number> = { o1: 3, o2: 10, o5: 8, o6: 7, b2: 50 }

  beforeAll(async () => {
    A = await naevnFor(w.db, 101)
    B = await naevnFor(w.db, 751)
    const borger = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(borger.email, borger.password)

    // name → [board postnr, indbragt (days before today), statuses to pass through, decided (days before today)]
    const plan: [string, string, number, SagStatus[], number?][] = [
      ['a1', '1165', 25, tilAfgjort, 15], // 10 days
      ['a2', '1165', 40, tilAfgjort, 20], // 20 days
      ['a3', '1165', 70, [...tilAfgjort, 'afsluttet'], 30], // 40 days, two areas, since closed
      ['a4', '1165', 500, tilAfgjort, 400], // decided outside the last 12 months
      ['o1', '1165', 3, []],
      ['o2', '1165', 10, []], // 3 days overdue
      ['o5', '1165', 8, []], // 1 day overdue
      ['o6', '1165', 7, []], // on the last day of the deadline
      ['o3', '1165', 60, ['under_behandling']],
      ['o4', '1165', 200, ['under_behandling', 'partshoering']],
      ['o7', '1165', 400, ['under_behandling', 'klar_til_moede']],
      ['h1', '1165', 20, ['henlagt']],
      ['b1', '8000', 10, tilAfgjort, 5], // 5 days
      ['b2', '8000', 50, []], // 43 days overdue
    ]
    for (const [navn, postnr, indbragt, statuser, afgjort] of plan) {
      const id = await indbringSag(agent, { postnr })
      ids[navn] = id
      await flyt(id, statuser)
      await w.db.updateTable('sager').set({ indbragt: middag(dag(T, -indbragt)), frist_fremsendelse: fristForAndenPart(dag(T, -indbragt)) }).where('id', '=', id).execute()
      if (afgjort !== undefined) {
        await w.db
          .updateTable('journal')
          .set({ tidspunkt: middag(dag(T, -afgjort)) })
          .where('sag_id', '=', id)
          .where('handling', '=', 'status')
          .where('til_status', '=', 'afgjort')
          .execute()
      }
      const sag = await w.db.selectFrom('sager').select(['sagsnummer', 'naevn_id']).where('id', '=', id).executeTakeFirstOrThrow()
      expect(sag.naevn_id).toBe(postnr === '1165' ? A.id : B.id)
      sagsnumre[navn] = sag.sagsnummer!
    }
    await w.db.updateTable('sager').set({ sagsomraader: ['vedligeholdelse', 'husleje'] }).where('id', '=', ids.a3!).execute()
    // A second 'afgjort' entry, later than the first (a re-registration): the first one
    // counts. If the last counted, a2 would take 30 days and a4 would fall in the window.
    for (const [navn, dageFoer] of [['a2', 10], ['a4', 50]] as const) {
      await w.db
        .insertInto('journal')
        .values({ sag_id: ids[navn]!, handling: 'status', fra_status: 'paa_dagsorden', til_status: 'afgjort', tidspunkt: middag(dag(T, -dageFoer)) })
        .execute()
    }

    const users = {
      // Heads A's secretariat and works in B's: sees A only.
      leaderA: await createUser(w.db, { medlemskaber: [{ naevnId: A.id, rolle: 'sekretariatsleder' }, { naevnId: B.id, rolle: 'sagsbehandler' }] }),
      leaderAB: await createUser(w.db, { medlemskaber: [{ naevnId: A.id, rolle: 'sekretariatsleder' }, { naevnId: B.id, rolle: 'sekretariatsleder' }] }),
      sagsbehandlerA: await createUser(w.db, { medlemskaber: [{ naevnId: A.id, rolle: 'sagsbehandler' }] }),
      medlemA: await createUser(w.db, { medlemskaber: [{ naevnId: A.id, rolle: 'naevnsmedlem' }] }),
      admin: await createUser(w.db, { admin: true }),
      borger,
    }
    for (const [k, u] of Object.entries(users)) logins[k] = u
    leaderA = (await loadPrincipal(w.db, users.leaderA.id, 'test'))!
    leaderAB = (await loadPrincipal(w.db, users.leaderAB.id, 'test'))!
  }, 120_000)

  async function som(rolle: string): Promise<Agent> {
    const a = new Agent(w.app)
    const res = await a.login(logins[rolle]!.email, logins[rolle]!.password)
    expect(res.statusCode).toBe(303)
    return a
  }

  describe('the repository', () => {
    it('when a leader of A (who also works in B) asks for A and B, then the open cases by status are A’s only, in lifecycle order', async () => {
      expect(await aabneSagerPrStatus(w.db, leaderA, [A.id, B.id])).toEqual([
        { status: 'indbragt', antal: 4 },
        { status: 'under_behandling', antal: 1 },
        { status: 'partshoering', antal: 1 },
        { status: 'klar_til_moede', antal: 1 },
        { status: 'paa_dagsorden', antal: 0 },
      ])
      expect((await aabneSagerPrStatus(w.db, leaderA, [B.id])).every((s) => s.antal === 0)).toBe(true)
      expect((await aabneSagerPrStatus(w.db, leaderAB, [B.id]))[0]).toEqual({ status: 'indbragt', antal: 1 })
    })

    it('when open cases are 3, 7, 8, 10, 60, 200 and 400 days old, then the age groups count 4, 1, 0, 1, 1, and each boundary day falls in the lower group', async () => {
      const alder = (idag: string) => aldersfordeling(w.db, leaderA, [A.id, B.id], idag)
      expect(await alder(T)).toEqual({ d0_30: 4, d31_90: 1, d91_180: 0, d181_365: 1, over365: 1 })
      // o1 (3 days old today) is 30 days old in 27 days, 31 the day after.
      expect(await alder(dag(T, 27))).toEqual({ d0_30: 1, d31_90: 4, d91_180: 0, d181_365: 1, over365: 1 })
      expect(await alder(dag(T, 28))).toEqual({ d0_30: 0, d31_90: 5, d91_180: 0, d181_365: 1, over365: 1 })
      // o3 (60): 90 and 91 days.
      expect(await alder(dag(T, 30))).toEqual({ d0_30: 0, d31_90: 5, d91_180: 0, d181_365: 1, over365: 1 })
      expect(await alder(dag(T, 31))).toEqual({ d0_30: 0, d31_90: 4, d91_180: 1, d181_365: 1, over365: 1 })
      // o2 (10): 180 and 181 days.
      expect(await alder(dag(T, 170))).toEqual({ d0_30: 0, d31_90: 0, d91_180: 4, d181_365: 1, over365: 2 })
      expect(await alder(dag(T, 171))).toEqual({ d0_30: 0, d31_90: 0, d91_180: 3, d181_365: 2, over365: 2 })
      // o4 (200): 365 and 366 days.
      expect(await alder(dag(T, 165))).toEqual({ d0_30: 0, d31_90: 0, d91_180: 4, d181_365: 2, over365: 1 })
      expect(await alder(dag(T, 166))).toEqual({ d0_30: 0, d31_90: 0, d91_180: 4, d181_365: 1, over365: 2 })
      // The leader of both boards also counts b2 (50 days).
      expect(await aldersfordeling(w.db, leaderAB, [A.id, B.id], T)).toEqual({ d0_30: 4, d31_90: 2, d91_180: 0, d181_365: 1, over365: 1 })
    })

    it('when A decided cases in 10, 20 and 40 days within the last year, then the median is 20 and the 90th percentile 36, per board, per area and in total', async () => {
      const periode = { fra: etAarFoer(T), til: T }
      expect(await behandlingstider(w.db, leaderA, [A.id, B.id], periode)).toEqual({
        total: { antal: 3, median: 20, p90: 36 },
        prNaevn: [{ naevnId: A.id, antal: 3, median: 20, p90: 36 }],
        prOmraade: [
          // a3 has two areas and counts in both.
          { naevnType: 'huslejenaevn', sagsomraade: 'husleje', antal: 1, median: 40, p90: 40 },
          { naevnType: 'huslejenaevn', sagsomraade: 'vedligeholdelse', antal: 3, median: 20, p90: 36 },
        ],
      })
    })

    it('when the leader of A and B asks for both, then B’s 5-day case joins: 5, 10, 20, 40 give median 15 and 90th percentile 34', async () => {
      const r = await behandlingstider(w.db, leaderAB, [A.id, B.id], { fra: etAarFoer(T), til: T })
      expect(r.total).toEqual({ antal: 4, median: 15, p90: 34 })
      expect(r.prNaevn).toHaveLength(2)
      expect(r.prNaevn).toEqual(
        expect.arrayContaining([
          { naevnId: A.id, antal: 3, median: 20, p90: 36 },
          { naevnId: B.id, antal: 1, median: 5, p90: 5 },
        ]),
      )
    })

    it('when the period is moved, then a case counts by the day of its first decision, both ends of the period included', async () => {
      const tid = async (fra: string, til: string) => (await behandlingstider(w.db, leaderA, [A.id], { fra, til })).total
      expect(await tid(dag(T, -15), T)).toEqual({ antal: 1, median: 10, p90: 10 }) // a1 only; a2's later entry does not count
      expect(await tid(dag(T, -14), T)).toEqual({ antal: 0, median: null, p90: null })
      expect(await tid(dag(T, -365), dag(T, -30))).toEqual({ antal: 1, median: 40, p90: 40 }) // a3
      expect(await tid(dag(T, -365), dag(T, -31))).toEqual({ antal: 0, median: null, p90: null })
      expect(await tid(dag(T, -400), dag(T, -400))).toEqual({ antal: 1, median: 100, p90: 100 }) // a4
    })

    it('when filed cases are still in status indbragt after their forwarding deadline, then they are listed with the days past it, most overdue first', async () => {
      const a = ['o1', 'o2', 'o5', 'o6']
      const r = await overskredneFrister(w.db, leaderA, [A.id, B.id], T)
      expect({ antal: r.antal, sager: r.sager.map((s) => [s.sagsnummer, s.dageOverskredet]) }).toEqual(forventet(a, T))
      // o1 (filed 3 days ago) is never late; o2 (10 days) is, but for Easter and Christmas.
      expect(r.sager.map((s) => s.sagsnummer)).not.toContain(sagsnumre.o1)
      expect(forventet(a, T).antal).toBeGreaterThan(0)
      const imorgen = await overskredneFrister(w.db, leaderA, [A.id], dag(T, 1))
      expect({ antal: imorgen.antal, sager: imorgen.sager.map((s) => [s.sagsnummer, s.dageOverskredet]) }).toEqual(forventet(a, dag(T, 1)))
      const begge = await overskredneFrister(w.db, leaderAB, [A.id, B.id], T, 2)
      expect({ antal: begge.antal, sager: begge.sager.map((s) => [s.sagsnummer, s.dageOverskredet]) }).toEqual(forventet([...a, 'b2'], T, 2))
    })
  })

  describe('the page', () => {
    it('when a leader of A opens the overview, then the tables show A’s numbers and nothing of B, with an accessible chart per table', async () => {
      const res = await (await som('leaderA')).get('/sagsbehandling/oversigt')
      expect(res.statusCode).toBe(200)
      const html = res.body
      expect(tabel(html, 'tabel-status')).toEqual([
        ['Modtaget af nævnet', '4'],
        ['Under behandling', '1'],
        ['Partshøring', '1'],
        ['Klar til nævnsmøde', '1'],
        ['På dagsordenen', '0'],
        ['I alt', '7'],
      ])
      expect(tabel(html, 'tabel-alder')).toEqual([
        ['0–30 dage', '4'],
        ['31–90 dage', '1'],
        ['91–180 dage', '0'],
        ['181–365 dage', '1'],
        ['Over 365 dage', '1'],
        ['I alt', '7'],
      ])
      expect(tabel(html, 'tabel-tid-naevn')).toEqual([
        [A.navn, '3', '20', '36'],
        ['I alt', '3', '20', '36'],
      ])
      expect(tabel(html, 'tabel-tid-omraade')).toEqual([
        ['Huslejens størrelse', '1', '40', '40'],
        ['Vedligeholdelse', '3', '20', '36'],
      ])
      const frister = tabel(html, 'tabel-frister')
      const sent = forventet(['o1', 'o2', 'o5', 'o6'], T)
      expect(frister.map((r) => [r[0], r[1], r[4]])).toEqual(sent.sager.map(([nr, dage]) => [nr, A.navn, String(dage)]))
      expect(frister[0]![2]).toContain('Nørregade 12')
      expect(html).toContain(sent.antal === 1 ? '1 sag har overskredet fristen.' : `${sent.antal} sager har overskredet fristen.`)
      expect(html).toContain(`${formatDato(new Date(`${etAarFoer(T)}T12:00:00Z`))} – ${formatDato(new Date(`${T}T12:00:00Z`))}`)

      expect(html).not.toContain(sagsnumre.b2)
      expect(html).not.toContain(sagsnumre.b1)
      expect(html).not.toContain(B.navn)

      // Two charts, each an image with a name and a title; bars sized by attributes.
      const svgs = [...html.matchAll(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" role="img" aria-label="([^"]+)"[^>]*>\s*<title>([^<]+)<\/title>([\s\S]*?)<\/svg>/g)]
      expect(svgs.map((s) => s[2])).toEqual(['Åbne sager efter status', 'Åbne sager efter alder'])
      expect(svgs[0]![1]).toBe(
        'Åbne sager efter status: Modtaget af nævnet 4, Under behandling 1, Partshøring 1, Klar til nævnsmøde 1, På dagsordenen 0.',
      )
      const bredder = [...svgs[0]![3]!.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]))
      expect(bredder).toEqual([400, 100, 100, 100, 0])
      // The CSP forbids inline styles and scripts: the page has neither.
      expect(html).not.toMatch(/\sstyle=/)
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/)
    })

    it('when the leader of A and B picks B, then only B’s numbers are shown', async () => {
      const res = await (await som('leaderAB')).get(`/sagsbehandling/oversigt?naevn=${B.id}`)
      expect(res.statusCode).toBe(200)
      expect(tabel(res.body, 'tabel-status')[0]).toEqual(['Modtaget af nævnet', '1'])
      expect(tabel(res.body, 'tabel-tid-naevn')).toEqual([
        [B.navn, '1', '5', '5'],
        ['I alt', '1', '5', '5'],
      ])
      expect(tabel(res.body, 'tabel-frister').map((r) => [r[0], r[4]])).toEqual(forventet(['b2'], T).sager.map(([nr, dage]) => [nr, String(dage)]))
      expect(res.body).not.toContain(sagsnumre.o2)
      expect(res.body).toMatch(new RegExp(`<option value="${B.id}" selected>`))
    })

    it('when the leader of A and B sets no board, then both count: median 15 and 90th percentile 34 in total', async () => {
      const res = await (await som('leaderAB')).get('/sagsbehandling/oversigt')
      expect(tabel(res.body, 'tabel-tid-naevn').at(-1)).toEqual(['I alt', '4', '15', '34'])
    })

    it('when the dates are not dates, then the page answers 400 with Danish messages and keeps what was typed', async () => {
      const leader = await som('leaderA')
      const res = await leader.get(`/sagsbehandling/oversigt?fra=2026-02-30&til=${encodeURIComponent('i går')}`)
      expect(res.statusCode).toBe(400)
      expect(res.body).toContain('Startdatoen findes ikke i kalenderen. Tjek dag og måned.')
      expect(res.body).toContain('Skriv slutdatoen som år-måned-dag, fx 2026-12-31.')
      expect(res.body).toMatch(/id="fra" name="fra" value="2026-02-30"/)
      expect(res.body).toMatch(/id="til" name="til" value="i går"/)
      expect(res.body).toContain('aria-invalid="true"')
      expect(res.body).not.toContain('id="tabel-status"')

      const omvendt = await leader.get('/sagsbehandling/oversigt?fra=2026-06-01&til=2026-05-31')
      expect(omvendt.statusCode).toBe(400)
      expect(omvendt.body).toContain('Slutdatoen skal være samme dag som startdatoen eller senere.')
      expect(omvendt.body).toMatch(/id="fra" name="fra" value="2026-06-01"/)
    })

    it('when a leader of A asks for board B, which they only work in, then the page answers 400 and shows nothing of B', async () => {
      const res = await (await som('leaderA')).get(`/sagsbehandling/oversigt?naevn=${B.id}`)
      expect(res.statusCode).toBe(400)
      expect(res.body).toContain('Vælg et af de nævn, du er sekretariatsleder for.')
      expect(res.body).not.toContain(sagsnumre.b2)
      expect((await (await som('leaderA')).get('/sagsbehandling/oversigt?naevn=ikke-et-id')).statusCode).toBe(400)
    })

    it('when someone who leads no board asks, then the page does not exist (404), and without a login it asks for one', async () => {
      for (const rolle of ['sagsbehandlerA', 'medlemA', 'admin', 'borger']) {
        const res = await (await som(rolle)).get('/sagsbehandling/oversigt')
        expect(res.statusCode, rolle).toBe(404)
        expect(res.body, rolle).not.toContain(sagsnumre.o2)
      }
      const anonym = await new Agent(w.app).get('/sagsbehandling/oversigt')
      expect(anonym.statusCode).toBe(302)
      expect(anonym.headers.location).toContain('/login')
    })
  })
})
