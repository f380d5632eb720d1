// GDPR operations: retention per board, deletion of expired cases (approved by the head
// of the secretariat), and access requests (indsigt). The work is in server/modules/gdpr/.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { opbevaringRoutes } from './opbevaring.routes.js'
import { sletningRoutes } from './sletning.routes.js'
import { indsigtRoutes } from './indsigt.routes.js'

const gdpr: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(opbevaringRoutes)
  await app.register(sletningRoutes)
  await app.register(indsigtRoutes)
}
export default gdpr
