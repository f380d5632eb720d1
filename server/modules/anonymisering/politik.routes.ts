// A board's anonymization policy: a page for the head of the board's secretariat (or an
// admin). Anyone else is told the board does not exist.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { assertMayConfigureNaevn } from '../../kerne/access/policies.js'
import { FormBody, FormErrors, forLangeFelter, text } from '../../platform/forms/form.js'
import { tekstGraenser } from '../../platform/forms/graenser.js'
import { isUuid } from '../../kerne/naevn/naevn.js'
import { NotFoundError } from '../../platform/errors.js'
import { gemPolitik, hentPolitik, type PolitikInput } from './politik.service.js'

const Params = Type.Object({ id: Type.String({ maxLength: 64 }) })
const Query = Type.Object({ gemt: Type.Optional(Type.String({ maxLength: 2 })) })

export const politikRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db

  async function vis(reply: FastifyReply, naevnId: string, o: { errors?: FormErrors; v?: PolitikInput; gemt?: boolean } = {}) {
    const { naevn, politik, taerskel } = await hentPolitik(db, naevnId)
    const v: PolitikInput = o.v ?? {
      erstatning: politik.erstatning,
      bevarPostnummerOgBy: politik.bevarPostnummerOgBy,
      bevarVirksomhedsnavne: politik.bevarVirksomhedsnavne,
      andreSagsnumre: politik.andreSagsnumre.join('\n'),
      taerskel: taerskel === null ? '' : String(Math.round(taerskel * 100)),
    }
    return reply.page('pages/anonymisering/politik', {
      titel: `Anonymisering: ${naevn.navn}`,
      naevn,
      gemt: o.gemt ?? false,
      v,
      erstatningValg: [
        { value: 'roller', label: 'Med rollen: lejer, udlejer, repræsentant – andre personer C, D, …', valgt: v.erstatning === 'roller' },
        { value: 'bogstaver', label: 'Med bogstaver: A (lejer), B (udlejer), C, D, …', valgt: v.erstatning === 'bogstaver' },
      ],
      ...(o.errors ?? new FormErrors()).toView(),
    })
  }

  const check = (req: { params: { id: string }; principal?: unknown }) => {
    if (!isUuid(req.params.id)) throw new NotFoundError('NaevnIkkeFundet', 'Nævnet findes ikke.')
  }

  app.get('/naevn/:id/anonymisering', { schema: { params: Params, querystring: Query }, preHandler: guard() }, async (req, reply) => {
    check(req)
    assertMayConfigureNaevn(requirePrincipal(req), req.params.id)
    return vis(reply, req.params.id, { gemt: req.query.gemt === '1' })
  })

  app.post('/naevn/:id/anonymisering', { schema: { params: Params, body: FormBody }, preHandler: guard() }, async (req, reply) => {
    check(req)
    const p = requirePrincipal(req)
    assertMayConfigureNaevn(p, req.params.id)
    const v: PolitikInput = {
      erstatning: text(req.body, 'erstatning', 20),
      bevarPostnummerOgBy: text(req.body, 'bevarPostnummerOgBy', 3) === 'ja',
      bevarVirksomhedsnavne: text(req.body, 'bevarVirksomhedsnavne', 3) === 'ja',
      andreSagsnumre: text(req.body, 'andreSagsnumre', tekstGraenser.begrundelse),
      taerskel: text(req.body, 'taerskel', 10),
    }
    const errors = forLangeFelter(req.body)?.errors ?? (await gemPolitik(db, req.params.id, v, p.userId))
    if (errors.any) return vis(reply.status(400), req.params.id, { errors, v })
    return reply.redirect(`/naevn/${req.params.id}/anonymisering?gemt=1`, 303)
  })
}
