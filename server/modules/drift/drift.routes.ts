// Liveness and readiness for load balancers and orchestrators.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { sql } from 'kysely'
import { sendError } from '../../platform/plugins/errors.js'
import { pingRedis } from '../../platform/queues/redis.js'

const Status = Type.Union([Type.Literal('ok'), Type.Literal('nede')])
const Ready = Type.Object({ status: Status, postgres: Status, redis: Status })

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timeout ${ms} ms`)), ms).unref())])
}

export const driftRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    { config: { api: true }, schema: { tags: ['drift'], summary: 'Processen kører', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  )

  app.get(
    '/readyz',
    {
      config: { api: true },
      schema: { tags: ['drift'], summary: 'PostgreSQL og Redis svarer (503 med den afhængighed, der er nede)', response: { 200: Ready } },
    },
    async (req, reply) => {
      const [pg, redis] = await Promise.allSettled([
        withTimeout(sql`SELECT 1`.execute(app.db), 2000),
        pingRedis(app.redis, 2000),
      ])
      const result = {
        status: 'ok' as 'ok' | 'nede',
        postgres: pg.status === 'fulfilled' ? ('ok' as const) : ('nede' as const),
        redis: redis.status === 'fulfilled' ? ('ok' as const) : ('nede' as const),
      }
      if (result.postgres === 'ok' && result.redis === 'ok') return result
      const down = [result.postgres === 'nede' && 'PostgreSQL', result.redis === 'nede' && 'Redis'].filter(Boolean)
      req.log.warn({ postgres: result.postgres, redis: result.redis }, 'ikke klar')
      return sendError(req, reply, 503, 'IkkeKlar', `${down.join(' og ')} svarer ikke.`, { ...result, status: 'nede' })
    },
  )
}
