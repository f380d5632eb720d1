// Cookies, form bodies, security headers (strict CSP: no inline scripts or styles), CSRF
// on every state-changing request, and the rate limiter (used per route).
import fp from 'fastify-plugin'
import fastifyCookie from '@fastify/cookie'
import fastifyFormbody from '@fastify/formbody'
import fastifyHelmet from '@fastify/helmet'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyRateLimit from '@fastify/rate-limit'
import { parse as parseQuery } from 'node:querystring'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Skips the CSRF check: only for routes that no browser session can reach. */
    csrfExempt?: boolean
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export default fp(
  async (app) => {
    const { config } = app
    await app.register(fastifyCookie, { secret: config.sessionSecret })
    // Repeated fields (checkboxes, multi-selects) arrive as arrays.
    await app.register(fastifyFormbody, { parser: (body) => parseQuery(body), bodyLimit: 256 * 1024 })

    await app.register(fastifyHelmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          // Logging out of MitID posts /logout, which redirects to the broker's end_session_endpoint.
          formAction: ["'self'", new URL(config.oidc.issuer).origin],
          frameAncestors: ["'none'"],
          // Upgrading on plain-http installations would break every asset.
          ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      hsts: config.cookieSecure,
    })

    await app.register(fastifyCsrf, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: 'naevn_csrf',
      cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: config.cookieSecure, signed: true },
      getToken: (req) => {
        const body = req.body as Record<string, unknown> | undefined
        const field = body?._csrf
        // Multipart fields arrive as { value }; urlencoded ones as strings.
        const fromBody =
          typeof field === 'string' ? field : field && typeof field === 'object' && 'value' in field ? String((field as { value: unknown }).value) : undefined
        return fromBody ?? (req.headers['x-csrf-token'] as string | undefined)
      },
    })
    app.addHook('preHandler', (req, reply, done) => {
      // A bearer token is never sent by a browser on its own, so it cannot be forged
      // cross-site; cookie sessions always need the token.
      if (!unsafeMethods.has(req.method) || req.routeOptions.config?.csrfExempt || req.authMethod === 'token') return done()
      app.csrfProtection(req, reply, done)
    })

    await app.register(fastifyRateLimit, {
      global: false,
      redis: app.redis,
      nameSpace: `${config.queuePrefix}:ratelimit:`,
      // With Redis away, login still works (the database lockout still applies).
      skipOnError: true,
    })
  },
  { name: 'security', dependencies: ['config', 'redis'] },
)
