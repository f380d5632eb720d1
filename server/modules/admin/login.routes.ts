// The administrator's log-in settings: whether citizens may still use password accounts
// beside MitID. Admins only; anyone else gets 404.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { assertAdmin } from '../../kerne/access/policies.js'
import { borgerAdgangskodeTilladt, saetBorgerAdgangskode } from '../../kerne/auth/login-indstillinger.js'
import { FormBody, text } from '../../platform/forms/form.js'

export const loginIndstillingerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/admin/login', { preHandler: guard(assertAdmin) }, async (_req, reply) =>
    reply.page('pages/admin/login', { titel: 'Log ind-indstillinger', borgerAdgangskode: await borgerAdgangskodeTilladt(app.db), lokalIdp: app.config.oidc.lokal !== null, issuer: app.config.oidc.issuer }),
  )

  app.post('/admin/login', { schema: { body: FormBody }, preHandler: guard(assertAdmin) }, async (req, reply) => {
    await saetBorgerAdgangskode(app.db, requirePrincipal(req), text(req.body, 'borger_adgangskode') === 'ja')
    return reply.redirect('/admin/login', 303)
  })
}
