// Browser smoke test: a real Chromium against the app listening on a real port. Every
// role logs in through the form, lands on its own start page with DKFDS applied, passes
// axe (WCAG 2.1 A/AA) without violations and logs out again. Screenshots are written to
// test-results/e2e/<name>.png for a human to look at.
import { mkdir } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import { projectRoot } from '../../server/config.js'
import type { NaevnRolle } from '../../server/access/principal.js'
import { createNaevn, createUser } from '../helpers/factories.js'
import { useWorld } from '../helpers/world.js'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const screenshotDir = path.join(projectRoot, 'test-results', 'e2e')
const dkfdsStylesheet = '/static/dkfds/css/dkfds-borgerdk.min.css'
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
// Two cores run two test files at once next to a browser: be generous.
const testTimeout = 60_000
const stepTimeout = 20_000

type Role = 'admin' | NaevnRolle | 'borger'
const roles: { role: Role; path: string; h1: string }[] = [
  { role: 'admin', path: '/admin', h1: 'Administration' },
  { role: 'sagsbehandler', path: '/sagsbehandling', h1: 'Sagsbehandling' },
  { role: 'sekretariatsleder', path: '/sagsbehandling', h1: 'Sagsbehandling' },
  { role: 'naevnsmedlem', path: '/naevnsportal', h1: 'Nævnsportal' },
  { role: 'borger', path: '/mine-sager', h1: 'Mine sager' },
]

/** A page in a fresh context that records console errors, uncaught errors and CSP violations. */
interface Tab {
  context: BrowserContext
  page: Page
  /** Problems the browser reported; failed loads with status 400 are kept apart. */
  problems: string[]
  stylesheetStatus: () => number | undefined
}

describe('browser smoke test of every role', () => {
  const w = useWorld()
  let browser: Browser
  let baseUrl: string
  const users = new Map<Role, { email: string; password: string }>()

  beforeAll(async () => {
    await w.app.listen({ port: 0, host: '127.0.0.1' })
    const address = w.app.server.address() as AddressInfo
    baseUrl = `http://127.0.0.1:${address.port}`

    const naevn = await createNaevn(w.db)
    for (const { role } of roles) {
      const o =
        role === 'admin' ? { admin: true } : role === 'borger' ? {} : { medlemskaber: [{ naevnId: naevn.id, rolle: role }] }
      users.set(role, await createUser(w.db, { ...o, navn: `E2E ${role}` }))
    }

    await mkdir(screenshotDir, { recursive: true })
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      timeout: 60_000,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    })
  }, 90_000)

  // Runs before the world's own afterAll (hooks unwind as a stack), so the browser's
  // keep-alive connections are gone before the app closes.
  afterAll(async () => {
    await browser?.close()
  })

  async function openTab(): Promise<Tab> {
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'da-DK', viewport: { width: 1280, height: 900 } })
    context.setDefaultTimeout(stepTimeout)
    context.setDefaultNavigationTimeout(stepTimeout)
    const page = await context.newPage()
    const problems: string[] = []
    let stylesheetStatus: number | undefined
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return
      // A form that is sent back with errors answers 400 on purpose; Chromium may log
      // that as a failed resource. Any other status is a problem.
      if (/^Failed to load resource: .*status of 400\b/.test(msg.text())) return
      const where = msg.location().url
      problems.push(`console: ${msg.text()}${where ? ` (${where})` : ''}`)
    })
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`))
    page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`))
    // Each page must load the stylesheet itself (a 304 or a memory-cache hit also counts).
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) stylesheetStatus = undefined
    })
    page.on('response', (res) => {
      if (new URL(res.url()).pathname === dkfdsStylesheet) stylesheetStatus = res.status()
    })
    return { context, page, problems, stylesheetStatus: () => stylesheetStatus }
  }

  /** The DKFDS stylesheet arrived and its typeface is what the body is set in. */
  async function expectDkfdsApplied(tab: Tab) {
    expect([200, 304], 'status of the DKFDS stylesheet').toContain(tab.stylesheetStatus())
    const fontFamily = await tab.page.evaluate<string>('getComputedStyle(document.body).fontFamily')
    expect(fontFamily).toContain('IBM Plex Sans')
  }

  async function expectNoAxeViolations(page: Page) {
    const { violations } = await new AxeBuilder({ page }).withTags(wcag).analyze()
    const report = violations
      .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`)
      .join('\n')
    expect(violations.map((v) => v.id), `axe found WCAG violations on ${page.url()}:\n${report}\n`).toEqual([])
  }

  async function screenshot(page: Page, name: string) {
    await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
  }

  function pathOf(page: Page): string {
    return new URL(page.url()).pathname
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
        expect(tab.problems).toEqual([])
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
        expect(tab.problems).toEqual([])
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
          await page.locator('#email').fill(user.email)
          await page.locator('#adgangskode').fill(user.password)
          await Promise.all([
            page.waitForURL((url) => url.pathname === startPath),
            page.locator('button[type=submit].button-primary').click(),
          ])
          await page.waitForLoadState('load')
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
          expect(tab.problems).toEqual([])
        } finally {
          await tab.context.close()
        }
      },
      testTimeout,
    )
  }
})
