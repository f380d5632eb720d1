// The anonymization review in a real Chromium: the caseworker selects a name the
// anonymizer missed with the mouse, hides it, approves, and the published page shows the
// replacement; then the board's anonymization policy, the leader's access log and the
// operators' job queues. Every page passes axe (WCAG 2.1 A/AA) with no console errors or
// CSP violations. Screenshots go to test-results/e2e/anonymisering-*.png. Every step waits
// for the network to settle, so the next navigation does not cut off the page's favicon
// request (which would count as a failed request).
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { useWorkers } from '../helpers/workers.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { endeligSag, sagsbehandling } from '../helpers/afgoerelse.js'
import { waitFor } from '../helpers/wait.js'
import { expectNavigation, expectNoAxeViolations, expectNoProblems, logIn, screenshot, useBrowser } from './browser.js'

const testTimeout = 120_000

describe('the anonymization review in a browser', () => {
  const w = useWorld()
  const browser = useBrowser(w)
  useWorkers(w)

  it(
    'when the caseworker selects a missed name, hides it and approves, then the public page shows the replacement; the policy, access log and queue pages are accessible',
    async () => {
      const s = await sagsbehandling(w)
      // "Bagergården" is the name of a building: nothing a rule could know.
      const sagId = await endeligSag(w, s, { sagsfremstilling: 'Lejer bor i ejendommen Bagergården i København. Lejer har klaget over skimmelsvamp i soveværelset.' })
      await waitFor('the anonymization', () => w.db.selectFrom('anonymiseringer').innerJoin('afgoerelser', 'afgoerelser.id', 'anonymiseringer.afgoerelse_id').select('anonymiseringer.id').where('afgoerelser.sag_id', '=', sagId).executeTakeFirst())
      const naevn = await naevnFor(w.db, 101)
      const sb = await createUser(w.db, { navn: 'Sara Sagsbehandler', medlemskaber: [{ naevnId: naevn.id, rolle: 'sekretariatsleder' }] })

      const tab = await browser.openTab()
      const { page } = tab
      await logIn(page, sb, '/sagsbehandling')
      await page.waitForLoadState('networkidle')
      await expectNavigation(page, () => page.goto(`/sagsbehandling/sager/${sagId}/anonymisering`))
      await page.waitForLoadState('networkidle')
      await expectNoAxeViolations(page, 'review')
      await screenshot(page, 'anonymisering-gennemsyn')

      // Select the building's name in the text with the mouse: the form fills itself.
      // (A string: the test is type-checked without the DOM's types.)
      await page.evaluate(`(() => {
        const tekst = document.querySelector('[data-anonymisering-tekst]')
        const walker = document.createTreeWalker(tekst, NodeFilter.SHOW_TEXT)
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.textContent.indexOf('Bagergården')
          if (i === -1) continue
          const range = document.createRange()
          range.setStart(n, i)
          range.setEnd(n, i + 'Bagergården'.length)
          const sel = window.getSelection()
          sel.removeAllRanges()
          sel.addRange(range)
          n.parentElement.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
          return
        }
      })()`)
      expect(await page.locator('#tekst').inputValue()).toBe('Bagergården')
      expect(await page.locator('#tilfoej-start').inputValue()).not.toBe('')
      await page.locator('#type').selectOption('adresse')
      await page.locator('#erstatning').fill('[ejendommen]')
      await expectNavigation(page, () => page.getByRole('button', { name: 'Skjul teksten' }).click())
      await page.waitForLoadState('networkidle')
      expect(await page.locator('.anon-resultat').textContent()).toContain('ejendommen [ejendommen] i København')
      await expectNoAxeViolations(page, 'after adding')

      await expectNavigation(page, () => page.getByRole('button', { name: 'Godkend anonymiseringen' }).click())
      await page.waitForLoadState('networkidle')
      const registerId = await waitFor('the public copy', async () => (await w.db.selectFrom('register_afgoerelser').innerJoin('afgoerelser', 'afgoerelser.id', 'register_afgoerelser.afgoerelse_id').select('register_afgoerelser.id').where('afgoerelser.sag_id', '=', sagId).executeTakeFirst())?.id)
      await expectNavigation(page, () => page.goto(`/afgoerelser/${registerId}`))
      await page.waitForLoadState('networkidle')
      const offentlig = await page.locator('main').textContent()
      expect(offentlig).toContain('[ejendommen]')
      expect(offentlig).not.toContain('Bagergården')

      // The board's policy and the leader's access log.
      await expectNavigation(page, () => page.goto(`/naevn/${naevn.id}/anonymisering`))
      await page.waitForLoadState('networkidle')
      await expectNoAxeViolations(page, 'policy')
      await screenshot(page, 'anonymisering-politik')
      await expectNavigation(page, () => page.goto(`/sagsbehandling/adgangslog?medarbejder=${sb.id}`))
      await page.waitForLoadState('networkidle')
      expect(await page.locator('table').textContent()).toContain('Sagen')
      await expectNoAxeViolations(page, 'access log')
      await screenshot(page, 'anonymisering-adgangslog')
      expectNoProblems(tab)
      await tab.context.close()

      // The operators' queue page.
      const admin = await createUser(w.db, { admin: true })
      const adminTab = await browser.openTab()
      await logIn(adminTab.page, admin, '/admin')
      await adminTab.page.waitForLoadState('networkidle')
      await expectNavigation(adminTab.page, () => adminTab.page.goto('/admin/koeer'))
      await adminTab.page.waitForLoadState('networkidle')
      await expectNoAxeViolations(adminTab.page, 'queues')
      await screenshot(adminTab.page, 'anonymisering-koeer')
      expectNoProblems(adminTab)
      await adminTab.context.close()
    },
    testTimeout,
  )
})
