// What the browser tests (test/e2e/*.e2e.test.ts) share: a headless Chromium against the
// app listening on a real port, pages that record every problem the browser reports,
// logging in through the form, axe (WCAG 2.1 A/AA) and screenshots for a human to look at.
import { mkdir } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, expect } from 'vitest'
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import { projectRoot } from '../../server/platform/config.js'
import type { World } from '../helpers/world.js'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const screenshotDir = path.join(projectRoot, 'test-results', 'e2e')
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
// Two cores run two test files at once next to a browser: be generous per action too.
const stepTimeout = 20_000

/** A logged-out page in a fresh context that records every problem the browser reports. */
export interface Tab {
  context: BrowserContext
  page: Page
  /** Console errors, uncaught errors, failed requests and CSP violations, in order. */
  problems: string[]
  /**
   * While set, Chromium's "Failed to load resource … status of N" for these statuses is
   * expected (a deliberate error submit) rather than a problem; [] ends that.
   */
  expectErrorStatuses(statuses: readonly number[]): void
  /** Ends a timed step; finish() prints the steps. */
  lap(step: string): void
  timings: { step: string; ms: number }[]
}

export interface BrowserUnderTest {
  openTab(): Promise<Tab>
}

/**
 * Registers beforeAll/afterAll that put the world's app on a real port and start Chromium.
 * Call it right after useWorld: hooks unwind as a stack, so the browser (and its keep-alive
 * connections) is gone before the world closes the app.
 */
export function useBrowser(w: World, o: { port?: number } = {}): BrowserUnderTest {
  let browser: Browser | undefined
  let baseUrl = ''

  beforeAll(async () => {
    // A fixed port when the app's PUBLIC_URL must name it (an OIDC redirect URI, test/e2e/mitid.e2e.test.ts).
    await w.app.listen({ port: o.port ?? 0, host: '127.0.0.1' })
    baseUrl = `http://127.0.0.1:${(w.app.server.address() as AddressInfo).port}`
    await mkdir(screenshotDir, { recursive: true })
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      timeout: 60_000,
      // No sandbox or GPU in a container, and none of Chromium's own background traffic.
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

  afterAll(async () => {
    await browser?.close()
  })

  return {
    async openTab() {
      if (!browser) throw new Error('useBrowser: the browser is not started (call openTab inside a test)')
      return openTab(browser, baseUrl)
    },
  }
}

async function openTab(browser: Browser, baseUrl: string): Promise<Tab> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'da-DK', viewport: { width: 1280, height: 900 } })
  context.setDefaultTimeout(stepTimeout)
  context.setDefaultNavigationTimeout(stepTimeout)
  const page = await context.newPage()
  const problems: string[] = []
  let expectedStatuses: readonly number[] = []
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return
    const failedLoad = /^Failed to load resource: .*status of (\d{3})\b/.exec(msg.text())
    if (failedLoad && expectedStatuses.includes(Number(failedLoad[1]))) return
    const where = msg.location().url
    problems.push(`console on ${pathOf(page)}: ${msg.text()}${where ? ` (${where})` : ''}`)
  })
  page.on('pageerror', (err) => problems.push(`pageerror on ${pathOf(page)}: ${err.message}`))
  page.on('requestfailed', (req) => {
    // The browser drops a page's favicon request when the next navigation starts before
    // it is answered: that says nothing about the page, so it is no problem to report.
    if (req.failure()?.errorText === 'net::ERR_ABORTED' && new URL(req.url()).pathname.endsWith('/favicon.svg')) return
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`)
  })
  // CSP violations are logged to the console by Chromium; this reports them explicitly too.
  await context.addInitScript(
    `document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber))`,
  )
  const timings: { step: string; ms: number }[] = []
  let stepStart = Date.now()
  return {
    context,
    page,
    problems,
    timings,
    expectErrorStatuses(statuses) {
      expectedStatuses = statuses
    },
    lap(step) {
      const now = Date.now()
      timings.push({ step, ms: now - stepStart })
      stepStart = now
    },
  }
}

export function expectNoProblems(tab: Tab) {
  expect(tab.problems, 'console errors, page errors, failed requests and CSP violations').toEqual([])
}

/** The end of a walk-through: the browser reported no problems, and the step timings are printed. */
export function finish(tab: Tab, name: string) {
  expectNoProblems(tab)
  const width = Math.max(0, ...tab.timings.map((t) => t.step.length))
  console.log(`${name} timings:\n${tab.timings.map((t) => `  ${t.step.padEnd(width)} ${String(t.ms).padStart(6)} ms`).join('\n')}`)
}

export function pathOf(page: Page): string {
  return new URL(page.url()).pathname
}

/** The page passes axe with the WCAG 2.1 A/AA rules; a failure lists every offending node. */
export async function expectNoAxeViolations(page: Page, step?: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(wcag).analyze()
  const report = violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`)
    .join('\n')
  const where = step ? `step ${step} (${page.url()})` : page.url()
  expect(violations.map((v) => v.id), `axe found WCAG violations on ${where}:\n${report}\n`).toEqual([])
}

/** A full-page screenshot in test-results/e2e/<name>.png, for a human to look at. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}

/**
 * Does something that navigates (a click, a key press) and waits for the new page to load.
 * Redirects are followed; the final page must answer expectedStatus.
 */
export async function expectNavigation(page: Page, action: () => Promise<unknown>, expectedStatus = 200): Promise<Response> {
  // Listen before acting, or a fast answer is missed.
  const response = page.waitForResponse(
    (r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame() && (r.status() < 300 || r.status() >= 400),
  )
  const loaded = page.waitForEvent('load')
  await action()
  const [res] = await Promise.all([response, loaded])
  expect(res.status(), `status of ${res.request().method()} ${new URL(res.url()).pathname}`).toBe(expectedStatus)
  return res
}

export interface Credentials {
  email: string
  password: string
}

/**
 * On the login page: fills in the form, submits it (the primary button, or Enter in the
 * password field for keyboard-only tests) and waits until the landing page has loaded.
 */
export async function submitLogin(page: Page, user: Credentials, landing: string, options: { pressEnter?: boolean } = {}) {
  await page.locator('#email').fill(user.email)
  await page.locator('#adgangskode').fill(user.password)
  await Promise.all([
    page.waitForURL((url) => url.pathname === landing),
    options.pressEnter ? page.locator('#adgangskode').press('Enter') : page.locator('form[action="/login"] button[type=submit]').click(),
  ])
  await page.waitForLoadState('load')
}

/** Logs in through the form, as a person would (not through the API). */
export async function logIn(page: Page, user: Credentials, landing: string, options: { pressEnter?: boolean } = {}) {
  await page.goto('/login')
  await submitLogin(page, user, landing, options)
}
