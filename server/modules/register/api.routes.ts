// The open API's REST side, /api/v1/register: search of published decisions, one
// decision, the decided rents, and the reference lists a client needs to build filters
// (municipalities, laws with chapters and provisions, case areas). Public and read-only;
// rate-limited per IP like /api/v1/naevn, more for a client with a valid X-API-KEY.
import type { FejlKode } from '../../platform/fejlkoder.js'
import { Problem } from '../../platform/http/problem.js'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { brugerForToken } from '../../kerne/auth/api-tokens.js'
import { NotFoundError, UnauthenticatedError } from '../../platform/errors.js'
import { sendError } from '../../platform/plugins/errors.js'
import { citerbarUrl } from './publicering.service.js'
import { soeg } from './soegning.js'
import {
  AfgoerelseDetalje,
  ApiNoegleHeaders,
  HuslejeListe,
  HuslejeQuery,
  IdParams,
  KommuneListe,
  LovListe,
  SagsomraadeListe,
  SagsomraadeQuery,
  SoegQuery,
  Soegeresultat,
} from './api.schemas.js'
import { antalHuslejer, findAfgoerelse, huslejerForAfgoerelser, huslejeVisning, kommuneListe, listHuslejer, loveMedKapitler, sagsomraadeListe, type Filter, type HuslejeKolonne } from './api.repository.js'

/** The PDF of a published decision (served by the register's pages). */
export const pdfUrl = (publicUrl: string, id: number | string) => `${citerbarUrl(publicUrl, id)}.pdf`

// ─── API keys and rate limits, shared with the GraphQL endpoint ─────────────────────

const noegler = new WeakMap<FastifyRequest, string>()

export interface AdgangOptions {
  /** Names the counter in Redis, so REST and GraphQL are limited separately. */
  navn: string
  /** Requests per minute per IP without a key. */
  anonymMax: number
  /** How a refusal is raised: a domain error (problem+json) or a GraphQL error. */
  fejl: (status: 401 | 429, kode: FejlKode, besked: string) => Error
}

/**
 * An onRequest hook: an X-API-KEY header must name a live key (else 401, whatever the
 * limit), and then the request counts against the key's limit, or against its IP's.
 * The counters live in Redis under the security plugin's rate-limit prefix.
 */
export function aabentApiAdgang(app: FastifyInstance, o: AdgangOptions) {
  const { config } = app
  const limiter = app.rateLimit({
    max: async (req: FastifyRequest) => (noegler.has(req) ? config.apiKeyRateLimitPerMinute : o.anonymMax),
    timeWindow: 60_000,
    keyGenerator: (req: FastifyRequest) => {
      const noegle = noegler.get(req)
      return noegle ? `${o.navn}:noegle:${noegle}` : `${o.navn}:ip:${req.ip}`
    },
    errorResponseBuilder: (_req, ctx) =>
      o.fejl(429, 'ForMangeForsoeg', `For mange forespørgsler: højst ${ctx.max} i minuttet. Prøv igen om ${ctx.after}, eller brug en API-nøgle (X-API-KEY).`),
  })
  return async function (this: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
    if (req.method === 'OPTIONS') return
    const header = req.headers['x-api-key']
    if (header !== undefined) {
      const noegle = (Array.isArray(header) ? header[0] : header)?.trim() ?? ''
      const fundet = noegle === '' ? null : await brugerForToken(app.db, noegle)
      if (!fundet) throw o.fejl(401, 'UgyldigApiNoegle', 'API-nøglen i X-API-KEY er ugyldig eller tilbagekaldt. Send forespørgslen uden nøglen, eller opret en ny under Konto → API-nøgler.')
      noegler.set(req, fundet.tokenId)
    }
    await limiter.call(this, req, reply)
  }
}

/**
 * Open data may be read from any web page: every answer carries
 * Access-Control-Allow-Origin: * (no cookie or session is ever read here, so no
 * credentials are allowed), and a preflight for the X-API-KEY header or a JSON POST is
 * answered without counting against the limit.
 */
export function aabenForAlleOprindelser(app: FastifyInstance, stier: string[], metoder: string) {
  app.addHook('onSend', async (_req, reply) => {
    reply.header('access-control-allow-origin', '*')
  })
  for (const url of stier) {
    app.options(url, { schema: { hide: true } }, async (_req, reply) =>
      reply
        .code(204)
        .header('access-control-allow-methods', metoder)
        .header('access-control-allow-headers', 'content-type, x-api-key')
        .header('access-control-max-age', '86400')
        .send(),
    )
  }
}

class ForMangeForespoergsler extends Error {
  readonly statusCode = 429
}

/** How a REST route refuses a key or a request over the limit (problem+json; 429 in the error handler's own wording). */
export const restAdgangsfejl: AdgangOptions['fejl'] = (status, kode, besked) => (status === 401 ? new UnauthenticatedError(kode, besked) : new ForMangeForespoergsler(besked))

// ─── Routes ───────────────────────────────────────────────────────────────────────

function parseId(id: string): number {
  // A public id is a positive integer; anything else is simply not there.
  if (!/^[1-9][0-9]{0,14}$/.test(id)) throw new NotFoundError('AfgoerelseIkkeFundet', 'Afgørelsen findes ikke i registret.')
  return Number(id)
}

export const apiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app
  app.addHook(
    'onRequest',
    aabentApiAdgang(app, {
      navn: 'register-api',
      anonymMax: config.publicApiRateLimitPerMinute,
      fejl: restAdgangsfejl,
    }),
  )

  aabenForAlleOprindelser(app, ['/api/v1/register/*'], 'GET')

  const tags = ['register']
  const fejlsvar = { 400: Problem, 401: Problem, 429: Problem }

  app.get(
    '/api/v1/register/afgoerelser',
    {
      schema: {
        tags,
        summary: 'Søg i offentliggjorte afgørelser (fritekst, filtre, facetter)',
        headers: ApiNoegleHeaders,
        querystring: SoegQuery,
        response: { 200: Soegeresultat, ...fejlsvar },
      },
    },
    async (req) => {
      const { side = 1, perSide = 20, sortering, ...filtre } = req.query
      const r = await soeg(app.db, { ...filtre, side, perSide, sortering: sortering ?? (filtre.q?.trim() ? 'relevans' : 'dato') })
      return {
        total: r.total,
        totalErEstimat: r.totalErEstimat,
        side,
        perSide,
        hits: r.hits.map((h) => ({ ...h, url: citerbarUrl(config.publicUrl, h.id) })),
        facetter: r.facetter,
        facetterErEstimat: r.facetterErEstimat,
      }
    },
  )

  app.get(
    '/api/v1/register/afgoerelser/:id',
    {
      schema: {
        tags,
        summary: 'En offentliggjort afgørelse: metadata, anonymiseret tekst, lovgrundlag og PDF (410 hvis trukket tilbage)',
        headers: ApiNoegleHeaders,
        params: IdParams,
        response: { 200: AfgoerelseDetalje, 401: Problem, 404: Problem, 410: Problem, 429: Problem },
      },
    },
    async (req, reply) => {
      const id = parseId(req.params.id)
      const a = await findAfgoerelse(app.db, id)
      if (!a || (a.status !== 'publiceret' && a.status !== 'trukket_tilbage')) throw new NotFoundError('AfgoerelseIkkeFundet', 'Afgørelsen findes ikke i registret.')
      if (a.status === 'trukket_tilbage') {
        return sendError(req, reply, 410, 'AfgoerelseTrukketTilbage', `Afgørelsen er trukket tilbage fra registret.${a.status_begrundelse ? ` Begrundelse: ${a.status_begrundelse}` : ''}`, {
          begrundelse: a.status_begrundelse,
          trukketTilbage: a.opdateret.toISOString(),
        })
      }
      const huslejer = await huslejerForAfgoerelser(app.db, [a.id])
      const labels = a.subject_labels
      return {
        id: a.id,
        url: citerbarUrl(config.publicUrl, a.id),
        pdfUrl: pdfUrl(config.publicUrl, a.id),
        titel: a.titel,
        naevnId: a.naevn_id,
        naevnNavn: a.naevn_navn,
        decisiveBoard: a.naevn_type as 'RENT_BOARD' | 'RESIDENT_COMPLAINTS_BOARD',
        municipalityCode: a.kommunekode,
        municipalityName: a.kommunenavn,
        dateOfFiling: a.date_of_filing,
        dateOfDecision: a.date_of_decision,
        reasonForClosing: a.reason_for_closing,
        inFavour: a.in_favour,
        submitter: a.submitter,
        locallyInspected: a.locally_inspected,
        generalPublicInterest: a.general_public_interest,
        impositionOfFee: a.imposition_of_fee,
        subjects: a.subjects.map((kode, i) => ({ kode, label: labels[i] ?? kode })),
        statutories: a.statutories as never,
        tekst: a.tekst,
        version: a.version,
        publiceret: a.publiceret.toISOString(),
        opdateret: a.opdateret.toISOString(),
        huslejer: huslejer.map(huslejeVisning),
      }
    },
  )

  app.get(
    '/api/v1/register/huslejer',
    {
      schema: {
        tags,
        summary: 'Huslejeregistret: fastsatte huslejer efter postnummer, kommune, metode og adresse',
        headers: ApiNoegleHeaders,
        querystring: HuslejeQuery,
        response: { 200: HuslejeListe, ...fejlsvar },
      },
    },
    async (req) => {
      const { side = 1, perSide = 20, postnr, kommunekode, method, adresse } = req.query
      const betingelser: Filter<HuslejeKolonne>[] = []
      if (postnr !== undefined) betingelser.push({ kolonne: 'postnr', op: 'eq', vaerdi: postnr })
      if (kommunekode !== undefined) betingelser.push({ kolonne: 'kommunekode', op: 'eq', vaerdi: kommunekode })
      if (method !== undefined) betingelser.push({ kolonne: 'method', op: 'eq', vaerdi: method })
      const filter = betingelser.length > 0 ? { alle: betingelser } : undefined
      const soeg = adresse?.trim() || undefined
      const [total, rows] = await Promise.all([
        antalHuslejer(app.db, { filter, adresse: soeg }),
        listHuslejer(app.db, { filter, adresse: soeg, sortering: [], offset: (side - 1) * perSide, limit: perSide }),
      ])
      return { total, side, perSide, items: rows.map(huslejeVisning) }
    },
  )

  // Reference data change only with a new release of the data files: cacheable.
  const reference = { tags, headers: ApiNoegleHeaders }
  const cache = (reply: FastifyReply) => reply.header('Cache-Control', 'public, max-age=3600')

  app.get(
    '/api/v1/register/kommuner',
    { schema: { ...reference, summary: 'Kommunerne med kommunekode', response: { 200: KommuneListe, 401: Problem, 429: Problem } } },
    async (_req, reply) => {
      cache(reply)
      return { items: [...(await kommuneListe(config.referenceDataDir))] }
    },
  )

  app.get(
    '/api/v1/register/love',
    { schema: { ...reference, summary: 'Lovene med kapitler og paragraffer, som afgørelser henviser til', response: { 200: LovListe, 401: Problem, 429: Problem } } },
    async (_req, reply) => {
      cache(reply)
      const love = await loveMedKapitler(config.referenceDataDir)
      return {
        items: love.map((l) => ({
          lawId: l.lawId,
          lawText: l.lawText,
          chapters: l.chapters.map((k) => ({ chapterId: k.chapterId, chapterText: k.chapterText, sections: k.sections.map((s) => ({ id: s.id, sectionId: s.sectionId, sectionText: s.sectionText })) })),
        })),
      }
    },
  )

  app.get(
    '/api/v1/register/sagsomraader',
    {
      schema: {
        ...reference,
        summary: 'Sagsområderne (emner) med danske betegnelser pr. nævnstype',
        querystring: SagsomraadeQuery,
        response: { 200: SagsomraadeListe, 400: Problem, 401: Problem, 429: Problem },
      },
    },
    async (req, reply) => {
      cache(reply)
      return { items: sagsomraadeListe(req.query.naevnType) }
    },
  )
}
