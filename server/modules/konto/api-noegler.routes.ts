// API keys: a user (typically a lawyer or a tenants' association) makes a key for their
// own case system. The key is shown once; it acts with the user's own rights.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { listTokens, opretToken, tilbagekaldToken } from '../../kerne/auth/api-tokens.js'
import { FormBody, FormErrors, forLangeFelter, text } from '../../platform/forms/form.js'
import { formatDatoTid } from '../../kerne/sag/visning.js'
import { isUuid } from '../../kerne/naevn/naevn.js'
import { NotFoundError } from '../../platform/errors.js'
import type { FastifyReply } from 'fastify'
import type { Principal } from '../../kerne/access/principal.js'

export const apiNoeglerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db

  async function vis(reply: FastifyReply, p: Principal, o: { nyNoegle?: string; errors?: FormErrors; navn?: string } = {}) {
    const tokens = await listTokens(db, p.userId)
    if (o.errors?.any) reply.status(400)
    return reply.page('pages/konto/api-noegler', {
      titel: 'API-nøgler',
      nyNoegle: o.nyNoegle ?? null,
      navn: o.navn ?? '',
      noegler: tokens.map((t) => ({
        id: t.id,
        navn: t.navn,
        oprettet: formatDatoTid(t.oprettet),
        sidstBrugt: t.sidst_brugt ? formatDatoTid(t.sidst_brugt) : 'Aldrig',
        aktiv: t.tilbagekaldt === null,
      })),
      docs: `${app.config.publicUrl}/api/docs`,
      ...(o.errors ?? new FormErrors()).toView(),
    })
  }

  app.get('/konto/api-noegler', { preHandler: guard() }, async (req, reply) => vis(reply, requirePrincipal(req)))

  app.post('/konto/api-noegler', { schema: { body: FormBody }, preHandler: guard() }, async (req, reply) => {
    const p = requirePrincipal(req)
    const navn = text(req.body, 'navn', 100)
    const forLang = forLangeFelter(req.body)
    if (forLang) return vis(reply, p, { errors: forLang.errors, navn })
    if (navn.length < 2) return vis(reply, p, { errors: new FormErrors().add('navn', 'Giv nøglen et navn, fx navnet på jeres sagssystem.'), navn })
    const { token } = await opretToken(db, p.userId, navn)
    reply.header('cache-control', 'no-store')
    return vis(reply, p, { nyNoegle: token })
  })

  app.post(
    '/konto/api-noegler/:id/tilbagekald',
    { schema: { params: Type.Object({ id: Type.String({ maxLength: 64 }) }), body: FormBody }, preHandler: guard() },
    async (req, reply) => {
      if (!isUuid(req.params.id)) throw new NotFoundError('NoegleIkkeFundet', 'API-nøglen findes ikke.')
      await tilbagekaldToken(db, requirePrincipal(req).userId, req.params.id)
      return reply.redirect('/konto/api-noegler', 303)
    },
  )
}
