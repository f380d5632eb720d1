// One check for every page type in the accessibility tests (test/e2e/tilgaengelighed-*):
// open the page (or take the one a form answered with), let it settle, unfold every
// <details>, and require axe's
// WCAG 2.1 A/AA rules to pass, one <h1>, the skip link to <main>, and the footer's link to
// the accessibility statement (Digitaliseringsstyrelsen asks for it in every page footer).
import { expect } from 'vitest'
import type { Page } from 'playwright-core'
import { expectNavigation, expectNoAxeViolations, pathOf, screenshot, type Tab } from './browser.js'

/** Every page type the test checked, in order, for the summary line. */
export type Tjekket = string[]

/** The page shown now passes the page-type checks; `navn` names it in failures. */
export async function tjekSide(page: Page, navn: string, tjekket: Tjekket, o: { skaermbillede?: string } = {}) {
  // Let the favicon and scripts finish, or the next navigation aborts them (a "failed request").
  await page.waitForLoadState('networkidle')
  // Forms folded into <details> ("Skriv et brev", "Send flere bilag") are checked too.
  await page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true })`)
  await expectNoAxeViolations(page, navn)
  expect(await page.locator('h1').count(), `${navn} (${pathOf(page)}) has one h1`).toBe(1)
  expect(await page.locator('a.skipnav[href="#main-content"]').count(), `${navn}: the skip link`).toBe(1)
  expect(await page.locator('main#main-content').count(), `${navn}: <main id="main-content">`).toBe(1)
  expect(await page.locator('footer a[href="/tilgaengelighed"]').innerText(), `${navn}: the footer links to the statement`).toBe('Tilgængelighedserklæring')
  if (o.skaermbillede) await screenshot(page, o.skaermbillede)
  tjekket.push(`${navn} ${pathOf(page)}`)
}

/**
 * Opens a page by its address and checks it. An error page (403, 404, 410) answers
 * that status on purpose, which Chromium logs as a failed resource: expected here only.
 */
export async function besoeg(tab: Tab, sti: string, navn: string, tjekket: Tjekket, o: { status?: number; skaermbillede?: string } = {}) {
  const status = o.status ?? 200
  tab.expectErrorStatuses(status >= 400 ? [status] : [])
  await expectNavigation(tab.page, () => tab.page.goto(sti), status)
  // The page asked for, not one it redirected to (a wizard step sends back to a missing one).
  expect(pathOf(tab.page), `${navn}: where ${sti} ended`).toBe(new URL(sti, 'http://x').pathname)
  await tjekSide(tab.page, navn, tjekket, o)
  tab.expectErrorStatuses([])
}

/** Sends the form the button belongs to and checks the page that answers (e.g. 400 with the error summary). */
export async function sendOgTjek(tab: Tab, knap: ReturnType<Page['locator']>, navn: string, tjekket: Tjekket, o: { status?: number; skaermbillede?: string } = {}) {
  const status = o.status ?? 200
  tab.expectErrorStatuses(status >= 400 ? [status] : [])
  await expectNavigation(tab.page, () => knap.click(), status)
  if (status === 400) {
    // The Danish error summary, focused by app.js so a screen reader reads it first.
    const summary = tab.page.locator('#fejlopsummering')
    await summary.waitFor()
    expect(await summary.locator('.alert-heading').innerText()).toBe('Der er problemer med det, du har udfyldt')
    await expect.poll(() => tab.page.evaluate<string | undefined>('document.activeElement?.id')).toBe('fejlopsummering')
  }
  await tjekSide(tab.page, navn, tjekket, o)
  tab.expectErrorStatuses([])
}

// The page's width, the window's, and the outermost elements that reach past the window
// (outside any element that scrolls on its own), to name in a failure. A string: no DOM typings.
export const overbredde = `(() => {
  const w = window.innerWidth
  const syndere = []
  const ruller = (e) => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true } return false }
  for (const e of document.body.querySelectorAll('*')) {
    if (e.getBoundingClientRect().right <= w + 1 || ruller(e)) continue
    if (e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1) continue
    syndere.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)')
  }
  return [document.documentElement.scrollWidth, w, syndere.slice(0, 8)]
})()`
