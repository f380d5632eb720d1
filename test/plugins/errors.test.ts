import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'

// Routes that fail unexpectedly, with an internal detail in their message.
function failingRoutes(app: FastifyInstance) {
  const fail = async () => {
    throw new Error('hemmelig intern detalje: password=hunter2')
  }
  app.get('/api/v1/test-fejl', fail)
  app.get('/test-fejl', fail)
}

describe('errors and pages', () => {
  const w = useWorld({}, { beforeReady: failingRoutes })

  it('when an unknown page is opened, then a Danish DKFDS 404 page answers', async () => {
    const res = await w.app.inject('/findes-ikke')
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toContain('text/html')
    expect(res.body).toContain('<html lang="da">')
    expect(res.body).toContain('Siden findes ikke')
    expect(res.body).toContain('/static/dkfds/css/dkfds-borgerdk.min.css')
    expect(res.body).toContain('Tilgængelighedserklæring')
  })

  it('when an unknown API path is asked for, then the 404 is problem+json', async () => {
    const res = await w.app.inject('/api/v1/findes-ikke')
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({ status: 404, title: 'Siden findes ikke' })
  })

  it('when something breaks, then a 500 never shows internals, neither in the API nor on a page', async () => {
    const api = await w.app.inject('/api/v1/test-fejl')
    expect(api.statusCode).toBe(500)
    expect(api.body).not.toContain('hemmelig')
    expect(api.json()).toMatchObject({ status: 500, code: 'InternFejl' })
    const page = await w.app.inject('/test-fejl')
    expect(page.statusCode).toBe(500)
    expect(page.body).not.toContain('hemmelig')
    expect(page.body).toContain('Der opstod en fejl')
  })

  it('when an API query fails validation, then the problem names the field', async () => {
    const res = await w.app.inject('/api/v1/naevn?type=forkert')
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ status: 400, code: 'UgyldigeData' })
  })

  it('when any page is served, then a strict CSP without inline scripts is set', async () => {
    const res = await w.app.inject('/login')
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.body).not.toMatch(/<script>(?!<\/script>)/)
    expect(res.body).not.toMatch(/ style="/)
  })

  it('when the DKFDS assets are asked for, then they are served from node_modules', async () => {
    const css = await w.app.inject('/static/dkfds/css/dkfds-borgerdk.min.css')
    expect(css.statusCode).toBe(200)
    const js = await w.app.inject('/static/dkfds/js/dkfds.min.js')
    expect(js.statusCode).toBe(200)
  })

  it('when the OpenAPI document is read, then it describes the API routes and not the pages', async () => {
    const res = await w.app.inject('/api/docs/json')
    expect(res.statusCode).toBe(200)
    const paths = Object.keys(res.json().paths)
    expect(paths).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/api/v1/naevn', '/api/v1/naevn/{id}', '/api/v1/mig']))
    expect(paths).not.toContain('/login')
    expect((await w.app.inject('/api/docs')).statusCode).toBeLessThan(400)
  })
})
