// Digital Post: the MeMo message against its schema, and both transports for real — a
// directory on disk and a local HTTP gateway that fails before it accepts.
import { createHash, randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { create } from 'xmlbuilder2'
import { byggMemo, MEMO_NAMESPACE, MemoFejl, nyMessageUUID, validerMemo, type MemoInput } from '../../server/kerne/forsendelse/memo.js'
import { DigitalPostLeveringFejl, httpTransport, lavTransport, mappeTransport, type DigitalPostTransport } from '../../server/kerne/forsendelse/transport.js'
import { minimalPdf } from '../helpers/multipart.js'
import { startGateway, type TestGateway } from '../helpers/gateway.js'

// A PDF whose bytes cover every value 0–255 plus random noise, so any text handling
// of the binary along the way would show.
function testPdf(): Buffer {
  const alleBytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i))
  return Buffer.concat([minimalPdf, Buffer.from('%binær\n'), alleBytes, randomBytes(4096)])
}

const cpr = '0101901234'

function memoInput(o: Partial<MemoInput> = {}): MemoInput {
  return {
    messageUUID: nyMessageUUID(),
    label: 'Partshøring i sag HLN-2025-0042',
    afsender: { senderId: '29189846', idType: 'CVR', label: 'Huslejenævnet i København' },
    modtager: { id: cpr, idType: 'CPR', label: 'Lise Lejer' },
    juridiskVirkning: false,
    sagsnummer: 'HLN-2025-0042',
    oprettet: new Date('2025-03-04T09:15:00Z'),
    hovedDokument: { filnavn: 'partshoering.pdf', data: testPdf(), sprog: 'da' },
    ...o,
  }
}

/** The part of the DOM (xmlbuilder2 parses into one) these tests read. */
interface DomElement {
  namespaceURI: string | null
  localName: string
  textContent: string | null
  getAttribute(name: string): string | null
  getElementsByTagNameNS(ns: string, name: string): ArrayLike<DomElement>
}

/** The message parsed, to read it the way a receiving system would. */
function memo(xml: string) {
  const root = create(xml).root().node as unknown as DomElement
  const alle = (name: string) => Array.from(root.getElementsByTagNameNS(MEMO_NAMESPACE, name))
  const tekst = (name: string) => alle(name).map((e) => e.textContent ?? '')
  return { root, alle, tekst }
}

describe('MeMo message', () => {
  it('when a hearing letter is built, then it validates against the schema and says who, what and which case', async () => {
    const input = memoInput({ juridiskVirkning: true, svarFrist: new Date('2025-03-25T22:59:59Z') })
    const xml = byggMemo(input)

    expect(await validerMemo(xml)).toEqual({ ok: true })
    const m = memo(xml)
    expect(m.root.namespaceURI).toBe(MEMO_NAMESPACE)
    expect(m.root.localName).toBe('Message')
    expect(m.root.getAttribute('memoVersion')).toBe('1.2')
    expect(m.tekst('messageType')).toEqual(['DIGITALPOST'])
    expect(m.tekst('messageUUID')).toEqual([input.messageUUID])
    expect(m.tekst('senderID')).toEqual(['29189846'])
    expect(m.tekst('recipientID')).toEqual([cpr])
    expect(m.tekst('idType')).toEqual(['CVR', 'CPR'])
    expect(m.tekst('caseID')).toEqual(['HLN-2025-0042'])
    expect(m.tekst('createdDateTime')).toEqual(['2025-03-04T09:15:00Z'])
  })

  it('when the PDF is carried as MainDocument, then decoding its base64 content gives the PDF byte for byte', async () => {
    const pdf = testPdf()
    const bilag = testPdf()
    const xml = byggMemo(memoInput({ hovedDokument: { filnavn: 'afgoerelse.pdf', data: pdf, sprog: 'da' }, bilag: [{ filnavn: 'klagevejledning.pdf', data: bilag, sprog: 'da' }] }))
    expect(await validerMemo(xml)).toEqual({ ok: true })

    const m = memo(xml)
    const [main] = m.alle('MainDocument')
    const content = main!.getElementsByTagNameNS(MEMO_NAMESPACE, 'content')[0]!.textContent!
    expect(Buffer.from(content, 'base64').equals(pdf)).toBe(true)
    expect(main!.getElementsByTagNameNS(MEMO_NAMESPACE, 'encodingFormat')[0]!.textContent).toBe('application/pdf')
    expect(main!.getElementsByTagNameNS(MEMO_NAMESPACE, 'filename')[0]!.textContent).toBe('afgoerelse.pdf')
    const [extra] = m.alle('AdditionalDocument')
    expect(Buffer.from(extra!.getElementsByTagNameNS(MEMO_NAMESPACE, 'content')[0]!.textContent!, 'base64').equals(bilag)).toBe(true)
  })

  it('when the PDF is larger than libxml2\'s default 10 MB text limit, then the message still validates and carries it whole', async () => {
    const pdf = Buffer.concat([testPdf(), randomBytes(8 * 1024 * 1024)])
    const xml = byggMemo(memoInput({ hovedDokument: { filnavn: 'stor.pdf', data: pdf, sprog: 'da' } }))
    expect(await validerMemo(xml)).toEqual({ ok: true })
    expect(Buffer.from(memo(xml).tekst('content')[0]!, 'base64').equals(pdf)).toBe(true)
  })

  it('when a label holds characters XML cannot carry, then they are dropped and the message stays valid', async () => {
    const xml = byggMemo(memoInput({ label: 'Partsh\u0001øring\u0007', modtager: { id: cpr, idType: 'CPR', label: 'Lise\u0000 Lejer' } }))
    expect(await validerMemo(xml)).toEqual({ ok: true })
    expect(memo(xml).tekst('label')).toContain('Partshøring')
    expect(memo(xml).tekst('label')).toContain('Lise Lejer')
  })

  it('when the letter has no legal effect and asks no reply, then legalNotification, reply and replyByDateTime are absent', async () => {
    const xml = byggMemo(memoInput({ juridiskVirkning: false }))
    expect(await validerMemo(xml)).toEqual({ ok: true })
    const m = memo(xml)
    expect(m.alle('legalNotification')).toHaveLength(0)
    expect(m.alle('reply')).toHaveLength(0)
    expect(m.alle('replyByDateTime')).toHaveLength(0)
  })

  it('when the letter has legal effect and a reply deadline, then legalNotification, reply and replyByDateTime say so', () => {
    const m = memo(byggMemo(memoInput({ juridiskVirkning: true, svarFrist: new Date('2025-03-25T22:59:59.500Z') })))
    expect(m.tekst('legalNotification')).toEqual(['true'])
    expect(m.tekst('reply')).toEqual(['true'])
    expect(m.tekst('replyByDateTime')).toEqual(['2025-03-25T22:59:59Z'])

    const udenSvar = memo(byggMemo(memoInput({ juridiskVirkning: true })))
    expect(udenSvar.tekst('legalNotification')).toEqual(['true'])
    expect(udenSvar.alle('reply')).toHaveLength(0)
  })

  it('when the recipient is missing, then validation fails and names the missing element', async () => {
    const xml = byggMemo(memoInput()).replace(/<memo:Recipient>[\s\S]*?<\/memo:Recipient>/, '')
    const r = await validerMemo(xml)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.fejl.join('\n')).toMatch(/^linje \d+: .*Expected is \( memo:Recipient \)/m)
    expect(r.fejl.join('\n')).not.toContain('https://DigitalPost.dk')
  })

  it('when a CPR number has nine digits, then validation fails on recipientID without repeating the number', async () => {
    const xml = byggMemo(memoInput()).replace(`<memo:recipientID>${cpr}</memo:recipientID>`, '<memo:recipientID>010190123</memo:recipientID>')
    const r = await validerMemo(xml)
    expect(r.ok).toBe(false)
    if (r.ok) return
    const tekst = r.fejl.join('\n')
    expect(tekst).toMatch(/^linje \d+: .*memo:recipientID/m)
    expect(tekst).not.toContain('010190123')
  })

  it('when the builder gets a nine-digit CPR number, then it refuses without repeating the number', () => {
    const fejl = (() => {
      try {
        byggMemo(memoInput({ modtager: { id: '010190123', idType: 'CPR' } }))
      } catch (err) {
        return err
      }
    })()
    expect(fejl).toBeInstanceOf(MemoFejl)
    expect((fejl as MemoFejl).code).toBe('ModtagerUgyldig')
    expect((fejl as MemoFejl).message).not.toContain('010190123')
    expect(() => byggMemo(memoInput({ modtager: { id: '12345678', idType: 'CPR' } }))).toThrow(MemoFejl)
    expect(() => byggMemo(memoInput({ hovedDokument: { filnavn: 'x.pdf', data: Buffer.from('MZ not a pdf'), sprog: 'da' } }))).toThrow(/ikke en PDF/)
  })

  it('when the message is in another namespace, then validation fails at the root', async () => {
    const xml = byggMemo(memoInput()).replace(MEMO_NAMESPACE, 'https://DigitalPost.dk/MeMo-2')
    const r = await validerMemo(xml)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.fejl.join('\n')).toMatch(/No matching global declaration available for the validation root/)
  })

  it('when the XML is not even well-formed, then validation fails instead of throwing', async () => {
    const r = await validerMemo(byggMemo(memoInput()).replace('</memo:Message>', ''))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.fejl.length).toBeGreaterThan(0)
    expect(r.fejl.join('\n')).not.toContain(cpr)
  })
})

describe('directory transport', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'naevn-digitalpost-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('when the same message is sent twice, then one file <messageUUID>.xml holds the last send and the receipt names it and its sha256', async () => {
    const mappe = path.join(dir, 'ud')
    const transport = mappeTransport(mappe)
    const input = memoInput()
    const foerste = byggMemo(input)
    const anden = byggMemo({ ...input, label: 'Partshøring (gensendt)' })

    await transport.send({ messageUUID: input.messageUUID, xml: foerste })
    const { kvittering } = await transport.send({ messageUUID: input.messageUUID, xml: anden })

    expect(await readdir(mappe)).toEqual([`${input.messageUUID}.xml`])
    const fil = path.join(mappe, `${input.messageUUID}.xml`)
    const indhold = await readFile(fil)
    expect(indhold.toString('utf8')).toBe(anden)
    expect(kvittering).toBe(`${fil} sha256=${createHash('sha256').update(indhold).digest('hex')}`)

    const andenBesked = memoInput()
    await transport.send({ messageUUID: andenBesked.messageUUID, xml: byggMemo(andenBesked) })
    expect((await readdir(mappe)).sort()).toEqual([`${input.messageUUID}.xml`, `${andenBesked.messageUUID}.xml`].sort())
  })

  it('when the message id is not a UUID, then nothing is written outside or inside the directory', async () => {
    const mappe = path.join(dir, 'sikker')
    await expect(mappeTransport(mappe).send({ messageUUID: '../../etc/x', xml: '<x/>' })).rejects.toThrow(DigitalPostLeveringFejl)
    await expect(readdir(mappe)).rejects.toThrow()
  })
})

describe('HTTP transport', () => {
  // A gateway that is down twice, then accepts (test/helpers/gateway.ts).
  let gw: TestGateway
  let url: string
  beforeAll(async () => {
    gw = await startGateway()
    gw.fejlFoerst = 2
    url = gw.url
  })
  afterAll(() => gw.stop())

  /** What the BullMQ job does: up to three attempts, the same message each time. */
  async function sendMedGentagelse(transport: DigitalPostTransport, msg: { messageUUID: string; xml: string }, forsoegIalt = 3) {
    const fejl: unknown[] = []
    for (let i = 0; i < forsoegIalt; i++) {
      try {
        return { ...(await transport.send(msg)), fejl }
      } catch (err) {
        fejl.push(err)
      }
    }
    throw new AggregateError(fejl, 'alle forsøg fejlede')
  }

  it('when the gateway answers 503 twice and then accepts, then three attempts end in exactly one delivery and its receipt', async () => {
    const input = memoInput({ juridiskVirkning: true })
    const xml = byggMemo(input)
    const transport = httpTransport({ url, token: 'hemmelig-token', timeoutMs: 5000 })

    const { kvittering, fejl } = await sendMedGentagelse(transport, { messageUUID: input.messageUUID, xml })

    expect(fejl).toHaveLength(2)
    for (const f of fejl) {
      expect(f).toBeInstanceOf(DigitalPostLeveringFejl)
      expect((f as DigitalPostLeveringFejl).status).toBe(503)
      expect((f as DigitalPostLeveringFejl).midlertidig).toBe(true)
      expect((f as Error).message).toMatch(/503/)
      expect((f as Error).message).not.toContain('hemmelig-token')
    }
    expect(gw.forsoeg).toEqual([input.messageUUID, input.messageUUID, input.messageUUID])
    for (const h of gw.headers) {
      expect({ contentType: h['content-type'], authorization: h.authorization }).toEqual({ contentType: 'application/xml; charset=utf-8', authorization: 'Bearer hemmelig-token' })
    }
    expect(gw.modtaget.size).toBe(1)
    expect(gw.modtaget.get(input.messageUUID)).toBe(xml)
    expect(kvittering).toBe(`<Kvittering><id>gw-${input.messageUUID}</id></Kvittering>`)

    // A job that crashed after delivery but before recording the receipt sends again:
    // the gateway recognises the key, and there is still one delivery.
    const igen = await transport.send({ messageUUID: input.messageUUID, xml })
    expect(igen.kvittering).toBe(kvittering)
    expect(gw.modtaget.size).toBe(1)
  })

  it('when nothing listens at the URL, then the send fails as a temporary error without a status', async () => {
    const lukket = http.createServer()
    await new Promise<void>((resolve) => lukket.listen(0, '127.0.0.1', resolve))
    const port = (lukket.address() as AddressInfo).port
    await new Promise((resolve) => lukket.close(resolve))

    const input = memoInput()
    const err = await httpTransport({ url: `http://127.0.0.1:${port}/memo`, timeoutMs: 2000 })
      .send({ messageUUID: input.messageUUID, xml: byggMemo(input) })
      .then(() => null, (e: unknown) => e)
    expect(err).toBeInstanceOf(DigitalPostLeveringFejl)
    expect((err as DigitalPostLeveringFejl).status).toBeNull()
    expect((err as DigitalPostLeveringFejl).midlertidig).toBe(true)
    expect((err as Error).message).toMatch(/kunne ikke nås/)
  })
})

describe('HTTP transport without an answer', () => {
  let server: http.Server
  let url: string
  beforeAll(async () => {
    // Reads the request and never answers: a gateway that hangs.
    server = http.createServer((req) => req.resume())
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/memo`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it('when the gateway does not answer in time, then the send fails as a temporary error that names the timeout', async () => {
    const input = memoInput()
    const err = await httpTransport({ url, timeoutMs: 200 })
      .send({ messageUUID: input.messageUUID, xml: byggMemo(input) })
      .then(() => null, (e: unknown) => e)
    expect(err).toBeInstanceOf(DigitalPostLeveringFejl)
    expect((err as DigitalPostLeveringFejl).midlertidig).toBe(true)
    expect((err as Error).message).toMatch(/intet svar inden for 200 ms/)
  })
})

describe('choosing a transport', () => {
  it('when configuration names a transport, then that transport is made, and a missing directory or URL is refused', () => {
    expect(lavTransport({ type: 'mappe', mappe: os.tmpdir() }).navn).toBe('mappe')
    expect(lavTransport({ type: 'http', url: 'http://127.0.0.1:1/memo' }).navn).toBe('http')
    expect(() => lavTransport({ type: 'mappe' })).toThrow(/mappe/)
    expect(() => lavTransport({ type: 'http' })).toThrow(/URL/)
  })
})
