// The server as its own process (dist/server/server.js) takes a few thousand bad requests —
// oversized bodies, cut-off and unclosed multipart, files one byte too large, uploads that
// hang up half-way, undecodable URLs — and its memory stays bounded: resident size after a
// warm-up and at the end differ by less than 50 MB, and it still answers.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { workerEntry } from '../helpers/dist.js'
import { freePort } from '../helpers/redis-server.js'
import { waitFor } from '../helpers/wait.js'
import { minimalPdf, multipartBody } from '../helpers/multipart.js'

const MB = 1024 * 1024

function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]) * 1024
}

describe('memory under a stream of bad requests', () => {
  const w = useWorld({ UPLOAD_MAX_FILE_MB: '1' })
  let child: ChildProcess
  let base: string
  let port: number

  beforeAll(async () => {
    const serverJs = path.join(path.dirname(path.dirname(workerEntry())), 'server', 'server.js')
    port = await freePort()
    child = spawn(process.execPath, [serverJs], { env: { PATH: process.env.PATH ?? '', ...w.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error' }, stdio: ['ignore', 'ignore', 'pipe'] })
    child.stderr!.on('data', (d: Buffer) => process.stderr.write(`[server] ${d.toString()}`))
    base = `http://127.0.0.1:${port}`
    await waitFor('the server answers', async () => (await fetch(`${base}/healthz`).catch(() => null))?.ok, 30_000)
  }, 180_000)

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    }
  })

  it('when thousands of oversized and malformed requests arrive, then RSS growth stays under 50 MB and the server still answers', async () => {
    await naevnFor(w.db, 101)
    const user = await createUser(w.db)
    // Log in over HTTP, as a browser would.
    const side = await fetch(`${base}/login`)
    let cookie = side.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await side.text())![1]!
    const login = await fetch(`${base}/login`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: user.email, adgangskode: user.password, _csrf: csrf }) })
    expect(login.status).toBe(303)
    cookie = [cookie, ...login.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ')
    const ny = await fetch(`${base}/indbringelse`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf }) })
    const kladde = /\/indbringelse\/([0-9a-f-]+)\//.exec(ny.headers.get('location') ?? '')![1]!

    const overFil = multipartBody({ _csrf: csrf, kategori: 'andet' }, [{ field: 'filer', filename: 'stor.pdf', data: Buffer.concat([minimalPdf, Buffer.alloc(MB + 1 - minimalPdf.length, 32)]) }])
    const afbrudt = Buffer.concat([Buffer.from(`--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--b\r\nContent-Disposition: form-data; name="filer"; filename="a.pdf"\r\n\r\n`), Buffer.alloc(400_000, 65)])
    const stortFelt = `beskrivelse=${'x'.repeat(300_000)}`
    const soegning = Array.from({ length: 20 }, () => '%C3%28').join('')

    type Slag = () => Promise<number>
    const post = (url: string, contentType: string, body: string | Buffer): Slag => () =>
      fetch(`${base}${url}`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': contentType }, body }).then(async (r) => (await r.arrayBuffer(), r.status))
    const get = (url: string): Slag => () => fetch(`${base}${url}`, { redirect: 'manual', headers: { cookie } }).then(async (r) => (await r.arrayBuffer(), r.status))
    // A client that announces 2 MB, sends 300 kB of a file and hangs up.
    const opgiver: Slag = () =>
      new Promise((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => {
          s.write(`POST /indbringelse/${kladde}/bilag HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: ${2 * MB}\r\n\r\n`)
          s.write(afbrudt.subarray(0, 300_000), () => setTimeout(() => s.destroy(), 5))
        })
        s.on('close', () => resolve(0))
        s.on('error', () => resolve(0))
      })
    const slag: Slag[] = [
      post(`/indbringelse/${kladde}/sagen`, 'application/x-www-form-urlencoded', stortFelt), // 413
      post(`/indbringelse/${kladde}/bilag`, overFil.contentType, overFil.payload), // 400, the file cut at 1 MB
      post(`/indbringelse/${kladde}/bilag`, 'multipart/form-data; boundary=b', afbrudt), // 400, never closed
      post(`/indbringelse/${kladde}/bilag`, 'multipart/form-data', afbrudt), // 400, no boundary
      post(`/api/v1/sager/${kladde}/beskeder`, 'application/json', `{"tekst":"${'x'.repeat(MB + 1000)}"}`), // 413
      get(`/sager/%FF%FE`), // 400
      get(`/afgoerelser?q=${soegning}`), // 200
      opgiver,
    ]

    async function runde(antal: number): Promise<Map<number, number>> {
      const koder = new Map<number, number>()
      let naeste = 0
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (naeste < antal) {
            const i = naeste++
            const kode = await slag[i % slag.length]!()
            koder.set(kode, (koder.get(kode) ?? 0) + 1)
          }
        }),
      )
      return koder
    }

    const start = Date.now()
    await runde(400)
    await new Promise((r) => setTimeout(r, 500))
    const efterOpvarmning = rssBytes(child.pid!)
    const koder = await runde(1_600)
    await new Promise((r) => setTimeout(r, 1_000))
    const slut = rssBytes(child.pid!)
    const vaekst = slut - efterOpvarmning
    console.log(
      `RSS after warm-up ${(efterOpvarmning / MB).toFixed(1)} MB, at the end ${(slut / MB).toFixed(1)} MB, growth ${(vaekst / MB).toFixed(1)} MB over 1,600 requests in ${((Date.now() - start) / 1000).toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(koder))}`,
    )

    expect(koder.get(500) ?? 0).toBe(0)
    expect([...koder.keys()].sort()).toEqual([0, 200, 400, 413])
    expect(vaekst).toBeLessThan(50 * MB)
    expect(child.exitCode).toBeNull()
    expect((await fetch(`${base}/healthz`)).status).toBe(200)
    expect((await fetch(`${base}/indbringelse/${kladde}/sagen`, { headers: { cookie } })).status).toBe(200)
  }, 180_000)
})
