import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { forsideRoutes } from './forside.routes.js'

const forside: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(forsideRoutes)
}
export default forside
