// The public registers: afgørelsesregister and huslejeregister (pages, search, open
// data), and the open API (REST and GraphQL). No login; only published, anonymized data.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

const register: FastifyPluginAsyncTypebox = async () => {
  // Each part registers its routes here.
}
export default register
