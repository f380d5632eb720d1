// Browser test of the filing wizard: a citizen logs in and files a case from "Mine sager"
// to the receipt with the keyboard only (the skip link, Tab, Shift+Tab, arrow keys, Space,
// Enter and typing; no clicks, no fill), every control reached shows a focus indicator, and every page on the way,
// including the error states, passes axe (WCAG 2.1 A/AA) without violations and logs
// no console errors or CSP violations. Screenshots go to
// test-results/e2e/indbringelse-<step>.png for a human to look at.
import { beforeAll, describe, expect, it } from 'vitest'
import type { FileChooser, Response } from 'playwright-core'
import { createNaevn, createUser } from '../helpers/factories.js'
import { minimalPdf } from '../helpers/multipart.js'
import { useWorld } from '../helpers/world.js'
import { expectNavigation, expectNoAxeViolations as expectNoAxeViolationsOn, finish, pathOf, screenshot as screenshotOf, useBrowser } from './browser.js'
import { byId, byText, checkBox, chooseOption, chooseRadio, focused, show, tabTo, typeInto } from './tastatur.js'

// Two cores run two test files at once next to a browser: be generous.
const testTimeout = 120_000

describe('browser test of the filing wizard', () => {
  const w = useWorld()
  const browser = useBrowser(w)
  let user: { email: string; password: string; navn: string }

  beforeAll(async () => {
    // Postal code 1165 is København K, municipality 101.
    await createNaevn(w.db, { kommunekoder: [101], navn: 'Huslejenævnet i København' })
    user = await createUser(w.db, { navn: 'Lise Lejer' })
  })

  it(
    'when a citizen files a case with the keyboard only, then every step passes axe, errors are announced and linked, and the case is sent',
    async () => {
      const tab = await browser.openTab()
      const { page, lap } = tab

      const expectNoAxeViolations = (step: string) => expectNoAxeViolationsOn(page, step)
      const screenshot = (step: string) => screenshotOf(page, `indbringelse-${step}`)

      /** Presses a key that navigates (submits a form, follows a link) and waits for the new page to load. */
      async function navigateWith(key: 'Enter' | 'Space', expectedStatus = 200): Promise<Response> {
        // Only the deliberate error submits may answer 400 (Chromium logs that as a failed resource).
        tab.expectErrorStatuses(expectedStatus === 400 ? [400] : [])
        return expectNavigation(page, () => page.keyboard.press(key), expectedStatus)
      }

      /** The page's step indicator says which step this is, and marks it for screen readers. */
      async function expectStep(slug: string, nr: number, titel: string) {
        expect(pathOf(page)).toMatch(new RegExp(`^/indbringelse/[0-9a-f-]+/${slug}$`))
        // From step 3 on, the line also names the board that will handle the case.
        const subheading = await page.locator('.trinviser .step-subheading').innerText()
        expect(subheading).toBe(nr > 2 ? `Trin ${nr} af 7 · Sagen behandles af Huslejenævnet i København` : `Trin ${nr} af 7`)
        expect(await page.locator('.trinviser [aria-current="step"]').innerText()).toContain(titel)
        expect(await page.locator('h2').first().innerText()).toBe(titel)
        expect(await page.title()).toContain(titel)
      }

      async function saveAndContinue(expectedStatus = 200) {
        await tabTo(page, 'the button "Gem og fortsæt"', byText('button', 'Gem og fortsæt'))
        return navigateWith('Enter', expectedStatus)
      }

      try {
        // ── Log in with the keyboard too: the skip link first, then the form ─
        await expectNavigation(page, () => page.goto('/login'))
        await page.waitForLoadState('networkidle')
        const skip = await tabTo(page, 'the skip link', byText('a', 'Gå til sidens indhold'), 1)
        expect(skip.href).toBe('#main-content')
        // Hidden above the page until it has focus; then DKFDS slides it in (0.2 s).
        await expect.poll(async () => (await page.locator('a.skipnav').boundingBox())?.y ?? -1, { message: 'the focused skip link is on screen' }).toBeGreaterThanOrEqual(0)
        await page.keyboard.press('Enter')
        // The next Tab starts in <main>, not the header's links: first the MitID button
        // (how citizens log in), then the password form's e-mail field.
        await page.keyboard.press('Tab')
        expect(show(await focused(page)), 'focus after the skip link').toContain('#log-ind-mitid')
        await page.keyboard.press('Tab')
        expect(show(await focused(page)), 'focus after the MitID button').toContain('#email')
        await page.keyboard.press('Shift+Tab')
        await typeInto(page, 'email', user.email)
        await typeInto(page, 'adgangskode', user.password)
        await Promise.all([page.waitForURL((url) => url.pathname === '/mine-sager'), page.keyboard.press('Enter')])
        await page.waitForLoadState('load')
        expect(await page.locator('h1').innerText()).toBe('Mine sager')
        await expectNoAxeViolations('mine-sager')
        await screenshot('mine-sager')
        lap('log ind + Mine sager')

        // ── Start a case: a form button, activated with Space ────────────────
        await tabTo(page, 'the button "Indbring en ny sag"', byText('button', 'Indbring en ny sag'))
        await navigateWith('Space')
        const sagId = /^\/indbringelse\/([0-9a-f-]+)\/hvem$/.exec(pathOf(page))?.[1]
        expect(sagId, `after "Indbring en ny sag": ${page.url()}`).toBeTruthy()

        // ── Step 1: Hvem er du? First sent empty, to see the error summary ───
        await expectStep('hvem', 1, 'Hvem er du?')
        await expectNoAxeViolations('hvem')
        await screenshot('hvem')
        await saveAndContinue(400)
        const summary = page.locator('#fejlopsummering')
        await summary.waitFor()
        // app.js moves focus to the summary, so screen readers read it first.
        expect((await focused(page)).id, 'focus after an invalid submit').toBe('fejlopsummering')
        expect(await summary.getAttribute('role')).toBe('alert')
        const errorLinks: { href: string; text: string }[] = []
        for (const a of await summary.locator('a').all()) errorLinks.push({ href: (await a.getAttribute('href')) ?? '', text: (await a.innerText()).trim() })
        expect(errorLinks.map((l) => l.href)).toEqual(['#indbringer_rolle', '#for_hvem'])
        for (const l of errorLinks) {
          const id = l.href.slice(1)
          // The target is the group's legend, and the group says what is wrong.
          expect(await page.locator(`legend[id="${id}"]`).count(), `the error link ${l.href} points at the group's legend`).toBe(1)
          expect(await page.locator(`#${id}-fejl`).innerText()).toContain(l.text)
          expect(await page.locator(`input[name="${id}"]`).first().getAttribute('aria-invalid')).toBe(null)
          expect(await page.locator(`fieldset[aria-describedby~="${id}-fejl"]`).count(), `the fieldset of ${id} is described by its error`).toBe(1)
        }
        await expectNoAxeViolations('hvem-fejl')
        await screenshot('hvem-fejl')
        lap('trin 1: tom indsendelse og fejl')

        // Follow the first error link with the keyboard: the next Tab lands in that group.
        const first = await tabTo(page, 'the first error link', (f) => f.tag === 'a' && f.href === '#indbringer_rolle', 3)
        expect(first.text).toBe(errorLinks[0]!.text)
        await page.keyboard.press('Enter')
        // Following an in-page link updates the address a moment later.
        await page.waitForURL((url) => url.hash === '#indbringer_rolle', { timeout: 5000 })
        expect(new URL(page.url()).hash).toBe('#indbringer_rolle')
        await page.keyboard.press('Tab')
        const afterLink = await focused(page)
        expect(afterLink.name, `Tab after following the error link focused ${show(afterLink)}`).toBe('indbringer_rolle')
        await page.keyboard.press('Space')
        expect((await focused(page)).value).toBe('lejer')
        expect((await focused(page)).checked).toBe(true)
        await chooseRadio(page, 'for_hvem', 'selv')
        await screenshot('hvem-udfyldt')
        await saveAndContinue()
        lap('trin 1: udfyldt')

        // ── Step 2: Lejemålet ────────────────────────────────────────────────
        await expectStep('lejemaal', 2, 'Lejemålet')
        await expectNoAxeViolations('lejemaal')
        await typeInto(page, 'vejnavn', 'Nørregade')
        await typeInto(page, 'husnummer', '12')
        await typeInto(page, 'etage', '2')
        await typeInto(page, 'doer', 'th')
        await typeInto(page, 'postnr', '1165')
        await chooseRadio(page, 'lejemaal_type', 'privat')
        await screenshot('lejemaal')
        await saveAndContinue()
        lap('trin 2: lejemål')

        // ── Step 3: Parterne ─────────────────────────────────────────────────
        await expectStep('parter', 3, 'Parterne')
        await expectNoAxeViolations('parter')
        // A first visit starts from the account's own name and e-mail.
        expect(await page.locator('#mig_navn').inputValue()).toBe(user.navn)
        expect(await page.locator('#mig_email').inputValue()).toBe(user.email)
        // The filer's own fields say what they are for autofill (WCAG 1.3.5).
        expect(await page.locator('#mig_navn').getAttribute('autocomplete')).toBe('name')
        expect(await page.locator('#mig_email').getAttribute('autocomplete')).toBe('email')
        // The counterpart's hint is said once, for the group, not under every field.
        expect(await page.locator('fieldset:has(#modpart_navn)').getAttribute('aria-describedby')).toBe('modpart-hjaelp')
        expect(await page.locator('main').getByText('Udlejeren eller boligorganisationen.').count()).toBe(1)
        await typeInto(page, 'mig_cprcvr', '010190-1234')
        await typeInto(page, 'mig_telefon', '12 34 56 78')
        await typeInto(page, 'modpart_navn', 'Ejendomsselskabet ApS')
        await screenshot('parter')
        await saveAndContinue()
        lap('trin 3: parter')

        // ── Step 4: Hvad drejer sagen sig om? ────────────────────────────────
        await expectStep('sagen', 4, 'Hvad drejer sagen sig om?')
        await expectNoAxeViolations('sagen')
        await chooseRadio(page, 'formaal', 'klage')
        // An area's questions appear when it is chosen, right after its checkbox.
        const leje = page.locator('#svar_nuvaerende_maanedlig_leje')
        expect(await leje.isVisible(), 'the rent question before "Huslejens størrelse" is chosen').toBe(false)
        await checkBox(page, 'omraade-husleje')
        expect(await leje.isVisible(), 'the rent question after "Huslejens størrelse" is chosen').toBe(true)
        await typeInto(page, 'svar_nuvaerende_maanedlig_leje', '8.500')
        await checkBox(page, 'omraade-vedligeholdelse')
        await typeInto(page, 'beskrivelse', 'Udlejer vil ikke udbedre fugtskaden i soveværelset, selv om vi har klaget tre gange.')
        await screenshot('sagen')
        await saveAndContinue()
        lap('trin 4: sagen')

        // ── Step 5: Bilag. Sent without a file first, then a file is chosen ──
        await expectStep('bilag', 5, 'Bilag')
        await expectNoAxeViolations('bilag')
        await screenshot('bilag')
        await chooseOption(page, 'kategori', 'lejekontrakt')
        await tabTo(page, 'the button "Vedhæft filerne"', byText('button', 'Vedhæft filerne'))
        await navigateWith('Enter', 400)
        await summary.waitFor()
        expect((await focused(page)).id, 'focus after an upload without files').toBe('fejlopsummering')
        expect(await summary.locator('a').getAttribute('href')).toBe('#filer')
        expect(await page.locator('#filer').getAttribute('aria-invalid')).toBe('true')
        await expectNoAxeViolations('bilag-fejl')
        await screenshot('bilag-fejl')
        // The file input opens the operating system's file dialog on Space; headless
        // Chromium hands that dialog to Playwright, which answers it like a person would.
        await chooseOption(page, 'kategori', 'lejekontrakt')
        await tabTo(page, 'the file field #filer', byId('filer'))
        // Under load Chromium can drop the first key press on a file input: press again
        // (still on the focused field) until the dialog opens, at most three times.
        let chooser: FileChooser | undefined
        for (let attempt = 0; attempt < 3 && !chooser; attempt++) {
          const opened = page.waitForEvent('filechooser', { timeout: 7000 }).catch(() => undefined)
          await page.keyboard.press('Space')
          chooser = await opened
          if (!chooser) expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('filer')
        }
        if (!chooser) throw new Error('the file dialog did not open on Space')
        expect(chooser.isMultiple()).toBe(true)
        await chooser.setFiles({ name: 'lejekontrakt.pdf', mimeType: 'application/pdf', buffer: minimalPdf })
        await tabTo(page, 'the button "Vedhæft filerne"', byText('button', 'Vedhæft filerne'))
        await navigateWith('Enter')
        expect(pathOf(page)).toBe(`/indbringelse/${sagId}/bilag`)
        expect(await page.locator('table').innerText()).toContain('lejekontrakt.pdf')
        expect(await page.locator('table').innerText()).toContain('Lejekontrakt')
        await expectNoAxeViolations('bilag-vedhaeftet')
        await screenshot('bilag-vedhaeftet')
        await tabTo(page, 'the link "Fortsæt til gebyr"', byText('a', 'Fortsæt til gebyr'))
        await navigateWith('Enter')
        lap('trin 5: bilag')

        // ── Step 6: Gebyr ────────────────────────────────────────────────────
        await expectStep('gebyr', 6, 'Gebyr')
        await expectNoAxeViolations('gebyr')
        await screenshot('gebyr')
        await tabTo(page, 'the button "Jeg har læst om gebyret – fortsæt"', byText('button', 'Jeg har læst om gebyret – fortsæt'))
        await navigateWith('Enter')
        lap('trin 6: gebyr')

        // ── Step 7: Gennemse og indsend ──────────────────────────────────────
        await expectStep('indsend', 7, 'Gennemse og indsend')
        await expectNoAxeViolations('indsend')
        await screenshot('indsend')
        const review = await page.locator('main').innerText()
        expect(review).toContain('Nørregade 12, 2. th., 1165 København K')
        expect(review).toContain('Huslejenævnet i København')
        expect(review).toContain('Ejendomsselskabet ApS')
        expect(review).toContain('lejekontrakt.pdf')
        expect(review).toMatch(/Huslejens størrelse, Vedligeholdelse/)
        expect(review).toMatch(/Hvad er den nuværende månedlige husleje\?\s+8\.500/)
        expect(await page.locator('#fejlopsummering').count(), 'nothing is missing').toBe(0)
        await tabTo(page, 'the button "Send sagen til nævnet"', byText('button', 'Send sagen til nævnet'))
        await navigateWith('Enter')
        lap('trin 7: indsend')

        // ── The receipt on the case page ─────────────────────────────────────
        expect(pathOf(page)).toBe(`/sager/${sagId}`)
        expect(new URL(page.url()).searchParams.get('indsendt')).toBe('1')
        const status = page.locator('.alert-success[role="status"]')
        expect(await status.locator('.alert-heading').innerText()).toBe('Sagen er sendt til nævnet')
        const h1 = await page.locator('h1').innerText()
        const sagsnummer = /^Sag (101-100\d{2})$/.exec(h1)?.[1]
        expect(sagsnummer, `h1 of the case page: ${h1}`).toBeTruthy()
        expect(await status.innerText()).toContain(`Sagsnummeret er ${sagsnummer}`)
        await expectNoAxeViolations('sag')
        await screenshot('sag')

        // "Send flere bilag" sent empty: the disclosure stays open, so the errors and the
        // summary's links are visible.
        await tabTo(page, 'the disclosure "Send flere bilag"', byText('summary', 'Send flere bilag'))
        await page.keyboard.press('Enter')
        await tabTo(page, 'the button "Send bilag"', byText('button', 'Send bilag'))
        await navigateWith('Enter', 400)
        await summary.waitFor()
        expect((await focused(page)).id, 'focus after sending no files').toBe('fejlopsummering')
        expect(await page.locator('details:has(#filer)').getAttribute('open')).not.toBe(null)
        expect(await Promise.all((await summary.locator('a').all()).map((a) => a.getAttribute('href')))).toEqual(['#kategori', '#filer'])
        expect(await page.locator('#filer').getAttribute('aria-invalid')).toBe('true')
        await expectNoAxeViolations('sag-bilag-fejl')
        await screenshot('sag-bilag-fejl')

        // ── "Mine sager" lists it ────────────────────────────────────────────
        await page.goto('/mine-sager')
        const row = page.locator('tbody tr', { hasText: sagsnummer! })
        expect(await row.count()).toBe(1)
        expect(await row.locator('a').getAttribute('href')).toBe(`/sager/${sagId}`)
        expect(await row.innerText()).toContain('Nørregade 12')
        expect(await page.locator('main').innerText()).toContain('1 sag.')
        await expectNoAxeViolations('mine-sager-efter')
        await screenshot('mine-sager-efter')
        lap('kvittering, bilagsfejl, Mine sager')

        finish(tab, 'indbringelse e2e')
      } finally {
        await tab.context.close()
      }
    },
    testTimeout,
  )
})
