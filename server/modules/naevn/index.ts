import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { naevnRoutes } from './naevn.routes.js'

const naevn: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(naevnRoutes)
}
export default naevn
