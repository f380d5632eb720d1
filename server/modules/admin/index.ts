import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { adminRoutes } from './admin.routes.js'
import { gebyrRoutes } from './gebyrer.routes.js'

const admin: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(adminRoutes)
  await app.register(gebyrRoutes)
}
export default admin
