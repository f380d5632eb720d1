import fp from 'fastify-plugin'
import { loadPostnumre, type PostnummerIndex } from '../../kerne/referencedata/postnumre.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Postal codes and their municipalities, read once at start-up. */
    postnumre: PostnummerIndex
  }
}

export default fp(
  async (app) => {
    app.decorate('postnumre', await loadPostnumre(app.config.referenceDataDir))
  },
  { name: 'referencedata', dependencies: ['config'] },
)
