import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { koeRoutes } from './koeer.routes.js'

const koeer: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(koeRoutes)
}
export default koeer
