// The public register pages in a real Chromium: searching, filtering, a bad date, a
// decision and its statute, the rent register, statistics and open data, each page
// passing axe (WCAG 2.1 A/AA) with no console errors or CSP violations. Screenshots go
// to test-results/e2e/register-*.png for a human to look at.
import { beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { expectNavigation, expectNoAxeViolations, finish, pathOf, screenshot, useBrowser } from '../e2e/browser.js'
import { seedAfgoerelse, seedHusleje } from './api-seed.js'

describe('the public register pages in a browser', () => {
  const w = useWorld()
  const browser = useBrowser(w)

  beforeAll(async () => {
    for (let i = 0; i < 25; i++) {
      const { id } = await seedAfgoerelse(w.db, {
        date_of_decision: `2025-${String(1 + (i % 12)).padStart(2, '0')}-15`,
        reason_for_closing: i % 2 ? 'IN_FAVOUR' : 'REJECTED',
        tekst: `AFGØRELSE\nNævnet finder, at udlejer skal udskifte vinduerne i stuen (sag ${i}).\nBEGRUNDELSE\nVinduerne er utætte, og det påhviler udlejer at vedligeholde dem.`,
      })
      await seedHusleje(w.db, id, { husnummer: String(i + 1), amount: String(6000 + i * 150) })
    }
  })

  it('when a visitor searches, filters, mistypes a date and opens a decision and its statute, then every page is accessible', async () => {
    const tab = await browser.openTab()
    const { page } = tab
    await expectNavigation(page, () => page.goto('/afgoerelser'))
    await expectNoAxeViolations(page, 'search')
    tab.lap('search page')

    await page.locator('#q').fill('vinduerne')
    await expectNavigation(page, () => page.locator('#q').press('Enter'))
    expect(await page.locator('.soegehit').count()).toBe(20)
    expect(await page.locator('.soegehit-uddrag mark').first().textContent()).toMatch(/vinduerne/i)
    await page.locator('#udfald').selectOption('IN_FAVOUR')
    await expectNavigation(page, () => page.getByRole('button', { name: 'Anvend filtre' }).click())
    expect(new URL(page.url()).searchParams.get('udfald')).toBe('IN_FAVOUR')
    expect(await page.locator('.resultat-antal').textContent()).toContain('12 afgørelser')
    await expectNoAxeViolations(page, 'filtered')
    await screenshot(page, 'register-soegning')
    tab.lap('search and filter')

    tab.expectErrorStatuses([400])
    await page.locator('#fra').fill('32.13.2025')
    await expectNavigation(page, () => page.getByRole('button', { name: 'Anvend filtre' }).click(), 400)
    tab.expectErrorStatuses([])
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe('fejlopsummering')
    expect(await page.locator('#fra').inputValue()).toBe('32.13.2025')
    expect(await page.locator('#q').inputValue()).toBe('vinduerne')
    await expectNoAxeViolations(page, 'bad date')
    await screenshot(page, 'register-soegning-fejl')
    tab.lap('bad date')

    await page.locator('#fra').fill('')
    await expectNavigation(page, () => page.getByRole('button', { name: 'Søg', exact: true }).click())
    await expectNavigation(page, () => page.locator('.soegehit h2 a').first().click())
    expect(pathOf(page)).toMatch(/^\/afgoerelser\/\d+$/)
    await expectNoAxeViolations(page, 'decision')
    await screenshot(page, 'register-afgoerelse')
    await expectNavigation(page, () => page.locator('.lovgrundlag a').first().click())
    expect(pathOf(page)).toBe('/love/lejeloven/106')
    await expectNoAxeViolations(page, 'statute')
    tab.lap('decision and statute')

    for (const [sti, navn] of [
      ['/huslejeregister?kommunekode=101', 'register-huslejeregister'],
      ['/statistik', 'register-statistik'],
      ['/data', 'register-data'],
    ] as const) {
      await expectNavigation(page, () => page.goto(sti))
      await expectNoAxeViolations(page, sti)
      await screenshot(page, navn)
      if (sti.startsWith('/huslejeregister')) expect(await page.locator('svg.huslejegraf-svg rect').count()).toBeGreaterThan(0)
    }
    tab.lap('rent register, statistics, open data')
    finish(tab, 'register pages')
    await tab.context.close()
  }, 120_000)
})
