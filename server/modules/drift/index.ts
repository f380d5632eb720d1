import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { driftRoutes } from './drift.routes.js'

const drift: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(driftRoutes)
}
export default drift
