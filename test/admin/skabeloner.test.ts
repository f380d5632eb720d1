// The administrators' preview of every notification template: the e-mails with subject
// and text as the workers send them, the letters as example PDFs, and nobody else sees any
// of it.
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createNaevn, createUser } from '../helpers/factories.js'
import { pageTexts } from '../documents/pdfjs.js'
import { partsnotifikationTekster, moedenotifikationTekster, sagsnotifikationTekster, VELKOMST_EMNE } from '../../server/kerne/forsendelse/mailtekster.js'
import { dokumentEksempler } from '../../server/kerne/documents/eksempler.js'

const dokumentTyper = ['brev', 'partshoering', 'kvittering', 'afgoerelse', 'klagefrist', 'besigtigelse', 'offentlig-afgoerelse']

describe('admin: template preview', () => {
  const w = useWorld()

  async function login(o: Parameters<typeof createUser>[1] = {}) {
    const user = await createUser(w.db, o)
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    return agent
  }

  /** The text of an HTML fragment as a reader sees it: tags gone, entities decoded, spaces collapsed. */
  function synligTekst(html: string): string {
    return html
      .replace(/<br>/g, '\n')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&#x3D;/g, '=')
      .replace(/&amp;/g, '&')
      .replace(/[ \t]+/g, ' ')
  }

  it('when the admin opens the page, then every e-mail shows with its subject and rendered text, and every letter has an example link', async () => {
    const agent = await login({ admin: true })
    const res = await agent.get('/admin/skabeloner')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<h1>Skabeloner</h1>')
    expect(res.body).toContain('<a href="/admin/skabeloner">Skabeloner</a>')
    const tekst = synligTekst(res.body)

    for (const [haendelse, t] of Object.entries({ ...partsnotifikationTekster, ...moedenotifikationTekster })) {
      expect(res.body, haendelse).toContain(`id="mail-part-${haendelse}"`)
      // The subject as the worker builds it: the event's subject and the case number.
      expect(tekst).toContain(`Emne: ${t.emne} (999-10001)`)
      expect(tekst).toContain(t.tekst)
    }
    for (const [haendelse, t] of Object.entries(sagsnotifikationTekster)) {
      expect(res.body, haendelse).toContain(`id="mail-sag-${haendelse}"`)
      expect(tekst).toContain(`Emne: ${t.emne} (999-10001)`)
      expect(tekst).toContain(t.tekst)
    }
    expect(tekst).toContain(`Emne: ${VELKOMST_EMNE}`)
    // The templates' own text, filled in with the fictitious data.
    expect(tekst).toContain('Kære Ejendomsselskabet Eksempel ApS')
    expect(tekst).toContain('Lejemål: Prøvegade 12, 2. th., 9999 Eksempelby')
    expect(tekst).toContain('Svarfrist: 17. december 2026')
    expect(tekst).toContain('Af hensyn til dine personoplysninger står brevets indhold ikke i denne e-mail.')
    expect(tekst).toContain('Til sekretariatet')
    expect(tekst).toContain('Velkommen til Nævn, den digitale indgang til huslejenævn og beboerklagenævn.')
    expect(tekst).toContain(`${w.config.publicUrl}/invitation/`)
    expect(tekst).toContain(`${w.config.publicUrl}/sager/00000000-0000-0000-0000-000000000000`)
    // Nothing left unfilled.
    expect(res.body).not.toContain('{{')

    expect(Object.keys(dokumentEksempler).sort()).toEqual([...dokumentTyper].sort())
    for (const type of dokumentTyper) expect(res.body).toContain(`href="/admin/skabeloner/dokument/${type}.pdf"`)
  })

  it('when the admin fetches an example letter, then it is a PDF from the real template with the fictitious data', async () => {
    const agent = await login({ admin: true })
    const forventet: Record<string, string[]> = {
      brev: ['Anmodning om oplysninger', 'Sagsnummer', '999-10001', 'Karen Eksempel (indbringer)'],
      partshoering: ['Partshøring i sag 999-10001', 'Svarfrist', '17. december 2026', 'varmeregnskab-2025-26.pdf'],
      kvittering: ['Kvittering for indbringelse', 'Huslejenævnet i Eksempelby har modtaget din sag', 'Karen Eksempel'],
      afgoerelse: ['Afgørelse', 'Ejendomsselskabet Eksempel ApS', 'Prøvegade 12'],
      klagefrist: ['Klagefrist for afgørelsen', 'fredag den 4. december 2026', 'mandag den 4. januar 2027'],
      besigtigelse: ['Besigtigelse af lejemålet', 'kl. 14.00', 'Prøvegade 12'],
      'offentlig-afgoerelse': ['Afgørelse (anonymiseret)', '[adresse], 9999 Eksempelby', 'Lejeloven § 106'],
    }
    for (const type of dokumentTyper) {
      const res = await agent.get(`/admin/skabeloner/dokument/${type}.pdf`)
      expect(res.statusCode, type).toBe(200)
      expect(res.headers['content-type']).toContain('application/pdf')
      const tekst = (await pageTexts(res.rawPayload)).join(' ')
      expect(tekst).toContain('Huslejenævnet i Eksempelby')
      expect(tekst).toContain('Eksempelvej 1')
      for (const del of forventet[type]!) expect(tekst, `${type}: ${del}`).toContain(del)
    }
  })

  it('when the admin asks for a letter type that does not exist, then it is 404', async () => {
    const agent = await login({ admin: true })
    for (const url of ['/admin/skabeloner/dokument/findes-ikke.pdf', '/admin/skabeloner/dokument/brev', '/admin/skabeloner/dokument/brev.html', '/admin/skabeloner/dokument/constructor.pdf']) {
      expect((await agent.get(url)).statusCode, url).toBe(404)
    }
  })

  it('when a caseworker or a citizen opens the page or an example letter, then neither exists for them', async () => {
    const naevn = await createNaevn(w.db)
    const sagsbehandler = await login({ medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    const borger = await login()
    for (const agent of [sagsbehandler, borger]) {
      const side = await agent.get('/admin/skabeloner')
      expect(side.statusCode).toBe(404)
      expect(side.body).not.toContain('Skabeloner')
      for (const type of dokumentTyper) {
        const pdf = await agent.get(`/admin/skabeloner/dokument/${type}.pdf`)
        expect(pdf.statusCode, type).toBe(404)
        expect(pdf.headers['content-type']).not.toContain('application/pdf')
      }
    }
  })

  it('when nobody is logged in, then the page and the letters are not shown and the visitor is sent to log in', async () => {
    const anonym = new Agent(w.app)
    for (const url of ['/admin/skabeloner', '/admin/skabeloner/dokument/brev.pdf']) {
      const res = await anonym.get(url)
      expect([302, 303], url).toContain(res.statusCode)
      expect(res.headers.location).toMatch(/^\/login/)
      expect(res.headers['content-type'] ?? '').not.toContain('application/pdf')
    }
  })
})
