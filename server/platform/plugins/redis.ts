import fp from 'fastify-plugin'
import type { Redis } from 'ioredis'
import { createRedisClient } from '../queues/redis.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Fail-fast connection for rate limits and readiness; not for BullMQ workers. */
    redis: Redis
  }
}

export default fp(
  async (app) => {
    const redis = createRedisClient(app.config.redisUrl)
    // Redis being away must not crash the server: readiness reports it, rate limits skip.
    redis.on('error', (err) => app.log.warn({ err: err.message }, 'redis: forbindelsesfejl'))
    app.decorate('redis', redis)
    app.addHook('onClose', async () => {
      redis.disconnect()
    })
  },
  { name: 'redis', dependencies: ['config'] },
)
