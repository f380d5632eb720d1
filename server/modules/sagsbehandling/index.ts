import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sagsbehandlingRoutes } from './sagsbehandling.routes.js'
import { oversigtRoutes } from './oversigt.routes.js'
import { adgangslogRoutes } from './adgangslog.routes.js'
import { fuldmagterRoutes } from './fuldmagter.routes.js'
import { sagsbehandlingApi } from './sagsbehandling.api.js'

const sagsbehandling: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(sagsbehandlingRoutes)
  await app.register(oversigtRoutes)
  await app.register(adgangslogRoutes)
  await app.register(fuldmagterRoutes)
  await app.register(sagsbehandlingApi)
}
export default sagsbehandling
