import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { notifikationRoutes } from './notifikation.routes.js'

const notifikation: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(notifikationRoutes)
}
export default notifikation
