import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { afgoerelseRoutes } from './afgoerelse.routes.js'

const afgoerelse: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(afgoerelseRoutes)
}
export default afgoerelse
