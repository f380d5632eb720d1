// The huslejeregister's public page (/huslejeregister) and its CSV download
// (?format=csv with the same filters). No login; only published rents.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { cacheHeaders, linkMed, renderSide, sendSide } from './offentlig-side.js'
import { huslejeregisterSide, kontrollerHuslejeInput, laesHuslejeInput } from './huslejeregister.service.js'
import { huslejeSideCsv } from './eksport.service.js'
import { CSV_TYPE } from './csv.js'
import { SideCache, ttlMemo } from './cache.js'
import type { StatistikRaekke } from './huslejeregister.repository.js'

export const huslejeregisterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The statistics (percentile_cont over every matching rent) are the page's expensive
  // part: each combination of filters is computed at most once per 30 seconds per
  // process. Aggregates only, so a rent withdrawn meanwhile counts in a median for at most
  // that long; the table of rents itself is always read fresh.
  const statistikCache = ttlMemo<StatistikRaekke[]>(30_000)
  // The anonymous page as a whole, per combination of filters, for the same 30 seconds:
  // the table of rents and its count read every matching row (a municipality can hold
  // thousands), which public traffic must not repeat on every request. Withdrawing a
  // decision empties its rent from the downloads at once and from this page within 30
  // seconds (browsers and proxies may keep it for the 60 of Cache-Control anyway);
  // logged-in visitors always get a fresh page.
  const sideCache = new SideCache(30_000, 500)

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
    const noegle = linkMed('', { adresse: input.adresse, postnr: input.postnr, kommunekode: input.kommunekode, metode: input.metode, side: input.side })
    const hit = req.principal ? undefined : sideCache.hent(noegle, '')
    if (hit) return sendSide(req, reply, hit)
    const { status, vm } = await huslejeregisterSide(app.db, app.config.referenceDataDir, req.query, statistikCache)
    const side = await renderSide(req, reply, 'pages/register/huslejeregister', vm, status)
    if (!req.principal && status === 200) sideCache.gem(noegle, '', side)
    return sendSide(req, reply, side)
  })
}
