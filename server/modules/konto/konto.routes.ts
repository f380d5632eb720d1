// Login, logout and citizen registration: the pages every user passes through.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { startPageFor } from '../../kerne/access/policies.js'
import { borgerAdgangskodeTilladt } from '../../kerne/auth/login-indstillinger.js'
import type { OidcKlient } from '../../kerne/auth/oidc/oidc-klient.js'
import { forLangeFelter, text } from '../../platform/forms/form.js'
import { Type } from 'typebox'
import { LoginBody, LoginQuery, RegistrerBody } from './konto.schemas.js'
import { login, registrerBorger, type Registrering } from './konto.service.js'
import { safeNext } from './naeste.js'
import { kraevTotp } from './adgangskode.routes.js'

const loginFejl = 'E-mailadressen eller adgangskoden er forkert, eller kontoen er midlertidigt spærret efter for mange forsøg. Prøv igen, eller vent et kvarter.'

const borgerFejl = 'Borgere og virksomheder logger ind med MitID. Log ind med adgangskode er kun for nævnenes medarbejdere.'

export const kontoRoutes = (klient: OidcKlient): FastifyPluginAsyncTypebox => async (app) => {
  const { config } = app

  async function loginSide(naeste: string, email: string, o: { loggetUd?: boolean } = {}) {
    return {
      titel: 'Log ind',
      naeste,
      email,
      loggetUd: o.loggetUd ?? false,
      lokalIdp: config.oidc.lokal !== null,
      borgerAdgangskode: await borgerAdgangskodeTilladt(app.db),
    }
  }

  app.get('/login', { schema: { querystring: Type.Object({ ...LoginQuery.properties, logget_ud: Type.Optional(Type.String({ maxLength: 5 })) }) } }, async (req, reply) => {
    if (req.principal) return reply.redirect(safeNext(req.query.naeste) ?? startPageFor(req.principal))
    return reply.page('pages/konto/login', await loginSide(safeNext(req.query.naeste) ?? '', '', { loggetUd: req.query.logget_ud === '1' }))
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
      if (!result.ok || (!result.personale && !(await borgerAdgangskodeTilladt(app.db)))) {
        req.log.info({ grund: result.ok ? 'borger_adgangskode_slaaet_fra' : 'forkert' }, 'login afvist')
        return reply.status(400).page('pages/konto/login', {
          ...(await loginSide(naeste ?? '', email)),
          fejlListe: [{ felt: 'email', besked: result.ok ? borgerFejl : loginFejl }],
        })
      }
      if (result.totp) return kraevTotp(reply, result.userId, naeste, config.cookieSecure)
      await reply.startSession(result.userId)
      req.log.info({ userId: result.userId }, 'logget ind')
      return reply.redirect(naeste ?? '/', 303)
    },
  )

  app.post('/logout', { schema: { body: LoginBody } }, async (req, reply) => {
    const medMitid = req.principal?.eid != null
    await reply.endSession()
    // RP-initiated logout: a MitID user is logged out at the broker too, which sends them back.
    if (medMitid) {
      const url = await klient.logudUrl().catch((err: unknown) => {
        req.log.warn({ err }, 'mitid-logud kunne ikke startes')
        return null
      })
      if (url) return reply.redirect(url, 303)
    }
    return reply.redirect('/login?logget_ud=1', 303)
  })

  app.get('/registrer', { schema: { querystring: LoginQuery } }, async (req, reply) => {
    if (req.principal) return reply.redirect('/')
    if (!(await borgerAdgangskodeTilladt(app.db))) return reply.redirect('/login', 303)
    return reply.page('pages/konto/registrer', { titel: 'Opret konto', v: {}, naeste: safeNext(req.query.naeste) ?? '' })
  })

  app.post(
    '/registrer',
    {
      schema: { body: RegistrerBody },
      config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      if (!(await borgerAdgangskodeTilladt(app.db))) return reply.redirect('/login', 303)
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
