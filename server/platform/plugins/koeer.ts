import fp from 'fastify-plugin'
import { KoeAdgang } from '../queues/koeadgang.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The job queues as operators see them: counts, failed jobs, retry and remove. */
    koeer: KoeAdgang
  }
}

export default fp(
  async (app) => {
    // Shares the fail-fast connection: with Redis away the page says so at once.
    const koeer = new KoeAdgang(app.redis, app.config.queuePrefix)
    app.decorate('koeer', koeer)
    app.addHook('onClose', async () => {
      await koeer.close()
    })
  },
  { name: 'koeer', dependencies: ['config', 'redis'] },
)
