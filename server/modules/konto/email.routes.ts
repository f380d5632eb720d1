// /konto/email: a MitID user gives the e-mail address the board's notices go to (NemLog-in
// provides none). The address is used only after the link mailed to it is followed and
// confirmed (server/kerne/auth/email-bekraeftelse.ts); the page says so plainly. Accounts
// without MitID get 404 (their address is their login, changed elsewhere).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { assertMitidKonto } from '../../kerne/access/policies.js'
import type { Principal } from '../../kerne/access/principal.js'
import { annullerEmailBekraeftelse, bekraeftEmail, emailBekraeftelseGyldig, erPladsholder, opretEmailBekraeftelse, ventendeEmail } from '../../kerne/auth/email-bekraeftelse.js'
import { FormBody, FormErrors, emailPattern, text } from '../../platform/forms/form.js'
import { createMailer } from '../../platform/mail/mailer.js'

const linkTimer = 48
const TokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) })

export const emailRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config, db } = app
  // Mailed from the request, as the password reset link: an outbox row would keep the token in clear.
  const mailer = createMailer({ smtpUrl: config.mailSmtpUrl, from: config.mailFrom, dir: config.mailDir })
  app.addHook('onClose', async () => mailer.close())
  const rate = { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } }

  async function vis(reply: FastifyReply, p: Principal, o: { email?: string; errors?: FormErrors; sendt?: boolean } = {}) {
    const nuvaerende = erPladsholder(p.email) ? null : p.email
    if (o.errors?.any && reply.statusCode < 400) reply.status(400)
    return reply.page('pages/konto/email', {
      titel: 'E-mail til besked om dine sager',
      nuvaerende,
      ventende: await ventendeEmail(db, p.userId),
      sendt: o.sendt ?? false,
      email: o.email ?? '',
      timer: linkTimer,
      ...(o.errors ?? new FormErrors()).toView(),
    })
  }

  app.get('/konto/email', { schema: { querystring: Type.Object({ sendt: Type.Optional(Type.String({ maxLength: 2 })) }) }, preHandler: guard(assertMitidKonto) }, async (req, reply) =>
    vis(reply, requirePrincipal(req), { sendt: req.query.sendt === '1' }),
  )

  app.post('/konto/email', { schema: { body: FormBody }, preHandler: guard(assertMitidKonto), config: rate }, async (req, reply) => {
    const p = requirePrincipal(req)
    const email = text(req.body, 'email', 1000)
    const errors = new FormErrors()
    if (!email) errors.add('email', 'Skriv din e-mailadresse.')
    else if (email.length > 254 || !emailPattern.test(email)) errors.add('email', 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.')
    else if (erPladsholder(email) || email.toLowerCase().endsWith('.invalid')) errors.add('email', 'Adressen kan ikke modtage e-mail. Skriv en anden.')
    else if (email.toLowerCase() === p.email.toLowerCase()) errors.add('email', 'Det er allerede din bekræftede adresse.')
    if (errors.any) return vis(reply, p, { email, errors })
    const token = await opretEmailBekraeftelse(db, p.userId, email, linkTimer)
    try {
      await mailer.send({
        to: email,
        subject: 'Bekræft din e-mailadresse',
        text: `Kære ${p.navn}\n\nDu har bedt om at få besked om dine sager hos ${config.authority.name} på denne adresse.\n\nBekræft adressen inden for ${linkTimer} timer med linket herunder. Det virker kun én gang:\n${config.publicUrl}/konto/email/bekraeft/${token}\n\nHar du ikke bedt om det, kan du se bort fra denne e-mail. Adressen bliver ikke brugt.\n`,
        idempotencyKey: `email-bekraeft-${Date.now()}-${token.slice(0, 8)}`,
      })
    } catch (err) {
      // No link went out: the address is not left waiting, and the user may try again.
      await annullerEmailBekraeftelse(db, token)
      req.log.error({ err, userId: p.userId }, 'e-mail med bekræftelseslink kunne ikke sendes')
      return vis(reply.status(503), p, { email, errors: new FormErrors().add('email', 'Vi kunne ikke sende e-mailen lige nu. Prøv igen om lidt.') })
    }
    req.log.info({ userId: p.userId }, 'e-mailadresse afventer bekræftelse')
    return reply.redirect('/konto/email?sendt=1', 303)
  })

  // The link shows a button; only the POST confirms (a mail scanner that fetches the link confirms nothing).
  app.get('/konto/email/bekraeft/:token', { schema: { params: TokenParams } }, async (req, reply) => {
    const email = await emailBekraeftelseGyldig(db, req.params.token)
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
    return reply.status(email ? 200 : 410).page('pages/konto/email-bekraeft', { titel: 'Bekræft din e-mailadresse', token: req.params.token, email, udloebet: !email })
  })

  app.post('/konto/email/bekraeft/:token', { schema: { params: TokenParams, body: FormBody }, config: rate }, async (req, reply) => {
    const r = await bekraeftEmail(db, req.params.token)
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
    if (!r.ok) {
      return reply.status(r.grund === 'udloebet' ? 410 : 409).page('pages/konto/email-bekraeft', { titel: 'Bekræft din e-mailadresse', udloebet: r.grund === 'udloebet', optaget: r.grund === 'optaget' })
    }
    return reply.page('pages/konto/email-bekraeft', { titel: 'Bekræft din e-mailadresse', bekraeftet: true, email: r.email })
  })
}
