// The operators' detailed queue dashboard (@bull-board/fastify) at /admin/jobkoeer: every
// job of every queue with its data, attempts and errors; retry and remove. Admins only —
// anyone else gets 404 before bull-board sees the request.
//
// Bull-board's UI sends its changes as fetch PUT requests without our CSRF token. A PUT
// cannot come from a form on another site, and a cross-site fetch PUT needs a CORS
// preflight this server never grants, so those are exempt; its POST routes (adding jobs,
// purging history) keep the CSRF check and so stay unusable from the dashboard, on purpose.
import type { FastifyPluginAsync } from 'fastify'
import { createBullBoard } from '@bull-board/api'
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter'
import { FastifyAdapter } from '@bull-board/fastify'
import { isAdmin } from '../../kerne/access/policies.js'

export const bullBoardPrefix = '/admin/jobkoeer'

export const bullBoard: FastifyPluginAsync = async (app) => {
  const adapter = new FastifyAdapter()
  createBullBoard({ queues: app.koeer.koeListe().map((q) => new BullMQAdapter(q)), serverAdapter: adapter, options: { uiConfig: { boardTitle: 'Nævn – jobkøer' } } })
  adapter.setBasePath(bullBoardPrefix)
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (methods.every((m) => m === 'PUT' || m === 'GET' || m === 'HEAD')) route.config = { ...(route.config as object), csrfExempt: true }
  })
  // Bull-board renders with its own view engine and answers errors with its own handler,
  // so the app's 404 page cannot be rendered in here: the refusal is a plain 404.
  app.addHook('preHandler', async (req, reply) => {
    if (!isAdmin(req.principal ?? null)) return reply.code(404).type('text/plain; charset=utf-8').send('Siden findes ikke.\n')
  })
  await app.register(adapter.registerPlugin(), { prefix: bullBoardPrefix })
}
