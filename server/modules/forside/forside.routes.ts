// The front page and each role's start page. The start pages show what each role has
// today; the case modules fill them out (the board members' /naevnsportal lives in
// modules/naevnsmoede).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { startPageFor } from '../../kerne/access/policies.js'

export const forsideRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', async (req, reply) => {
    if (req.principal) return reply.redirect(startPageFor(req.principal))
    return reply.page('pages/forside', { titel: 'Nævn – huslejenævn og beboerklagenævn' })
  })

  // Browsers ask for /favicon.ico on their own.
  app.get('/favicon.ico', async (_req, reply) => reply.redirect('/static/app/favicon.svg', 301))

  app.get('/tilgaengelighed', async (_req, reply) => reply.page('pages/tilgaengelighed', { titel: 'Tilgængelighedserklæring' }))

  app.get('/cookies', async (_req, reply) =>
    reply.page('pages/cookies', { titel: 'Cookies', sessionTimer: app.config.sessionAbsoluteHours }),
  )
}
