// Sessions: a signed JWT in an httpOnly, SameSite=Lax cookie carries only the session id;
// each request checks that session in the database and loads the principal.
import fp from 'fastify-plugin'
import fastifyJwt from '@fastify/jwt'
import { loadPrincipal, type Principal } from '../../kerne/access/principal.js'
import { createSession, revokeSession, touchSession, type SessionPolicy } from '../../kerne/auth/sessions.js'
import { brugerForToken } from '../../kerne/auth/api-tokens.js'

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null
    /** How the principal was established: a browser session or an API bearer token. */
    authMethod: 'session' | 'token' | null
  }
  interface FastifyReply {
    startSession(userId: string): Promise<void>
    endSession(): Promise<void>
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sid: string }
    user: { sid: string }
  }
}

export const sessionCookie = 'naevn_session'

export default fp(
  async (app) => {
    const { config, db } = app
    const policy: SessionPolicy = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours }
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: config.cookieSecure,
      maxAge: config.sessionAbsoluteHours * 3600,
    }

    await app.register(fastifyJwt, {
      secret: config.sessionSecret,
      cookie: { cookieName: sessionCookie, signed: false },
      sign: { expiresIn: `${config.sessionAbsoluteHours}h` },
    })

    app.decorateRequest('principal', null)
    app.decorateRequest('authMethod', null)

    app.addHook('onRequest', async (req, reply) => {
      if (req.url.startsWith('/static/')) return
      const authorization = req.headers.authorization
      if (authorization?.startsWith('Bearer ') && req.url.startsWith('/api/')) {
        const found = await brugerForToken(db, authorization.slice(7).trim())
        req.principal = found ? await loadPrincipal(db, found.userId, `api:${found.tokenId}`) : null
        req.authMethod = req.principal ? 'token' : null
        return
      }
      if (!req.cookies[sessionCookie]) return
      let sid: string
      try {
        sid = (await req.jwtVerify<{ sid: string }>({ onlyCookie: true })).sid
      } catch {
        reply.clearCookie(sessionCookie, { path: '/' })
        return
      }
      const userId = await touchSession(db, sid, policy)
      req.principal = userId ? await loadPrincipal(db, userId, sid) : null
      req.authMethod = req.principal ? 'session' : null
      if (!req.principal) reply.clearCookie(sessionCookie, { path: '/' })
    })

    app.decorateReply('startSession', async function (this, userId: string) {
      // Logging in again in the same browser ends the session it had (another user's, perhaps).
      const tidligere = this.request.principal
      if (tidligere && this.request.authMethod !== 'token') await revokeSession(db, tidligere.sessionId)
      const sid = await createSession(db, userId, policy, { ip: this.request.ip, userAgent: this.request.headers['user-agent'] })
      const token = await this.jwtSign({ sid })
      this.setCookie(sessionCookie, token, cookieOptions)
    })

    app.decorateReply('endSession', async function (this) {
      const principal = this.request.principal
      if (principal) await revokeSession(db, principal.sessionId)
      this.request.principal = null
      this.clearCookie(sessionCookie, { path: '/' })
    })
  },
  { name: 'auth', dependencies: ['config', 'db', 'security'] },
)
