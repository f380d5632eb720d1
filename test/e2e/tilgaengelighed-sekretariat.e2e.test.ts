// Accessibility of the secretariat's pages, in a real Chromium: a caseworker and the head of
// secretariat (sekretariatsleder) open every page type of theirs, and a few forms are sent
// with errors to show the Danish error summary. Each page passes axe-core's WCAG 2.1 A/AA
// rules with no violations, has one h1, the skip link and the footer's link to the
// accessibility statement (test/e2e/sidetjek.ts). The worker runs, so the decision is
// anonymized and the hearing letter waits in the print queue, as in production.
//
// Page types for a caseworker (sagsbehandler):
//   /sagsbehandling                        inbox: views nye, mine, åbne, overskredne, alle; search
//   /sagsbehandling/sager/:id              the case: assignment, status, hearing (extend, close),
//                                          new hearing, messages, letters, assessment, notes, journal;
//                                          a letter and a note sent empty (400, error summary)
//   /sagsbehandling/sager/:id/afgoerelse   the decision form; saved empty (400); the final decision
//   …/afgoerelse/forhaandsvisning          the preview
//   /sagsbehandling/sager/:id/anonymisering  the anonymization review
//   /sagsbehandling/moeder, /moeder/:id    meetings; a meeting with an agenda item and an inspection
//   /sagsbehandling/udskrivning            the print queue
//   /sagsbehandling/fritagelser            Digital Post exemptions (also sent empty: 400)
//   /sagsbehandling/indsigt, /indsigt/:id  access requests (also sent empty: 400), one request
// Page types for the head of secretariat (sekretariatsleder), besides the above:
//   /sagsbehandling/oversigt, /sagsbehandling/adgangslog, /sagsbehandling/sletning,
//   /naevn/:id, /naevn/:id/anonymisering, /naevn/:id/opbevaring
import { beforeAll, describe, expect, it } from 'vitest'
import { fraDate, svarfrist } from '../../server/kerne/sag/frister.js'
import { endeligSag, sagsbehandling } from '../helpers/afgoerelse.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { waitFor } from '../helpers/wait.js'
import { useWorkers } from '../helpers/workers.js'
import { useWorld } from '../helpers/world.js'
import { klarSag, opretMoede, iDag, punktId, saetPaa } from '../naevnsmoede/helpers.js'
import { finish, logIn, useBrowser } from './browser.js'
import { besoeg, sendOgTjek, type Tjekket } from './sidetjek.js'

const testTimeout = 180_000

describe('accessibility of the secretariat’s pages', () => {
  const w = useWorld()
  const browser = useBrowser(w)
  useWorkers(w)
  let naevnId: string
  let sagsbehandler: { email: string; password: string; id: string }
  let leder: { email: string; password: string; id: string }
  /** A filed case in hearing; a decided case waiting for its anonymization review; a case on a meeting's agenda. */
  let sagIHoering: string
  let afgjortSag: string
  let moedeId: string
  let indsigtId: string

  beforeAll(async () => {
    const naevn = await naevnFor(w.db, 101)
    naevnId = naevn.id
    sagsbehandler = await createUser(w.db, { navn: 'Sara Sagsbehandler', medlemskaber: [{ naevnId, rolle: 'sagsbehandler' }] })
    leder = await createUser(w.db, { navn: 'Lone Leder', medlemskaber: [{ naevnId, rolle: 'sekretariatsleder' }] })
    const sb = new Agent(w.app)
    await sb.login(sagsbehandler.email, sagsbehandler.password)
    const s = await sagsbehandling(w)

    sagIHoering = await indbringSag(s.fa)
    const parter = await w.db.selectFrom('parter').select('id').where('sag_id', '=', sagIHoering).execute()
    await sb.get(`/sagsbehandling/sager/${sagIHoering}`)
    const hoering = await sb.post(`/sagsbehandling/sager/${sagIHoering}/partshoeringer`, {
      modtagere: parter.map((p) => p.id),
      besked: 'Nævnet beder om parternes bemærkninger til klagen over fugtskaden.',
      frist: svarfrist(fraDate(new Date()), 2),
    })
    expect(hoering.statusCode, hoering.body.slice(0, 1000)).toBe(303)
    expect((await sb.post(`/sagsbehandling/sager/${sagIHoering}/notater`, { notat: 'Lejer har ringet og spurgt til sagen.' })).statusCode).toBe(303)

    afgjortSag = await endeligSag(w, s)

    const paaDagsorden = await klarSag(w, s.fa)
    moedeId = await opretMoede(sb, naevnId)
    await saetPaa(sb, moedeId, paaDagsorden)
    const punkt = await punktId(w, moedeId, paaDagsorden)
    const besigtigelse = await sb.post(`/sagsbehandling/moeder/${moedeId}/punkter/${punkt}/besigtigelser`, { dato: iDag(6), tid: '10:30', adresse: 'Nørregade 12, 2. th., 1165 København K' })
    expect(besigtigelse.statusCode, besigtigelse.body.slice(0, 1000)).toBe(303)

    const indsigt = await sb.post('/sagsbehandling/indsigt', { naevn: naevnId, type: 'email', vaerdi: 'lise@test.invalid' })
    expect(indsigt.statusCode, indsigt.body.slice(0, 1000)).toBe(303)
    indsigtId = /\/sagsbehandling\/indsigt\/([0-9a-f-]+)$/.exec(indsigt.headers.location as string)![1]!

    // The hearing letter for the landlord (no CPR or CVR) lands in the print queue, and the
    // decision's anonymization is ready for review.
    await waitFor('a letter in the print queue', () => w.db.selectFrom('udsendelser').select('id').where('sag_id', '=', sagIHoering).where('status', '=', 'til_print').executeTakeFirst(), 60_000)
    await waitFor('the anonymization', () => w.db.selectFrom('anonymiseringer').innerJoin('afgoerelser', 'afgoerelser.id', 'anonymiseringer.afgoerelse_id').select('anonymiseringer.id').where('afgoerelser.sag_id', '=', afgjortSag).executeTakeFirst(), 60_000)
  }, 120_000)

  it(
    'when a caseworker opens every page type of theirs and sends forms with errors, then axe finds no violations',
    async () => {
      const tab = await browser.openTab()
      const { page } = tab
      const tjekket: Tjekket = []
      try {
        await logIn(page, sagsbehandler, '/sagsbehandling')
        for (const visning of ['nye', 'mine', 'aabne', 'overskredne', 'alle']) await besoeg(tab, `/sagsbehandling?visning=${visning}`, `indbakke: ${visning}`, tjekket)
        await besoeg(tab, '/sagsbehandling?visning=alle&q=N%C3%B8rregade', 'indbakke: søgning', tjekket)
        tab.lap('indbakken')

        const sag = `/sagsbehandling/sager/${sagIHoering}`
        await besoeg(tab, sag, 'sagen i partshøring', tjekket, { skaermbillede: 'tilgaengelighed-sagsbehandling-sag' })
        // (tjekSide unfolded "Skriv et brev".)
        await sendOgTjek(tab, page.getByRole('button', { name: 'Dan og send brevet' }), 'brev med fejl', tjekket, { status: 400 })
        await besoeg(tab, sag, 'sagen', tjekket)
        await sendOgTjek(tab, page.getByRole('button', { name: 'Gem notat' }), 'notat med fejl', tjekket, { status: 400 })
        tab.lap('sagen, brev og notat med fejl')

        await besoeg(tab, `${sag}/afgoerelse`, 'afgørelsesformular', tjekket)
        // Saved with nothing filled in: every required field is listed in the summary.
        await sendOgTjek(tab, page.getByRole('button', { name: 'Gem udkastet' }), 'afgørelsesformular med fejl', tjekket, { status: 400, skaermbillede: 'tilgaengelighed-afgoerelse-fejl' })
        await besoeg(tab, `/sagsbehandling/sager/${afgjortSag}`, 'afgjort sag', tjekket)
        await besoeg(tab, `/sagsbehandling/sager/${afgjortSag}/afgoerelse`, 'endelig afgørelse', tjekket)
        await besoeg(tab, `/sagsbehandling/sager/${afgjortSag}/afgoerelse/forhaandsvisning`, 'forhåndsvisning', tjekket)
        await besoeg(tab, `/sagsbehandling/sager/${afgjortSag}/anonymisering`, 'anonymiseringens gennemsyn', tjekket)
        tab.lap('afgørelse, forhåndsvisning, anonymisering')

        await besoeg(tab, '/sagsbehandling/moeder', 'møder', tjekket)
        await besoeg(tab, `/sagsbehandling/moeder/${moedeId}`, 'møde med dagsorden og besigtigelse', tjekket, { skaermbillede: 'tilgaengelighed-moede' })
        await besoeg(tab, '/sagsbehandling/udskrivning', 'udskrivning', tjekket)
        expect(await page.locator('main table').count(), 'a letter waits in the print queue').toBeGreaterThan(0)
        await besoeg(tab, '/sagsbehandling/fritagelser', 'fritagelser', tjekket)
        await sendOgTjek(tab, page.getByRole('button', { name: 'Registrér fritagelse' }), 'fritagelse med fejl', tjekket, { status: 400 })
        await besoeg(tab, '/sagsbehandling/indsigt', 'indsigt', tjekket)
        await sendOgTjek(tab, page.locator('form[action="/sagsbehandling/indsigt"] button[type=submit]'), 'indsigt med fejl', tjekket, { status: 400 })
        await besoeg(tab, `/sagsbehandling/indsigt/${indsigtId}`, 'indsigtsanmodning', tjekket)
        tab.lap('møder, udskrivning, fritagelser, indsigt')

        console.log(`caseworker page types checked (${tjekket.length}):\n  ${tjekket.join('\n  ')}`)
        finish(tab, 'tilgængelighed, sagsbehandler')
      } finally {
        await tab.context.close()
      }
    },
    testTimeout,
  )

  it(
    'when the head of secretariat opens the overview, access log, deletion and the board’s policy pages, then axe finds no violations',
    async () => {
      const tab = await browser.openTab()
      const { page } = tab
      const tjekket: Tjekket = []
      try {
        await logIn(page, leder, '/sagsbehandling')
        await besoeg(tab, '/sagsbehandling/oversigt', 'lederens oversigt', tjekket, { skaermbillede: 'tilgaengelighed-oversigt' })
        await besoeg(tab, '/sagsbehandling/adgangslog', 'adgangslog', tjekket)
        await besoeg(tab, `/sagsbehandling/adgangslog?medarbejder=${sagsbehandler.id}`, 'adgangslog for en medarbejder', tjekket)
        await besoeg(tab, '/sagsbehandling/sletning', 'sletning', tjekket)
        await besoeg(tab, `/naevn/${naevnId}`, 'nævnet', tjekket)
        await besoeg(tab, `/naevn/${naevnId}/anonymisering`, 'anonymiseringspolitik', tjekket)
        await besoeg(tab, `/naevn/${naevnId}/opbevaring`, 'opbevaring', tjekket)
        console.log(`head of secretariat page types checked (${tjekket.length}):\n  ${tjekket.join('\n  ')}`)
        finish(tab, 'tilgængelighed, sekretariatsleder')
      } finally {
        await tab.context.close()
      }
    },
    testTimeout,
  )
})
