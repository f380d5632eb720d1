// Password accounts (staff, and citizens while the administrator allows it): change the
// password, reset it by an e-mailed single-use link, and the optional TOTP second factor,
// including the login step that asks for the code.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { assertAdgangskodeKonto } from '../../kerne/access/policies.js'
import { aktiverTotp, brugNulstilling, deaktiverTotp, nulstillingGyldig, opretNulstilling, skiftAdgangskode, tjekTotp } from '../../kerne/auth/adgangskode.js'
import { base32Decode, base32Encode, nyTotpHemmelighed, otpauthUri } from '../../kerne/auth/totp.js'
import { FormBody, FormErrors, emailPattern, text } from '../../platform/forms/form.js'
import { createMailer } from '../../platform/mail/mailer.js'
import { hemmelighedsBoks } from '../../kerne/auth/hemmelighed.js'
import { safeNext } from './naeste.js'

export const totpCookie = 'naevn_totp'
const totpLevetidMs = 5 * 60 * 1000
const TokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) })

export const adgangskodeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config, db } = app
  // The reset link is mailed from the request, not through the outbox: an outbox row would
  // keep the token in clear in the database, and only its hash may be stored.
  const mailer = createMailer({ smtpUrl: config.mailSmtpUrl, from: config.mailFrom, dir: config.mailDir })
  app.addHook('onClose', async () => mailer.close())
  const rate = { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } }
  const kontoGuard = guard(assertAdgangskodeKonto)
  const boks = hemmelighedsBoks(config.cprEncryptionKey, 'totp')

  app.get('/konto/adgangskode', { preHandler: kontoGuard }, async (req, reply) =>
    reply.page('pages/konto/adgangskode', { titel: 'Skift adgangskode', skiftet: false }),
  )

  app.post('/konto/adgangskode', { schema: { body: FormBody }, preHandler: kontoGuard, config: rate }, async (req, reply) => {
    const p = requirePrincipal(req)
    const errors = await skiftAdgangskode(db, p.userId, text(req.body, 'nuvaerende', 1000), text(req.body, 'ny_adgangskode', 1000), text(req.body, 'ny_adgangskode_gentag', 1000))
    if (errors.any) return reply.status(400).page('pages/konto/adgangskode', { titel: 'Skift adgangskode', skiftet: false, ...errors.toView() })
    // Every session ended with the old password; this browser gets a new one.
    await reply.startSession(p.userId)
    req.log.info({ userId: p.userId }, 'adgangskode skiftet')
    return reply.page('pages/konto/adgangskode', { titel: 'Skift adgangskode', skiftet: true })
  })

  app.get('/glemt-adgangskode', async (_req, reply) => reply.page('pages/konto/glemt-adgangskode', { titel: 'Glemt adgangskode', email: '', sendt: false }))

  app.post('/glemt-adgangskode', { schema: { body: FormBody }, config: rate }, async (req, reply) => {
    const email = text(req.body, 'email', 254)
    if (!emailPattern.test(email)) {
      return reply.status(400).page('pages/konto/glemt-adgangskode', { titel: 'Glemt adgangskode', email, sendt: false, ...new FormErrors().add('email', 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.').toView() })
    }
    const nulstilling = await opretNulstilling(db, email, config.adgangskodeNulstilMinutter)
    if (nulstilling) {
      await mailer.send({
        to: nulstilling.email,
        subject: 'Vælg en ny adgangskode',
        text: `Kære ${nulstilling.navn}\n\nNogen (forhåbentlig dig) har bedt om at vælge en ny adgangskode til din konto hos ${config.authority.name}.\n\nBrug linket herunder inden for ${config.adgangskodeNulstilMinutter} minutter. Det virker kun én gang:\n${config.publicUrl}/nulstil-adgangskode/${nulstilling.token}\n\nHar du ikke bedt om det, kan du se bort fra denne e-mail. Din adgangskode er ikke ændret.\n`,
        idempotencyKey: `nulstil-${Date.now()}-${nulstilling.token.slice(0, 8)}`,
      })
    }
    // The same answer whether or not the account exists.
    req.log.info({ fundet: nulstilling !== null }, 'nulstilling af adgangskode bestilt')
    return reply.page('pages/konto/glemt-adgangskode', { titel: 'Glemt adgangskode', email, sendt: true, minutter: config.adgangskodeNulstilMinutter })
  })

  app.get('/nulstil-adgangskode/:token', { schema: { params: TokenParams } }, async (req, reply) => {
    const gyldig = await nulstillingGyldig(db, req.params.token)
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
    return reply.status(gyldig ? 200 : 410).page('pages/konto/nulstil-adgangskode', { titel: 'Vælg en ny adgangskode', token: req.params.token, udloebet: !gyldig })
  })

  app.post('/nulstil-adgangskode/:token', { schema: { params: TokenParams, body: FormBody }, config: rate }, async (req, reply) => {
    const r = await brugNulstilling(db, req.params.token, text(req.body, 'ny_adgangskode', 1000), text(req.body, 'ny_adgangskode_gentag', 1000))
    if (!r.ok) {
      return reply.status(r.udloebet ? 410 : 400).page('pages/konto/nulstil-adgangskode', { titel: 'Vælg en ny adgangskode', token: req.params.token, udloebet: r.udloebet, ...r.errors.toView() })
    }
    req.log.info({ userId: r.userId }, 'adgangskode nulstillet')
    return reply.redirect('/login', 303)
  })

  // ─── TOTP ───────────────────────────────────────────────────────────────
  function visTotp(reply: FastifyReply, aktiv: boolean, o: { hemmelighed?: string; kode?: string; errors?: FormErrors; email: string }) {
    let secret: Buffer
    try {
      secret = base32Decode(o.hemmelighed ?? '')
    } catch {
      secret = Buffer.alloc(0)
    }
    if (secret.length < 16) secret = nyTotpHemmelighed()
    const hemmelighed = base32Encode(secret)
    if (o.errors?.any) reply.status(400)
    reply.header('cache-control', 'no-store')
    return reply.page('pages/konto/totp', {
      titel: 'Totrinsbekræftelse',
      aktiv,
      hemmelighed,
      kode: o.kode ?? '',
      uri: otpauthUri(secret, o.email, 'Nævn'),
      ...(o.errors ?? new FormErrors()).toView(),
    })
  }
  const kodeFejl = 'Koden er forkert eller for gammel. Skriv den kode, appen viser lige nu.'

  app.get('/konto/totp', { preHandler: kontoGuard }, async (req, reply) => {
    const p = requirePrincipal(req)
    return visTotp(reply, p.harTotp, { email: p.email })
  })

  app.post('/konto/totp/aktiver', { schema: { body: FormBody }, preHandler: kontoGuard, config: rate }, async (req, reply) => {
    const p = requirePrincipal(req)
    const hemmelighed = text(req.body, 'hemmelighed', 64)
    const kode = text(req.body, 'kode', 10)
    if (!(await aktiverTotp(db, boks, p.userId, hemmelighed, kode))) return visTotp(reply, false, { hemmelighed, kode, email: p.email, errors: new FormErrors().add('kode', kodeFejl) })
    return reply.redirect('/konto/totp', 303)
  })

  app.post('/konto/totp/deaktiver', { schema: { body: FormBody }, preHandler: kontoGuard, config: rate }, async (req, reply) => {
    const p = requirePrincipal(req)
    if (!(await tjekTotp(db, boks, p.userId, text(req.body, 'kode', 10)))) return visTotp(reply, true, { email: p.email, errors: new FormErrors().add('kode', kodeFejl) })
    await deaktiverTotp(db, p.userId)
    return reply.redirect('/konto/totp', 303)
  })

  // The second step of a password login: the password was right; the session starts when the code is.
  app.post('/login/totp', { schema: { body: FormBody }, config: rate }, async (req, reply) => {
    const raw = req.cookies[totpCookie]
    const unsigned = raw ? req.unsignCookie(raw) : null
    const [userId, udloeber, naeste] = unsigned?.valid && unsigned.value ? unsigned.value.split('|') : []
    if (!userId || Number(udloeber) < Date.now()) {
      reply.clearCookie(totpCookie, { path: '/login' })
      return reply.redirect('/login', 303)
    }
    if (!(await tjekTotp(db, boks, userId, text(req.body, 'kode', 10)))) {
      req.log.info({ userId }, 'totp afvist')
      return reply.status(400).page('pages/konto/login-totp', { titel: 'Bekræft dit login', ...new FormErrors().add('kode', kodeFejl).toView() })
    }
    reply.clearCookie(totpCookie, { path: '/login' })
    await reply.startSession(userId)
    req.log.info({ userId }, 'logget ind med adgangskode og totp')
    return reply.redirect(safeNext(naeste) ?? '/', 303)
  })
}

/** After a right password on an account with TOTP: remember who, for five minutes, and ask for the code. */
export function kraevTotp(reply: FastifyReply, userId: string, naeste: string | undefined, secure: boolean) {
  reply.setCookie(totpCookie, `${userId}|${Date.now() + totpLevetidMs}|${naeste ?? ''}`, { path: '/login', httpOnly: true, sameSite: 'lax', secure, signed: true, maxAge: totpLevetidMs / 1000 })
  return reply.page('pages/konto/login-totp', { titel: 'Bekræft dit login' })
}
