// How the register's public pages are rendered and cached.
//
// reply.page would make a CSRF token (and a naevn_csrf cookie) on every page, so no two
// responses would be alike and none could be cached. A public page has no form that
// posts, so for an anonymous visitor it is rendered without a token: the same data gives
// the same bytes. The ETag is a hash of those bytes (simple and always right: any change
// of data, template or code changes it), and a conditional GET with a matching
// If-None-Match answers 304 without a body. Anonymous responses are
// `public, max-age=60`; a logged-in visitor's page carries their name and the logout
// form's token, so it is private and never stored by a shared cache.
import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { layoutContext } from '../../platform/plugins/views.js'

export const OFFENTLIG_MAX_AGE = 60

export function etagFor(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
}

/** RFC 9110 § 13.1.2: weak comparison; "*" matches any current representation. */
export function matcherEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((t) => {
    const v = t.trim()
    return v === '*' || v.replace(/^W\//, '') === etag
  })
}

/** Cache headers for a public response; private when the visitor is logged in. */
export function cacheHeaders(req: FastifyRequest, reply: FastifyReply): void {
  reply.header('Cache-Control', req.principal ? 'private, no-cache' : `public, max-age=${OFFENTLIG_MAX_AGE}`)
  // A logged-in visitor's page differs from the anonymous one by the session cookie.
  reply.header('Vary', 'Cookie')
}

/** Sends a finished body with ETag and cache headers, or 304 when the client has it. */
export function sendCachebar(req: FastifyRequest, reply: FastifyReply, body: string | Buffer, type: string, status = 200, etag?: string): FastifyReply {
  cacheHeaders(req, reply)
  reply.type(type)
  // Only an anonymous 200 is the same for everyone; other statuses are never answered 304.
  if (status === 200 && !req.principal) {
    const e = etag ?? etagFor(body)
    reply.header('ETag', e)
    if (matcherEtag(req.headers['if-none-match'], e)) return reply.code(304).send()
  }
  return reply.code(status).send(body)
}

export interface Renderet {
  html: string
  etag: string
  status: number
}

/** Renders a page in the common layout (without a CSRF token for anonymous visitors). */
export async function renderSide(req: FastifyRequest, reply: FastifyReply, template: string, data: Record<string, unknown> & { titel: string }, status = 200): Promise<Renderet> {
  const context = {
    ...layoutContext(req.principal, req.url),
    authority: req.server.config.authority,
    // The header's logout form is the only form on a public page, and only when logged in.
    csrfToken: req.principal ? reply.generateCsrf() : '',
    sidetitel: data.titel,
    // The header marks the register the page belongs to (afgoerelser, huslejeregister, …).
    sektion: req.url.split(/[/?.]/)[1] ?? '',
    ...data,
  }
  const html = await reply.viewAsync(template, context)
  return { html, etag: etagFor(html), status }
}

export const HTML_TYPE = 'text/html; charset=utf-8'

export function sendSide(req: FastifyRequest, reply: FastifyReply, r: Renderet): FastifyReply {
  return sendCachebar(req, reply, r.html, HTML_TYPE, r.status, r.etag)
}

/** Renders a page in the common layout and sends it cacheably. */
export async function offentligSide(req: FastifyRequest, reply: FastifyReply, template: string, data: Record<string, unknown> & { titel: string }, status = 200): Promise<FastifyReply> {
  return sendSide(req, reply, await renderSide(req, reply, template, data, status))
}

/** Query-string values from a schema-less GET: the first of repeated ones, as strings. */
export function tekstParam(v: unknown): string {
  if (Array.isArray(v)) return tekstParam(v[0])
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : ''
}

/** A link that repeats the given filters in a fixed order (stable URLs), empty ones left out. */
export function linkMed(sti: string, params: Record<string, string | number | undefined | null>): string {
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.append(k, String(v))
  const s = qs.toString()
  return s ? `${sti}?${s}` : sti
}
