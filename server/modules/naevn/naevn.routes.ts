// The boards as their own staff and members see them (page and API), the public list
// of boards and the municipalities they serve, and "who am I" for API clients.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { assertMayViewNaevn, mayConfigureNaevn, startPageFor } from '../../kerne/access/policies.js'
import { getNaevn, listMedlemmer, listNaevn, naevnTypeLabel } from '../../kerne/naevn/naevn.js'
import { rolleLabel } from '../../kerne/brugere/brugere.js'
import { Problem } from '../../platform/http/problem.js'
import { Mig, NaevnDetail, NaevnListQuery, NaevnParams, NaevnSummary } from './naevn.schemas.js'
import { Type } from 'typebox'

function summary(b: Awaited<ReturnType<typeof listNaevn>>[number]) {
  return { id: b.id, type: b.type, navn: b.navn, aktiv: b.aktiv, sammenlagtI: b.sammenlagt_i, kommuner: b.kommuner }
}

export const naevnRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/naevn/:id', { schema: { params: NaevnParams }, preHandler: guard() }, async (req, reply) => {
    assertMayViewNaevn(req.principal, req.params.id)
    const [naevn, medlemmer] = await Promise.all([getNaevn(app.db, req.params.id), listMedlemmer(app.db, req.params.id)])
    return reply.page('pages/naevn/naevn', {
      titel: naevn.navn,
      naevn: { ...naevn, typeLabel: naevnTypeLabel[naevn.type], kommuner: naevn.kommuner.map((k) => k.navn).join(', ') },
      medlemmer: medlemmer.map((m) => ({ ...m, rolle: rolleLabel[m.rolle] })),
      kanIndstille: mayConfigureNaevn(req.principal, req.params.id),
    })
  })

  // Public: which board serves which municipality is public knowledge (and what the
  // filing wizard shows a citizen).
  app.get(
    '/api/v1/naevn',
    {
      schema: {
        tags: ['nævn'],
        summary: 'Aktive nævn og de kommuner, de dækker',
        querystring: NaevnListQuery,
        response: { 200: Type.Object({ items: Type.Array(NaevnSummary) }) },
      },
      // Anyone may ask, so nobody may ask without limit.
      config: { rateLimit: { max: app.config.publicApiRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (req) => {
      const rows = await listNaevn(app.db, { type: req.query.type, q: req.query.q, aktiv: true })
      return { items: rows.map(summary) }
    },
  )

  app.get(
    '/api/v1/naevn/:id',
    {
      schema: {
        tags: ['nævn'],
        summary: 'Et nævn med sekretariat og medlemmer (kun for nævnets egne brugere og administratorer)',
        security: [{ session: [] }],
        params: NaevnParams,
        response: { 200: NaevnDetail, 401: Problem, 404: Problem },
      },
      preHandler: guard(),
    },
    async (req) => {
      assertMayViewNaevn(req.principal, req.params.id)
      const [naevn, medlemmer] = await Promise.all([getNaevn(app.db, req.params.id), listMedlemmer(app.db, req.params.id)])
      return {
        ...summary(naevn),
        email: naevn.email,
        telefon: naevn.telefon,
        medlemmer: medlemmer.map((m) => ({ id: m.id, navn: m.navn, rolle: m.rolle })),
      }
    },
  )

  app.get(
    '/api/v1/mig',
    {
      schema: {
        tags: ['konto'],
        summary: 'Den indloggede bruger, roller og nævn',
        security: [{ session: [] }],
        response: { 200: Mig, 401: Problem },
      },
    },
    async (req) => {
      const p = requirePrincipal(req)
      return { id: p.userId, navn: p.navn, email: p.email, admin: p.isAdmin, startside: startPageFor(p), medlemskaber: p.memberships }
    },
  )
}
