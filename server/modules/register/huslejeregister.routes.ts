// The huslejeregister's public page (/huslejeregister) and its CSV download
// (?format=csv with the same filters). No login; only published rents.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { cacheHeaders, offentligSide } from './offentlig-side.js'
import { huslejeregisterSide, kontrollerHuslejeInput, laesHuslejeInput } from './huslejeregister.service.js'
import { huslejeSideCsv } from './eksport.service.js'
import { CSV_TYPE } from './csv.js'

export const huslejeregisterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // No querystring schema: a bad value re-renders the page with a Danish message and
  // what was typed (the service checks every field).
  app.get('/huslejeregister', async (req, reply) => {
    const input = laesHuslejeInput(req.query)
    if (input.format === 'csv') {
      const { f, fejl } = await kontrollerHuslejeInput(input, app.config.referenceDataDir)
      if (Object.keys(fejl).length === 0) {
        cacheHeaders(req, reply)
        reply.header('Content-Disposition', 'attachment; filename="huslejeregister.csv"')
        return reply.type(CSV_TYPE).send(huslejeSideCsv(app.db, app.config.publicUrl, f))
      }
    }
    const { status, vm } = await huslejeregisterSide(app.db, app.config.referenceDataDir, req.query)
    return offentligSide(req, reply, 'pages/register/huslejeregister', vm, status)
  })
}
