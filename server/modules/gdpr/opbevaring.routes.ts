// A board's retention: how many years its closed cases are kept before they are proposed
// for deletion. A page for the head of the board's secretariat or an admin (the pattern of
// /naevn/:id/anonymisering); anyone else is told the board does not exist.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { assertMayConfigureNaevn } from '../../kerne/access/policies.js'
import { FormBody, FormErrors, text } from '../../platform/forms/form.js'
import { isUuid } from '../../kerne/naevn/naevn.js'
import { NotFoundError } from '../../platform/errors.js'
import { gemOpbevaring, hentOpbevaring } from './gdpr.service.js'

const Params = Type.Object({ id: Type.String({ maxLength: 64 }) })
const Query = Type.Object({ gemt: Type.Optional(Type.String({ maxLength: 2 })) })

export const opbevaringRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db
  const standard = app.config.retentionYears

  async function vis(reply: FastifyReply, naevnId: string, o: { errors?: FormErrors; aar?: string; gemt?: boolean } = {}) {
    const { naevn } = await hentOpbevaring(db, naevnId)
    return reply.page('pages/gdpr/opbevaring', {
      titel: `Opbevaring: ${naevn.navn}`,
      naevn,
      standard,
      gemt: o.gemt ?? false,
      aar: o.aar ?? (naevn.opbevaring_aar === null ? '' : String(naevn.opbevaring_aar)),
      ...(o.errors ?? new FormErrors()).toView(),
    })
  }

  const naevnId = (id: string) => {
    if (!isUuid(id)) throw new NotFoundError('NaevnIkkeFundet', 'Nævnet findes ikke.')
    return id
  }

  app.get('/naevn/:id/opbevaring', { schema: { params: Params, querystring: Query }, preHandler: guard() }, async (req, reply) => {
    const id = naevnId(req.params.id)
    assertMayConfigureNaevn(requirePrincipal(req), id)
    return vis(reply, id, { gemt: req.query.gemt === '1' })
  })

  app.post('/naevn/:id/opbevaring', { schema: { params: Params, body: FormBody }, preHandler: guard() }, async (req, reply) => {
    const id = naevnId(req.params.id)
    const p = requirePrincipal(req)
    assertMayConfigureNaevn(p, id)
    const aar = text(req.body, 'aar', 10)
    const errors = await gemOpbevaring(db, id, aar, p.userId)
    if (errors.any) return vis(reply.status(400), id, { errors, aar })
    return reply.redirect(`/naevn/${id}/opbevaring?gemt=1`, 303)
  })
}
