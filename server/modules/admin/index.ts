import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { adminRoutes } from './admin.routes.js'
import { gebyrRoutes } from './gebyrer.routes.js'
import { skabelonRoutes } from './skabeloner.routes.js'
import { loginIndstillingerRoutes } from './login.routes.js'

const admin: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(adminRoutes)
  await app.register(gebyrRoutes)
  await app.register(skabelonRoutes)
  await app.register(loginIndstillingerRoutes)
}
export default admin
