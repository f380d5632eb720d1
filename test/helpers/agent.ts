// A browser-like client over app.inject: keeps cookies, and fills in the CSRF token
// the way a rendered form would.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

export class Agent {
  private readonly cookies = new Map<string, string>()
  private csrf: string | undefined

  constructor(private readonly app: FastifyInstance) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name)
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value)
  }

  private remember(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0
      if (expired) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1]
    if (token) this.csrf = token
    return res
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } }))
  }

  /** Creates an API key on the account page, as the logged-in user would, and returns its Authorization header. */
  async apiKey(navn = 'Advokatens sagssystem'): Promise<{ authorization: string }> {
    await this.get('/konto/api-noegler')
    const token = /<code class="api-noegle">([^<]+)<\/code>/.exec((await this.post('/konto/api-noegler', { navn })).body)?.[1]
    if (!token) throw new Error('the account page showed no new API key')
    return { authorization: `Bearer ${token}` }
  }

  /** Posts a form as the browser would, with the CSRF token of a rendered page. */
  async post(url: string, form: Record<string, string | string[]> = {}, o: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
    if (o.csrf !== false && !this.csrf) await this.get('/login')
    const body = new URLSearchParams()
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item)
    if (o.csrf !== false && this.csrf) body.set('_csrf', this.csrf)
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...o.headers },
        payload: body.toString(),
      }),
    )
  }

  /** Posts a multipart form (file uploads) with the CSRF token as a form field. */
  async postMultipart(url: string, fields: Record<string, string>, files: { field: string; filename: string; data: Buffer }[]): Promise<LightMyRequestResponse> {
    if (!this.csrf) await this.get('/login')
    const { multipartBody } = await import('./multipart.js')
    const { payload, contentType } = multipartBody({ ...fields, _csrf: this.csrf ?? '' }, files)
    return this.remember(
      await this.app.inject({ method: 'POST', url, headers: { cookie: this.cookieHeader(), 'content-type': contentType }, payload }),
    )
  }

  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    return this.post('/login', { email, adgangskode: password })
  }
}
