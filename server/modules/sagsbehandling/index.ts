import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sagsbehandlingRoutes } from './sagsbehandling.routes.js'

const sagsbehandling: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(sagsbehandlingRoutes)
}
export default sagsbehandling
