import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { kontoRoutes } from './konto.routes.js'

const konto: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(kontoRoutes)
}
export default konto
