// Browser test of the caseworkers' pages: a real Chromium against the app on a real port.
// A caseworker works through the inbox (views, search), takes a case, writes a note and an
// assessment, sends the case to hearing, and is told in Danish what is missing when closing
// it without a reason; the secretariat leader sees the access log, assigns a case and opens
// the overview. Every page, including the error state, passes axe (WCAG 2.1 A/AA) without
// violations and logs no console errors or CSP violations. Screenshots go to
// test-results/e2e/sagsbehandling-<step>.png for a human to look at.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { formatDansk, fremsendelsesfrist, naesteArbejdsdag } from '../../server/kerne/sag/frister.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { useWorld } from '../helpers/world.js'
import { expectNavigation, expectNoAxeViolations, finish, logIn, pathOf, screenshot as screenshotOf, useBrowser } from './browser.js'

// Two cores run two test files at once next to a browser: be generous.
const testTimeout = 120_000

interface Bruger {
  id: string
  navn: string
  email: string
  password: string
}

describe('browser test of the caseworkers’ pages', () => {
  const w = useWorld()
  const browser = useBrowser(w)
  let sagsbehandler: Bruger
  let leder: Bruger
  /** Two cases filed by a citizen; the second was filed ten days ago, so its deadline has passed. */
  const sager: { id: string; sagsnummer: string }[] = []

  beforeAll(async () => {
    const naevn = await naevnFor(w.db, 101)
    sagsbehandler = await createUser(w.db, { navn: 'Sara Sagsbehandler', medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    leder = await createUser(w.db, { navn: 'Lone Leder', medlemskaber: [{ naevnId: naevn.id, rolle: 'sekretariatsleder' }] })
    const borger = await createUser(w.db, { navn: 'Lise Lejer' })
    const agent = new Agent(w.app)
    await agent.login(borger.email, borger.password)
    for (let i = 0; i < 2; i++) {
      const id = await indbringSag(agent)
      const { sagsnummer } = await w.db.selectFrom('sager').select('sagsnummer').where('id', '=', id).executeTakeFirstOrThrow()
      sager.push({ id, sagsnummer: sagsnummer! })
    }
    // The board must send a filing to the other party within a week: ten days is overdue.
    const tiDageSiden = new Date(Date.now() - 10 * 24 * 3600 * 1000)
    await w.db.updateTable('sager').set({ indbragt: tiDageSiden, frist_fremsendelse: fremsendelsesfrist(tiDageSiden) }).where('id', '=', sager[1]!.id).execute()
  })

  async function screenshot(page: Page, step: string) {
    await screenshotOf(page, `sagsbehandling-${step}`)
  }

  /** Clicks something that navigates (a link, a submit button) and waits for the new page to load. */
  async function navigate(page: Page, target: Locator, expectedStatus = 200) {
    await expectNavigation(page, () => target.click(), expectedStatus)
    await page.waitForLoadState('load')
  }

  async function login(page: Page, user: Bruger) {
    await logIn(page, user, '/sagsbehandling')
    expect(await page.locator('h1').innerText()).toBe('Sagsbehandling')
  }

  /** The case numbers listed in the inbox table, or [] when the view is empty. */
  async function listed(page: Page): Promise<string[]> {
    return page.locator('main table tbody a.sagsnummer').allInnerTexts()
  }

  /** The value of a fact ("Status", "Sagsbehandler") at the top of the case page. */
  async function fakta(page: Page, label: string): Promise<string> {
    return (await page.locator('main > dl.naevn-fakta').first().locator(`dt:text-is("${label}") + dd`).innerText()).trim()
  }

  const journal = (page: Page) => page.locator('ol.tidslinje li')

  it(
    'when a caseworker uses the inbox, then both cases are listed, every view and the search filter them, and the page passes axe',
    async () => {
      const tab = await browser.openTab()
      const { page } = tab
      const [sag1, sag2] = sager as [(typeof sager)[0], (typeof sager)[0]]
      try {
        await login(page, sagsbehandler)
        tab.lap('log ind')

        // The default view: all open cases, newest first.
        expect(await page.locator('.visninger a[aria-current="page"]').innerText()).toBe('Alle åbne')
        expect((await listed(page)).sort()).toEqual([sag1.sagsnummer, sag2.sagsnummer].sort())
        expect(await page.locator('main').innerText()).toContain('2 sager.')
        const row2 = page.locator('main table tbody tr', { hasText: sag2.sagsnummer })
        expect(await row2.innerText()).toContain('Nørregade 12')
        expect(await row2.innerText()).toContain('Ikke tildelt')
        expect(await row2.locator('.badge-error').innerText()).toBe('Overskredet')
        expect(await page.locator('main table tbody tr', { hasText: sag1.sagsnummer }).locator('.badge-error').count()).toBe(0)
        // Every filter control has a label.
        for (const id of ['q', 'naevn', 'status', 'omraade', 'sagsbehandler', 'kommune', 'fra', 'til', 'sort']) {
          expect(await page.locator(`label[for="${id}"]`).count(), `label for #${id}`).toBe(1)
        }
        await expectNoAxeViolations(page, 'indbakke')
        await screenshot(page, 'indbakke')
        tab.lap('indbakke + axe')

        // The views: the link of the current one is marked for screen readers.
        const views: { label: string; visning: string; sager: string[] }[] = [
          { label: 'Nye', visning: 'nye', sager: [sag1.sagsnummer, sag2.sagsnummer] },
          { label: 'Mine', visning: 'mine', sager: [] },
          { label: 'Frist overskredet', visning: 'overskredne', sager: [sag2.sagsnummer] },
          { label: 'Alle åbne', visning: 'aabne', sager: [sag1.sagsnummer, sag2.sagsnummer] },
          { label: 'Alle', visning: 'alle', sager: [sag1.sagsnummer, sag2.sagsnummer] },
        ]
        for (const v of views) {
          await navigate(page, page.getByRole('navigation', { name: 'Visninger' }).getByRole('link', { name: v.label, exact: true }))
          expect(new URL(page.url()).searchParams.get('visning')).toBe(v.visning)
          expect(await page.locator('.visninger a[aria-current="page"]').innerText()).toBe(v.label)
          expect((await listed(page)).sort(), `the view "${v.label}"`).toEqual([...v.sager].sort())
          if (v.sager.length === 0) expect(await page.locator('main').innerText()).toContain('Ingen sager i denne visning.')
        }
        await expectNoAxeViolations(page, 'indbakke-alle')
        tab.lap('visninger')

        // The search: a case number finds that case only, and the view is kept.
        await page.locator('#q').fill(sag2.sagsnummer)
        await navigate(page, page.locator('form.filter-form button[type=submit]'))
        const url = new URL(page.url())
        expect(url.searchParams.get('q')).toBe(sag2.sagsnummer)
        expect(url.searchParams.get('visning')).toBe('alle')
        expect(await listed(page)).toEqual([sag2.sagsnummer])
        expect(await page.locator('#q').inputValue()).toBe(sag2.sagsnummer)
        expect(await page.locator('main').innerText()).toContain('1 sag.')
        // A word that matches nothing empties the list.
        await page.locator('#q').fill('Findesikkevej')
        await navigate(page, page.locator('form.filter-form button[type=submit]'))
        expect(await listed(page)).toEqual([])
        expect(await page.locator('main').innerText()).toContain('Ingen sager i denne visning.')
        // A word of the address finds both.
        await page.locator('#q').fill('Nørregade')
        await navigate(page, page.locator('form.filter-form button[type=submit]'))
        expect((await listed(page)).sort()).toEqual([sag1.sagsnummer, sag2.sagsnummer].sort())
        await expectNoAxeViolations(page, 'indbakke-soegning')
        await screenshot(page, 'indbakke-soegning')
        tab.lap('søgning')

        // The case number leads to the case page.
        await navigate(page, page.getByRole('link', { name: sag1.sagsnummer, exact: true }))
        expect(pathOf(page)).toBe(`/sagsbehandling/sager/${sag1.id}`)
        expect(await page.locator('h1').innerText()).toBe(`Sag ${sag1.sagsnummer}`)
        tab.lap('til sagen')
        finish(tab, 'sagsbehandling inbox')
      } finally {
        await tab.context.close()
      }
    },
    testTimeout,
  )

  it(
    'when a caseworker takes a case, writes a note and an assessment and sends it to hearing, then each shows on the page; closing without a reason is refused in Danish',
    async () => {
      const tab = await browser.openTab()
      const { page } = tab
      const sag = sager[0]!
      const sagPath = `/sagsbehandling/sager/${sag.id}`
      try {
        await login(page, sagsbehandler)
        await page.goto(sagPath)
        await page.waitForLoadState('load')
        expect(await page.locator('h1').innerText()).toBe(`Sag ${sag.sagsnummer}`)
        expect(await fakta(page, 'Status')).toBe('Modtaget af nævnet')
        expect(await fakta(page, 'Sagsbehandler')).toBe('Ikke tildelt')
        // The access log is for the leader only.
        expect(await page.locator('main').innerText()).not.toContain('Sagen åbnet')
        await expectNoAxeViolations(page, 'sag')
        await screenshot(page, 'sag')
        tab.lap('sagen + axe')

        // ── Tag sagen ────────────────────────────────────────────────────────
        await navigate(page, page.getByRole('button', { name: 'Tag sagen' }))
        expect(pathOf(page)).toBe(sagPath)
        expect(await fakta(page, 'Sagsbehandler')).toBe(sagsbehandler.navn)
        expect(await page.locator('#tildeling').innerText()).toContain('Sagen er tildelt dig.')
        expect(await page.getByRole('button', { name: 'Tag sagen' }).count()).toBe(0)
        expect(await journal(page).first().innerText()).toContain('Sagen tildelt')
        tab.lap('tag sagen')

        // ── A note ───────────────────────────────────────────────────────────
        const notat = 'Ringede til udlejer: fugtskaden er kendt.'
        await page.getByLabel('Nyt notat').fill(notat)
        await navigate(page, page.getByRole('button', { name: 'Gem notat' }))
        expect(pathOf(page)).toBe(sagPath)
        expect(await page.locator('.notat').innerText()).toContain(notat)
        expect(await page.locator('.notat').innerText()).toContain(sagsbehandler.navn)
        expect(await page.locator('#notat').inputValue()).toBe('')
        tab.lap('notat')

        // ── The assessment ───────────────────────────────────────────────────
        const vurdering = 'Lejer har formentlig ret; udlejer har kendt til fugtskaden længe.'
        await page.getByLabel('Sagsbehandlerens vurdering (ses aldrig af parterne)').fill(vurdering)
        await navigate(page, page.getByRole('button', { name: 'Gem vurdering' }))
        expect(pathOf(page)).toBe(sagPath)
        expect(await page.locator('#vurdering-tekst').inputValue()).toBe(vurdering)
        expect(await journal(page).first().innerText()).toContain('Vurdering opdateret')
        tab.lap('vurdering')

        // ── Send i partshøring: first without a recipient and a message ─────
        const details = page.locator('details:has(summary:text-is("Send i partshøring"))')
        expect(await details.getAttribute('open')).toBe(null)
        await details.locator('summary').click()
        expect(await details.getAttribute('open')).not.toBe(null)
        const modpart = await w.db.selectFrom('parter').select('id').where('sag_id', '=', sag.id).where('rolle', '=', 'modpart').executeTakeFirstOrThrow()
        const modpartBox = page.locator(`#modtager-${modpart.id}`)
        const modpartLabel = page.locator(`label[for="modtager-${modpart.id}"]`)
        // The counterparty is proposed; untick it through its label, as a person would.
        expect(await modpartBox.isChecked()).toBe(true)
        expect(await modpartLabel.innerText()).toContain('Ejendomsselskabet ApS')
        await modpartLabel.click()
        expect(await modpartBox.isChecked()).toBe(false)
        const frist = await page.locator('#frist').inputValue()
        expect(frist).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        await expectNoAxeViolations(page, 'sag-partshoering-form')
        await screenshot(page, 'sag-partshoering-form')
        tab.expectErrorStatuses([400, 409])
        await navigate(page, details.getByRole('button', { name: 'Send i partshøring' }), 400)
        tab.expectErrorStatuses([])
        const summary = page.locator('#fejlopsummering')
        await summary.waitFor()
        expect(await page.evaluate<string | undefined>('document.activeElement?.id'), 'focus after the refused hearing').toBe('fejlopsummering')
        expect(await Promise.all((await summary.locator('a').all()).map((a) => a.getAttribute('href')))).toEqual(['#modtagere', '#besked'])
        // The form stays open, says what is wrong next to each field, and keeps the deadline.
        expect(await details.getAttribute('open')).not.toBe(null)
        expect(await page.locator('legend#modtagere').count()).toBe(1)
        expect(await page.locator('fieldset:has(legend#modtagere)').getAttribute('aria-describedby')).toBe('modtagere-fejl')
        expect(await page.locator('#modtagere-fejl').innerText()).toContain('Vælg mindst én modtager.')
        expect(await page.locator('#besked').getAttribute('aria-invalid')).toBe('true')
        expect(await page.locator('#besked').getAttribute('aria-describedby')).toBe('besked-hjaelp besked-fejl')
        expect(await page.locator('#frist').inputValue()).toBe(frist)
        expect(await page.locator('.hoering').count()).toBe(0)
        await expectNoAxeViolations(page, 'sag-partshoering-fejl')
        await screenshot(page, 'sag-partshoering-fejl')
        tab.lap('partshøring uden modtager')

        // ── … then with the counterparty ticked and a message ────────────────
        expect(await modpartBox.isChecked()).toBe(false)
        await modpartLabel.click()
        expect(await modpartBox.isChecked()).toBe(true)
        const besked = 'Nævnet beder om udlejers bemærkninger til lejers klage over fugtskaden.'
        await page.getByLabel('Hvad skal parterne forholde sig til?').fill(besked)
        await navigate(page, details.getByRole('button', { name: 'Send i partshøring' }))
        expect(pathOf(page)).toBe(sagPath)
        const hoering = page.locator('.hoering')
        expect(await hoering.count()).toBe(1)
        const hoeringTekst = await hoering.innerText()
        expect(hoeringTekst).toContain(`Svarfrist: ${formatDansk(naesteArbejdsdag(frist))}`)
        expect(hoeringTekst).toContain(besked)
        expect(hoeringTekst).toMatch(/Ejendomsselskabet ApS – ikke svaret/)
        expect(await hoering.locator('h3').innerText()).toContain('åben')
        expect(await fakta(page, 'Status')).toBe('Partshøring')
        await expectNoAxeViolations(page, 'sag-hoering')
        await screenshot(page, 'sag-hoering')
        tab.lap('partshøring')

        // ── Henlagt without a reason: refused, with a Danish error summary ───
        const statusForm = page.locator(`form[action="${sagPath}/status"]`)
        // Every control of the case's forms has an accessible name from its visible label.
        expect(await page.getByRole('combobox', { name: 'Ny status', exact: true }).count(), 'the select "Ny status" is named by its label').toBe(1)
        expect(await page.getByRole('textbox', { name: 'Begrundelse', exact: true }).count()).toBe(1)
        await statusForm.locator('select[name="status"]').selectOption({ label: 'Henlagt' })
        tab.expectErrorStatuses([400, 409])
        await navigate(page, statusForm.getByRole('button', { name: 'Skift status' }), 400)
        tab.expectErrorStatuses([])
        await summary.waitFor()
        expect(await summary.getAttribute('role')).toBe('alert')
        expect(await summary.locator('.alert-heading').innerText()).toBe('Der er problemer med det, du har udfyldt')
        expect(await summary.locator('a').allInnerTexts()).toEqual(['Skriv en begrundelse.'])
        expect(await summary.locator('a').getAttribute('href')).toBe('#begrundelse')
        // app.js moves focus to the summary, so screen readers read it first.
        expect(await page.evaluate<string | undefined>('document.activeElement?.id'), 'focus after the refused status change').toBe('fejlopsummering')
        const begrundelse = page.locator('#begrundelse')
        expect(await begrundelse.getAttribute('aria-invalid')).toBe('true')
        expect(await begrundelse.getAttribute('aria-describedby')).toContain('begrundelse-fejl')
        expect(await page.locator('#begrundelse-fejl').innerText()).toContain('Skriv en begrundelse.')
        // The choice is kept, and nothing changed.
        expect(await statusForm.locator('select[name="status"]').inputValue()).toBe('henlagt')
        expect(await fakta(page, 'Status')).toBe('Partshøring')
        await expectNoAxeViolations(page, 'sag-fejl')
        await screenshot(page, 'sag-fejl')
        // The summary's link leads to the field.
        await summary.locator('a').click()
        // Following an in-page link updates the address a moment later.
        await page.waitForURL((url) => url.hash === '#begrundelse', { timeout: 5000 })
        expect(new URL(page.url()).hash).toBe('#begrundelse')
        tab.lap('henlagt uden begrundelse')
        finish(tab, 'sagsbehandling case page')
      } finally {
        await tab.context.close()
      }
    },
    testTimeout,
  )

  it(
    'when the secretariat leader opens a case, then the access log shows who opened it, a case can be assigned, and the overview passes axe',
    async () => {
      const tab = await browser.openTab()
      const { page } = tab
      const [sag1, sag2] = sager as [(typeof sager)[0], (typeof sager)[0]]
      try {
        await login(page, leder)
        // The leader's inbox links to the overview.
        expect(await page.getByRole('link', { name: 'Ledelsesoversigt og statistik' }).count()).toBe(1)
        tab.lap('log ind')

        // The access log: the caseworker's visits (and the leader's own) are listed.
        await page.goto(`/sagsbehandling/sager/${sag1.id}`)
        await page.waitForLoadState('load')
        const aabnet = journal(page).filter({ hasText: 'Sagen åbnet' })
        expect(await aabnet.count()).toBeGreaterThanOrEqual(2)
        expect(await aabnet.filter({ hasText: sagsbehandler.navn }).count(), 'the caseworker’s visits in the access log').toBeGreaterThanOrEqual(1)
        expect(await aabnet.filter({ hasText: leder.navn }).count(), 'the leader’s own visit in the access log').toBeGreaterThanOrEqual(1)
        expect(await aabnet.first().innerText()).toContain('intern')
        await expectNoAxeViolations(page, 'leder-sag')
        await screenshot(page, 'leder-sag')
        tab.lap('adgangslog')

        // Assign the other, unassigned case to the caseworker.
        await page.goto('/sagsbehandling?visning=nye')
        await navigate(page, page.getByRole('link', { name: sag2.sagsnummer, exact: true }))
        expect(pathOf(page)).toBe(`/sagsbehandling/sager/${sag2.id}`)
        expect(await fakta(page, 'Sagsbehandler')).toBe('Ikke tildelt')
        const tildel = page.locator('#tildeling')
        await tildel.getByLabel('Tildel til').selectOption({ label: sagsbehandler.navn })
        await navigate(page, tildel.getByRole('button', { name: 'Tildel' }))
        expect(pathOf(page)).toBe(`/sagsbehandling/sager/${sag2.id}`)
        expect(await fakta(page, 'Sagsbehandler')).toBe(sagsbehandler.navn)
        // Newest first; the leader's reload of the page is logged after the assignment.
        expect(await journal(page).filter({ hasText: 'Sagen tildelt' }).filter({ hasText: leder.navn }).count()).toBe(1)
        const { sagsbehandler_id } = await w.db.selectFrom('sager').select('sagsbehandler_id').where('id', '=', sag2.id).executeTakeFirstOrThrow()
        expect(sagsbehandler_id).toBe(sagsbehandler.id)
        await expectNoAxeViolations(page, 'leder-tildelt')
        tab.lap('tildeling')

        // The overview.
        await page.goto('/sagsbehandling')
        await navigate(page, page.getByRole('link', { name: 'Ledelsesoversigt og statistik' }))
        expect(pathOf(page)).toBe('/sagsbehandling/oversigt')
        expect(await page.locator('h1').innerText()).toBe('Overblik over sagerne')
        const status = await page.locator('#tabel-status').innerText()
        expect(status).toMatch(/Modtaget af nævnet\s+1/)
        expect(status).toMatch(/Partshøring\s+1/)
        expect(status).toMatch(/I alt\s+2/)
        expect(await page.locator('#tabel-frister').innerText()).toContain(sag2.sagsnummer)
        await expectNoAxeViolations(page, 'oversigt')
        await screenshot(page, 'oversigt')
        tab.lap('oversigt')
        finish(tab, 'sagsbehandling leader')
      } finally {
        await tab.context.close()
      }
    },
    testTimeout,
  )
})
