import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { indbringelseRoutes } from './indbringelse.routes.js'
import { indbringelseApi } from './indbringelse.api.js'

const indbringelse: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(indbringelseRoutes)
  await app.register(indbringelseApi)
}
export default indbringelse
