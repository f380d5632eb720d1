import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createNaevn, createUser } from '../helpers/factories.js'
import { pageTexts } from '../documents/pdfjs.js'
import { createCprCipher } from '../../server/kerne/identitet/cpr-crypto.js'
import { crc32, createZip } from '../../server/modules/gdpr/zip.js'
import { lavFuldSag, type FuldSag } from './fixtures.js'

/** Reads a ZIP by its central directory, checking each entry's CRC-32. */
function laesZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  expect(eocd).toBeGreaterThan(-1)
  const antal = zip.readUInt16LE(eocd + 10)
  let p = zip.readUInt32LE(eocd + 16)
  const filer = new Map<string, Buffer>()
  for (let i = 0; i < antal; i++) {
    expect(zip.readUInt32LE(p)).toBe(0x02014b50)
    const metode = zip.readUInt16LE(p + 10)
    const crc = zip.readUInt32LE(p + 16)
    const komprimeret = zip.readUInt32LE(p + 20)
    const navnLaengde = zip.readUInt16LE(p + 28)
    const ekstra = zip.readUInt16LE(p + 30)
    const kommentar = zip.readUInt16LE(p + 32)
    const lokal = zip.readUInt32LE(p + 42)
    const navn = zip.subarray(p + 46, p + 46 + navnLaengde).toString('utf8')
    const data = zip.subarray(lokal + 30 + zip.readUInt16LE(lokal + 26) + zip.readUInt16LE(lokal + 28), lokal + 30 + zip.readUInt16LE(lokal + 26) + zip.readUInt16LE(lokal + 28) + komprimeret)
    const indhold = metode === 8 ? inflateRawSync(data) : Buffer.from(data)
    expect(crc32(indhold), navn).toBe(crc)
    filer.set(navn, indhold)
    p += 46 + navnLaengde + ekstra + kommentar
  }
  return filer
}

const w = useWorld()

describe('access requests (indsigt)', () => {
  let naevn1: { id: string }
  let naevn2: { id: string }
  let sb1: Awaited<ReturnType<typeof createUser>>
  let sb2: Awaited<ReturnType<typeof createUser>>
  let egen: FuldSag
  let andetNaevn: FuldSag
  let anden: FuldSag
  const cprNr = '1506781234'

  beforeAll(async () => {
    const cpr = createCprCipher(w.config.cprEncryptionKey)
    naevn1 = await createNaevn(w.db)
    naevn2 = await createNaevn(w.db)
    sb1 = await createUser(w.db, { medlemskaber: [{ naevnId: naevn1.id, rolle: 'sagsbehandler' }] })
    sb2 = await createUser(w.db, { medlemskaber: [{ naevnId: naevn2.id, rolle: 'sagsbehandler' }] })
    egen = await lavFuldSag(w.db, cpr, { naevnId: naevn1.id, status: 'afsluttet', lukketForDage: 30, cpr: cprNr, publicering: 'publiceret' })
    // The same person (same CPR) on another board: never part of board 1's extract.
    andetNaevn = await lavFuldSag(w.db, cpr, { naevnId: naevn2.id, status: 'under_behandling', lukketForDage: 10, cpr: cprNr, navn: 'Samme Person Andetsteds' })
    // Someone else on board 1.
    anden = await lavFuldSag(w.db, cpr, { naevnId: naevn1.id, status: 'under_behandling', lukketForDage: 10, cpr: '0303701111', navn: 'Helt Anden Person' })
  })

  async function som(u: { email: string; password: string }): Promise<Agent> {
    const a = new Agent(w.app)
    expect((await a.login(u.email, u.password)).statusCode).toBe(303)
    await a.get('/sagsbehandling/indsigt')
    return a
  }

  async function anmod(a: Agent, form: Record<string, string>): Promise<string> {
    const res = await a.post('/sagsbehandling/indsigt', form)
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303)
    return /\/sagsbehandling\/indsigt\/([0-9a-f-]{36})$/.exec(res.headers.location as string)![1]!
  }

  it('when a caseworker asks by CPR, then the ZIP holds all and only that person’s data on that board, and its PDF index lists every file', async () => {
    const a = await som(sb1)
    const id = await anmod(a, { naevn: naevn1.id, type: 'cpr', vaerdi: '150678-1234' })

    const side = await a.get(`/sagsbehandling/indsigt/${id}`)
    expect(side.statusCode).toBe(200)
    expect(side.body).toContain(egen.sagsnummer)
    expect(side.body).not.toContain(andetNaevn.sagsnummer)
    expect(side.body).not.toContain(anden.sagsnummer)

    const res = await a.get(`/sagsbehandling/indsigt/${id}/zip`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/zip')
    expect(res.headers['content-disposition']).toMatch(/^attachment;/)
    const filer = laesZip(res.rawPayload)
    const dokumenter = [...filer.keys()].filter((n) => n.startsWith('sager/')).sort()
    // Their own upload and the document shared with all parties; not the internal one, not the other party's.
    expect(dokumenter).toEqual([`sager/${egen.sagsnummer}/001-mit bilag.txt`, `sager/${egen.sagsnummer}/002-afgoerelse.pdf`])
    expect([...filer.keys()].sort()).toEqual(['indeks.pdf', 'oplysninger.json', ...dokumenter].sort())
    expect(filer.get(dokumenter[0]!)!.toString()).toContain(egen.navn)

    const json = filer.get('oplysninger.json')!.toString('utf8')
    const data = JSON.parse(json) as { sager: { sagsnummer: string; parter: { navn: string; cpr: string | null }[]; beskeder: unknown[]; hoeringssvar: unknown[]; mails: unknown[]; udsendelser: unknown[]; journal: { handling: string }[] }[] }
    expect(data.sager.map((s) => s.sagsnummer)).toEqual([egen.sagsnummer])
    expect(data.sager[0]!.parter).toEqual([expect.objectContaining({ navn: egen.navn, cpr: cprNr })])
    expect(data.sager[0]!.beskeder).toHaveLength(1)
    expect(data.sager[0]!.hoeringssvar).toHaveLength(1)
    expect(data.sager[0]!.mails).toHaveLength(1)
    expect(data.sager[0]!.udsendelser).toHaveLength(1)
    expect(data.sager[0]!.journal.map((j) => j.handling)).not.toContain('sag_aabnet')
    for (const fremmed of ['Udlejer Uffe', 'Helt Anden Person', 'Samme Person Andetsteds', andetNaevn.sagsnummer, 'Intern vurdering', 'Notat om', 'internt notat']) {
      expect(json, fremmed).not.toContain(fremmed)
    }

    const indeks = (await pageTexts(filer.get('indeks.pdf')!)).join(' ').replace(/\s+/g, '')
    expect(indeks).toContain('Indsigtipersonoplysninger')
    for (const navn of filer.keys()) expect(indeks, navn).toContain(navn.replace(/\s+/g, ''))
    // The case history reads as words from the journal's catalogue, the status as the case page has it.
    expect(indeks).toContain('Status:Modtagetafnævnet')
    expect(indeks).toContain(`Status:${'Afsluttet'}`)
    expect(indeks).not.toMatch(/\b[a-z]+_[a-z_]+\b/)

    // The request is logged without the CPR number, and noted on the case.
    const log = await w.db.selectFrom('indsigtsanmodninger').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(log).toMatchObject({ naevn_id: naevn1.id, soegetype: 'cpr', sag_ids: [egen.sagId], oprettet_af: sb1.id, hentet_af: sb1.id })
    expect(JSON.stringify(log)).not.toContain(cprNr)
    expect(JSON.stringify(log)).not.toContain('150678')
    const journal = await w.db.selectFrom('journal').select(['handling', 'detaljer']).where('sag_id', '=', egen.sagId).where('handling', '=', 'indsigt_udarbejdet').execute()
    expect(journal).toHaveLength(1)
    expect(JSON.stringify(journal)).not.toContain(cprNr)
  })

  it('when the ZIP is listed by unzip, then every file is there (a standard reader accepts it)', async () => {
    const zip = createZip([
      { name: 'a.txt', data: Buffer.from('hej '.repeat(100)) },
      { name: 'mappe/æøå.pdf', data: Buffer.from([1, 2, 3]) },
      { name: '../../etc/passwd', data: Buffer.from('x') },
    ])
    const dir = mkdtempSync(path.join(tmpdir(), 'naevn-zip-'))
    try {
      writeFileSync(path.join(dir, 't.zip'), zip)
      let liste: string
      try {
        liste = execFileSync('unzip', ['-Z1', path.join(dir, 't.zip')], { encoding: 'utf8' })
      } catch {
        return // no unzip on this machine; laesZip above checks the format
      }
      expect(liste.trim().split('\n').sort()).toEqual(['a.txt', 'etc/passwd', 'mappe/æøå.pdf'])
      execFileSync('unzip', ['-tq', path.join(dir, 't.zip')])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('when asked by e-mail, then the same person’s case is found', async () => {
    const a = await som(sb1)
    const id = await anmod(a, { naevn: naevn1.id, type: 'email', vaerdi: egen.email.toUpperCase() })
    const log = await w.db.selectFrom('indsigtsanmodninger').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(log.sag_ids).toEqual([egen.sagId])
    expect(log.soegenoegle).not.toBe(egen.email)
  })

  it('when another board’s caseworker opens the request or its ZIP, or searches that board, then it is 404', async () => {
    const a = await som(sb1)
    const id = await anmod(a, { naevn: naevn1.id, type: 'cpr', vaerdi: cprNr })
    const b = await som(sb2)
    expect((await b.get(`/sagsbehandling/indsigt/${id}`)).statusCode).toBe(404)
    expect((await b.get(`/sagsbehandling/indsigt/${id}/zip`)).statusCode).toBe(404)
    expect((await b.post('/sagsbehandling/indsigt', { naevn: naevn1.id, type: 'cpr', vaerdi: cprNr })).statusCode).toBe(404)
    const liste = await b.get('/sagsbehandling/indsigt')
    expect(liste.body).not.toContain(id)
    // Their own board's extract for the same CPR holds only their board's case.
    const id2 = await anmod(b, { naevn: naevn2.id, type: 'cpr', vaerdi: cprNr })
    const filer = laesZip((await b.get(`/sagsbehandling/indsigt/${id2}/zip`)).rawPayload)
    const json = filer.get('oplysninger.json')!.toString('utf8')
    expect(json).toContain(andetNaevn.sagsnummer)
    expect(json).not.toContain(egen.sagsnummer)
  })

  it('when the CPR number is malformed, then the form says so and does not echo it', async () => {
    const a = await som(sb1)
    const res = await a.post('/sagsbehandling/indsigt', { naevn: naevn1.id, type: 'cpr', vaerdi: '3213-99' })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('CPR-nummeret')
    expect(res.body).not.toContain('3213-99')
  })
})
