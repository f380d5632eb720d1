// GraphQL at /graphql and POST / (mercurius), compatible with the national huslejenaevn.dk public
// API's read queries: decisions, pagedDecisions, addresses, pagedAddresses, laws,
// municipalities, subjects. Public and read-only (no mutations, no subscriptions, no
// batching); anonymous use is rate-limited per IP in Redis, a valid X-API-KEY lifts the
// limit and an invalid one is refused. Query length, depth, page size and cost are
// limited (limits.ts). GraphiQL only where GRAPHIQL=true.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import mercurius from 'mercurius'
import { aabenForAlleOprindelser, aabentApiAdgang } from '../api.routes.js'
import { analyser, GraenseFejl, MAKS_LAENGDE } from './limits.js'
import { lavResolvers } from './resolvers.js'
import { typeDefs } from './schema.js'
import { MAKS_DYBDE } from './limits.js'

const { ErrorWithProps } = mercurius

/**
 * The national API answers at both / and /graphql, and its clients post to either: a POST
 * to / is routed to /graphql (app.ts's rewriteUrl, before routing). GET / stays the
 * front page.
 */
export function graphqlVedRoden(method: string | undefined, url: string | undefined): string {
  return method === 'POST' && url === '/' ? '/graphql' : (url ?? '/')
}

const graphqlKoder: Record<string, string> = { UgyldigApiNoegle: 'INVALID_API_KEY', ForMangeForsoeg: 'RATE_LIMITED' }

// GraphiQL's page loads React and GraphiQL from unpkg.com and styles inline: only its own
// pages get that policy, and only where GraphiQL is switched on.
const graphiqlCsp = [
  "default-src 'self'",
  "script-src 'self' https://unpkg.com",
  "style-src 'self' 'unsafe-inline' https://unpkg.com",
  "img-src 'self' data:",
  "font-src 'self' data: https://unpkg.com",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
].join('; ')

export const graphqlApi: FastifyPluginAsync = async (app) => {
  const { config } = app

  app.addHook(
    'onRequest',
    aabentApiAdgang(app, {
      navn: 'graphql',
      anonymMax: config.graphqlRateLimitPerMinute,
      fejl: (status, kode, besked) => new ErrorWithProps(besked, { code: graphqlKoder[kode] ?? kode }, status),
    }),
  )

  aabenForAlleOprindelser(app, ['/graphql'], 'GET, POST')

  if (config.graphiql) {
    app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply) => {
      if (req.url.startsWith('/graphiql')) reply.header('content-security-policy', graphiqlCsp)
    })
  }

  const { resolvers, loaders } = lavResolvers(app.db, config)
  await app.register(mercurius, {
    schema: typeDefs,
    resolvers: resolvers as never,
    loaders: loaders as never,
    path: '/graphql',
    graphiql: config.graphiql,
    // mercurius's own check (fragments not followed); limits.ts follows them.
    queryDepth: MAKS_DYBDE,
    allowBatchedQueries: false,
    additionalRouteOptions: {
      // No cookie or session is read here and nothing changes: CSRF does not apply.
      config: { csrfExempt: true },
      bodyLimit: 64 * 1024,
    },
  })

  app.graphql.addHook('preParsing', async (_schema, source) => {
    if (source.length > MAKS_LAENGDE) throw new ErrorWithProps(`The query is ${source.length} characters long; at most ${MAKS_LAENGDE} are allowed.`, { code: 'QUERY_TOO_LONG' }, 400)
  })

  app.graphql.addHook('preExecution', async (_schema, document, context, variables) => {
    const req = context.reply.request
    const kilde = (req.method === 'GET' ? req.query : req.body) as { operationName?: string } | undefined
    try {
      analyser(document, kilde?.operationName, variables as Record<string, unknown> | undefined)
    } catch (err) {
      if (err instanceof GraenseFejl) throw new ErrorWithProps(err.message, { code: err.kode }, 400)
      throw err
    }
  })
}
