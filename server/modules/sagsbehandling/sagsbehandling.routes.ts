// The caseworkers' start page: their boards and the incoming cases, with the fee
// registration. The full inbox and case handling come with the rest of this module.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { guard, requirePrincipal } from '../../access/guards.js'
import { assertStaff, staffNaevnIds } from '../../access/policies.js'
import { FormBody } from '../../forms/form.js'
import { mineNaevnView } from '../../naevn/visning.js'
import { formatKroner } from '../../sag/gebyr.js'
import { statusForPart, type SagStatus } from '../../sag/status.js'
import { adresseTekst, formatDatoTid } from '../../sag/visning.js'
import { indkomneSager, registrerGebyrBetalt } from './sagsbehandling.service.js'

export const sagsbehandlingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db

  app.get('/sagsbehandling', { preHandler: guard(assertStaff) }, async (req, reply) => {
    const p = requirePrincipal(req)
    const [naevn, sager] = await Promise.all([mineNaevnView(db, p, staffNaevnIds(p)), indkomneSager(db, p)])
    return reply.page('pages/sagsbehandling/start', {
      titel: 'Sagsbehandling',
      naevn,
      sager: sager.map((s) => ({
        id: s.id,
        sagsnummer: s.sagsnummer,
        adresse: adresseTekst(s),
        naevn: s.naevn_navn,
        status: statusForPart[s.status as SagStatus].label,
        indbragt: s.indbragt ? formatDatoTid(s.indbragt) : '',
        gebyr: s.gebyr_kr !== null ? formatKroner(s.gebyr_kr) : 'Ikke fastsat',
        betalt: s.gebyr_betalt ? formatDatoTid(s.gebyr_betalt) : null,
      })),
    })
  })

  app.post(
    '/sagsbehandling/sager/:id/gebyr-betalt',
    { schema: { params: Type.Object({ id: Type.String({ maxLength: 64 }) }), body: FormBody }, preHandler: guard(assertStaff) },
    async (req, reply) => {
      await registrerGebyrBetalt(db, requirePrincipal(req), req.params.id)
      return reply.redirect('/sagsbehandling', 303)
    },
  )
}
