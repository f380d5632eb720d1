import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { koeRoutes } from './koeer.routes.js'
import { bullBoard } from './bullboard.js'

const koeer: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(koeRoutes)
  await app.register(bullBoard)
}
export default koeer
