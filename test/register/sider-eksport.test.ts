// The registers' bulk exports and the pages over a larger register: a few thousand rows
// written straight into the public tables (as a bulk import would), exported by keyset
// batches into a chunked response; CSV in the Danish dialect; the search's pages and
// their links; the rent statistics' quartiles.
import type { AddressInfo } from 'node:net'
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { seedAfgoerelse, seedHusleje } from './api-seed.js'
import { afgoerelseBatches } from '../../server/modules/register/eksport.repository.js'

const ANTAL = 3000

describe('the open-data exports and a larger register', () => {
  const w = useWorld()
  let base = ''

  beforeAll(async () => {
    // Bulk rows: one board, a case area of their own, a rent each (no PDF: bulk imports have none).
    await sql`
      INSERT INTO register_afgoerelser (naevn_navn, naevn_type, kommunekode, kommunenavn, date_of_decision, reason_for_closing, in_favour,
        subjects, subject_labels, statutories, statute_keys, titel, tekst)
      SELECT 'Masseimportnævnet', 'RENT_BOARD', 751, 'Aarhus', date '2020-01-01' + (i % 1500), 'IN_FAVOUR', 'TENANT',
        ARRAY['masseimport'], ARRAY['Masseimport'], '[]'::jsonb, ARRAY[]::text[], 'Masseimport nr. ' || i,
        'Afgørelse nr. ' || i || ' om vedligeholdelse. ' || repeat('Nævnet har lagt vægt på lejekontrakten. ', 20)
      FROM generate_series(1, ${ANTAL}) AS i`.execute(w.db)
    await sql`
      INSERT INTO register_huslejer (register_afgoerelse_id, vejnavn, husnummer, postnr, postnavn, kommunekode, kommunenavn, method, category, amount, gross_area, kr_per_m2_aar, adresse_tekst, date_of_determination)
      SELECT id, 'Masseimportvej', (id % 200)::text, '8000', 'Aarhus C', 751, 'Aarhus', 'BASED_ON_EXPENSES', 'MONTHLY_RENT', 6000, 80, 900, 'Masseimportvej ' || (id % 200) || ', 8000 Aarhus C', date '2020-01-01'
      FROM register_afgoerelser WHERE naevn_navn = 'Masseimportnævnet'`.execute(w.db)
    // Withdrawn rows are in no export.
    for (let i = 0; i < 3; i++) await seedAfgoerelse(w.db, { status: 'trukket_tilbage', status_begrundelse: 'Trukket tilbage i testen.', tekst: 'Tilbagetrukket tekst om loftsrummet.' })
    await w.app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(w.app.server.address() as AddressInfo).port}`
  }, 60_000)

  async function publicerede(): Promise<number> {
    const r = await w.db.selectFrom('register_afgoerelser').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'publiceret').executeTakeFirstOrThrow()
    return Number(r.n)
  }

  it('when the decisions are exported, then the repository reads them in batches of 1,000 by keyset and the route streams every published row, chunked', async () => {
    const stoerrelser: number[] = []
    let sidste = 0
    for await (const batch of afgoerelseBatches(w.db, 1000)) {
      stoerrelser.push(batch.length)
      expect(batch[0]!.id).toBeGreaterThan(sidste)
      sidste = batch[batch.length - 1]!.id
    }
    const n = await publicerede()
    expect(stoerrelser.slice(0, 3)).toEqual([1000, 1000, 1000])
    expect(stoerrelser.reduce((a, b) => a + b, 0)).toBe(n)

    const res = await fetch(`${base}/data/afgoerelser.ndjson`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8')
    expect(res.headers.get('transfer-encoding')).toBe('chunked')
    expect(res.headers.get('content-length')).toBeNull()
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="afgoerelser.ndjson"')
    // Read it as a stream: several chunks arrive, the rows add up.
    let chunks = 0
    let tekst = ''
    const reader = res.body!.getReader()
    const dekoder = new TextDecoder()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks++
      tekst += dekoder.decode(value, { stream: true })
    }
    expect(chunks).toBeGreaterThan(3)
    const linjer = tekst.split('\n').filter(Boolean)
    expect(linjer).toHaveLength(n)
    const foerste = JSON.parse(linjer[0]!) as Record<string, unknown>
    expect(Object.keys(foerste)).toEqual(expect.arrayContaining(['id', 'url', 'pdfUrl', 'decisiveBoard', 'municipalityCode', 'municipalityName', 'dateOfDecision', 'reasonForClosing', 'inFavour', 'statutories', 'subjects', 'tekst']))
    expect(foerste.url).toBe(`${w.config.publicUrl}/afgoerelser/${foerste.id}`)
    expect(tekst).not.toContain('loftsrummet')
    expect(tekst).not.toContain('"status"')
  })

  it('when the decisions are exported as CSV, then it is UTF-8 with BOM, semicolons and quoted text, one line per published row', async () => {
    const { id } = await seedAfgoerelse(w.db, { tekst: 'Første linje; med semikolon og "citat".\nAnden linje.', titel: '=Formel i titlen' })
    const res = await fetch(`${base}/data/afgoerelser.csv`)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const tekst = bytes.toString('utf8').slice(1)
    expect(tekst.startsWith('id;url;pdfUrl;titel;naevnId;naevnNavn;decisiveBoard;municipalityCode;municipalityName;dateOfFiling;dateOfDecision;reasonForClosing;inFavour;')).toBe(true)
    // Every record starts at a line beginning with its id and the URL; quoted newlines do not.
    const poster = tekst.split('\r\n').filter((l) => /^\d+;http/.test(l))
    expect(poster).toHaveLength(await publicerede())
    const linje = tekst.slice(tekst.indexOf(`\r\n${id};`) + 2)
    expect(linje).toContain(`;'=Formel i titlen;`)
    expect(linje).toContain('"Første linje; med semikolon og ""citat"".\nAnden linje."')
  })

  it('when the rents are exported, then every published rent is there with numbers as numbers (NDJSON) and decimal commas (CSV)', async () => {
    const r = await seedHusleje(w.db, null, { vejnavn: 'Decimalvej', amount: '1234.5' })
    const nd = await (await fetch(`${base}/data/huslejeregister.ndjson`)).text()
    const linjer = nd.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>)
    const antal = await w.db.selectFrom('register_huslejer').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'publiceret').executeTakeFirstOrThrow()
    expect(linjer).toHaveLength(Number(antal.n))
    expect(linjer.find((l) => l.id === r)).toMatchObject({ street: 'Decimalvej', houseNumber: '12', postalCode: '1165', municipalityCode: 101, amount: 1234.5, grossArea: 72, rentPerSquareMeterPerYear: 1250, method: 'BASED_ON_COMPARABLE_RENTS', afgoerelseId: null })
    const csv = await (await fetch(`${base}/data/huslejeregister.csv`)).text()
    // (fetch's text() drops the byte-order mark; the CSV test above checks the bytes.)
    expect(csv.split('\r\n')[0]).toBe('id;afgoerelseId;afgoerelseUrl;adresse;street;houseNumber;floor;door;postalCode;postalDistrict;municipalityCode;municipalityName;method;declaration;category;amount;grossArea;dateOfDetermination;rentPerSquareMeterPerYear')
    expect(csv).toContain(`\r\n${r};;;Decimalvej 12, 1165 København K;Decimalvej;12;;;1165;København K;101;København;BASED_ON_COMPARABLE_RENTS;TENANCY_SPECIFIC_RENT;MONTHLY_RENT;1234,5;72;2025-05-01;1250\r\n`)
  })

  it('when a search has many pages, then each page link repeats the filters, and the pages follow one another without overlap', async () => {
    const res = await w.app.inject('/afgoerelser?emne=masseimport&sortering=dato')
    expect(res.statusCode).toBe(200)
    // soeg() may estimate a large total; the page then says "ca.".
    expect(res.body).toMatch(/<strong>(ca\. )?3\.\d{3} afgørelser<\/strong>/)
    const sider = Number(/Side 1 af (\d+)/.exec(res.body)?.[1])
    expect(sider).toBeGreaterThanOrEqual(150)
    const body = res.body.replace(/&#x3D;/g, '=')
    expect(body).toContain('href="/afgoerelser?emne=masseimport&amp;sortering=dato&amp;side=2"')
    expect(body).toContain(`href="/afgoerelser?emne=masseimport&amp;sortering=dato&amp;side=${sider}"`)
    const ids = (html: string) => [...html.matchAll(/<h2 class="h4"><a href="\/afgoerelser\/(\d+)">/g)].map((m) => Number(m[1]))
    const side1 = ids(res.body)
    const side2 = ids((await w.app.inject('/afgoerelser?emne=masseimport&sortering=dato&side=2')).body)
    expect(side1).toHaveLength(20)
    expect(side2).toHaveLength(20)
    expect(side1.filter((i) => side2.includes(i))).toEqual([])
    // The same URL gives the same page.
    expect(ids((await w.app.inject('/afgoerelser?emne=masseimport&sortering=dato&side=2')).body)).toEqual(side2)
  })

  it('when the rent register is filtered to a municipality, then the quartiles and median per postal code and method are computed by percentile_cont', async () => {
    for (const [kr, postnr] of [[1000, '2000'], [1200, '2000'], [1400, '2000'], [1600, '2000']] as const) {
      const id = await seedHusleje(w.db, null, { vejnavn: 'Kvartilvej', postnr, postnavn: 'Frederiksberg', kommunekode: 147, method: 'BASED_ON_FREE_MARKET_PRICE' })
      await w.db.updateTable('register_huslejer').set({ kr_per_m2_aar: String(kr), kommunenavn: 'Frederiksberg' }).where('id', '=', id).execute()
    }
    const res = await w.app.inject('/huslejeregister?kommunekode=147')
    expect(res.statusCode).toBe(200)
    const raekke = '<tr><td>Frederiksberg</td><td>Markedsleje</td><td class="tal">4</td><td class="tal">1.150 kr.</td><td class="tal">1.300 kr.</td><td class="tal">1.450 kr.</td></tr>'
    expect(res.body).toContain(raekke)
    expect(res.body).toContain('<tr><td>2000 Frederiksberg</td><td>Markedsleje</td><td class="tal">4</td><td class="tal">1.150 kr.</td>')
    expect(res.body).toContain('Frederiksberg, Markedsleje: median 1.300 kr., midterste halvdel 1.150–1.450 kr. (4 afgørelser)')
    // The whole country: per municipality, and no table per postal code until narrowed.
    const alle = await w.app.inject('/huslejeregister')
    expect(alle.body).toContain('<tr><td>Aarhus</td><td>Omkostningsbestemt husleje</td><td class="tal">3.000</td>')
    expect(alle.body).toContain('Vælg en kommune, et postnummer eller en adresse for at se statistikken pr. postnummer.')
    expect(alle.body).toContain('Side 1 af 61')
  })
})
