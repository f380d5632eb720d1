// Accessibility (WCAG 2.1 AA, lov om tilgængelighed af offentlige organers websteder) of
// every page a visitor reaches without logging in, in a real Chromium: axe-core
// (@axe-core/playwright, WCAG 2.1 A/AA rules, none disabled) finds no violations, each page
// has one h1, the skip link and the footer's link to the accessibility statement
// (test/e2e/sidetjek.ts), and the browser reports no errors. Then the public search is used
// with the keyboard alone, the pages are shown 320 px wide (reflow, WCAG 1.4.10), and the
// statement is checked against Digitaliseringsstyrelsen's model. The other roles' pages are in tilgaengelighed-borger, -sekretariat and
// -naevn-admin; the filing wizard's keyboard walk is in indbringelse.e2e.test.ts.
//
// Page types for the anonymous visitor (GET routes rendering HTML):
//   /                       forside                 server/modules/forside
//   /login, /registrer      log ind, opret konto (also sent empty: the error summary)
//   /afgoerelser            search: empty, with hits, no hits, a bad date (400)
//   /afgoerelser/:id        a published decision; a withdrawn one (410); an unknown id (404)
//   /love/:lov/:paragraf    a provision and the decisions citing it
//   /huslejeregister        the rent register with its SVG chart
//   /statistik, /data       statistics, open data
//   /tilgaengelighed        the accessibility statement
//   /cookies                cookies
//   /findes-ikke            the 404 page
// Not pages: /afgoerelser/:id.pdf, /data/*.csv|ndjson, /api/docs (Swagger UI, a third-party
// page for programmers, like bull-board at /admin/jobkoeer).
import { beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { seedAfgoerelse, seedHusleje } from '../register/api-seed.js'
import { expectNavigation, finish, pathOf, screenshot, useBrowser } from './browser.js'
import { besoeg, overbredde, sendOgTjek, tjekSide, type Tjekket } from './sidetjek.js'
import { byText, focused, show, tabTo } from './tastatur.js'

const testTimeout = 150_000

describe('accessibility of the public pages', () => {
  const w = useWorld()
  const browser = useBrowser(w)
  let offentlig: { id: number; titel: string }
  let trukket: number

  beforeAll(async () => {
    const titel = 'Vedligeholdelse af vinduer i stuen'
    const { id } = await seedAfgoerelse(w.db, {
      titel,
      tekst: 'AFGØRELSE\nNævnet finder, at udlejer skal udskifte de utætte vinduer i stuen.\nBEGRUNDELSE\nDet påhviler udlejer at vedligeholde vinduerne, jf. lejelovens § 106.',
    })
    offentlig = { id, titel }
    for (let i = 0; i < 4; i++) await seedHusleje(w.db, id, { husnummer: String(10 + i), amount: String(7000 + i * 250) })
    trukket = (await seedAfgoerelse(w.db, { status: 'trukket_tilbage', status_begrundelse: 'Afgørelsen er ophævet af boligretten.' })).id
  })

  it(
    'when a visitor opens every public page type, then axe finds no violations and each has one h1, the skip link and the statement in the footer',
    async () => {
      const tab = await browser.openTab()
      const { page } = tab
      const tjekket: Tjekket = []
      try {
        await besoeg(tab, '/', 'forside', tjekket, { skaermbillede: 'tilgaengelighed-forside' })
        await besoeg(tab, '/login', 'log ind', tjekket)
        await sendOgTjek(tab, page.locator('form[action="/login"] button[type=submit]'), 'log ind med fejl', tjekket, { status: 400 })
        await besoeg(tab, '/registrer', 'opret konto', tjekket)
        await sendOgTjek(tab, page.locator('form[action="/registrer"] button[type=submit]'), 'opret konto med fejl', tjekket, { status: 400 })
        tab.lap('forside, log ind, opret konto')

        await besoeg(tab, '/afgoerelser', 'søgning', tjekket)
        await besoeg(tab, '/afgoerelser?q=vinduer', 'søgning med resultat', tjekket)
        expect(await page.locator('.soegehit').count()).toBe(1)
        await besoeg(tab, '/afgoerelser?q=zxqvbnm', 'søgning uden resultat', tjekket)
        await besoeg(tab, '/afgoerelser?fra=31.02.2025', 'søgning med forkert dato', tjekket, { status: 400 })
        await besoeg(tab, `/afgoerelser/${offentlig.id}`, 'afgørelse', tjekket)
        await besoeg(tab, `/afgoerelser/${trukket}`, 'tilbagetrukket afgørelse (410)', tjekket, { status: 410, skaermbillede: 'tilgaengelighed-410' })
        expect(await page.locator('main').innerText()).toContain('Afgørelsen er ophævet af boligretten.')
        await besoeg(tab, '/afgoerelser/999999', 'ukendt afgørelse (404)', tjekket, { status: 404 })
        await besoeg(tab, '/love/lejeloven/106', 'lovbestemmelse', tjekket)
        tab.lap('afgørelsesregistret')

        await besoeg(tab, '/huslejeregister', 'huslejeregister', tjekket, { skaermbillede: 'tilgaengelighed-huslejeregister' })
        // The chart is an image with a text alternative; the numbers are in the tables too.
        const graf = page.locator('svg.huslejegraf-svg')
        expect(await graf.getAttribute('role')).toBe('img')
        expect(await graf.getAttribute('aria-labelledby')).toBeTruthy()
        await besoeg(tab, '/huslejeregister?postnr=1165', 'huslejeregister filtreret', tjekket)
        await besoeg(tab, '/statistik', 'statistik', tjekket)
        await besoeg(tab, '/data', 'åbne data', tjekket)
        await besoeg(tab, '/tilgaengelighed', 'tilgængelighedserklæring', tjekket, { skaermbillede: 'tilgaengelighed-erklaering' })
        await besoeg(tab, '/cookies', 'cookies', tjekket)
        await besoeg(tab, '/findes-ikke', 'side findes ikke (404)', tjekket, { status: 404, skaermbillede: 'tilgaengelighed-404' })
        tab.lap('huslejeregister, statistik, data, erklæring, cookies, 404')

        console.log(`public page types checked (${tjekket.length}):\n  ${tjekket.join('\n  ')}`)
        finish(tab, 'tilgængelighed, offentlige sider')
      } finally {
        await tab.context.close()
      }
    },
    testTimeout,
  )

  it(
    'when a visitor searches the register with the keyboard alone, then the search, a hit, the decision, its statute and the statement are reached with Tab and Enter',
    async () => {
      const tab = await browser.openTab()
      const { page } = tab
      const tjekket: Tjekket = []
      const enter = () => expectNavigation(page, () => page.keyboard.press('Enter'))
      try {
        await expectNavigation(page, () => page.goto('/'))
        await page.waitForLoadState('networkidle')
        // The first Tab reaches the skip link, which is then on screen (DKFDS moves it in).
        const skip = await tabTo(page, 'the skip link', byText('a', 'Gå til sidens indhold'), 1)
        expect(skip.href).toBe('#main-content')
        // (DKFDS slides it in over 0.2 s.)
        await expect.poll(async () => (await page.locator('a.skipnav').boundingBox())?.y ?? -1, { message: 'the focused skip link is on screen' }).toBeGreaterThanOrEqual(0)
        await screenshot(page, 'tilgaengelighed-skiplink')

        // The main menu's "Afgørelser", by Tab and Enter.
        await tabTo(page, 'the menu item "Afgørelser"', (f) => f.tag === 'a' && f.href === '/afgoerelser')
        await enter()
        expect(pathOf(page)).toBe('/afgoerelser')
        await page.waitForLoadState('networkidle')

        // The skip link jumps past the header: the next Tab is the search field itself.
        await tabTo(page, 'the skip link', byText('a', 'Gå til sidens indhold'), 1)
        await page.keyboard.press('Enter')
        await page.keyboard.press('Tab')
        const felt = await focused(page)
        expect(show(felt), 'the first stop in <main> on the search page').toContain('#q')
        await page.keyboard.type('vinduer')
        await enter()
        expect(new URL(page.url()).searchParams.get('q')).toBe('vinduer')
        await page.waitForLoadState('networkidle')
        tab.lap('forside, skip link, menu, søgning')

        // Tab to the hit's title and open it.
        const hit = await tabTo(page, `the hit "${offentlig.titel}"`, byText('a', offentlig.titel))
        expect(hit.href).toBe(`/afgoerelser/${offentlig.id}`)
        await enter()
        expect(pathOf(page)).toBe(`/afgoerelser/${offentlig.id}`)
        expect(await page.locator('h1').innerText()).toBe(offentlig.titel)
        await page.waitForLoadState('networkidle')

        // On to the statute it cites, and from there the footer's statement.
        await tabTo(page, 'the statute link', (f) => f.tag === 'a' && f.href === '/love/lejeloven/106')
        await enter()
        expect(pathOf(page)).toBe('/love/lejeloven/106')
        await page.waitForLoadState('networkidle')
        await tabTo(page, 'the footer link "Tilgængelighedserklæring"', byText('a', 'Tilgængelighedserklæring'))
        await enter()
        expect(pathOf(page)).toBe('/tilgaengelighed')
        await tjekSide(page, 'tilgængelighedserklæring', tjekket)
        tab.lap('resultat, afgørelse, lov, erklæring')
        finish(tab, 'tilgængelighed, søgning med tastatur')
      } finally {
        await tab.context.close()
      }
    },
    testTimeout,
  )

  it(
    'when the public pages are shown 320 pixels wide (400 % zoom), then nothing but a data table scrolls sideways',
    async () => {
      const tab = await browser.openTab()
      const { page } = tab
      // WCAG 1.4.10 Reflow: 1280 CSS pixels at 400 % zoom is a 320 pixels wide viewport.
      await page.setViewportSize({ width: 320, height: 800 })
      const sider = ['/', '/login', '/afgoerelser?q=vinduer', `/afgoerelser/${offentlig.id}`, '/love/lejeloven/106', '/huslejeregister', '/statistik', '/data', '/tilgaengelighed']
      try {
        const bred: string[] = []
        for (const sti of sider) {
          await expectNavigation(page, () => page.goto(sti))
          await page.waitForLoadState('networkidle')
          // Tables may scroll inside their own region (DKFDS's table--responsive-scroll), the page may not.
          const [scrollBredde, vindue, syndere] = await page.evaluate<[number, number, string[]]>(overbredde)
          if (scrollBredde > vindue) bred.push(`${sti}: ${scrollBredde} px wide in a ${vindue} px window; too wide: ${syndere.join(', ')}`)
        }
        await screenshot(page, 'tilgaengelighed-320-erklaering')
        expect(bred, 'pages that scroll sideways at 320 px').toEqual([])
        finish(tab, 'tilgængelighed, 320 px')
      } finally {
        await tab.context.close()
      }
    },
    testTimeout,
  )

  it('when the statement is read, then it follows the Danish model: status, what is not accessible, how it was tested and when, contact, and the complaint to Digitaliseringsstyrelsen', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/tilgaengelighed' })
    expect(res.statusCode).toBe(200)
    const html = res.body
    const overskrifter = [...html.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]!.trim())
    expect(overskrifter).toEqual(
      expect.arrayContaining(['Overholdelsesstatus', 'Indhold, der ikke er tilgængeligt', 'Udarbejdelse af denne tilgængelighedserklæring', 'Feedback og kontaktoplysninger', 'Håndhævelsesprocedure']),
    )
    expect(html).toContain('overholder standarden delvist')
    expect(html).toMatch(/axe-core/)
    expect(html).toMatch(/tastatur/)
    expect(html).toMatch(/Erklæringen blev udarbejdet den \d{1,2}\. [a-zæøå]+ \d{4}/)
    // Both a written and a telephone contact (Digitaliseringsstyrelsen's formal requirements).
    expect(html).toContain(`href="mailto:${w.config.authority.email}"`)
    expect(html).toContain(w.config.authority.phone)
    expect(html).toContain('Digitaliseringsstyrelsen')
    expect(html).toMatch(/href="https:\/\/digst\.dk\/[^"]+"/)
  })
})
