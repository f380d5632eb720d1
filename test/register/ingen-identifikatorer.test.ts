// A decision whose text holds every identifier format the anonymization policy masks (issue
// 17), published through the real path (final decision → anonymization in the worker →
// approval → publication in the worker), and every public route read back: the decision page,
// its PDF, the GraphQL API, the national decision document, the open API and the bulk exports.
// None of the identifiers may reach any of them.
import { describe, expect, it } from 'vitest'
import { pdfText } from '../documents/pdfjs.js'
import { publiceretSag, sagsbehandling } from '../helpers/afgoerelse.js'
import { useWorkers } from '../helpers/workers.js'
import { useWorld } from '../helpers/world.js'

const tekst = [
  'Sagsnr. 101-99871. Udlejer er Rent & Pænt Silkeborg v/ Dorthe Madsen, CVR-nr. 35125408, e-mail dorthe@rentogpaent.dk, tlf. +299 32 12 34 og +46 70 123 45 67,',
  'administrator Ådalsvej 9 ApS, tømrer Hansen & Søn. Lejer (cpr-nr. 120785-1234, også skrevet 1207851234 og 12.07.85-1234, tlf. 28 14 55 90) bor på',
  'Ådalsvej 9, 2. tv., 8700 Horsens, matr.nr. 12ab Horsens Bygrunde, og har tidligere boet på Jagtvej. Bilen har nummerpladen AB 12 345.',
  'Depositum tilbagebetales til 6812-0004417252, 9570 0016893204, 9541 - 4410 227 318, reg.nr. 3409 kontonr. 11223344 eller IBAN DK42 0400 4017 5238 96.',
  'Sagen har været for Boligretten i Horsens, BS-12345/2023-OLR, og for Ombudsmanden, FOB 2019-12; udlejers j.nr. 561-2023-1177. Kommuneqarfik Sermersooq er hørt.',
].join(' ')

/** What must never be public, each as written in the text. */
const IDENTIFIKATORER = [
  '101-99871', 'Pænt Silkeborg', 'Dorthe Madsen', 'Madsen', '35125408', 'dorthe@rentogpaent.dk', '32 12 34', '70 123 45 67', 'Ådalsvej', 'Hansen & Søn',
  '120785-1234', '1207851234', '12.07.85-1234', '28 14 55 90', '8700 Horsens', '12ab', 'Horsens Bygrunde', 'Jagtvej', 'AB 12 345', '6812-0004417252',
  '0004417252', '9570 0016893204', '0016893204', '4410 227 318', '11223344', 'DK42 0400 4017 5238 96', '4017 5238', 'BS-12345', 'FOB 2019-12',
  '561-2023-1177', 'Lise Lejer',
]

const norm = (s: string) => s.replace(/&amp;/g, '&').replace(/\s+/g, ' ')

function ingenAf(kilde: string, indhold: string) {
  const fundet = IDENTIFIKATORER.filter((id) => norm(indhold).includes(id))
  expect({ kilde, fundet }).toEqual({ kilde, fundet: [] })
}

describe('no identifier reaches a public route', () => {
  const w = useWorld()
  useWorkers(w)

  it('when a decision holding every format the policy masks is published, then the page, PDF, GraphQL, decision document, open API and exports hold none of them', async () => {
    const s = await sagsbehandling(w)
    const { id } = await publiceretSag(w, s, { afgoerelse_tekst: tekst })

    const kopi = await w.db.selectFrom('register_afgoerelser').select(['tekst']).where('id', '=', id).executeTakeFirstOrThrow()
    ingenAf('den offentlige kopi', kopi.tekst ?? '')
    // Public authorities stay.
    expect(kopi.tekst).toContain('Kommuneqarfik Sermersooq')
    expect(kopi.tekst).toContain('Ombudsmanden')

    const side = await w.app.inject(`/afgoerelser/${id}`)
    expect(side.statusCode).toBe(200)
    ingenAf('afgørelsessiden', side.body)

    const pdf = await w.app.inject(`/afgoerelser/${id}.pdf`)
    expect(pdf.statusCode).toBe(200)
    ingenAf('PDF-filen', await pdfText(pdf.rawPayload))

    const felter = `id serialNumber caseIdentifier title url municipalityName boardName decisionDocumentId subjects { name } statutories { lawText sectionText } document { url fileName }`
    const gql = await w.app.inject({ method: 'POST', url: '/graphql', payload: { query: `{ decision(id: ${id}) { ${felter} } decisions { ${felter} } }` } })
    expect(gql.statusCode).toBe(200)
    ingenAf('GraphQL', gql.body)
    const guid = (JSON.parse(gql.body) as { data: { decision: { decisionDocumentId: string } } }).data.decision.decisionDocumentId

    const dokument = await w.app.inject(`/api/decisiondocument/${guid}`)
    expect(dokument.statusCode).toBe(200)
    ingenAf('beslutningsdokumentet', await pdfText(dokument.rawPayload))

    for (const url of [`/api/v1/register/afgoerelser/${id}`, '/api/v1/register/afgoerelser', '/data/afgoerelser.csv', '/data/afgoerelser.ndjson', '/data/huslejeregister.csv', '/data/huslejeregister.ndjson', '/huslejeregister']) {
      const res = await w.app.inject(url)
      expect({ url, status: res.statusCode }).toEqual({ url, status: 200 })
      ingenAf(url, res.body)
    }
  })
})
