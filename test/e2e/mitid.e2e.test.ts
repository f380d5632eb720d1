// MitID in Chromium, through the local NemLog-in stand-in (a real oidc-provider): the
// authorization-code flow with PKCE, state and nonce as a browser walks it. A citizen
// logs in as a demo MitID person, finds the case that names her CPR in "Mine sager",
// starts a filing and finds her name and CPR locked ("Hentet fra MitID"); a MitID
// Erhverv employee finds the company's case; logging out ends the session at the IdP
// too and comes back to the login page. Screenshots in test-results/e2e/mitid-*.png.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createUser, naevnFor } from '../helpers/factories.js'
import { ledigPort, sagMedModpart, useMitidWorld } from '../helpers/mitid.js'
import { demoCpr, demoCvr } from '../../server/kerne/auth/oidc/demo-identiteter.js'
import { expectNavigation, expectNoAxeViolations, finish, logIn, pathOf, screenshot, useBrowser } from './browser.js'

// The app's address must be known before it starts: it is the redirect URI the IdP checks.
const port = await ledigPort()

describe('MitID log-in in the browser', () => {
  const w = useMitidWorld({ PUBLIC_URL: `http://127.0.0.1:${port}` })
  const browser = useBrowser(w, { port })
  let camillasSag = ''
  let firmaetsSag = ''
  let klientSagId = ''

  const sagsnummer = async (sagId: string) => (await w.db.selectFrom('sager').select('sagsnummer').where('id', '=', sagId).executeTakeFirstOrThrow()).sagsnummer!

  beforeAll(async () => {
    camillasSag = await sagsnummer(await sagMedModpart(w, demoCpr.camilla))
    firmaetsSag = await sagsnummer(await sagMedModpart(w, demoCvr.noerrebroEjendomme))
    klientSagId = await sagMedModpart(w, demoCvr.vesterbroBolig)
  })

  /** From the app's login page through the IdP's person picker and back to the app. */
  async function logIndMedMitid(page: Page, navn: string, skud: string) {
    await page.goto('/login')
    await expectNavigation(page, () => page.locator('#log-ind-mitid').click())
    expect(new URL(page.url()).port).toBe(String(w.idp.port))
    expect(pathOf(page)).toMatch(/^\/interaktion\//)
    await page.locator('label', { hasText: navn }).locator('input[type=radio]').check()
    await screenshot(page, `mitid-${skud}-idp`)
    await Promise.all([page.waitForURL((url) => url.port === String(port) && url.pathname === '/mine-sager'), page.getByRole('button', { name: 'Log ind', exact: true }).click()])
    await page.waitForLoadState('load')
  }

  it('when a citizen logs in with MitID, then her case is in Mine sager, a new filing shows her name locked, and logout passes through the IdP', async () => {
    const tab = await browser.openTab()
    const { page } = tab
    await logIndMedMitid(page, 'Camilla Nørgaard', 'borger')
    tab.lap('log ind med MitID')
    expect(await page.locator('main').innerText()).toContain(camillasSag)
    expect(await page.locator('header').innerText()).toContain('Camilla Nørgaard')
    await screenshot(page, 'mitid-borger-mine-sager')
    await expectNoAxeViolations(page, 'Mine sager (MitID)')

    // A new filing: the first two steps, then her own details come from MitID.
    await expectNavigation(page, () => page.locator('form.ny-sag button[type=submit]').click())
    await page.locator('input[name=indbringer_rolle][value=lejer]').check()
    await page.locator('input[name=for_hvem][value=selv]').check()
    await expectNavigation(page, () => page.getByRole('button', { name: 'Gem og fortsæt' }).click())
    await page.locator('#vejnavn').fill('Nørregade')
    await page.locator('#husnummer').fill('12')
    await page.locator('#postnr').fill('1165')
    await page.locator('input[name=lejemaal_type][value=privat]').check()
    await expectNavigation(page, () => page.getByRole('button', { name: 'Gem og fortsæt' }).click())
    expect(pathOf(page)).toMatch(/\/parter$/)
    const navn = page.locator('#mig_navn')
    expect(await navn.inputValue()).toBe('Camilla Nørgaard')
    expect(await navn.getAttribute('readonly')).not.toBeNull()
    expect(await page.locator('#mig_cprcvr').inputValue()).toBe('120388-xxxx')
    expect(await page.locator('#mig_navn-hjaelp').innerText()).toContain('Hentet fra MitID')
    await screenshot(page, 'mitid-borger-parter')
    await expectNoAxeViolations(page, 'indbringelse, parter (MitID)')
    tab.lap('indbringelse til parter')

    // NemLog-in gives no e-mail address: she may give one for notices.
    await page.goto('/mine-sager')
    await expectNavigation(page, () => page.getByRole('link', { name: 'Skriv din e-mailadresse' }).click())
    await page.locator('#email').fill('camilla@eksempel.dk')
    await expectNavigation(page, () => page.getByRole('button', { name: 'Send bekræftelseslink' }).click())
    expect(await page.locator('main').innerText()).toContain('Adressen bruges først, når du har bekræftet den')
    await screenshot(page, 'mitid-borger-email')
    await expectNoAxeViolations(page, 'konto/email')

    // Log out: the app ends its session and sends the browser to the IdP, which asks and comes back.
    await expectNavigation(page, () => page.locator('form.logout-form button[type=submit]').click())
    expect(new URL(page.url()).port).toBe(String(w.idp.port))
    await screenshot(page, 'mitid-borger-idp-logud')
    await Promise.all([page.waitForURL((url) => url.port === String(port) && url.pathname === '/login'), page.getByRole('button', { name: 'Ja, log mig ud' }).click()])
    await page.waitForLoadState('load')
    expect(new URL(page.url()).searchParams.get('logget_ud')).toBe('1')
    await screenshot(page, 'mitid-borger-logget-ud')
    await page.goto('/mine-sager')
    expect(pathOf(page)).toBe('/login')
    tab.lap('log ud')
    finish(tab, 'MitID borger')
    await tab.context.close()
  })

  it('when a MitID Erhverv employee logs in, then the company’s case is in Mine sager', async () => {
    const tab = await browser.openTab()
    const { page } = tab
    await logIndMedMitid(page, 'Mette Hansen', 'erhverv')
    const main = await page.locator('main').innerText()
    expect(main).toContain(firmaetsSag)
    expect(main).not.toContain(camillasSag)
    expect(await page.locator('header').innerText()).toContain('Mette Hansen (Nørrebro Ejendomme ApS)')
    await screenshot(page, 'mitid-erhverv-mine-sager')
    finish(tab, 'MitID Erhverv')
    await tab.context.close()
  })

  it('when the secretariat registers a power of attorney, then the representative logged in with MitID Erhverv finds the client’s case', async () => {
    const naevn = await naevnFor(w.db, 101)
    const sb = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    const tab = await browser.openTab()
    const { page } = tab
    await logIn(page, sb, '/sagsbehandling')
    await page.goto(`/sagsbehandling/sager/${klientSagId}`)
    await expectNavigation(page, () => page.getByRole('link', { name: 'Fuldmagter' }).click())
    await page.locator('#giver').selectOption({ label: 'Ejendomsselskabet ApS (Modpart, CVR 41782307)' })
    await page.locator('#fuldmaegtig_navn').fill('Juhl Advokater')
    await page.locator('#fuldmaegtig_cprcvr').fill('12345678')
    await page.locator('#omfang').fill('Føre sagen for huslejenævnet på selskabets vegne')
    // A wrong CVR first: the error is shown at the field and what was typed stays.
    tab.expectErrorStatuses([400])
    await expectNavigation(page, () => page.getByRole('button', { name: 'Registrér fuldmagt' }).click(), 400)
    tab.expectErrorStatuses([])
    expect(await page.locator('#fuldmaegtig_cprcvr-fejl').innerText()).toContain('CVR-nummeret er ikke gyldigt')
    expect(await page.locator('#fuldmaegtig_navn').inputValue()).toBe('Juhl Advokater')
    await screenshot(page, 'mitid-fuldmagt-fejl')
    await expectNoAxeViolations(page, 'fuldmagter med fejl')
    await page.locator('#fuldmaegtig_cprcvr').fill(demoCvr.juhlAdvokater)
    await expectNavigation(page, () => page.getByRole('button', { name: 'Registrér fuldmagt' }).click())
    expect(await page.locator('main').innerText()).toContain('Fuldmagten er registreret.')
    await screenshot(page, 'mitid-fuldmagt-registreret')
    await expectNoAxeViolations(page, 'fuldmagter')
    finish(tab, 'Fuldmagt')
    await tab.context.close()

    const rep = await browser.openTab()
    await logIndMedMitid(rep.page, 'Søren Juhl', 'fuldmaegtig')
    expect(await rep.page.locator('main').innerText()).toContain(await sagsnummer(klientSagId))
    await screenshot(rep.page, 'mitid-fuldmaegtig-mine-sager')
    finish(rep, 'MitID fuldmægtig')
    await rep.context.close()
  })
})
