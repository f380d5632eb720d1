// MitID in tests: the local IdP (a real oidc-provider) on a free port beside the file's
// world, and a browser-like walk through its pages over real HTTP, while the app itself is
// reached through app.inject by an Agent.
import { createServer } from 'node:net'
import { afterAll, beforeAll } from 'vitest'
import { startLokalIdp, type LokalIdp, type LokalIdpOptions } from '../../server/kerne/auth/oidc/lokal-idp.js'
import { useWorld, type World } from './world.js'
import { Agent } from './agent.js'
import { createUser, naevnFor } from './factories.js'
import { indbringSag } from './indbringelse.js'

export async function ledigPort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const port = (srv.address() as { port: number }).port
  await new Promise((r) => srv.close(r))
  return port
}

export interface MitidWorld extends World {
  idp: LokalIdp
}

/** A world whose config points at a local IdP started for this file. */
export function useMitidWorld(overrides: Record<string, string> = {}, idpOptions: LokalIdpOptions = {}, logLines?: string[]): MitidWorld {
  const env: Record<string, string> = { PUBLIC_URL: 'http://127.0.0.1:3000', ...overrides }
  beforeAll(async () => {
    env.LOKAL_IDP_PORT = String(await ledigPort())
  })
  const w = useWorld(env, logLines ? { logLines } : {}) as MitidWorld
  beforeAll(async () => {
    w.idp = await startLokalIdp(w.config, idpOptions)
  })
  afterAll(async () => {
    await w.idp?.close()
  })
  return w
}

/** Cookies for one host, as a browser keeps them (paths ignored: the IdP reads them by name). */
export class CookieJar {
  private readonly cookies = new Map<string, string>()
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
  remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const i = pair.indexOf('=')
      const name = pair.slice(0, i).trim()
      const value = pair.slice(i + 1).trim()
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
}

async function idpFetch(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } })
  jar.remember(res)
  return res
}

/**
 * Follows an authorization URL at the IdP as a browser would, picks the demo person and
 * returns where the IdP sends the browser back (the app's callback with code, state, iss).
 */
export async function godkendHosIdp(authorizeUrl: string, subjekt: string, jar = new CookieJar()): Promise<URL> {
  let url = authorizeUrl
  for (let i = 0; i < 10; i++) {
    const res = await idpFetch(jar, url)
    const location = res.headers.get('location')
    if (location) {
      const next = new URL(location, url)
      if (!next.pathname.startsWith('/interaktion/') && next.origin !== new URL(authorizeUrl).origin) return next
      url = next.href
      continue
    }
    const body = await res.text()
    const action = /<form method="post" action="([^"]+\/login)"/.exec(body)?.[1]
    if (!action) throw new Error(`the IdP showed no login form (${res.status}): ${body.slice(0, 300)}`)
    const posted = await idpFetch(jar, new URL(action, url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ subjekt }).toString(),
    })
    const after = posted.headers.get('location')
    if (!after) throw new Error(`the IdP refused the login (${posted.status}): ${(await posted.text()).slice(0, 300)}`)
    url = new URL(after, url).href
  }
  throw new Error('the IdP never sent the browser back')
}

/** /login/mitid on the app: the IdP's authorization URL (the transaction cookie stays in the agent). */
export async function startMitid(agent: Agent, naeste?: string): Promise<string> {
  const res = await agent.get(`/login/mitid${naeste ? `?naeste=${encodeURIComponent(naeste)}` : ''}`)
  if (res.statusCode !== 303 || !res.headers.location) throw new Error(`/login/mitid answered ${res.statusCode}: ${res.body.slice(0, 300)}`)
  return String(res.headers.location)
}

/** The callback as the browser would call it on the app. */
export function callbackSti(callback: URL): string {
  return `${callback.pathname}${callback.search}`
}

/** The whole flow: app → IdP (choose the person) → app's callback. Returns the callback's answer. */
export async function mitidLogin(agent: Agent, subjekt: string, naeste?: string) {
  const authorize = await startMitid(agent, naeste)
  const callback = await godkendHosIdp(authorize, subjekt)
  return agent.get(callbackSti(callback))
}

/** A case filed by another citizen (as the secretariat or a paper filing would add it), naming this CPR/CVR as the other party. */
export async function sagMedModpart(w: World, modpartCprCvr: string): Promise<string> {
  await naevnFor(w.db, 101)
  const filer = await createUser(w.db)
  const agent = new Agent(w.app)
  await agent.login(filer.email, filer.password)
  return indbringSag(agent, { modpartCprCvr })
}
