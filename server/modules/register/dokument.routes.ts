// GET /api/decisiondocument/:id, the national huslejenaevn.dk API's document download,
// so its clients fetch a decision's PDF by the decisionDocumentId GraphQL gave them.
// Open data: any origin, rate-limited like the REST API (more with an X-API-KEY).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { aabenForAlleOprindelser, aabentApiAdgang, restAdgangsfejl } from './api.routes.js'
import { Problem } from '../../platform/http/problem.js'
import { ApiNoegleHeaders } from './api.schemas.js'
import { afgoerelsesdokument } from './dokument.service.js'
import { sendCachebar } from './offentlig-side.js'

export const dokumentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = { db: app.db, referenceDataDir: app.config.referenceDataDir, publicUrl: app.config.publicUrl }
  app.addHook(
    'onRequest',
    aabentApiAdgang(app, {
      navn: 'decisiondocument',
      anonymMax: app.config.publicApiRateLimitPerMinute,
      fejl: restAdgangsfejl,
    }),
  )
  aabenForAlleOprindelser(app, ['/api/decisiondocument/*'], 'GET')

  app.get(
    '/api/decisiondocument/:id',
    {
      schema: {
        tags: ['register'],
        summary: 'En offentliggjort afgørelses PDF efter dens decisionDocumentId (som det landsdækkende API)',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        headers: ApiNoegleHeaders,
        response: { 200: Type.Any({ description: 'application/pdf' }), 400: Problem, 401: Problem, 404: Problem, 429: Problem },
      },
    },
    async (req, reply) => {
      const r = await afgoerelsesdokument(ctx, req.params.id)
      reply.header('Content-Disposition', `inline; filename="afgoerelse-${r.id}.pdf"`)
      return sendCachebar(req, reply, r.pdf, 'application/pdf')
    },
  )
}
