// Malformed multipart bodies (no boundary, cut off, never closed, garbage headers) are
// the sender's fault: 400 (problem+json for the API, the Danish page for people), nothing
// stored, and the server goes on serving.
import { beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { udfyldKladde } from '../helpers/indbringelse.js'

const boundary = 'xYz123'
const ct = `multipart/form-data; boundary=${boundary}`
const del = (name: string, value: string, filename?: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\n${value}\r\n`

/** Each body is broken in its own way; csrf is put where a browser would put it. */
function misdannede(csrf: string): { navn: string; contentType: string; payload: string }[] {
  return [
    { navn: 'no boundary parameter', contentType: 'multipart/form-data', payload: del('_csrf', csrf) + del('kategori', 'andet') + `--${boundary}--\r\n` },
    { navn: 'boundary never closed', contentType: ct, payload: del('_csrf', csrf) + del('kategori', 'andet') + del('filer', 'hej', 'a.txt') },
    { navn: 'body cut off inside a file', contentType: ct, payload: del('_csrf', csrf) + del('kategori', 'andet') + `--${boundary}\r\nContent-Disposition: form-data; name="filer"; filename="a.pdf"\r\n\r\n%PDF-1.4 afbrudt` },
    { navn: 'garbage part headers', contentType: ct, payload: del('_csrf', csrf) + `--${boundary}\r\n\u0000\u0001:::\r\nContent-Disposition\r\n\r\nandet\r\n--${boundary}--\r\n` },
    { navn: 'header section never ends', contentType: ct, payload: del('_csrf', csrf) + `--${boundary}\r\nContent-Disposition: form-data; name="filer"; filename="a.txt"\r\nX-Hov: ${'a'.repeat(100_000)}` },
    { navn: 'empty boundary', contentType: 'multipart/form-data; boundary=', payload: del('_csrf', csrf) },
  ]
}

describe('malformed multipart bodies', () => {
  const w = useWorld()
  let agent: Agent
  let auth: { authorization: string }
  let id: string
  let apiId: string

  beforeAll(async () => {
    await naevnFor(w.db, 101)
    const user = await createUser(w.db)
    agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    id = await udfyldKladde(agent)
    auth = await agent.apiKey()
    apiId = (await w.app.inject({ method: 'POST', url: '/api/v1/sager', headers: auth })).json().id as string
  })

  const docs = async () => (await w.db.selectFrom('dokumenter').select('id').where('sag_id', 'in', [id, apiId]).execute()).length

  it('when the pages get broken multipart bodies, then each answers a Danish 4xx page and nothing is stored', async () => {
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await agent.get(`/indbringelse/${id}/bilag`)).body)![1]!
    for (const b of misdannede(csrf)) {
      const res = await w.app.inject({ method: 'POST', url: `/indbringelse/${id}/bilag`, headers: { cookie: agent.cookieHeader(), 'content-type': b.contentType }, payload: b.payload })
      expect(res.statusCode, b.navn).toBeGreaterThanOrEqual(400)
      expect(res.statusCode, b.navn).toBeLessThan(500)
      expect(res.headers['content-type'], b.navn).toContain('text/html')
      expect(res.body, b.navn).toContain('<html lang="da"')
      // Never the parser's own words.
      expect(res.body, b.navn).not.toMatch(/Unexpected end|Malformed|Boundary not found|busboy/i)
    }
    expect(await docs()).toBe(0)
    // The page form still works afterwards.
    expect((await agent.get(`/indbringelse/${id}/bilag`)).statusCode).toBe(200)
  })

  it('when the API gets broken multipart bodies, then each answers 400 problem+json in Danish', async () => {
    for (const b of misdannede('')) {
      const res = await w.app.inject({ method: 'POST', url: `/api/v1/sager/${apiId}/dokumenter`, headers: { ...auth, 'content-type': b.contentType }, payload: b.payload })
      expect(res.statusCode, `${b.navn}: ${res.body}`).toBe(400)
      expect(res.headers['content-type'], b.navn).toContain('application/problem+json')
      const problem = res.json()
      expect(problem.status, b.navn).toBe(400)
      expect(problem.detail, b.navn).not.toMatch(/Unexpected end|Malformed|Boundary not found|busboy/i)
    }
    expect(await docs()).toBe(0)
  })

  it('when a content type is unknown or the JSON is cut off, then the API answers 4xx problem+json in Danish', async () => {
    const json = await w.app.inject({ method: 'PATCH', url: `/api/v1/sager/${apiId}`, headers: { ...auth, 'content-type': 'application/json' }, payload: '{"hvem": {"indbringerRolle": "lej' })
    expect(json.statusCode).toBe(400)
    expect(json.json().detail).toBe('Indholdet er ikke gyldig JSON.')
    const tom = await w.app.inject({ method: 'PATCH', url: `/api/v1/sager/${apiId}`, headers: { ...auth, 'content-type': 'application/json' }, payload: '' })
    expect(tom.statusCode).toBe(400)
    expect(tom.json().detail).toBe('Indholdet er tomt, men er angivet som JSON.')
    const ukendt = await w.app.inject({ method: 'PATCH', url: `/api/v1/sager/${apiId}`, headers: { ...auth, 'content-type': 'application/x-ukendt' }, payload: 'x' })
    expect(ukendt.statusCode).toBe(415)
    expect(ukendt.headers['content-type']).toContain('application/problem+json')
    expect(ukendt.json().detail).toBe('Indholdstypen understøttes ikke.')
  })

  it('when broken bodies are sent on a real socket, then the server keeps answering other requests', async () => {
    const address = await w.app.listen({ host: '127.0.0.1', port: 0 })
    try {
      const csrf = /name="_csrf" value="([^"]+)"/.exec((await agent.get(`/indbringelse/${id}/bilag`)).body)![1]!
      const svar = await Promise.all(
        misdannede(csrf).map((b) =>
          fetch(`${address}/indbringelse/${id}/bilag`, { method: 'POST', headers: { cookie: agent.cookieHeader(), 'content-type': b.contentType }, body: b.payload }).then((r) => r.status),
        ),
      )
      for (const s of svar) expect(s).toBeLessThan(500)
      expect((await fetch(`${address}/healthz`)).status).toBe(200)
      expect((await fetch(`${address}/afgoerelser`)).status).toBe(200)
    } finally {
      // app.listen on an app that tests also inject into: close only the socket.
      await new Promise<void>((r) => w.app.server.close(() => r()))
    }
  })
})
