// The front page and each role's start page. The start pages show what each role has
// today; the case modules (indbringelse, sagsbehandling, nævnsmøde) fill them out.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { guard } from '../../access/guards.js'
import { assertBoardMember, assertStaff, boardMemberNaevnIds, staffNaevnIds, startPageFor } from '../../access/policies.js'
import { listNaevn, naevnTypeLabel, type NaevnType } from '../../naevn/naevn.js'
import { rolleLabel } from '../../brugere/brugere.js'
import type { Principal } from '../../access/principal.js'
import type { Database } from '../../db/database.js'

async function boardsView(db: Database, principal: Principal, ids: string[]) {
  const boards = await listNaevn(db, { ids })
  return boards.map((b) => {
    const rolle = principal.memberships.find((m) => m.naevnId === b.id)?.rolle
    return {
      id: b.id,
      navn: b.navn,
      type: naevnTypeLabel[b.type as NaevnType],
      rolle: rolle ? rolleLabel[rolle] : '',
      kommuner: b.kommuner.map((k) => k.navn).join(', '),
    }
  })
}

export const forsideRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', async (req, reply) => {
    if (req.principal) return reply.redirect(startPageFor(req.principal))
    return reply.page('pages/forside', { titel: 'Nævn – huslejenævn og beboerklagenævn' })
  })

  // Browsers ask for /favicon.ico on their own.
  app.get('/favicon.ico', async (_req, reply) => reply.redirect('/static/app/favicon.svg', 301))

  app.get('/tilgaengelighed', async (_req, reply) => reply.page('pages/tilgaengelighed', { titel: 'Tilgængelighedserklæring' }))

  app.get('/cookies', async (_req, reply) =>
    reply.page('pages/cookies', { titel: 'Cookies', sessionTimer: app.config.sessionAbsoluteHours }),
  )

  app.get('/sagsbehandling', { preHandler: guard(assertStaff) }, async (req, reply) => {
    const principal = req.principal!
    return reply.page('pages/start/sagsbehandling', {
      titel: 'Sagsbehandling',
      naevn: await boardsView(app.db, principal, staffNaevnIds(principal)),
    })
  })

  app.get('/naevnsportal', { preHandler: guard(assertBoardMember) }, async (req, reply) => {
    const principal = req.principal!
    return reply.page('pages/start/naevnsportal', {
      titel: 'Nævnsportal',
      naevn: await boardsView(app.db, principal, boardMemberNaevnIds(principal)),
    })
  })
}
