// Login, logout and citizen registration: the pages every user passes through.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { startPageFor } from '../../access/policies.js'
import { forLangeFelter, text } from '../../forms/form.js'
import { LoginBody, LoginQuery, RegistrerBody } from './konto.schemas.js'
import { login, registrerBorger, type Registrering } from './konto.service.js'

/** Only same-site paths, so the login page cannot be used to redirect elsewhere. */
export function safeNext(next: string | undefined): string | undefined {
  // No control characters, whitespace or backslashes anywhere: browsers strip some of them and
  // would turn "/\t/evil.example" into the protocol-relative "//evil.example".
  const rent = next && [...next].every((c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) !== 0x7f && c !== '\\')
  return rent && /^\/(?!\/)/.test(next) ? next : undefined
}

const loginFejl = 'E-mailadressen eller adgangskoden er forkert, eller kontoen er midlertidigt spærret efter for mange forsøg. Prøv igen, eller vent et kvarter.'

export const kontoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app

  app.get('/login', { schema: { querystring: LoginQuery } }, async (req, reply) => {
    if (req.principal) return reply.redirect(safeNext(req.query.naeste) ?? startPageFor(req.principal))
    return reply.page('pages/konto/login', { titel: 'Log ind', naeste: safeNext(req.query.naeste) ?? '', email: '' })
  })

  app.post(
    '/login',
    {
      schema: { body: LoginBody },
      config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const email = text(req.body, 'email', 254)
      const password = text(req.body, 'adgangskode', 1000)
      const naeste = safeNext(text(req.body, 'naeste'))
      const result = await login(app.db, email, password, req.ip, {
        attempts: config.loginLockoutAttempts,
        minutes: config.loginLockoutMinutes,
      })
      if (!result.ok) {
        req.log.info('login afvist')
        return reply.status(400).page('pages/konto/login', {
          titel: 'Log ind',
          naeste: naeste ?? '',
          email,
          fejlListe: [{ felt: 'email', besked: loginFejl }],
        })
      }
      await reply.startSession(result.userId)
      req.log.info({ userId: result.userId }, 'logget ind')
      return reply.redirect(naeste ?? '/', 303)
    },
  )

  app.post('/logout', { schema: { body: LoginBody } }, async (req, reply) => {
    await reply.endSession()
    return reply.redirect('/login?logget_ud=1', 303)
  })

  app.get('/registrer', { schema: { querystring: LoginQuery } }, async (req, reply) => {
    if (req.principal) return reply.redirect('/')
    return reply.page('pages/konto/registrer', { titel: 'Opret konto', v: {}, naeste: safeNext(req.query.naeste) ?? '' })
  })

  app.post(
    '/registrer',
    {
      schema: { body: RegistrerBody },
      config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const input: Registrering = {
        navn: text(req.body, 'navn', 200),
        email: text(req.body, 'email', 254),
        adgangskode: text(req.body, 'adgangskode', 1000),
        adgangskode_gentag: text(req.body, 'adgangskode_gentag', 1000),
      }
      const result = forLangeFelter(req.body) ?? (await registrerBorger(app.db, input))
      if ('errors' in result) {
        // Passwords are not sent back into the page.
        return reply.status(400).page('pages/konto/registrer', {
          titel: 'Opret konto',
          naeste: safeNext(text(req.body, 'naeste')) ?? '',
          v: { navn: input.navn, email: input.email },
          ...result.errors.toView(),
        })
      }
      await reply.startSession(result.userId)
      return reply.redirect(safeNext(text(req.body, 'naeste')) ?? '/mine-sager?velkommen=1', 303)
    },
  )
}
