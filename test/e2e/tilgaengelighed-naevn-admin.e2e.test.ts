// Accessibility of the board members' portal and the administrators' pages, in a real
// Chromium. Each page type passes axe-core's WCAG 2.1 A/AA rules with no violations, has one
// h1, the skip link and the footer's link to the accessibility statement
// (test/e2e/sidetjek.ts); the admin's new-user form and fee form are also sent with errors.
//
// Page types for a board member (nævnsmedlem):
//   /naevnsportal                            the published agendas of their boards
//   /naevnsportal/moeder/:id                 a meeting's agenda
//   /naevnsportal/moeder/:id/punkter/:punkt  an item's case material, private notes and the
//                                            disqualification form
// (dagsorden.pdf, sagsmappe.pdf and the documents are downloads, not pages.)
// Page types for an administrator:
//   /admin, /admin/brugere (also searched), /admin/brugere/ny (also sent empty: 400),
//   /admin/brugere/:id, /admin/naevn, /admin/naevn/:id, /admin/gebyrer (also with errors),
//   /admin/skabeloner, /admin/koeer, and a board's /naevn/:id, /naevn/:id/anonymisering,
//   /naevn/:id/opbevaring.
// Not tested: bull-board at /admin/jobkoeer, a third-party single-page app for operators
// (the accessibility statement says so; /admin/koeer covers the failed jobs in Danish).
import { beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '../helpers/factories.js'
import { useWorld } from '../helpers/world.js'
import { klarSag, loggetInd, naevnMedFolk, opretMoede, punktId, saetPaa } from '../naevnsmoede/helpers.js'
import { finish, logIn, useBrowser } from './browser.js'
import { besoeg, sendOgTjek, type Tjekket } from './sidetjek.js'

const testTimeout = 150_000

describe('accessibility of the board members’ and administrators’ pages', () => {
  const w = useWorld()
  const browser = useBrowser(w)
  let naevnId: string
  let medlem: { email: string; password: string }
  let admin: { email: string; password: string; id: string }
  let moedeId: string
  let punkt: string

  beforeAll(async () => {
    const folk = await naevnMedFolk(w)
    naevnId = folk.naevnId
    medlem = (await loggetInd(w, naevnId, 'naevnsmedlem')).user
    const sagId = await klarSag(w, folk.filer.agent)
    moedeId = await opretMoede(folk.sb.agent, naevnId)
    await saetPaa(folk.sb.agent, moedeId, sagId)
    punkt = await punktId(w, moedeId, sagId)
    expect((await folk.sb.agent.post(`/sagsbehandling/moeder/${moedeId}/offentliggoer`)).statusCode).toBe(303)
    admin = await createUser(w.db, { admin: true, navn: 'Anne Admin' })
  })

  it(
    'when a board member opens the portal, a published agenda and an item’s material, then axe finds no violations',
    async () => {
      const tab = await browser.openTab()
      const tjekket: Tjekket = []
      try {
        await logIn(tab.page, medlem, '/naevnsportal')
        await besoeg(tab, '/naevnsportal', 'nævnsportal', tjekket)
        await besoeg(tab, `/naevnsportal/moeder/${moedeId}`, 'dagsorden', tjekket)
        await besoeg(tab, `/naevnsportal/moeder/${moedeId}/punkter/${punkt}`, 'sagens materiale', tjekket, { skaermbillede: 'tilgaengelighed-portal-punkt' })
        expect(await tab.page.locator('main').innerText()).toContain('Udlejer vil ikke udbedre fugtskaden')
        console.log(`board member page types checked (${tjekket.length}):\n  ${tjekket.join('\n  ')}`)
        finish(tab, 'tilgængelighed, nævnsmedlem')
      } finally {
        await tab.context.close()
      }
    },
    testTimeout,
  )

  it(
    'when an administrator opens every admin page type and sends the new-user and fee forms with errors, then axe finds no violations',
    async () => {
      const tab = await browser.openTab()
      const { page } = tab
      const tjekket: Tjekket = []
      try {
        await logIn(page, admin, '/admin')
        await besoeg(tab, '/admin', 'administration', tjekket)
        await besoeg(tab, '/admin/brugere', 'brugere', tjekket)
        await besoeg(tab, '/admin/brugere?q=Anne', 'brugere, søgt', tjekket)
        await besoeg(tab, '/admin/brugere/ny', 'ny bruger', tjekket)
        await sendOgTjek(tab, page.getByRole('button', { name: 'Opret bruger' }), 'ny bruger med fejl', tjekket, { status: 400, skaermbillede: 'tilgaengelighed-ny-bruger-fejl' })
        await besoeg(tab, `/admin/brugere/${admin.id}`, 'en bruger', tjekket)
        await besoeg(tab, '/admin/naevn', 'nævn', tjekket)
        await besoeg(tab, `/admin/naevn/${naevnId}`, 'et nævn', tjekket)
        await besoeg(tab, '/admin/gebyrer', 'gebyrer', tjekket)
        await sendOgTjek(tab, page.getByRole('button', { name: 'Gem gebyr' }), 'gebyr med fejl', tjekket, { status: 400 })
        await besoeg(tab, '/admin/skabeloner', 'skabeloner', tjekket, { skaermbillede: 'tilgaengelighed-skabeloner' })
        await besoeg(tab, '/admin/koeer', 'fejlede job', tjekket)
        await besoeg(tab, `/naevn/${naevnId}`, 'nævnets side', tjekket)
        await besoeg(tab, `/naevn/${naevnId}/anonymisering`, 'anonymiseringspolitik', tjekket)
        await besoeg(tab, `/naevn/${naevnId}/opbevaring`, 'opbevaring', tjekket)
        console.log(`administrator page types checked (${tjekket.length}):\n  ${tjekket.join('\n  ')}`)
        finish(tab, 'tilgængelighed, administrator')
      } finally {
        await tab.context.close()
      }
    },
    testTimeout,
  )
})
