import { Redis, type RedisOptions } from 'ioredis'

/**
 * A connection for commands that must fail fast when Redis is away (health checks,
 * rate limits, producers): no offline queue, a bounded reconnect delay.
 */
export function createRedisClient(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
    ...options,
  })
}

/** BullMQ workers block on Redis and must retry forever (BullMQ requires null here). */
export function createWorkerRedisClient(url: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 5000),
  })
}
