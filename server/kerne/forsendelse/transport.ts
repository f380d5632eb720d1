// Delivering a MeMo message. Two real transports, chosen by configuration like the
// mailer's: a directory drop (one <messageUUID>.xml per message, for an operator or a
// gateway to pick up) and an HTTP POST to a gateway. Either returns a receipt for the
// caller to record. A failed delivery throws, and the calling job retries with the same
// messageUUID: the file name and the Idempotency-Key make a repeat overwrite or be
// recognised, never deliver twice.
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { erMessageUUID } from './memo.js'

export interface DigitalPostBesked {
  messageUUID: string
  xml: string
}

export interface DigitalPostTransport {
  readonly navn: string
  send(msg: DigitalPostBesked): Promise<{ kvittering: string }>
}

/**
 * The message did not reach the gateway or was refused. midlertidig says whether a
 * retry can help (network, timeout, 408, 429, 5xx); a job may give up on the rest.
 */
export class DigitalPostLeveringFejl extends Error {
  readonly code = 'DigitalPostLeveringFejlede'
  constructor(
    message: string,
    readonly status: number | null,
    readonly midlertidig: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'DigitalPostLeveringFejl'
  }
}

function kontrollerUuid(messageUUID: string) {
  // The UUID becomes a file name and a header; anything else could escape the directory.
  if (!erMessageUUID(messageUUID)) throw new DigitalPostLeveringFejl('messageUUID er ikke en UUID version 4.', null, false)
}

export function mappeTransport(dir: string): DigitalPostTransport {
  return {
    navn: 'mappe',
    async send(msg) {
      kontrollerUuid(msg.messageUUID)
      const data = Buffer.from(msg.xml, 'utf8')
      await mkdir(dir, { recursive: true })
      const endelig = path.join(dir, `${msg.messageUUID.toLowerCase()}.xml`)
      // A pick-up never sees half a file: write a hidden temporary file in the same
      // directory, flush it, then rename over the final name (atomic on one file system;
      // the same UUID again replaces the file). Pick-ups should skip names starting with ".".
      const tmp = path.join(dir, `.${msg.messageUUID.toLowerCase()}.${randomBytes(6).toString('hex')}.tmp`)
      try {
        // The file holds a CPR number: owner and group (the gateway's) only.
        const fh = await open(tmp, 'wx', 0o640)
        try {
          await fh.writeFile(data)
          await fh.sync()
        } finally {
          await fh.close()
        }
        await rename(tmp, endelig)
      } catch (err) {
        await rm(tmp, { force: true })
        throw err
      }
      await syncMappe(dir)
      return { kvittering: `${endelig} sha256=${createHash('sha256').update(data).digest('hex')}` }
    },
  }
}

/** Makes the rename itself durable; not every platform lets a directory be fsynced. */
async function syncMappe(dir: string) {
  try {
    const fh = await open(dir, 'r')
    try {
      await fh.sync()
    } finally {
      await fh.close()
    }
  } catch {
    // Best effort: the file is complete either way.
  }
}

const maksKvittering = 2000

export function httpTransport(o: { url: string; token?: string; timeoutMs: number }): DigitalPostTransport {
  const url = new URL(o.url)
  // For messages: where, without any credentials the URL might hold.
  const hvor = `${url.origin}${url.pathname}`
  return {
    navn: 'http',
    async send(msg) {
      kontrollerUuid(msg.messageUUID)
      const headers: Record<string, string> = {
        'content-type': 'application/xml; charset=utf-8',
        accept: 'application/xml, application/json, text/plain',
        'idempotency-key': msg.messageUUID.toLowerCase(),
      }
      if (o.token) headers.authorization = `Bearer ${o.token}`
      let status: number
      let statusText: string
      let tekst: string
      let location: string | null
      try {
        // One timeout covers connecting, sending and reading the answer.
        const res = await fetch(url, { method: 'POST', headers, body: msg.xml, redirect: 'manual', signal: AbortSignal.timeout(o.timeoutMs) })
        status = res.status
        statusText = res.statusText
        location = res.headers.get('location')
        tekst = await res.text()
      } catch (err) {
        const aarsag = err instanceof Error && err.name === 'TimeoutError' ? `intet svar inden for ${o.timeoutMs} ms` : beskriv(err)
        throw new DigitalPostLeveringFejl(`Digital Post-gatewayen ${hvor} kunne ikke nås: ${aarsag}`, null, true, { cause: err })
      }
      if (status < 200 || status > 299) {
        const midlertidig = status >= 500 || status === 408 || status === 429
        throw new DigitalPostLeveringFejl(`Digital Post-gatewayen ${hvor} svarede ${status}${statusText ? ` ${statusText}` : ''}`, status, midlertidig)
      }
      // The gateway's receipt is its answer; a bodyless answer may point at it instead.
      const kvittering = tekst.trim() || (location ? `location: ${location}` : `http ${status}`)
      return { kvittering: kvittering.slice(0, maksKvittering) }
    },
  }
}

function beskriv(err: unknown): string {
  if (!(err instanceof Error)) return String(err)
  // undici puts the socket error (ECONNREFUSED …) in cause.
  const cause = err.cause instanceof Error ? ` (${(err.cause as NodeJS.ErrnoException).code ?? err.cause.message})` : ''
  return `${err.message}${cause}`
}

export interface TransportValg {
  type: 'mappe' | 'http'
  mappe?: string
  url?: string
  token?: string
  timeoutMs?: number
}

export function lavTransport(opts: TransportValg): DigitalPostTransport {
  if (opts.type === 'mappe') {
    if (!opts.mappe) throw new Error('Digital Post: transporten "mappe" kræver en mappe.')
    return mappeTransport(opts.mappe)
  }
  if (opts.type === 'http') {
    if (!opts.url) throw new Error('Digital Post: transporten "http" kræver en URL.')
    return httpTransport({ url: opts.url, token: opts.token, timeoutMs: opts.timeoutMs ?? 30_000 })
  }
  throw new Error(`Digital Post: ukendt transport "${String((opts as { type: unknown }).type)}".`)
}
