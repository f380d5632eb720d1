// Nævnsmøde: the secretariat's meetings, agendas and inspections (/sagsbehandling/moeder)
// and the board members' portal (/naevnsportal). Who sees what: server/kerne/access/moeder.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { moederRoutes } from './moeder.routes.js'
import { portalRoutes } from './portal.routes.js'

const naevnsmoede: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(moederRoutes)
  await app.register(portalRoutes)
}
export default naevnsmoede
