import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { adminRoutes } from './admin.routes.js'

const admin: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(adminRoutes)
}
export default admin
