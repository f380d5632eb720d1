// Browser smoke test: a real Chromium against the app listening on a real port. Every
// role logs in through the form, lands on its own start page with DKFDS applied, passes
// axe (WCAG 2.1 A/AA) without violations and logs out again. Screenshots are written to
// test-results/e2e/<name>.png for a human to look at.
import { beforeAll, describe, expect, it } from 'vitest'
import type { NaevnRolle } from '../../server/kerne/access/principal.js'
import { createNaevn, createUser } from '../helpers/factories.js'
import { useWorld } from '../helpers/world.js'
import { expectNoAxeViolations, expectNoProblems, pathOf, screenshot, submitLogin, useBrowser, type Tab } from './browser.js'

const dkfdsStylesheet = '/static/dkfds/css/dkfds-borgerdk.min.css'
// Two cores run two test files at once next to a browser: be generous.
const testTimeout = 60_000

type Role = 'admin' | NaevnRolle | 'borger'
const roles: { role: Role; path: string; h1: string }[] = [
  { role: 'admin', path: '/admin', h1: 'Administration' },
  { role: 'sagsbehandler', path: '/sagsbehandling', h1: 'Sagsbehandling' },
  { role: 'sekretariatsleder', path: '/sagsbehandling', h1: 'Sagsbehandling' },
  { role: 'naevnsmedlem', path: '/naevnsportal', h1: 'Nævnsportal' },
  { role: 'borger', path: '/mine-sager', h1: 'Mine sager' },
]

/** A tab that also knows how its current page's DKFDS stylesheet was answered. */
interface StyledTab extends Tab {
  stylesheetStatus: () => number | undefined
}

describe('browser smoke test of every role', () => {
  const w = useWorld()
  const browser = useBrowser(w)
  const users = new Map<Role, { email: string; password: string }>()

  beforeAll(async () => {
    const naevn = await createNaevn(w.db)
    for (const { role } of roles) {
      const o =
        role === 'admin' ? { admin: true } : role === 'borger' ? {} : { medlemskaber: [{ naevnId: naevn.id, rolle: role }] }
      users.set(role, await createUser(w.db, { ...o, navn: `E2E ${role}` }))
    }
  })

  async function openTab(): Promise<StyledTab> {
    const tab = await browser.openTab()
    // A form that is sent back with errors answers 400 on purpose; Chromium may log
    // that as a failed resource. Any other status is a problem.
    tab.expectErrorStatuses([400])
    let stylesheetStatus: number | undefined
    // Each page must load the stylesheet itself (a 304 or a memory-cache hit also counts).
    tab.page.on('framenavigated', (frame) => {
      if (frame === tab.page.mainFrame()) stylesheetStatus = undefined
    })
    tab.page.on('response', (res) => {
      if (new URL(res.url()).pathname === dkfdsStylesheet) stylesheetStatus = res.status()
    })
    return Object.assign(tab, { stylesheetStatus: () => stylesheetStatus })
  }

  /** The DKFDS stylesheet arrived and its typeface is what the body is set in. */
  async function expectDkfdsApplied(tab: StyledTab) {
    expect([200, 304], 'status of the DKFDS stylesheet').toContain(tab.stylesheetStatus())
    const fontFamily = await tab.page.evaluate<string>('getComputedStyle(document.body).fontFamily')
    expect(fontFamily).toContain('IBM Plex Sans')
  }

  it(
    'when nobody is logged in, then the login page has DKFDS applied, passes axe and logs no errors',
    async () => {
      const tab = await openTab()
      try {
        const response = await tab.page.goto('/login')
        expect(response?.status()).toBe(200)
        await expectDkfdsApplied(tab)
        expect(await tab.page.locator('h1').innerText()).toBe('Log ind')
        await expectNoAxeViolations(tab.page)
        await screenshot(tab.page, 'login')
        expectNoProblems(tab)
      } finally {
        await tab.context.close()
      }
    },
    testTimeout,
  )

  it(
    'when the registration form is sent empty but for a name, then the error summary passes axe and the name is kept',
    async () => {
      const tab = await openTab()
      try {
        await tab.page.goto('/registrer')
        await expectDkfdsApplied(tab)
        await expectNoAxeViolations(tab.page)
        await tab.page.locator('#navn').fill('Test Testesen')
        const [response] = await Promise.all([
          tab.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/registrer'),
          tab.page.locator('form[action="/registrer"] button[type=submit]').click(),
        ])
        expect(response.status()).toBe(400)
        await tab.page.locator('#fejlopsummering').waitFor()
        expect(await tab.page.locator('#navn').inputValue()).toBe('Test Testesen')
        expect(await tab.page.locator('#email').getAttribute('aria-invalid')).toBe('true')
        // app.js moves focus to the summary, so screen readers read it first.
        expect(await tab.page.evaluate<string | undefined>('document.activeElement?.id')).toBe('fejlopsummering')
        await expectDkfdsApplied(tab)
        await expectNoAxeViolations(tab.page)
        await screenshot(tab.page, 'registrer-fejl')
        expectNoProblems(tab)
      } finally {
        await tab.context.close()
      }
    },
    testTimeout,
  )

  for (const { role, path: startPath, h1 } of roles) {
    it(
      `when ${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role} logs in through the form, then ${startPath} shows "${h1}", passes axe, and "Log af" leads back to the login page`,
      async () => {
        const user = users.get(role)!
        const tab = await openTab()
        const { page } = tab
        try {
          await page.goto('/login')
          await expectDkfdsApplied(tab)
          await submitLogin(page, user, startPath)
          expect(pathOf(page)).toBe(startPath)
          expect(await page.locator('h1').innerText()).toBe(h1)
          await expectDkfdsApplied(tab)
          await expectNoAxeViolations(page)
          await screenshot(page, role)

          await Promise.all([
            page.waitForURL((url) => url.pathname === '/login'),
            page.getByRole('button', { name: 'Log af' }).click(),
          ])
          await page.waitForLoadState('load')
          expect(await page.locator('h1').innerText()).toBe('Log ind')
          // The session is really gone: the start page now asks for a login.
          await page.goto(startPath)
          expect(pathOf(page)).toBe('/login')
          expectNoProblems(tab)
        } finally {
          await tab.context.close()
        }
      },
      testTimeout,
    )
  }
})
