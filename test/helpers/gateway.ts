// A Digital Post gateway for tests: a real HTTP server that records each message once per
// Idempotency-Key (a repeat gets the first receipt, as a real gateway must), can refuse
// the next N requests with a status, refuse everything while `afvisAlle` is set, and
// answer slowly so that a test can catch a worker with requests in flight.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export class TestGateway {
  /** Accepted messages: Idempotency-Key → the XML. */
  readonly modtaget = new Map<string, string>()
  /** Every request's Idempotency-Key, in order, accepted or not. */
  readonly forsoeg: (string | undefined)[] = []
  readonly headers: http.IncomingHttpHeaders[] = []
  /** The next this many requests get `fejlStatus`. */
  fejlFoerst = 0
  fejlStatus = 503
  /** While set, every request gets this status. */
  afvisAlle: number | null = null
  /** Milliseconds before each answer. */
  forsinkelse = 0
  private server: http.Server | null = null
  url = ''

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const key = req.headers['idempotency-key'] as string | undefined
        this.forsoeg.push(key)
        this.headers.push(req.headers)
        const svar = () => {
          if (this.afvisAlle !== null) return res.writeHead(this.afvisAlle, { 'content-type': 'text/plain' }).end('afvist')
          if (this.fejlFoerst > 0) {
            this.fejlFoerst--
            return res.writeHead(this.fejlStatus, { 'content-type': 'text/plain' }).end('prøv igen')
          }
          if (!key) return res.writeHead(400).end()
          const ny = !this.modtaget.has(key)
          if (ny) this.modtaget.set(key, Buffer.concat(chunks).toString('utf8'))
          res.writeHead(ny ? 201 : 200, { 'content-type': 'application/xml' }).end(`<Kvittering><id>gw-${key}</id></Kvittering>`)
        }
        if (this.forsinkelse > 0) setTimeout(svar, this.forsinkelse)
        else svar()
      })
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/memo`
    return this
  }

  async stop(): Promise<void> {
    if (!this.server) return
    this.server.closeAllConnections()
    await new Promise((resolve) => this.server!.close(resolve))
  }
}

/** Starts one gateway for the whole file; its URL is known before the world is built. */
export async function startGateway(): Promise<TestGateway> {
  return new TestGateway().start()
}
