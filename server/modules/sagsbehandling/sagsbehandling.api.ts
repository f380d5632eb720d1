// Case handling as JSON for the secretariat's own tools: the inbox and one case with its
// notes and journal. The same access rules as the pages: other boards' cases are 404.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { guard, requirePrincipal } from '../../kerne/access/guards.js'
import { assertStaff } from '../../kerne/access/policies.js'
import { sagForPersonale } from '../../kerne/access/sager.js'
import { listJournal } from '../../kerne/sag/journal.js'
import { indbakke, listNotater, type Visning } from './sagsbehandling.repository.js'
import { logAdgang } from '../../kerne/sag/adgangslog.js'
import { Problem } from '../../platform/http/problem.js'

const security: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }]

export const sagsbehandlingApi: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db

  app.get(
    '/api/v1/sagsbehandling/sager',
    {
      schema: {
        tags: ['sagsbehandling'],
        summary: 'Indbakken: sager for de nævn, brugeren er sekretariat for',
        security,
        querystring: Type.Object({
          visning: Type.Optional(Type.Union(['nye', 'mine', 'aabne', 'overskredne', 'alle'].map((v) => Type.Literal(v)))),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          skip: Type.Optional(Type.Integer({ minimum: 0 })),
          take: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        }),
        response: {
          200: Type.Object({
            totalCount: Type.Integer(),
            items: Type.Array(Type.Object({ id: Type.String(), sagsnummer: Type.Union([Type.String(), Type.Null()]), status: Type.String(), indbragt: Type.Union([Type.String(), Type.Null()]), sagsbehandler: Type.Union([Type.String(), Type.Null()]) })),
          }),
          401: Problem,
          404: Problem,
        },
      },
      preHandler: guard(assertStaff),
    },
    async (req) => {
      const p = requirePrincipal(req)
      const { rows, total } = await indbakke(db, p, { visning: (req.query.visning ?? 'alle') as Visning, q: req.query.q, sort: '-indbragt', limit: req.query.take ?? 50, offset: req.query.skip ?? 0 })
      return { totalCount: total, items: rows.map((r) => ({ id: r.id, sagsnummer: r.sagsnummer, status: r.status, indbragt: r.indbragt?.toISOString() ?? null, sagsbehandler: r.sagsbehandler })) }
    },
  )

  app.get(
    '/api/v1/sagsbehandling/sager/:id',
    {
      schema: {
        tags: ['sagsbehandling'],
        summary: 'En sag med notater og journal (åbningen logges)',
        security,
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: {
          200: Type.Object({
            id: Type.String(),
            sagsnummer: Type.Union([Type.String(), Type.Null()]),
            status: Type.String(),
            version: Type.Integer(),
            vurdering: Type.Union([Type.String(), Type.Null()]),
            notater: Type.Array(Type.Object({ id: Type.String(), tekst: Type.String(), forfatter: Type.String(), oprettet: Type.String(), retterNotatId: Type.Union([Type.String(), Type.Null()]) })),
            journal: Type.Array(Type.Object({ tidspunkt: Type.String(), handling: Type.String(), tilStatus: Type.Union([Type.String(), Type.Null()]), aktoer: Type.Union([Type.String(), Type.Null()]) })),
          }),
          401: Problem,
          404: Problem,
        },
      },
      preHandler: guard(assertStaff),
    },
    async (req) => {
      const p = requirePrincipal(req)
      const sag = await sagForPersonale(db, p, req.params.id)
      await logAdgang(db, p, sag.id)
      const [notater, journal] = await Promise.all([listNotater(db, sag.id), listJournal(db, sag.id, { kunForParter: false })])
      return {
        id: sag.id,
        sagsnummer: sag.sagsnummer,
        status: sag.status,
        version: sag.version,
        vurdering: sag.vurdering,
        notater: notater.map((n) => ({ id: n.id, tekst: n.tekst, forfatter: n.forfatter, oprettet: n.oprettet.toISOString(), retterNotatId: n.retter_notat_id })),
        journal: journal.map((j) => ({ tidspunkt: j.tidspunkt.toISOString(), handling: j.handling, tilStatus: j.til_status, aktoer: j.aktoer })),
      }
    },
  )
}
