// The whole journey of one case in a real Chromium, every role in turn, against the real
// server on a real port, the real worker (outbox relay and BullMQ jobs), PostgreSQL and
// Redis:
//   a tenant files a case with an attachment → the caseworker of the right board takes it
//   and sends a hearing → the landlord joins through the e-mailed invitation and answers →
//   the caseworker puts the case on a meeting's agenda with an inspection → a board member
//   reads the material and writes a note → the caseworker registers the decision and makes
//   it final (the tenant finds the PDF in "Mine sager") → reviews the anonymization and
//   approves → a visitor without login finds the decision by a word from its text,
//   downloads the anonymized PDF and finds the decided rent in the rent register.
// Each step is a screenshot in test-results/e2e/rejse-NN-<step>.png, kept by CI as an
// artifact, and every page passes axe on the way.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createUser, naevnFor } from '../helpers/factories.js'
import { minimalPdf } from '../helpers/multipart.js'
import { waitFor } from '../helpers/wait.js'
import { useWorkers } from '../helpers/workers.js'
import { useWorld } from '../helpers/world.js'
import { pageTexts } from '../documents/pdfjs.js'
import { iDag } from '../naevnsmoede/helpers.js'
import { expectNavigation, expectNoAxeViolations, finish, logIn, pathOf, screenshot, useBrowser, type Tab } from './browser.js'

// The journey is long, and two test files share two cores with the browser.
const journeyTimeout = 360_000

interface Bruger {
  id: string
  navn: string
  email: string
  password: string
}

/** A word that only this case's decision uses, for the public search. */
const soegeord = 'kondensvandsskaderne'
const adresse = { vejnavn: 'Nørregade', husnummer: '12', etage: '2', doer: 'th', postnr: '1165' }

describe('the whole journey of a case, in a browser', () => {
  const w = useWorld()
  const browser = useBrowser(w)
  useWorkers(w)
  let lejer: Bruger
  let udlejer: Bruger
  let sagsbehandler: Bruger
  let medlem: Bruger
  let step = 0

  beforeAll(async () => {
    const naevn = await naevnFor(w.db, 101)
    await w.db.updateTable('naevn').set({ navn: 'Huslejenævnet i København', adresse: 'Rådhuspladsen 1', postnr: '1599', by: 'København V', email: 'huslejenaevn@test.invalid', telefon: '33 66 33 66' }).where('id', '=', naevn.id).execute()
    lejer = await createUser(w.db, { navn: 'Lise Lejer', email: 'lise.lejer@test.invalid' })
    udlejer = await createUser(w.db, { navn: 'Ulrik Udlejer', email: 'ulrik.udlejer@test.invalid' })
    sagsbehandler = await createUser(w.db, { navn: 'Sara Sagsbehandler', medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    medlem = await createUser(w.db, { navn: 'Mogens Medlem', medlemskaber: [{ naevnId: naevn.id, rolle: 'naevnsmedlem' }] })
  })

  /** Screenshot and axe for one step of the journey, numbered in the order they happen. */
  async function checkpoint(page: Page, name: string) {
    await page.waitForLoadState('networkidle')
    step += 1
    await screenshot(page, `rejse-${String(step).padStart(2, '0')}-${name}`)
    await expectNoAxeViolations(page, name)
  }

  async function go(page: Page, url: string) {
    await expectNavigation(page, () => page.goto(url))
    await page.waitForLoadState('networkidle')
  }

  /** Clicks something that navigates; a refused form leaves a screenshot and its Danish error summary in the failure. */
  async function click(page: Page, target: ReturnType<Page['locator']>, expectedStatus = 200) {
    try {
      await expectNavigation(page, () => target.click(), expectedStatus)
    } catch (err) {
      await screenshot(page, `rejse-fejl-${pathOf(page).replace(/[^a-z0-9]+/gi, '-')}`)
      const summary = await page.locator('#fejlopsummering').innerText({ timeout: 1000 }).catch(() => '')
      throw new Error(`${(err as Error).message}\n${summary}`)
    }
    await page.waitForLoadState('networkidle')
  }

  async function role(user: Bruger, landing: string): Promise<Tab> {
    const tab = await browser.openTab()
    await logIn(tab.page, user, landing)
    await tab.page.waitForLoadState('networkidle')
    return tab
  }

  /** Ticks a checkbox or radio through its label, as a person would, unless it is already ticked (a pre-filled form). */
  async function tick(page: Page, id: string) {
    if (!(await page.locator(`[id="${id}"]`).isChecked())) await page.locator(`label[for="${id}"]`).click()
    expect(await page.locator(`[id="${id}"]`).isChecked(), `#${id} ticked`).toBe(true)
  }

  const fakta = (page: Page, label: string) => page.locator('main > dl.naevn-fakta').first().locator(`dt:text-is("${label}") + dd`).innerText()

  it(
    'when a tenant files a case and it goes through hearing, meeting, decision, anonymization and publication, then a visitor finds it and its rent',
    async () => {
      // ── 1. The tenant files the case with an attachment ────────────────────
      const t = await role(lejer, '/mine-sager')
      const tp = t.page
      await checkpoint(tp, 'lejer-mine-sager')
      await click(tp, tp.getByRole('button', { name: 'Indbring en ny sag' }))
      const sagId = /^\/indbringelse\/([0-9a-f-]+)\/hvem$/.exec(pathOf(tp))![1]!
      await tick(tp, 'indbringer_rolle-lejer')
      await tick(tp, 'for_hvem-selv')
      await checkpoint(tp, 'lejer-hvem')
      await click(tp, tp.getByRole('button', { name: 'Gem og fortsæt' }))
      for (const [felt, vaerdi] of Object.entries(adresse)) await tp.locator(`#${felt}`).fill(vaerdi)
      await tick(tp, 'lejemaal_type-privat')
      await checkpoint(tp, 'lejer-lejemaal')
      await click(tp, tp.getByRole('button', { name: 'Gem og fortsæt' }))
      // Step 3 names the board the address routes the case to.
      expect(await tp.locator('.trinviser .step-subheading').innerText()).toContain('Sagen behandles af Huslejenævnet i København')
      await tp.locator('#mig_cprcvr').fill('010190-1234')
      await tp.locator('#modpart_navn').fill('Ulrik Udlejer')
      await tp.locator('#modpart_email').fill(udlejer.email)
      await checkpoint(tp, 'lejer-parter')
      await click(tp, tp.getByRole('button', { name: 'Gem og fortsæt' }))
      await tick(tp, 'formaal-klage')
      await tick(tp, 'omraade-vedligeholdelse')
      await tp.locator('#beskrivelse').fill('Udlejer vil ikke udbedre fugtskaden i soveværelset, selv om jeg har klaget tre gange.')
      await checkpoint(tp, 'lejer-sagen')
      await click(tp, tp.getByRole('button', { name: 'Gem og fortsæt' }))
      await tp.locator('#kategori').selectOption('lejekontrakt')
      await tp.locator('#filer').setInputFiles({ name: 'lejekontrakt.pdf', mimeType: 'application/pdf', buffer: minimalPdf })
      await click(tp, tp.getByRole('button', { name: 'Vedhæft filerne' }))
      expect(await tp.locator('main table').innerText()).toContain('lejekontrakt.pdf')
      await checkpoint(tp, 'lejer-bilag')
      await click(tp, tp.getByRole('link', { name: 'Fortsæt til gebyr' }))
      await click(tp, tp.getByRole('button', { name: 'Jeg har læst om gebyret – fortsæt' }))
      await checkpoint(tp, 'lejer-indsend')
      await click(tp, tp.getByRole('button', { name: 'Send sagen til nævnet' }))
      expect(pathOf(tp)).toBe(`/sager/${sagId}`)
      const sagsnummer = /^Sag (\S+)$/.exec(await tp.locator('h1').innerText())![1]!
      expect(await tp.locator('.alert-success[role="status"]').innerText()).toContain(`Sagsnummeret er ${sagsnummer}`)
      await checkpoint(tp, 'lejer-kvittering')
      t.lap('lejeren indbringer sagen')

      // ── 2. The caseworker of the right board takes it and sends a hearing ──
      const s = await role(sagsbehandler, '/sagsbehandling')
      const sp = s.page
      const sagPath = `/sagsbehandling/sager/${sagId}`
      expect(await sp.locator('main table tbody a.sagsnummer').allInnerTexts()).toContain(sagsnummer)
      await checkpoint(sp, 'sagsbehandler-indbakke')
      await click(sp, sp.getByRole('link', { name: sagsnummer, exact: true }))
      expect(pathOf(sp)).toBe(sagPath)
      expect(await sp.locator('main').innerText()).toContain('lejekontrakt.pdf')
      await click(sp, sp.getByRole('button', { name: 'Tag sagen' }))
      expect(await fakta(sp, 'Sagsbehandler')).toBe(sagsbehandler.navn)
      const hoering = sp.locator('details:has(summary:text-is("Send i partshøring"))')
      await hoering.locator('summary').click()
      const modpart = await w.db.selectFrom('parter').select('id').where('sag_id', '=', sagId).where('rolle', '=', 'modpart').executeTakeFirstOrThrow()
      expect(await sp.locator(`#modtager-${modpart.id}`).isChecked()).toBe(true)
      await sp.getByLabel('Hvad skal parterne forholde sig til?').fill('Nævnet beder om udlejers bemærkninger til lejers klage over fugtskaden.')
      await checkpoint(sp, 'sagsbehandler-partshoering')
      await click(sp, hoering.getByRole('button', { name: 'Send i partshøring' }))
      expect(await fakta(sp, 'Status')).toBe('Partshøring')
      s.lap('sagsbehandleren sender i partshøring')

      // ── 3. The landlord joins through the e-mailed invitation and answers ──
      const invitation = await waitFor('the hearing notice with the invitation', async () => {
        for (const f of (await readdir(w.config.mailDir).catch(() => [] as string[])).filter((x) => x.startsWith('part-partshoering-'))) {
          const eml = (await readFile(path.join(w.config.mailDir, f), 'utf8')).replace(/=\r?\n/g, '')
          if (eml.includes(udlejer.email)) return /\/invitation\/[A-Za-z0-9_=-]+/.exec(eml)?.[0]
        }
        return undefined
      }, 30_000)
      const u = await browser.openTab()
      const up = u.page
      await up.goto(invitation)
      // Not logged in: the login page, which brings the landlord back to the invitation.
      expect(pathOf(up)).toBe('/login')
      await up.locator('#email').fill(udlejer.email)
      await up.locator('#adgangskode').fill(udlejer.password)
      await click(up, up.getByRole('button', { name: 'Log ind med adgangskode' }))
      expect(pathOf(up)).toBe(invitation)
      await checkpoint(up, 'udlejer-invitation')
      await click(up, up.getByRole('button', { name: 'Tilknyt sagen' }))
      expect(pathOf(up)).toBe(`/sager/${sagId}`)
      expect(await up.locator('main').innerText()).toContain('udlejers bemærkninger')
      await up.locator('textarea[name="svar"]').fill('Fugtskaden skyldes efter min opfattelse manglende udluftning.')
      await checkpoint(up, 'udlejer-svar')
      await click(up, up.getByRole('button', { name: 'Send svar' }))
      expect(await up.locator('main').innerText()).toContain('manglende udluftning')
      u.lap('udlejeren svarer')

      // ── 4. The caseworker closes the hearing and puts the case on a meeting ─
      await go(sp, sagPath)
      expect(await sp.locator('main').innerText()).toContain('manglende udluftning')
      await click(sp, sp.getByRole('button', { name: 'Afslut høringen' }))
      expect(await fakta(sp, 'Status')).toBe('Under behandling')
      await sp.getByLabel('Sagsbehandlerens vurdering (ses aldrig af parterne)').fill('Indstilling: lejer gives delvist medhold; fugten skyldes ydervæggen, ikke udluftningen.')
      await click(sp, sp.getByRole('button', { name: 'Gem vurdering' }))
      const statusForm = sp.locator(`form[action="${sagPath}/status"]`)
      await statusForm.locator('select[name="status"]').selectOption('klar_til_moede')
      await click(sp, statusForm.getByRole('button', { name: 'Skift status' }))
      expect(await fakta(sp, 'Status')).toBe('Klar til nævnsmøde')
      await go(sp, '/sagsbehandling/moeder')
      const moedeDato = iDag(7)
      await sp.locator('#dato').fill(moedeDato)
      await sp.locator('#tid').fill('13:00')
      await sp.locator('#sted').fill('Rådhuset, mødelokale 3')
      await checkpoint(sp, 'sagsbehandler-moeder')
      await click(sp, sp.getByRole('button', { name: 'Opret mødet' }))
      const moedePath = pathOf(sp)
      expect(moedePath).toMatch(/^\/sagsbehandling\/moeder\/[0-9a-f-]+$/)
      await sp.locator('#sag').selectOption(sagId)
      await click(sp, sp.getByRole('button', { name: 'Sæt på dagsordenen' }))
      expect(await sp.locator('main').innerText()).toContain(`Sag ${sagsnummer}`)
      const besigtigelse = sp.locator('details:has(summary:text-is("Planlæg besigtigelse"))')
      await besigtigelse.locator('summary').click()
      await besigtigelse.getByLabel('Dato (senest mødedagen)').fill(iDag(5))
      await besigtigelse.getByLabel('Tidspunkt').fill('10:00')
      await besigtigelse.getByLabel('Sted').fill('Nørregade 12, 2. th., 1165 København K')
      await click(sp, besigtigelse.getByRole('button', { name: 'Planlæg og indkald parterne' }))
      expect(await sp.locator('main').innerText()).toMatch(/Besigtigelse/)
      await click(sp, sp.getByRole('button', { name: 'Send dagsordenen til nævnets medlemmer' }))
      await checkpoint(sp, 'sagsbehandler-dagsorden')
      s.lap('dagsorden med besigtigelse')

      // ── 5. A board member reads the material and writes a note ─────────────
      const m = await role(medlem, '/naevnsportal')
      const mp = m.page
      await checkpoint(mp, 'medlem-portal')
      await click(mp, mp.getByRole('link', { name: new RegExp(moedeDato.split('-').reverse().map(Number).join('|')) }).first())
      await click(mp, mp.getByRole('link', { name: `Sag ${sagsnummer}` }))
      const materiale = await mp.locator('main').innerText()
      expect(materiale).toContain('fugtskaden')
      expect(materiale).toContain('manglende udluftning')
      expect(materiale).toContain('Indstilling: lejer gives delvist medhold')
      // The case bundle: one PDF with every document of the case.
      const mappe = await mp.context().request.get(await mp.getByRole('link', { name: 'Hele sagsmappen (PDF)' }).getAttribute('href') as string)
      expect(mappe.status()).toBe(200)
      expect((await mappe.body()).subarray(0, 5).toString()).toBe('%PDF-')
      await mp.locator('#note').fill('Spørg udlejer, hvornår ventilationen sidst blev efterset.')
      await click(mp, mp.getByRole('button', { name: 'Gem noter' }))
      expect(await mp.locator('#note').inputValue()).toContain('ventilationen')
      await checkpoint(mp, 'medlem-sag')
      m.lap('nævnsmedlemmet læser og noterer')

      // ── 6. The caseworker registers the decision and makes it final ────────
      await go(sp, `${sagPath}/afgoerelse`)
      await sp.locator('#afgoerelsesdato').fill(iDag(0))
      await tick(sp, 'afslutningsaarsag-IN_PARTIAL_FAVOUR')
      await tick(sp, 'medhold-TENANT')
      await tick(sp, 'gebyrpaalaeggelse-nej')
      await tick(sp, 'besigtigelse-HELD')
      await tick(sp, 'offentlig_interesse-nej')
      await tick(sp, 'omraade-vedligeholdelse')
      await sp.locator('#soeg').fill('§ 106')
      await click(sp, sp.getByRole('button', { name: 'Søg', exact: true }))
      await tick(sp, 'fund-0')
      await tick(sp, 'fastsaetter_husleje')
      await sp.locator('#huslejefastsaettelse_dato').fill(iDag(0))
      await sp.locator('#huslejefastsaettelse_metode').selectOption('BASED_ON_COMPARABLE_RENTS')
      await sp.locator('#huslejekategori').selectOption('MONTHLY_RENT')
      await sp.locator('#huslejeangivelse').selectOption('TENANCY_SPECIFIC_RENT')
      await sp.locator('#husleje').fill('7.500')
      await sp.locator('#areal').fill('72')
      await sp.locator('#afgoerelse_tekst').fill(`Nævnet giver Lise Lejer delvist medhold. Huslejen nedsættes til 7.500 kr. om måneden, indtil ${soegeord} i soveværelset er udbedret.`)
      await sp.locator('#sagsfremstilling').fill('Lise Lejer bor på Nørregade 12, 2. th., 1165 København K. Lejer har klaget over fugt og skimmelsvamp i soveværelset. Ulrik Udlejer mener, at fugten skyldes manglende udluftning.')
      await sp.locator('#begrundelse').fill('Efter lejelovens § 106, stk. 1, skal udlejer vedligeholde det lejede. Nævnet fandt ved besigtigelsen fugt i ydervæggen.')
      await click(sp, sp.getByRole('button', { name: 'Gem udkastet' }))
      await checkpoint(sp, 'sagsbehandler-afgoerelse')
      await click(sp, sp.getByRole('button', { name: 'Gør afgørelsen endelig' }))
      const afgoerelseDok = await waitFor('the decision PDF', () =>
        w.db.selectFrom('dokumenter').select(['id', 'filnavn']).where('sag_id', '=', sagId).where('kategori', '=', 'afgoerelse').executeTakeFirst(),
      )
      s.lap('afgørelsen gøres endelig')

      // ── 7. The tenant finds the decision in "Mine sager" ────────────────────
      await go(tp, '/mine-sager')
      await click(tp, tp.locator('tbody tr', { hasText: sagsnummer }).locator('a'))
      const link = tp.locator(`a[href="/sager/${sagId}/dokumenter/${afgoerelseDok.id}"]`)
      expect(await link.count(), 'the decision on the tenant’s case page').toBeGreaterThan(0)
      // Every document's kind is named in Danish, also those the system made itself.
      expect(await tp.locator('main table tbody td:nth-child(2)').allInnerTexts()).toEqual(expect.arrayContaining(['Lejekontrakt', 'Kvittering', 'Brev', 'Afgørelse']))
      await checkpoint(tp, 'lejer-afgoerelse')
      const pdf = await tp.context().request.get(`/sager/${sagId}/dokumenter/${afgoerelseDok.id}`)
      expect(pdf.status()).toBe(200)
      const privatTekst = (await pageTexts(await pdf.body())).join('\n')
      expect(privatTekst).toContain('Lise Lejer')
      expect(privatTekst).toContain(soegeord)
      t.lap('lejeren henter afgørelsen')

      // ── 8. The caseworker reviews the anonymization and approves ───────────
      await waitFor('the anonymization', async () =>
        (await w.db.selectFrom('afgoerelser').select('publicering').where('sag_id', '=', sagId).executeTakeFirst())?.publicering === 'til_gennemsyn' || undefined, 60_000)
      await go(sp, `${sagPath}/anonymisering`)
      const anonymiseret = await sp.locator('.anon-resultat').innerText()
      expect(anonymiseret).not.toContain('Lise Lejer')
      expect(anonymiseret).not.toContain('Ulrik Udlejer')
      await checkpoint(sp, 'sagsbehandler-anonymisering')
      await click(sp, sp.getByRole('button', { name: 'Godkend anonymiseringen' }))
      s.lap('anonymiseringen godkendes')

      // ── 9. A visitor finds the decision and the rent ───────────────────────
      await waitFor('the publication', () =>
        w.db.selectFrom('register_afgoerelser').innerJoin('afgoerelser', 'afgoerelser.id', 'register_afgoerelser.afgoerelse_id').select('register_afgoerelser.id').where('afgoerelser.sag_id', '=', sagId).executeTakeFirst(), 60_000)
      const v = await browser.openTab()
      const vp = v.page
      await go(vp, '/')
      await click(vp, vp.getByRole('link', { name: /afgørelser/i }).first())
      expect(pathOf(vp)).toBe('/afgoerelser')
      await vp.locator('#q').fill(soegeord)
      await click(vp, vp.locator('form').filter({ has: vp.locator('#q') }).getByRole('button', { name: 'Søg', exact: true }))
      const hits = vp.locator('main h2 a')
      expect(await hits.count(), 'one decision uses the word').toBe(1)
      await checkpoint(vp, 'besoegende-soegning')
      await click(vp, hits.first())
      const offentlig = await vp.locator('main').innerText()
      expect(offentlig).toContain(soegeord)
      for (const hemmelig of ['Lise Lejer', 'Ulrik Udlejer', '010190', 'lise.lejer@', '2. th']) expect(offentlig).not.toContain(hemmelig)
      await checkpoint(vp, 'besoegende-afgoerelse')
      // Chromium would show the PDF in its viewer; the visitor's download is the same request.
      const pdfHref = await vp.getByRole('link', { name: 'Hent afgørelsen som PDF' }).getAttribute('href')
      const offentligSvar = await vp.context().request.get(pdfHref!)
      expect(offentligSvar.status()).toBe(200)
      expect(offentligSvar.headers()['content-type']).toBe('application/pdf')
      const offentligPdf = await offentligSvar.body()
      const offentligTekst = (await pageTexts(offentligPdf)).join('\n')
      expect(offentligTekst).toContain(soegeord)
      for (const hemmelig of ['Lise Lejer', 'Ulrik Udlejer', '010190', 'lise.lejer@', '2. th']) expect(offentligTekst).not.toContain(hemmelig)
      await go(vp, '/huslejeregister')
      await vp.locator('#adresse').fill('Nørregade 12')
      await vp.locator('#postnr').fill('1165')
      await click(vp, vp.locator('form.filter-form').getByRole('button', { name: 'Søg' }))
      const raekke = vp.locator('table.huslejetabel tbody tr', { hasText: 'Nørregade 12' })
      expect(await raekke.count()).toBe(1)
      expect(await raekke.innerText()).toContain('7.500')
      expect(await raekke.innerText()).not.toContain('2. th')
      await checkpoint(vp, 'besoegende-huslejeregister')
      v.lap('en besøgende finder afgørelsen og huslejen')

      for (const [tab, navn] of [[t, 'lejer'], [s, 'sagsbehandler'], [u, 'udlejer'], [m, 'nævnsmedlem'], [v, 'besøgende']] as const) {
        finish(tab, `rejse: ${navn}`)
        await tab.context.close()
      }
    },
    journeyTimeout,
  )
})
