// The address sheet in front of each printed letter: where the recipient lands on the
// page (the envelope window), what the sheet says, and the blank backs for duplex printing.
import { writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { openPdf, pageTexts } from '../documents/pdfjs.js'
import { renderPdf } from '../../server/kerne/documents/pdf.js'
import type { Block } from '../../server/kerne/documents/blocks.js'
import { lagreDokument } from '../../server/kerne/sag/bilag.js'
import { ADRESSE_MANGLER, VINDUE_MM } from '../../server/kerne/forsendelse/adresseark.js'

const MM = 72 / 25.4

interface Tekststykke {
  str: string
  /** From the page's top left corner, in mm. */
  venstre: number
  hoejre: number
  top: number
  bund: number
}

/** The text items of one page (1-based) with their boxes, as a viewer places them. */
async function tekststykker(bytes: Buffer, side: number): Promise<Tekststykke[]> {
  const pdf = await openPdf(bytes)
  try {
    const page = await pdf.getPage(side)
    const hoejde = page.view[3]!
    const content = await page.getTextContent()
    return content.items.flatMap((item) => {
      if (!('str' in item) || item.str.trim() === '') return []
      const [, , , , x, baseline] = item.transform as number[]
      return [{ str: item.str, venstre: x! / MM, hoejre: (x! + item.width) / MM, top: (hoejde - baseline! - item.height) / MM, bund: (hoejde - baseline!) / MM }]
    })
  } finally {
    await pdf.destroy()
  }
}

function iVinduet(t: Tekststykke): boolean {
  return t.venstre >= VINDUE_MM.x && t.hoejre <= VINDUE_MM.x + VINDUE_MM.bredde && t.top >= VINDUE_MM.y && t.bund <= VINDUE_MM.y + VINDUE_MM.hoejde
}

describe('address sheets in the print queue', () => {
  const w = useWorld()

  async function setup() {
    const naevn = await naevnFor(w.db, 101)
    await w.db.updateTable('naevn').set({ adresse: 'Rådhuspladsen 1', postnr: '1599', by: 'København V', email: 'nævn@test.invalid', telefon: '33 66 33 66' }).where('id', '=', naevn.id).execute()
    const sb = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    const filer = await createUser(w.db)
    const filerAgent = new Agent(w.app)
    await filerAgent.login(filer.email, filer.password)
    const sagId = await indbringSag(filerAgent)
    const sbAgent = new Agent(w.app)
    await sbAgent.login(sb.email, sb.password)
    await sbAgent.get('/sagsbehandling/udskrivning')
    const sag = await w.db.selectFrom('sager').select('sagsnummer').where('id', '=', sagId).executeTakeFirstOrThrow()
    const parter = await w.db.selectFrom('parter').select(['id', 'rolle']).where('sag_id', '=', sagId).execute()
    const lejer = parter.find((p) => p.rolle === 'indbringer')!
    const udlejer = parter.find((p) => p.rolle !== 'indbringer')!
    await w.db.updateTable('parter').set({ navn: 'Søren Østergård Ærø', adresse: 'Åboulevard 7, 3. tv.', postnr: '2200', by: 'København N' }).where('id', '=', lejer.id).execute()
    return { sagId, sagsnummer: sag.sagsnummer!, lejerId: lejer.id, udlejerId: udlejer.id, sbAgent }
  }

  /** A letter of `sider` pages waiting in the print queue for the party. */
  async function brevIKoe(sagId: string, partId: string, titel: string, sider: number): Promise<string> {
    const blocks: Block[] = [{ type: 'heading', level: 1, text: titel }]
    for (let i = 1; i <= sider; i++) {
      if (i > 1) blocks.push({ type: 'pageBreak' })
      blocks.push({ type: 'paragraph', text: `${titel}, side ${i}.` })
    }
    const pdf = await renderPdf({ title: titel, letterhead: { naevnNavn: 'Huslejenævnet', adresseLinjer: [], kontaktLinjer: [] }, blocks })
    return w.db.transaction().execute(async (trx) => {
      const dokumentId = await lagreDokument(trx, { sagId, filnavn: `${titel.toLowerCase().replace(/\W+/g, '-')}.pdf`, mime: 'application/pdf', data: pdf, kategori: 'brev', uploadetAf: null, synligForParter: true })
      const u = await trx
        .insertInto('udsendelser')
        .values({ sag_id: sagId, part_id: partId, dokument_id: dokumentId, status: 'til_print', kanal: 'brev', begrundelse: 'Parten er fritaget for Digital Post.' })
        .returning('id')
        .executeTakeFirstOrThrow()
      return u.id
    })
  }

  it('when letters are printed one-sided, then each letter follows its address sheet, which names recipient, address, case, letter and page count', async () => {
    const { sagId, sagsnummer, lejerId, sbAgent } = await setup()
    const kort = await brevIKoe(sagId, lejerId, 'Anmodning om oplysninger', 1)
    const langt = await brevIKoe(sagId, lejerId, 'Partshøring om varmeregnskab', 2)

    const res = await sbAgent.post('/sagsbehandling/udskrivning/samlet.pdf', { id: [kort, langt], udskrivning: 'enkeltsidet' })
    expect(res.statusCode).toBe(200)
    const pdf = res.rawPayload
    await writeFile('/tmp/adresseark-enkeltsidet.pdf', pdf)
    const sider = await pageTexts(pdf)
    expect(sider).toHaveLength(1 + 1 + 1 + 2)

    const [ark1, brev1, ark2, brev2a, brev2b] = sider
    for (const ark of [ark1, ark2]) {
      expect(ark).toContain('Søren Østergård Ærø')
      expect(ark).toContain('Åboulevard 7, 3. tv.')
      expect(ark).toContain('2200 København N')
      expect(ark).toContain(sagsnummer)
      expect(ark).toContain('Rådhuspladsen 1')
    }
    expect(ark1).toContain('Anmodning om oplysninger')
    expect(ark1).toContain('Brevet har 1 side')
    expect(ark2).toContain('Partshøring om varmeregnskab')
    expect(ark2).toContain('Brevet har 2 sider')
    expect(brev1).toContain('Anmodning om oplysninger, side 1.')
    expect(brev2a).toContain('Partshøring om varmeregnskab, side 1.')
    expect(brev2b).toContain('Partshøring om varmeregnskab, side 2.')
    for (const ark of [ark1, ark2]) expect(ark).not.toContain(ADRESSE_MANGLER)

    // The recipient is inside the envelope window; the case and page count are not.
    const stykker = await tekststykker(pdf, 1)
    for (const linje of ['Søren Østergård Ærø', 'Åboulevard 7, 3. tv.', '2200 København N']) {
      const t = stykker.find((s) => s.str.includes(linje))
      expect(t, linje).toBeDefined()
      expect(iVinduet(t!), `${linje} at ${JSON.stringify(t)}`).toBe(true)
    }
    // The return address is the small line above the recipient, also in the window.
    const retur = stykker.find((s) => s.str.includes('Rådhuspladsen 1') && s.str.includes('1599 København V'))!
    expect(iVinduet(retur)).toBe(true)
    expect(retur.bund).toBeLessThan(stykker.find((s) => s.str.includes('Søren Østergård Ærø'))!.top)
    expect(stykker.filter((s) => s.str.includes(sagsnummer)).some(iVinduet)).toBe(false)
    expect(iVinduet(stykker.find((s) => s.str.includes('Brevet har 1 side'))!)).toBe(false)
  })

  it('when letters are printed on both sides, then blank backs make every sheet and every letter start on a front page', async () => {
    const { sagId, lejerId, sbAgent } = await setup()
    const en = await brevIKoe(sagId, lejerId, 'Et brev på en side', 1)
    const to = await brevIKoe(sagId, lejerId, 'Et brev på to sider', 2)
    const tre = await brevIKoe(sagId, lejerId, 'Et brev på tre sider', 3)

    const res = await sbAgent.post('/sagsbehandling/udskrivning/samlet.pdf', { id: [en, to, tre], udskrivning: 'dobbeltsidet' })
    expect(res.statusCode).toBe(200)
    await writeFile('/tmp/adresseark-dobbeltsidet.pdf', res.rawPayload)
    const sider = await pageTexts(res.rawPayload)
    // Sheet + blank, then the letter, padded to an even number of pages.
    expect(sider).toHaveLength(2 + 2 + (2 + 2) + (2 + 4))
    const start = (tekst: string) => sider.findIndex((s) => s.includes(tekst)) + 1
    const arkStarter = sider.flatMap((s, i) => (s.includes('Følgeside til brev') ? [i + 1] : []))
    expect(arkStarter).toEqual([1, 5, 9])
    for (const titel of ['Et brev på en side', 'Et brev på to sider', 'Et brev på tre sider']) expect(start(`${titel}, side 1.`) % 2).toBe(1)
    expect([start('Et brev på en side, side 1.'), start('Et brev på to sider, side 1.'), start('Et brev på tre sider, side 1.')]).toEqual([3, 7, 11])
    // The backs are blank.
    for (const blank of [2, 4, 6, 10, 14]) expect(sider[blank - 1]!.trim(), `page ${blank}`).toBe('')
  })

  it('when nothing is chosen, then the letters print one-sided, without blank pages', async () => {
    const { sagId, lejerId, sbAgent } = await setup()
    const id = await brevIKoe(sagId, lejerId, 'Et brev uden valg', 1)
    const page = await sbAgent.get('/sagsbehandling/udskrivning')
    expect(page.body).toMatch(/<input class="form-radio radio-large" type="radio" id="udskrivning-enkeltsidet" name="udskrivning" value="enkeltsidet" checked>/)
    expect(page.body).toContain('value="dobbeltsidet"')
    const res = await sbAgent.post('/sagsbehandling/udskrivning/samlet.pdf', { id: [id] })
    expect(await pageTexts(res.rawPayload)).toHaveLength(2)
  })

  it('when the recipient has no postal address, then the sheet says so in the window and the queue warns about the row', async () => {
    const { sagId, udlejerId, lejerId, sbAgent } = await setup()
    await w.db.updateTable('parter').set({ navn: 'Ejendomsselskabet Åbo ApS', adresse: null, postnr: null, by: null }).where('id', '=', udlejerId).execute()
    const uden = await brevIKoe(sagId, udlejerId, 'Brev til udlejer', 1)
    const med = await brevIKoe(sagId, lejerId, 'Brev til lejer', 1)

    const koe = await sbAgent.get('/sagsbehandling/udskrivning')
    expect(koe.body).toContain('Et brev mangler en adresse')
    const raekke = (id: string) => koe.body.slice(koe.body.indexOf(`value="${id}"`), koe.body.indexOf('</tr>', koe.body.indexOf(`value="${id}"`)))
    expect(raekke(uden)).toContain('Adresse mangler')
    expect(raekke(med)).not.toContain('Adresse mangler')
    expect(raekke(med)).toContain('Åboulevard 7, 3. tv., 2200 København N')

    const res = await sbAgent.post('/sagsbehandling/udskrivning/samlet.pdf', { id: [uden] })
    expect(res.statusCode).toBe(200)
    await writeFile('/tmp/adresseark-uden-adresse.pdf', res.rawPayload)
    const [ark] = await pageTexts(res.rawPayload)
    expect(ark).toContain('Ejendomsselskabet Åbo ApS')
    const stykker = await tekststykker(res.rawPayload, 1)
    const advarsel = stykker.filter((s) => iVinduet(s)).map((s) => s.str).join(' ')
    expect(advarsel).toContain('Adresse mangler')
    expect(advarsel).toContain('find adressen før afsendelse')
  })
})
