// Public statistics per board and year (/statistik): decisions made, published and
// withheld, the outcomes, and the median processing time. Aggregates only
// (statistik.repository.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { offentligSide, tekstParam } from './offentlig-side.js'
import { statistikSide } from './statistik.service.js'

export const statistikRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/statistik', async (req, reply) => {
    const { status, vm } = await statistikSide(app.db, tekstParam((req.query as Record<string, unknown> | undefined)?.aar))
    return offentligSide(req, reply, 'pages/register/statistik', vm, status)
  })
}
