// The public registers: afgørelsesregister and huslejeregister (pages, search, open
// data), and the open API (REST and GraphQL). No login; only published, anonymized data.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { siderRoutes } from './sider.routes.js'
import { huslejeregisterRoutes } from './huslejeregister.routes.js'
import { statistikRoutes } from './statistik.routes.js'
import { eksportRoutes } from './eksport.routes.js'
import { apiRoutes } from './api.routes.js'
import { graphqlApi } from './graphql/index.js'
import { dokumentRoutes } from './dokument.routes.js'

const register: FastifyPluginAsyncTypebox = async (app) => {
  // Each part registers its routes here.
  await app.register(siderRoutes)
  await app.register(huslejeregisterRoutes)
  await app.register(statistikRoutes)
  await app.register(eksportRoutes)
  await app.register(apiRoutes)
  await app.register(graphqlApi)
  await app.register(dokumentRoutes)
}
export default register
