// The only place that turns errors into HTTP: problem+json for the API, a Danish page
// for people. 5xx responses never carry internals.
import fp from 'fastify-plugin'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DomainError, UnauthenticatedError, ValidationError } from '../errors.js'
import type { FejlKode } from '../fejlkoder.js'
import { formatStoerrelse } from '../../kerne/sag/bilag.js'
import { layoutContext } from './views.js'
import { erDatabaseUtilgaengelig } from '../db/database.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Marks a route that answers JSON (problem+json errors) although it lives outside /api/. */
    api?: boolean
  }
}

export function isApiRequest(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/') || req.routeOptions.config?.api === true
}

const titles: Record<number, string> = {
  400: 'Forkerte oplysninger',
  401: 'Du skal logge ind',
  403: 'Handlingen blev afvist',
  404: 'Siden findes ikke',
  405: 'Handlingen er ikke tilladt',
  409: 'Konflikt',
  410: 'Ikke længere tilgængelig',
  413: 'Filen eller formularen er for stor',
  415: 'Formatet understøttes ikke',
  429: 'For mange forsøg',
  500: 'Der opstod en fejl',
  503: 'Tjenesten er midlertidigt utilgængelig',
}

const pageTexts: Record<number, string> = {
  403: 'Din formular var udløbet eller manglede et sikkerhedstjek. Gå tilbage, genindlæs siden og prøv igen. Det du har skrevet, er ikke gemt.',
  404: 'Vi kunne ikke finde siden. Måske er adressen forkert, eller også har du ikke adgang til den.',
  429: 'Du har forsøgt for mange gange på kort tid. Vent et minut og prøv igen.',
  500: 'Der opstod en uventet fejl hos os. Prøv igen om lidt. Fejlen er registreret.',
  503: 'Systemet er midlertidigt utilgængeligt. Prøv igen om lidt.',
}

/** A multipart body that ends early or has broken headers is the sender's fault. */
function isBrokenUpload(err: FastifyError | DomainError): boolean {
  return (
    (err as FastifyError).code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    /Unexpected end of (form|multipart)|Malformed part header|Boundary not found|Multipart: /i.test(err.message)
  )
}

/** Danish texts for what Fastify's own body parsing refuses (its messages are English). */
const parserTexts: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Indholdet er ikke gyldig JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Indholdet er tomt, men er angivet som JSON.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Indholdstypen understøttes ikke.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Indholdets længde passer ikke med Content-Length.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Indholdet er for stort.',
  FST_ERR_CTP_EMPTY_TYPE: 'Indholdstypen mangler.',
  FST_ERR_CTP_INVALID_TYPE: 'Indholdstypen er ugyldig.',
}

function statusOf(err: FastifyError | DomainError): number {
  if (err instanceof DomainError) return err.status
  if ('validation' in err && err.validation) return 400
  if (isBrokenUpload(err)) return 400
  const status = (err as FastifyError).statusCode
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500
}

function codeOf(err: FastifyError | DomainError, status: number): FejlKode {
  if (err instanceof DomainError) return err.code
  if (status === 403 && String((err as FastifyError).code).startsWith('FST_CSRF')) return 'CsrfAfvist'
  if (status === 429) return 'ForMangeForsoeg'
  if ('validation' in err && err.validation) return 'UgyldigeData'
  if (isBrokenUpload(err)) return 'UgyldigUpload'
  return status >= 500 ? 'InternFejl' : 'Fejl'
}

export async function sendError(req: FastifyRequest, reply: FastifyReply, status: number, code: FejlKode, detail: string, extra: Record<string, unknown> = {}) {
  if (status === 401 && !isApiRequest(req) && req.method === 'GET') {
    return reply.redirect(`/login?naeste=${encodeURIComponent(req.url)}`)
  }
  const title = titles[status] ?? 'Fejl'
  if (isApiRequest(req)) return sendProblem(req, reply, status, code, detail, extra)
  return reply.status(status).page('pages/fejl', { titel: title, tekst: pageTexts[status] ?? detail, status })
}

/** An RFC 9457 problem+json answer for the API. */
function sendProblem(req: FastifyRequest, reply: FastifyReply, status: number, code: FejlKode, detail: string, extra: Record<string, unknown> = {}) {
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .send({ type: 'about:blank', title: titles[status] ?? 'Fejl', status, detail, code, instance: req.url, ...extra })
}

/**
 * Fastify's frameworkErrors: a URL that cannot be decoded (e.g. /sager/%FF) is refused by
 * the router before any hook runs, so there is no reply.page. The API gets problem+json,
 * people the same Danish error page rendered directly.
 */
export async function sendFrameworkError(app: FastifyInstance, err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const status = err.code === 'FST_ERR_BAD_URL' ? 400 : 500
  const title = titles[status]!
  const detail = status === 400 ? 'Adressen indeholder ugyldige tegn.' : pageTexts[500]!
  if (status >= 500) req.log.error({ err }, 'uventet fejl')
  if (isApiRequest(req)) return sendProblem(req, reply, status, status === 400 ? 'UgyldigAdresse' : 'InternFejl', detail)
  reply.status(status).header('x-content-type-options', 'nosniff')
  try {
    const html = await app.view('pages/fejl', { ...layoutContext(null, '/'), authority: app.config.authority, sidetitel: title, titel: title, tekst: detail, status })
    return reply.type('text/html; charset=utf-8').send(html)
  } catch (renderErr) {
    // Called outside Fastify's error handling: a failure here must still answer, never reject.
    req.log.error({ err: renderErr }, 'fejlsiden kunne ikke vises')
    return reply.type('text/plain; charset=utf-8').send(`${title}. ${detail}`)
  }
}

export default fp(
  async (app) => {
    const { upload } = app.config
    // @fastify/multipart's and Fastify's own limits answer in English: name the limits in Danish.
    const tooLarge = `Filen eller formularen er for stor. Der kan højst sendes ${upload.maxFilesPerRequest} filer ad gangen, hver på højst ${formatStoerrelse(upload.maxFileBytes)}, og formularens tekstfelter har også en grænse.`
    app.setErrorHandler(async (err: FastifyError | DomainError, req, reply) => {
      // PostgreSQL restarting or unreachable: the request may be tried again shortly.
      if (erDatabaseUtilgaengelig(err)) {
        req.log.warn({ err: err.message, code: (err as { code?: unknown }).code }, 'databasen er ikke tilgængelig')
        reply.header('Retry-After', '5')
        return sendError(req, reply, 503, 'DatabaseUtilgaengelig', 'Systemet er midlertidigt utilgængeligt. Prøv igen om lidt.')
      }
      const status = statusOf(err)
      const code = codeOf(err, status)
      if (status >= 500) {
        req.log.error({ err }, 'uventet fejl')
        return sendError(req, reply, status, code, 'Der opstod en uventet fejl. Prøv igen om lidt.')
      }
      req.log.info({ code, status, msg: err.message }, 'afvist forespørgsel')
      if (err instanceof UnauthenticatedError) return sendError(req, reply, 401, code, err.message)
      const extra: Record<string, unknown> = {}
      if (err instanceof ValidationError) extra.errors = err.fields
      else if ('validation' in err && err.validation) {
        extra.errors = Object.fromEntries(
          err.validation.map((v) => [v.instancePath.replace(/^\//, '').replace(/\//g, '.') || String(v.params?.missingProperty ?? ''), v.message ?? 'ugyldig'])
        )
      }
      const detail =
        status === 429
          ? pageTexts[429]!
          : status === 403
            ? 'Sikkerhedstjekket (CSRF) fejlede.'
            : code === 'UgyldigUpload'
              ? 'Upload af filerne blev afbrudt eller var ufuldstændig. Prøv igen.'
              : status === 413 && !(err instanceof DomainError)
                ? tooLarge
                : (parserTexts[String((err as FastifyError).code)] ?? err.message)
      return sendError(req, reply, status, code, detail, extra)
    })

    app.setNotFoundHandler(async (req, reply) => sendError(req, reply, 404, 'IkkeFundet', 'Ressourcen findes ikke.'))
  },
  { name: 'errors', dependencies: ['views'] },
)
