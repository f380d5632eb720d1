import fp from 'fastify-plugin'
import { createCprCipher, type CprCipher } from '../../kerne/identitet/cpr-crypto.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Encrypts CPR numbers at rest and makes their look-up hashes. */
    cpr: CprCipher
  }
}

export default fp(
  async (app) => {
    app.decorate('cpr', createCprCipher(app.config.cprEncryptionKey))
  },
  { name: 'cpr', dependencies: ['config'] },
)
