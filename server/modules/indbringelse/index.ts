import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { indbringelseRoutes } from './indbringelse.routes.js'

const indbringelse: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(indbringelseRoutes)
}
export default indbringelse
