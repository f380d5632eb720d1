// A letter as a Digital Post message in MeMo 1.2 (DOMAIN.md, "Digital Post"), and its
// check against the schema in xsd/. The XML carries the recipient's CPR number: it
// goes to the transport and nowhere else. Nothing here logs, and no error message
// repeats a CPR number.
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { create } from 'xmlbuilder2'
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js'
import { validateXML, memoryPages } from 'xmllint-wasm'
import { projectRoot } from '../../platform/config.js'

export const MEMO_NAMESPACE = 'https://DigitalPost.dk/MeMo-1'
export const MEMO_VERSION = '1.2'
/** Shown to the recipient's case handler systems as where the case number belongs. */
export const CASE_SYSTEM = 'Nævn'

// Read from the repository root, so sources and dist/ find the same file.
const skemaFil = path.join(projectRoot, 'server', 'kerne', 'forsendelse', 'xsd', 'memo-1.2-delmaengde.xsd')

export interface MemoDokument {
  filnavn: string
  /** The PDF's bytes; MeMo carries them base64-encoded. */
  data: Buffer
  sprog: 'da'
}

export interface MemoInput {
  /**
   * Version 4 UUID. The caller makes it (nyMessageUUID) and stores it with the delivery
   * before the first attempt: every retry must send the same UUID, so that Digital Post
   * and our transports can recognise a repeat instead of delivering the letter twice.
   */
  messageUUID: string
  /** The subject the recipient sees in the inbox (MeMo: label). */
  label: string
  afsender: { senderId: string; idType: 'CVR'; label: string }
  modtager: { id: string; idType: 'CPR' | 'CVR'; label?: string }
  /** A letter with legal effect (hearing, decision): MeMo legalNotification. */
  juridiskVirkning: boolean
  /** Set for a hearing: the recipient is asked to reply by then (reply, replyByDateTime). */
  svarFrist?: Date
  sagsnummer: string
  oprettet: Date
  hovedDokument: MemoDokument
  bilag?: MemoDokument[]
}

/** The input cannot become a valid message: a fault in the calling code or its data, not in delivery. */
export class MemoFejl extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'MemoFejl'
  }
}

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

export function nyMessageUUID(): string {
  return randomUUID()
}

export function erMessageUUID(value: string): boolean {
  return uuidV4.test(value)
}

/** The MeMo message as UTF-8 XML text. Throws MemoFejl when the input breaks a MeMo rule. */
export function byggMemo(input: MemoInput): string {
  kontroller(input)
  const doc = create({ version: '1.0', encoding: 'UTF-8' })
  // The "memo" prefix, not a default namespace: Serviceplatformen's SF1601 is known to
  // reject un-prefixed MeMo (itk-dev/serviceplatformen, MemoDocumentNormalizer).
  const message = doc.ele(MEMO_NAMESPACE, 'memo:Message', { memoVersion: MEMO_VERSION })

  // Element order is MeMo's (memo-lib MessageHeader; MeMo 1.1 XSD), see xsd/.
  const header = message.ele('memo:MessageHeader')
  header.ele('memo:messageType').txt('DIGITALPOST')
  header.ele('memo:messageUUID').txt(input.messageUUID.toLowerCase())
  header.ele('memo:label').txt(ren(input.label))
  if (input.svarFrist) {
    header.ele('memo:reply').txt('true')
    header.ele('memo:replyByDateTime').txt(utc(input.svarFrist))
  }
  if (input.juridiskVirkning) header.ele('memo:legalNotification').txt('true')

  const sender = header.ele('memo:Sender')
  sender.ele('memo:senderID').txt(input.afsender.senderId)
  sender.ele('memo:idType').txt(input.afsender.idType)
  sender.ele('memo:label').txt(ren(input.afsender.label))

  const recipient = header.ele('memo:Recipient')
  recipient.ele('memo:recipientID').txt(input.modtager.id)
  recipient.ele('memo:idType').txt(input.modtager.idType)
  if (input.modtager.label && ren(input.modtager.label)) recipient.ele('memo:label').txt(ren(input.modtager.label))

  const caseId = header.ele('memo:ContentData').ele('memo:CaseID')
  caseId.ele('memo:caseID').txt(ren(input.sagsnummer))
  caseId.ele('memo:caseSystem').txt(CASE_SYSTEM)

  const body = message.ele('memo:MessageBody')
  body.ele('memo:createdDateTime').txt(utc(input.oprettet))
  fil(body.ele('memo:MainDocument'), input.hovedDokument)
  for (const bilag of input.bilag ?? []) {
    const dokument = body.ele('memo:AdditionalDocument')
    dokument.ele('memo:label').txt(ren(bilag.filnavn))
    fil(dokument, bilag)
  }
  return doc.end({ prettyPrint: true })
}

function fil(parent: XMLBuilder, dokument: MemoDokument) {
  const file = parent.ele('memo:File')
  file.ele('memo:encodingFormat').txt('application/pdf')
  file.ele('memo:filename').txt(ren(dokument.filnavn))
  file.ele('memo:language').txt(dokument.sprog)
  file.ele('memo:content').txt(dokument.data.toString('base64'))
}

// Characters XML 1.0 cannot hold (control characters from pasted text). Cleaned here, per
// field: xmlbuilder2's invalidCharReplacement would also scan the megabytes of base64,
// which cannot contain them, and takes seconds for a large PDF.
const ikkeXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

function ren(value: string): string {
  return value.replace(ikkeXml, '').trim()
}

/** MeMo wants UTC date-times ending in Z; whole seconds are enough. */
function utc(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function kontroller(input: MemoInput) {
  const fejl = (code: string, message: string) => {
    throw new MemoFejl(code, message)
  }
  if (!erMessageUUID(input.messageUUID)) fejl('MessageUuidUgyldig', 'messageUUID skal være en UUID version 4.')
  tekst256(input.label, 'label')
  tekst256(input.afsender.label, 'afsender.label')
  tekst256(input.sagsnummer, 'sagsnummer')
  if (input.modtager.label !== undefined && ren(input.modtager.label).length > 256) fejl('TekstForLang', 'modtager.label må højst have 256 tegn.')
  if (input.afsender.idType !== 'CVR' || !/^\d{8}$/.test(input.afsender.senderId)) fejl('AfsenderUgyldig', 'Afsenderen skal have et CVR-nummer på 8 cifre.')
  // Messages name the rule, never the number: a CPR number must not reach a log.
  if (input.modtager.idType === 'CPR' && !/^\d{10}$/.test(input.modtager.id)) fejl('ModtagerUgyldig', 'Modtagerens CPR-nummer skal være 10 cifre uden bindestreg.')
  if (input.modtager.idType === 'CVR' && !/^\d{8}$/.test(input.modtager.id)) fejl('ModtagerUgyldig', 'Modtagerens CVR-nummer skal være 8 cifre.')
  if (input.modtager.idType !== 'CPR' && input.modtager.idType !== 'CVR') fejl('ModtagerUgyldig', 'Modtageren skal angives med CPR eller CVR.')
  if (!gyldigDato(input.oprettet)) fejl('DatoUgyldig', 'oprettet er ikke en gyldig dato.')
  if (input.svarFrist !== undefined && !gyldigDato(input.svarFrist)) fejl('DatoUgyldig', 'svarFrist er ikke en gyldig dato.')
  for (const d of [input.hovedDokument, ...(input.bilag ?? [])]) {
    tekst256(d.filnavn, 'filnavn')
    // Digital Post accepts a fixed list of file types; Nævn sends PDF only.
    if (d.data.length === 0 || d.data.subarray(0, 5).toString('latin1') !== '%PDF-') fejl('IkkePdf', `${ren(d.filnavn)} er ikke en PDF.`)
  }
}

function tekst256(value: string, felt: string) {
  const t = ren(value)
  if (t.length === 0) throw new MemoFejl('TekstMangler', `${felt} mangler.`)
  if (t.length > 256) throw new MemoFejl('TekstForLang', `${felt} må højst have 256 tegn.`)
}

function gyldigDato(d: Date): boolean {
  return d instanceof Date && !Number.isNaN(d.getTime())
}

let skema: Promise<string> | undefined

/** The schema is read once per process; a failed read is retried on the next call. */
function laesSkema(): Promise<string> {
  skema ??= readFile(skemaFil, 'utf8').catch((err: unknown) => {
    skema = undefined
    throw err
  })
  return skema
}

export type MemoValidering = { ok: true } | { ok: false; fejl: string[] }

/**
 * Validates the message against the MeMo subset schema (xsd/). Resolves with the
 * problems in readable form; rejects only when validation itself could not run.
 */
export async function validerMemo(xml: string): Promise<MemoValidering> {
  const bytes = Buffer.byteLength(xml, 'utf8')
  // libxml2 runs in WebAssembly with a fixed memory ceiling (32 MiB by default); a letter
  // with large PDFs needs room for the file, the parsed tree and the decoded base64.
  const sider = Math.min(memoryPages.max, memoryPages.defaultMaxMemoryPages + Math.ceil((bytes * 4) / 65536))
  let resultat: Awaited<ReturnType<typeof validateXML>>
  try {
    resultat = await validateXML({
      xml: { fileName: 'memo.xml', contents: xml },
      schema: { fileName: 'memo.xsd', contents: await laesSkema() },
      maxMemoryPages: sider,
      // Without --huge libxml2 refuses text nodes over 10 MB: base64 of a PDF over ~7 MB.
      modifyArguments: (args) => ['--huge', ...args],
    })
  } catch (err) {
    // xmllint's own output may quote the document, so it stays out of the error.
    const kode = (err as { code?: unknown }).code
    throw new Error(`MeMo-validering kunne ikke køre (xmllint ${kode === undefined ? 'fejlede' : `afsluttede med ${String(kode)}`})`)
  }
  if (resultat.valid) return { ok: true }
  // Parser errors come with the offending source line and a caret under it; those lines
  // have no line number and may quote a CPR number or a name, so only located messages stay.
  const fejl = resultat.errors
    .filter((e) => e.loc !== null && Number.isFinite(e.loc.lineNumber))
    .map((e) => laesbar(`linje ${e.loc!.lineNumber}: ${e.message}`))
  return { ok: false, fejl: fejl.length > 0 ? fejl : ['Meddelelsen er ikke gyldig MeMo.'] }
}

/** "{https://DigitalPost.dk/MeMo-1}Recipient" reads as "memo:Recipient"; long digit runs (a CPR number) are hidden. */
function laesbar(message: string): string {
  return message
    .replaceAll(`{${MEMO_NAMESPACE}}`, 'memo:')
    .replace(/\d{6,}/g, (m) => '#'.repeat(m.length))
    .trim()
}
