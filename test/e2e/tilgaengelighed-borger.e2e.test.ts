// Accessibility of the pages of the parties to a case, in a real Chromium: a tenant who
// filed a case themself and a representative (lejerforening) who filed for a client. Every
// page type passes axe-core's WCAG 2.1 A/AA rules with no violations, has one h1, the skip
// link and the footer's link to the accessibility statement (test/e2e/sidetjek.ts), also
// when a form is sent back with the Danish error summary. The keyboard-only filing is in
// indbringelse.e2e.test.ts; the public pages in tilgaengelighed-offentlig.
//
// Page types for a party (lejer/udlejer) and a representative:
//   /mine-sager                      Mine sager (all, searched)
//   /sager/:id                       the case: status, hearing with the answer form,
//                                    messages, documents, timeline; the hearing answer and
//                                    the message sent empty (400, error summary)
//   /indbringelse/:id/<trin>         the wizard's seven steps of a draft (hvem, lejemaal,
//                                    parter, sagen, bilag, gebyr, indsend); the
//                                    representative's variant (repræsentant, klient, fuldmagt)
//   /indbringelse/:id/slet           delete a draft
//   /konto/api-noegler               Konto → API-nøgler
//   /invitation/:token               a party invited to a case (confirmation)
//   404 (/admin, someone else's case) and 403 (a form with a stale security token) as a
//   logged-in citizen
import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { fraDate, svarfrist } from '../../server/kerne/sag/frister.js'
import { gemInvitation } from '../../server/kerne/sag/partshoering.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag, udfyldKladde } from '../helpers/indbringelse.js'
import { minimalPdf } from '../helpers/multipart.js'
import { useWorld } from '../helpers/world.js'
import { expectNavigation, finish, logIn, screenshot, type Tab, useBrowser } from './browser.js'
import { besoeg, overbredde, sendOgTjek, type Tjekket } from './sidetjek.js'

const testTimeout = 150_000
const trin = ['hvem', 'lejemaal', 'parter', 'sagen', 'bilag', 'gebyr', 'indsend'] as const

interface Bruger {
  email: string
  password: string
}

describe('accessibility of the parties’ pages', () => {
  const w = useWorld()
  const browser = useBrowser(w)
  let lejer: Bruger
  let repraesentant: Bruger
  let sagId: string
  let hoeringId: string
  let kladde: string
  let repSag: string
  let repKladde: string
  let invitation: string

  beforeAll(async () => {
    const naevn = await naevnFor(w.db, 101)
    const sbUser = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    const sb = new Agent(w.app)
    await sb.login(sbUser.email, sbUser.password)

    const lejerUser = await createUser(w.db, { navn: 'Lise Lejer' })
    lejer = lejerUser
    const la = new Agent(w.app)
    await la.login(lejerUser.email, lejerUser.password)
    sagId = await indbringSag(la)
    kladde = await udfyldKladde(la)
    await gennemBilagOgGebyr(la, kladde, 'lejekontrakt')
    // The secretariat sends the case to hearing with both parties and writes to the tenant.
    const parter = await w.db.selectFrom('parter').select(['id', 'rolle']).where('sag_id', '=', sagId).execute()
    await sb.get(`/sagsbehandling/sager/${sagId}`)
    const hoering = await sb.post(`/sagsbehandling/sager/${sagId}/partshoeringer`, {
      modtagere: parter.map((p) => p.id),
      besked: 'Nævnet beder om parternes bemærkninger til klagen over fugtskaden.',
      frist: svarfrist(fraDate(new Date()), 2),
    })
    expect(hoering.statusCode, hoering.body.slice(0, 1000)).toBe(303)
    hoeringId = (await w.db.selectFrom('partshoeringer').select('id').where('sag_id', '=', sagId).executeTakeFirstOrThrow()).id
    const besked = await sb.post(`/sagsbehandling/sager/${sagId}/beskeder`, { besked_til: lejerUser.id, beskedtekst: 'Vi har modtaget din klage og vender tilbage.' })
    expect(besked.statusCode, besked.body.slice(0, 1000)).toBe(303)

    const repUser = await createUser(w.db, { navn: 'Lejernes Forening' })
    repraesentant = repUser
    const ra = new Agent(w.app)
    await ra.login(repUser.email, repUser.password)
    repSag = await indbringSag(ra, { repraesentant: true, klientNavn: 'Karl Klient' })
    repKladde = await udfyldKladde(ra, { repraesentant: true })
    await gennemBilagOgGebyr(ra, repKladde, 'fuldmagt')
    // The landlord of the tenant's case is invited; the representative opens the link.
    invitation = randomBytes(24).toString('base64url')
    await gemInvitation(w.db, invitation, parter.find((p) => p.rolle === 'modpart')!.id)
  })

  /** A draft taken past its attachment and fee steps, so every step, the review too, can be opened. */
  async function gennemBilagOgGebyr(agent: Agent, id: string, kategori: string) {
    const bilag = await agent.postMultipart(`/indbringelse/${id}/bilag`, { kategori }, [{ field: 'filer', filename: `${kategori}.pdf`, data: minimalPdf }])
    expect(bilag.statusCode, bilag.body.slice(0, 1000)).toBe(303)
    expect((await agent.post(`/indbringelse/${id}/gebyr`)).statusCode).toBe(303)
  }

  async function logInd(tab: Tab, bruger: Bruger) {
    await logIn(tab.page, bruger, '/mine-sager')
    await tab.page.waitForLoadState('networkidle')
  }

  it(
    'when a tenant goes through their case, draft, account and error pages, then axe finds no violations on any of them',
    async () => {
      const tab = await browser.openTab()
      const { page } = tab
      const tjekket: Tjekket = []
      try {
        await logInd(tab, lejer)
        await besoeg(tab, '/mine-sager', 'Mine sager', tjekket, { skaermbillede: 'tilgaengelighed-mine-sager' })
        await besoeg(tab, '/mine-sager?q=N%C3%B8rregade', 'Mine sager, søgt', tjekket)
        await besoeg(tab, `/sager/${sagId}`, 'sagen med høring og besked', tjekket, { skaermbillede: 'tilgaengelighed-sag-part' })
        expect(await page.locator(`#svar-${hoeringId}`).count(), 'the hearing answer form').toBe(1)
        expect(await page.locator('main').innerText()).toContain('Vi har modtaget din klage og vender tilbage.')
        tab.lap('Mine sager, sagen')

        // The hearing answer sent empty: the summary links to this hearing's own field.
        await sendOgTjek(tab, page.locator(`form[action$="/hoeringer/${hoeringId}/svar"] button[type=submit]`), 'høringssvar med fejl', tjekket, { status: 400, skaermbillede: 'tilgaengelighed-hoeringssvar-fejl' })
        expect(await page.locator('#fejlopsummering a').getAttribute('href')).toBe(`#svar-${hoeringId}`)
        expect(await page.locator(`#svar-${hoeringId}`).getAttribute('aria-invalid')).toBe('true')
        expect(await page.locator(`#svar-${hoeringId}`).getAttribute('aria-describedby')).toBe(`svar-${hoeringId}-hjaelp svar-${hoeringId}-fejl`)
        await sendOgTjek(tab, page.locator(`form[action="/sager/${sagId}/beskeder"] button[type=submit]`), 'besked med fejl', tjekket, { status: 400 })
        expect(await page.locator('#fejlopsummering a').getAttribute('href')).toBe('#tekst')
        tab.lap('fejl i høringssvar og besked')

        for (const t of trin) await besoeg(tab, `/indbringelse/${kladde}/${t}`, `kladde: ${t}`, tjekket)
        await besoeg(tab, `/indbringelse/${kladde}/slet`, 'slet kladde', tjekket)
        tab.lap('kladdens trin')

        await besoeg(tab, '/konto/api-noegler', 'API-nøgler', tjekket)
        // What a citizen may not see answers 404, as if it did not exist.
        await besoeg(tab, '/admin', 'administration (404 for en borger)', tjekket, { status: 404 })
        await besoeg(tab, `/sager/${repSag}`, 'en andens sag (404)', tjekket, { status: 404 })
        // The 403 page: a form whose security token has gone stale (here: replaced).
        await besoeg(tab, '/mine-sager', 'Mine sager', tjekket)
        await page.evaluate(`document.querySelectorAll('input[name="_csrf"]').forEach((i) => { i.value = 'forældet' })`)
        await sendOgTjek(tab, page.getByRole('button', { name: 'Indbring en ny sag' }), 'formular afvist (403)', tjekket, { status: 403, skaermbillede: 'tilgaengelighed-403' })
        expect(await page.locator('h1').innerText()).toBe('Handlingen blev afvist')
        tab.lap('konto, 403, 404')

        console.log(`tenant page types checked (${tjekket.length}):\n  ${tjekket.join('\n  ')}`)
        finish(tab, 'tilgængelighed, lejer')
      } finally {
        await tab.context.close()
      }
    },
    testTimeout,
  )

  it(
    'when a tenant uses the pages 320 pixels wide (400 % zoom), then nothing but a data table scrolls sideways',
    async () => {
      const tab = await browser.openTab()
      const { page } = tab
      // WCAG 1.4.10 Reflow: 1280 CSS pixels at 400 % zoom is a 320 pixels wide viewport.
      await page.setViewportSize({ width: 320, height: 800 })
      try {
        await logInd(tab, lejer)
        const bred: string[] = []
        for (const sti of ['/mine-sager', `/sager/${sagId}`, ...trin.map((t) => `/indbringelse/${kladde}/${t}`), '/konto/api-noegler']) {
          await expectNavigation(page, () => page.goto(sti))
          await page.waitForLoadState('networkidle')
          const [scrollBredde, vindue, syndere] = await page.evaluate<[number, number, string[]]>(overbredde)
          if (scrollBredde > vindue) bred.push(`${sti}: ${scrollBredde} px wide in a ${vindue} px window; too wide: ${syndere.join(', ')}`)
        }
        await screenshot(page, 'tilgaengelighed-320-api-noegler')
        expect(bred, 'pages that scroll sideways at 320 px').toEqual([])
        finish(tab, 'tilgængelighed, lejer 320 px')
      } finally {
        await tab.context.close()
      }
    },
    testTimeout,
  )

  it(
    'when a representative goes through the client’s case, a draft for a client and an invitation, then axe finds no violations',
    async () => {
      const tab = await browser.openTab()
      const { page } = tab
      const tjekket: Tjekket = []
      try {
        await logInd(tab, repraesentant)
        await besoeg(tab, '/mine-sager', 'Mine sager (repræsentant)', tjekket)
        await besoeg(tab, `/sager/${repSag}`, 'klientens sag', tjekket)
        expect(await page.locator('main').innerText()).toContain('Karl Klient')
        for (const t of trin) await besoeg(tab, `/indbringelse/${repKladde}/${t}`, `kladde for en klient: ${t}`, tjekket)
        await besoeg(tab, `/invitation/${invitation}`, 'invitation til en sag', tjekket, { skaermbillede: 'tilgaengelighed-invitation' })
        console.log(`representative page types checked (${tjekket.length}):\n  ${tjekket.join('\n  ')}`)
        finish(tab, 'tilgængelighed, repræsentant')
      } finally {
        await tab.context.close()
      }
    },
    testTimeout,
  )
})
