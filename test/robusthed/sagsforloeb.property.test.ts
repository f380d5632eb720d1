// A property-based test of the case lifecycle (fast-check): random sequences of actions
// by random users against the real app, each run on a freshly filed case. After every
// step three invariants must hold:
//  - the status is one of the statuses, and every status change in the journal is a
//    transition of the lifecycle's own table (server/kerne/sag/status.ts), chained from the old
//    status to the new one;
//  - a user without access to the case gets 404 on every case route (not 403, not 200),
//    an anonymous one is sent to the login page (GET) or refused with 401 (POST), and a
//    party sees only its own case;
//  - a successful state-changing action adds at least one journal entry, and a refused
//    one adds none and changes nothing (the case's row and every row hanging on it).
// fast-check prints the seed and the shrunk counterexample on failure; rerun one with
// fc.assert(..., { seed, path }).
import fc from 'fast-check'
import { sql } from 'kysely'
import type { LightMyRequestResponse } from 'fastify'
import { beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { afgoerelseFelter } from '../helpers/afgoerelse.js'
import { iDag } from '../naevnsmoede/helpers.js'
import { kunGennemHandling, overgange, sagStatuser, type SagStatus } from '../../server/kerne/sag/status.js'

const roller = ['sbA', 'sbB', 'lederA', 'lejer', 'udlejer', 'borger', 'medlemA', 'anonym'] as const
type Rolle = (typeof roller)[number]

/** What a route needs: the secretariat of the case's board, or being a party to it. */
type Adgang = 'personale' | 'part'
const harAdgang: Record<Rolle, Adgang[]> = {
  sbA: ['personale'],
  lederA: ['personale'],
  sbB: [],
  lejer: ['part'],
  udlejer: ['part'],
  borger: [],
  medlemA: [],
  anonym: [],
}

const arter = [
  'se',
  'status',
  'tag',
  'tildel',
  'notat',
  'vurdering',
  'hoering',
  'hoeringssvar',
  'afslutHoering',
  'beskedTilPart',
  'beskedFraPart',
  'gebyr',
  'dagsorden',
  'udkast',
  'endelig',
] as const
type Art = (typeof arter)[number]

interface Handling {
  rolle: Rolle
  art: Art
  /** For 'status': any target (also an illegal one or a status that does not exist)… */
  til: SagStatus | 'ukendt'
  /** …or, when set, the n-th transition the table allows from the current status. */
  lovligNr: number | null
  /** For 'status': send the version the page showed, or an older one. */
  gammelVersion: boolean
  /** Fill in the free text (begrundelse, notat, …) or leave it empty. */
  medTekst: boolean
}

const personaleArter: Art[] = ['se', 'tag', 'tildel', 'notat', 'vurdering', 'hoering', 'afslutHoering', 'beskedTilPart', 'gebyr', 'dagsorden', 'udkast', 'endelig']
const partsArter: Art[] = ['se', 'hoeringssvar', 'beskedFraPart']
const detaljer = {
  lovligNr: fc.option(fc.nat({ max: 5 }), { freq: 2 }),
  til: fc.constantFrom<SagStatus | 'ukendt'>(...sagStatuser, 'ukendt'),
  gammelVersion: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 5, arbitrary: fc.constant(false) }),
  medTekst: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
}
const handlingArb: fc.Arbitrary<Handling> = fc.oneof(
  // Board A's secretariat moves the case along: status changes most often.
  {
    weight: 6,
    arbitrary: fc.record({
      rolle: fc.constantFrom<Rolle>('sbA', 'lederA'),
      art: fc.oneof({ weight: 2, arbitrary: fc.constant<Art>('status') }, { weight: 3, arbitrary: fc.constantFrom(...personaleArter) }),
      ...detaljer,
    }),
  },
  // The parties answer and write.
  { weight: 2, arbitrary: fc.record({ rolle: fc.constantFrom<Rolle>('lejer', 'udlejer'), art: fc.constantFrom(...partsArter), ...detaljer }) },
  // Anyone tries anything: mostly the access rules.
  { weight: 2, arbitrary: fc.record({ rolle: fc.constantFrom(...roller), art: fc.constantFrom(...arter), ...detaljer }) },
)

/** Actions that change the case when they succeed: each must leave a journal entry. */
const journaliseres: Record<Art, boolean> = {
  se: false,
  status: true,
  tag: true,
  tildel: true,
  notat: true,
  vurdering: true,
  hoering: true,
  hoeringssvar: true,
  afslutHoering: true,
  beskedTilPart: true,
  beskedFraPart: true,
  gebyr: true,
  dagsorden: true,
  udkast: true,
  endelig: true,
}


describe('the case lifecycle under random actions by random users', () => {
  const w = useWorld()
  const agenter = {} as Record<Rolle, Agent>
  const brugere = {} as Record<Rolle, { id: string }>
  let naevnA: string
  let moedeA: string
  /** A case of board B filed by the citizen: nobody of board A, and neither party of the runs' cases, may see it. */
  let andenSag: string

  beforeAll(async () => {
    naevnA = (await naevnFor(w.db, 101)).id
    const naevnB = (await naevnFor(w.db, 751)).id
    const medlemskab: Partial<Record<Rolle, { naevnId: string; rolle: 'sagsbehandler' | 'sekretariatsleder' | 'naevnsmedlem' }[]>> = {
      sbA: [{ naevnId: naevnA, rolle: 'sagsbehandler' }],
      sbB: [{ naevnId: naevnB, rolle: 'sagsbehandler' }],
      lederA: [{ naevnId: naevnA, rolle: 'sekretariatsleder' }],
      medlemA: [{ naevnId: naevnA, rolle: 'naevnsmedlem' }],
    }
    for (const rolle of roller) {
      agenter[rolle] = new Agent(w.app)
      if (rolle === 'anonym') {
        await agenter[rolle].get('/login')
        continue
      }
      const u = await createUser(w.db, { medlemskaber: medlemskab[rolle] ?? [] })
      brugere[rolle] = u
      expect((await agenter[rolle].login(u.email, u.password)).statusCode).toBe(303)
    }
    andenSag = await indbringSag(agenter.borger, { postnr: '8000' })
    expect((await w.db.selectFrom('sager').select('naevn_id').where('id', '=', andenSag).executeTakeFirstOrThrow()).naevn_id).toBe(naevnB)
    const moede = await agenter.sbA.post('/sagsbehandling/moeder', { naevn: naevnA, dato: iDag(14), tid: '13:00', sted: 'Rådhuset' })
    expect(moede.statusCode).toBe(303)
    moedeA = /\/sagsbehandling\/moeder\/([0-9a-f-]+)$/.exec(moede.headers.location as string)![1]!
  }, 60_000)

  /** A freshly filed case of board A; the landlord's user is registered on the opposing party. */
  async function nySag() {
    const sagId = await indbringSag(agenter.lejer)
    await w.db.updateTable('parter').set({ user_id: brugere.udlejer.id }).where('sag_id', '=', sagId).where('rolle', '=', 'modpart').execute()
    // The decision page creates the empty draft on its first opening (hentUdkast): open it
    // once here, so that later readings are readings only.
    expect((await agenter.sbA.get(`/sagsbehandling/sager/${sagId}/afgoerelse`)).statusCode).toBe(200)
    const parter = await w.db.selectFrom('parter').select(['id', 'rolle']).where('sag_id', '=', sagId).execute()
    return { sagId, lejerPart: parter.find((p) => p.rolle === 'indbringer')!.id, udlejerPart: parter.find((p) => p.rolle === 'modpart')!.id }
  }

  const sagen = (sagId: string) => w.db.selectFrom('sager').select(['status', 'version']).where('id', '=', sagId).executeTakeFirstOrThrow()
  // Opening a case is journaled as the access log (server/kerne/sag/adgangslog.ts: 'sag_laest',
  // 'dokument_laest'), also when a refused form re-renders the case page: those entries
  // record a reading, not a change, and are left out here.
  const journal = (sagId: string) =>
    w.db.selectFrom('journal').select(['id', 'handling', 'fra_status', 'til_status']).where('sag_id', '=', sagId).where('handling', 'not in', ['sag_laest', 'dokument_laest']).orderBy('id').execute()

  /** Everything stored about the case: its row and every row that hangs on it, as one string. */
  async function fingeraftryk(sagId: string): Promise<string> {
    const { rows } = await sql<{ t: string; h: string | null }>`
      SELECT 'sager' AS t, md5(s::text) AS h FROM sager s WHERE s.id = ${sagId}
      UNION ALL SELECT 'journal', md5(string_agg(x::text, '|' ORDER BY x.id)) FROM journal x WHERE x.sag_id = ${sagId} AND x.handling NOT IN ('sag_laest', 'dokument_laest')
      UNION ALL SELECT 'notater', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM notater x WHERE x.sag_id = ${sagId}
      UNION ALL SELECT 'beskeder', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM beskeder x WHERE x.sag_id = ${sagId}
      UNION ALL SELECT 'breve', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM breve x WHERE x.sag_id = ${sagId}
      UNION ALL SELECT 'dokumenter', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM dokumenter x WHERE x.sag_id = ${sagId}
      UNION ALL SELECT 'parter', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM parter x WHERE x.sag_id = ${sagId}
      UNION ALL SELECT 'partshoeringer', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM partshoeringer x WHERE x.sag_id = ${sagId}
      UNION ALL SELECT 'partshoering_modtagere', md5(string_agg(m::text, '|' ORDER BY m::text)) FROM partshoering_modtagere m JOIN partshoeringer h ON h.id = m.partshoering_id WHERE h.sag_id = ${sagId}
      UNION ALL SELECT 'partshoering_svar', md5(string_agg(m::text, '|' ORDER BY m::text)) FROM partshoering_svar m JOIN partshoeringer h ON h.id = m.partshoering_id WHERE h.sag_id = ${sagId}
      UNION ALL SELECT 'afgoerelser', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM afgoerelser x WHERE x.sag_id = ${sagId}
      UNION ALL SELECT 'dagsordenpunkter', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM dagsordenpunkter x WHERE x.sag_id = ${sagId}
      UNION ALL SELECT 'udsendelser', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM udsendelser x WHERE x.sag_id = ${sagId}
    `.execute(w.db)
    return rows.map((r) => `${r.t}:${r.h ?? '-'}`).join(' ')
  }

  /** Performs one action; returns the responses and whether the route needed staff or party access. */
  async function udfoer(h: Handling, sag: Awaited<ReturnType<typeof nySag>>): Promise<{ adgang: Adgang; svar: LightMyRequestResponse[]; til?: SagStatus | 'ukendt' }> {
    const a = agenter[h.rolle]
    const { sagId } = sag
    const base = `/sagsbehandling/sager/${sagId}`
    const tekst = (s: string) => (h.medTekst ? s : '')
    const { version } = await sagen(sagId)
    const aabenHoering = await w.db.selectFrom('partshoeringer').select('id').where('sag_id', '=', sagId).where('afsluttet', 'is', null).orderBy('oprettet', 'desc').executeTakeFirst()
    const hoeringId = aabenHoering?.id ?? '00000000-0000-4000-8000-000000000000'
    switch (h.art) {
      case 'se':
        return { adgang: 'personale', svar: [await a.get(base), await a.get(`${base}/afgoerelse`)] }
      case 'status': {
        const lovlige = overgange[(await sagen(sagId)).status as SagStatus]
        const til = h.lovligNr !== null && lovlige.length > 0 ? lovlige[h.lovligNr % lovlige.length]! : h.til
        return {
          adgang: 'personale',
          til,
          svar: [await a.post(`${base}/status`, { status: til, begrundelse: tekst('Sagen skifter status af en god grund.'), version: String(h.gammelVersion ? version - 1 : version) })],
        }
      }
      case 'tag':
        return { adgang: 'personale', svar: [await a.post(`${base}/tildel`, { tag: 'ja', version: String(version) })] }
      case 'tildel':
        return { adgang: 'personale', svar: [await a.post(`${base}/tildel`, { sagsbehandler: brugere.sbA.id, version: String(version) })] }
      case 'notat':
        return { adgang: 'personale', svar: [await a.post(`${base}/notater`, { notat: tekst('Ringet til udlejer, der lover svar i næste uge.') })] }
      case 'vurdering':
        return { adgang: 'personale', svar: [await a.post(`${base}/vurdering`, { vurdering: tekst('Lejer bør have medhold.'), version: String(version) })] }
      case 'hoering':
        return {
          adgang: 'personale',
          svar: [await a.post(`${base}/partshoeringer`, { modtagere: [sag.lejerPart, sag.udlejerPart], besked: tekst('Kommentér venligst udlejers redegørelse.'), frist: iDag(21) })],
        }
      case 'afslutHoering':
        return { adgang: 'personale', svar: [await a.post(`${base}/partshoeringer/${hoeringId}/afslut`)] }
      case 'beskedTilPart':
        return { adgang: 'personale', svar: [await a.post(`${base}/beskeder`, { besked_til: brugere.lejer.id, beskedtekst: tekst('Vi har modtaget dit gebyr.') })] }
      case 'gebyr':
        return { adgang: 'personale', svar: [await a.post(`${base}/gebyr-betalt`)] }
      case 'dagsorden':
        return { adgang: 'personale', svar: [await a.post(`/sagsbehandling/moeder/${moedeA}/punkter`, { sag: sagId })] }
      case 'udkast':
        return { adgang: 'personale', svar: [await a.post(`${base}/afgoerelse`, h.medTekst ? afgoerelseFelter : {})] }
      case 'endelig':
        return { adgang: 'personale', svar: [await a.post(`${base}/afgoerelse/endelig`)] }
      case 'hoeringssvar':
        return { adgang: 'part', svar: [await a.postMultipart(`/sager/${sagId}/hoeringer/${hoeringId}/svar`, { svar: tekst('Udlejer har ikke udbedret noget.') }, [])] }
      case 'beskedFraPart':
        return { adgang: 'part', svar: [await a.postMultipart(`/sager/${sagId}/beskeder`, { tekst: tekst('Hvornår behandles sagen?') }, [])] }
    }
  }

  /** The lifecycle's transitions in the journal since `fra`, checked against the table and chained. */
  function tjekOvergange(foer: SagStatus, efter: SagStatus, nye: { handling: string; fra_status: string | null; til_status: string | null }[], label: string) {
    let status = foer
    for (const j of nye.filter((x) => x.handling === 'status')) {
      expect(j.fra_status, `${label}: the journal's transition starts where the case was`).toBe(status)
      expect(overgange[j.fra_status as SagStatus], `${label}: ${j.fra_status} → ${j.til_status} is in the transition table`).toContain(j.til_status)
      status = j.til_status as SagStatus
    }
    expect(status, `${label}: the journal's transitions lead to the case's status`).toBe(efter)
  }

  it('when random users do random things to a case, then its status follows the transition table, access is 404 outside one’s boards and cases, and the journal records exactly the changes', async () => {
    const statistik = { runs: 0, handlinger: 0, lykkedes: 0, afvist: 0, ingenAdgang: 0, statusskift: new Set<string>() }
    await fc.assert(
      fc.asyncProperty(fc.array(handlingArb, { minLength: 1, maxLength: 15, size: 'max' }), async (handlinger) => {
        statistik.runs++
        const sag = await nySag()
        for (const [i, h] of handlinger.entries()) {
          statistik.handlinger++
          let label = `step ${i + 1} ${JSON.stringify(h)}`
          const foer = await sagen(sag.sagId)
          const foerJournal = await journal(sag.sagId)
          const foerAftryk = await fingeraftryk(sag.sagId)

          const { adgang, svar, til } = await udfoer(h, sag)
          if (til) label += ` (to ${til})`
          const efter = await sagen(sag.sagId)
          const sidste = foerJournal.at(-1)?.id ?? 0
          const nye = (await journal(sag.sagId)).filter((j) => j.id > sidste)
          const efterAftryk = await fingeraftryk(sag.sagId)

          // Never an illegal state.
          expect(sagStatuser, label).toContain(efter.status)
          tjekOvergange(foer.status as SagStatus, efter.status as SagStatus, nye, label)
          for (const r of svar) expect(r.statusCode, `${label}: ${r.body.slice(0, 300)}`).toBeLessThan(500)

          if (!harAdgang[h.rolle].includes(adgang)) {
            statistik.ingenAdgang++
            for (const r of svar) {
              if (h.rolle === 'anonym') {
                if (h.art === 'se') expect(r.headers.location, label).toMatch(/^\/login\?naeste=/)
                else expect(r.statusCode, label).toBe(401)
              } else {
                expect(r.statusCode, `${label}: no access is 404`).toBe(404)
              }
            }
            expect(efterAftryk, `${label}: a refused user changed nothing`).toBe(foerAftryk)
            continue
          }

          if (h.art === 'se') {
            for (const r of svar) expect(r.statusCode, label).toBe(200)
            expect(efterAftryk, `${label}: looking changes nothing`).toBe(foerAftryk)
            continue
          }

          const [r] = svar
          if (r!.statusCode === 303) {
            statistik.lykkedes++
            if (journaliseres[h.art]) expect(nye.length, `${label}: a change is journaled`).toBeGreaterThanOrEqual(1)
            if (efter.status !== foer.status) statistik.statusskift.add(`${foer.status}→${efter.status}`)
          } else {
            statistik.afvist++
            expect([400, 404, 409], `${label}: a refusal is 400, 404 or 409, got ${r!.statusCode}`).toContain(r!.statusCode)
            expect(nye, `${label}: a refusal journals nothing`).toEqual([])
            expect(efterAftryk, `${label}: a refusal changes nothing`).toBe(foerAftryk)
          }

          // The model, loosely: a status the table allows, with a reason and the current
          // version, is accepted; anything the table does not allow never is.
          if (h.art === 'status' && til) {
            const lovlig = til !== 'ukendt' && overgange[foer.status as SagStatus].includes(til) && !kunGennemHandling[til]
            if (!lovlig) expect(r!.statusCode, `${label}: an illegal transition is refused`).not.toBe(303)
            if (lovlig && h.medTekst && !h.gammelVersion) expect(r!.statusCode, `${label}: a legal transition is accepted: ${r!.body.slice(0, 300)}`).toBe(303)
            if (h.gammelVersion && foer.version > 1) {
              expect(r!.statusCode, `${label}: an old version is refused`).not.toBe(303)
              if (til !== 'ukendt' && !kunGennemHandling[til] && h.medTekst) expect(r!.statusCode, `${label}: an old version is a conflict`).toBe(409)
            }
          }
        }

        // A party sees only its own case; board A's secretariat does not see board B's.
        for (const rolle of ['lejer', 'udlejer', 'sbA', 'lederA', 'medlemA'] as const) {
          expect((await agenter[rolle].get(`/sager/${andenSag}`)).statusCode, `${rolle} on another case`).toBe(404)
          expect((await agenter[rolle].get(`/sagsbehandling/sager/${andenSag}`)).statusCode, `${rolle} on board B's case`).toBe(404)
        }
        expect((await agenter.borger.get(`/sager/${andenSag}`)).statusCode).toBe(200)
        expect((await agenter.sbB.get(`/sagsbehandling/sager/${andenSag}`)).statusCode).toBe(200)
        for (const rolle of ['lejer', 'udlejer'] as const) expect((await agenter[rolle].get(`/sager/${sag.sagId}`)).statusCode, rolle).toBe(200)
      }),
      { numRuns: Number(process.env.SAGSFORLOEB_RUNS ?? 40), interruptAfterTimeLimit: 150_000 },
    )
    console.log(
      `sagsforløb: ${statistik.runs} runs, ${statistik.handlinger} actions (${statistik.lykkedes} succeeded, ${statistik.afvist} refused, ${statistik.ingenAdgang} without access); transitions seen: ${[...statistik.statusskift].sort().join(', ')}`,
    )
    // The runs reached more than the first step of the lifecycle.
    expect(statistik.statusskift.size).toBeGreaterThanOrEqual(3)
  }, 240_000)
})
