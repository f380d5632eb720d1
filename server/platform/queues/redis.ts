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

/**
 * PING with a deadline. A client still connecting gets until the deadline to become
 * ready, so a process that just started is not reported as broken.
 */
export async function pingRedis(redis: Redis, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  let onReady: (() => void) | undefined
  try {
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis svarede ikke inden ${timeoutMs} ms`)), timeoutMs)
      const ping = () => redis.ping().then(() => resolve(), reject)
      if (redis.status === 'ready') return ping()
      onReady = ping
      redis.once('ready', onReady)
    })
  } finally {
    clearTimeout(timer)
    if (onReady) redis.off('ready', onReady)
  }
}
