// What the web process and the worker share about Prometheus metrics: the bearer-token
// check (constant time) and a fresh registry per process part (tests build several apps).
import { timingSafeEqual, createHash } from 'node:crypto'
import { collectDefaultMetrics, Registry } from 'prom-client'

/** True when the Authorization header carries the configured token. */
export function harMetricsToken(authorization: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim()
  if (!given) return false
  // Hashing first makes the comparison constant-time whatever the lengths.
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(token).digest()
  return timingSafeEqual(a, b)
}

export function nytRegister(proces: 'web' | 'worker'): Registry {
  const register = new Registry()
  register.setDefaultLabels({ proces })
  collectDefaultMetrics({ register, prefix: 'naevn_' })
  return register
}
