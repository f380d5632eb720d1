// The operators' view of the job queues (admins only; anyone else gets 404): how many
// jobs wait, run and failed per queue, and the failed list — jobs that used up their
// retries or could never succeed — with "prøv igen" and "fjern" for each.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { guard } from '../../kerne/access/guards.js'
import { assertAdmin } from '../../kerne/access/policies.js'
import { NotFoundError } from '../../platform/errors.js'
import { formatDatoTid } from '../../kerne/sag/visning.js'
import { queueLabels, type QueueName } from '../../platform/queues/jobs.js'

const JobParams = Type.Object({ koe: Type.String({ maxLength: 64 }), id: Type.String({ maxLength: 128 }) })
const KoeQuery = Type.Object({ handling: Type.Optional(Type.Union([Type.Literal('genstartet'), Type.Literal('fjernet')])) })

export const koeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preHandler', guard(assertAdmin))

  app.get('/admin/koeer', { schema: { querystring: KoeQuery } }, async (req, reply) => {
    let koeer, fejlede
    try {
      ;[koeer, fejlede] = await Promise.all([app.koeer.oversigt(), app.koeer.fejlede()])
    } catch (err) {
      req.log.warn({ err }, 'køerne kunne ikke læses')
      return reply.status(503).page('pages/koeer/koeer', { titel: 'Jobkøer', nede: true })
    }
    return reply.page('pages/koeer/koeer', {
      titel: 'Jobkøer',
      handling: req.query.handling,
      koeer: koeer.map((k) => ({ ...k, label: queueLabels[k.navn] })),
      fejlede: fejlede.map((j) => ({
        ...j,
        koeLabel: queueLabels[j.koe],
        data: Object.entries(j.data).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', '),
        fejlet: j.fejlet ? formatDatoTid(j.fejlet) : '',
        oprettet: formatDatoTid(j.oprettet),
        sti: `/admin/koeer/${encodeURIComponent(j.koe)}/${encodeURIComponent(j.id)}`,
      })),
    })
  })

  const handlinger = {
    genstart: { udfoer: (koe: QueueName, id: string) => app.koeer.genstart(koe, id), resultat: 'genstartet' },
    fjern: { udfoer: (koe: QueueName, id: string) => app.koeer.fjern(koe, id), resultat: 'fjernet' },
  }
  for (const [navn, h] of Object.entries(handlinger)) {
    app.post(`/admin/koeer/:koe/:id/${navn}`, { schema: { params: JobParams } }, async (req, reply) => {
      const { koe, id } = req.params
      if (!app.koeer.erKoe(koe) || !(await h.udfoer(koe, id))) throw new NotFoundError('JobIkkeFundet', 'Der er ikke noget fejlet job med det id i køen.')
      req.log.info({ koe, jobId: id, handling: navn }, 'fejlet job håndteret af administrator')
      return reply.redirect(`/admin/koeer?handling=${h.resultat}`, 303)
    })
  }
}
