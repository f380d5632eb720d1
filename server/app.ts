// buildApp: the plugins, then the modules. It never listens (server.ts does), so tests
// build the same app and talk to it with inject or a real port.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { randomUUID } from 'node:crypto'
import type { Writable } from 'node:stream'
import pino from 'pino'
import type { Config } from './platform/config.js'
import { loggerOptions } from './platform/logger.js'
import { runWithRequestContext } from './platform/http/request-context.js'
import configPlugin from './platform/plugins/config.js'
import dbPlugin from './platform/plugins/db.js'
import redisPlugin from './platform/plugins/redis.js'
import securityPlugin from './platform/plugins/security.js'
import authPlugin from './platform/plugins/auth.js'
import viewsPlugin from './platform/plugins/views.js'
import errorsPlugin, { sendFrameworkError } from './platform/plugins/errors.js'
import swaggerPlugin from './platform/plugins/swagger.js'
import multipartPlugin from './platform/plugins/multipart.js'
import referencedataPlugin from './platform/plugins/referencedata.js'
import cprPlugin from './platform/plugins/cpr.js'
import koeerPlugin from './platform/plugins/koeer.js'
import metricsPlugin from './platform/plugins/metrics.js'
import drift from './modules/drift/index.js'
import konto from './modules/konto/index.js'
import forside from './modules/forside/index.js'
import naevn from './modules/naevn/index.js'
import admin from './modules/admin/index.js'
import indbringelse from './modules/indbringelse/index.js'
import sagsbehandling from './modules/sagsbehandling/index.js'
import afgoerelse from './modules/afgoerelse/index.js'
import notifikation from './modules/notifikation/index.js'
import koeer from './modules/koeer/index.js'
import naevnsmoede from './modules/naevnsmoede/index.js'
import anonymisering from './modules/anonymisering/index.js'
import register from './modules/register/index.js'
import gdpr from './modules/gdpr/index.js'
import { graphqlVedRoden } from './modules/register/graphql/index.js'

export interface BuildOptions {
  /** Overrides the logger (tests pass false). */
  logger?: boolean
  /** Writes the log as JSON lines here instead (tests that read what was logged). */
  logStream?: Writable
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logStream
      ? { loggerInstance: pino({ ...loggerOptions(config.logLevel), transport: undefined }, options.logStream) as FastifyBaseLogger }
      : { logger: options.logger === false ? false : loggerOptions(config.logLevel) }),
    trustProxy: config.trustProxy,
    // A proxy's request id is kept when it is a plain token; anything else (log injection,
    // oversized) is replaced.
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : randomUUID()
    },
    requestIdHeader: false,
    // A URL that cannot be decoded answers like any other bad request, not Fastify's bare JSON.
    frameworkErrors: (err, req, reply) => void sendFrameworkError(app, err, req, reply),
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false } },
    rewriteUrl: (req) => graphqlVedRoden(req.method, req.url),
  }).withTypeProvider<TypeBoxTypeProvider>()

  // Everything a request does, including the jobs it writes to the outbox, knows its id.
  app.addHook('onRequest', (req, _reply, done) => runWithRequestContext({ requestId: req.id }, done))

  await app.register(configPlugin, { config })
  await app.register(dbPlugin)
  await app.register(redisPlugin)
  await app.register(securityPlugin)
  await app.register(authPlugin)
  await app.register(viewsPlugin)
  await app.register(errorsPlugin)
  await app.register(swaggerPlugin)
  await app.register(multipartPlugin)
  await app.register(referencedataPlugin)
  await app.register(cprPlugin)
  await app.register(koeerPlugin)
  await app.register(metricsPlugin)

  await app.register(drift)
  await app.register(konto)
  await app.register(forside)
  await app.register(naevn)
  await app.register(admin)
  await app.register(indbringelse)
  await app.register(sagsbehandling)
  await app.register(afgoerelse)
  await app.register(notifikation)
  await app.register(koeer)
  await app.register(naevnsmoede)
  await app.register(anonymisering)
  await app.register(register)
  await app.register(gdpr)

  return app
}
