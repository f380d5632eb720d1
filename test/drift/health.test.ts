import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'

describe('health', () => {
  const w = useWorld()

  it('when the process runs, then /healthz answers ok', async () => {
    const res = await w.app.inject('/healthz')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok' })
  })

  it('when PostgreSQL and Redis answer, then /readyz is 200', async () => {
    const res = await w.app.inject('/readyz')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', postgres: 'ok', redis: 'ok' })
  })
})

describe('health with Redis down', () => {
  // Nothing listens on this port: the app's Redis connection never comes up.
  const w = useWorld({ REDIS_URL: 'redis://127.0.0.1:1' })

  it('when Redis does not answer, then /readyz is 503 and names Redis', async () => {
    const res = await w.app.inject('/readyz')
    expect(res.statusCode).toBe(503)
    expect(res.headers['content-type']).toContain('application/problem+json')
    const body = res.json()
    expect(body).toMatchObject({ status: 'nede', postgres: 'ok', redis: 'nede', code: 'IkkeKlar' })
    expect(body.detail).toContain('Redis')
  })
})

describe('health with PostgreSQL down', () => {
  // Nothing listens on this port: every database query fails.
  const w = useWorld({ DATABASE_URL: 'postgres://naevn:naevn@127.0.0.1:1/naevn' })

  it('when PostgreSQL does not answer, then /readyz is 503 and names PostgreSQL', async () => {
    const res = await w.app.inject('/readyz')
    expect(res.statusCode).toBe(503)
    expect(res.json()).toMatchObject({ status: 'nede', postgres: 'nede', redis: 'ok' })
    expect(res.json().detail).toContain('PostgreSQL')
  })
})
