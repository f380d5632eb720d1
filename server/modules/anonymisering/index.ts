import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { anonymiseringRoutes } from './anonymisering.routes.js'
import { politikRoutes } from './politik.routes.js'

const anonymisering: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(anonymiseringRoutes)
  await app.register(politikRoutes)
}
export default anonymisering
