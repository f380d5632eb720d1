import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { kontoRoutes } from './konto.routes.js'
import { apiNoeglerRoutes } from './api-noegler.routes.js'

const konto: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(kontoRoutes)
  await app.register(apiNoeglerRoutes)
}
export default konto
