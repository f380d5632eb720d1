import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { anonymiseringRoutes } from './anonymisering.routes.js'

const anonymisering: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(anonymiseringRoutes)
}
export default anonymisering
