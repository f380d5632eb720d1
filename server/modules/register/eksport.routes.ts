// Open data: both registers in bulk (/data/afgoerelser.csv|.ndjson,
// /data/huslejeregister.csv|.ndjson), streamed in batches with constant memory, and the
// page that describes them (/data). Only published rows; no login.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Readable } from 'node:stream'
import { cacheHeaders, offentligSide } from './offentlig-side.js'
import { AFGOERELSE_CSV_FELTER, afgoerelserEksport, HUSLEJE_CSV_FELTER, huslejerEksport, type Format } from './eksport.service.js'
import { CSV_TYPE, NDJSON_TYPE } from './csv.js'

function send(req: FastifyRequest, reply: FastifyReply, filnavn: string, format: Format, stroem: Readable) {
  cacheHeaders(req, reply)
  reply.header('Content-Disposition', `attachment; filename="${filnavn}.${format}"`)
  return reply.type(format === 'csv' ? CSV_TYPE : NDJSON_TYPE).send(stroem)
}

export const eksportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app
  const { publicUrl } = app.config
  // Each export holds a database connection while it streams: limit them per client.
  const config = { rateLimit: { max: 30, timeWindow: '1 minute' } }

  app.get('/data/afgoerelser.csv', { config }, async (req, reply) => send(req, reply, 'afgoerelser', 'csv', afgoerelserEksport(db, publicUrl, 'csv')))
  app.get('/data/afgoerelser.ndjson', { config }, async (req, reply) => send(req, reply, 'afgoerelser', 'ndjson', afgoerelserEksport(db, publicUrl, 'ndjson')))
  app.get('/data/huslejeregister.csv', { config }, async (req, reply) => send(req, reply, 'huslejeregister', 'csv', huslejerEksport(db, publicUrl, 'csv')))
  app.get('/data/huslejeregister.ndjson', { config }, async (req, reply) => send(req, reply, 'huslejeregister', 'ndjson', huslejerEksport(db, publicUrl, 'ndjson')))

  app.get('/data', async (req, reply) =>
    offentligSide(req, reply, 'pages/register/data', {
      titel: 'Åbne data',
      publicUrl,
      afgoerelseFelter: AFGOERELSE_CSV_FELTER.join(', '),
      huslejeFelter: HUSLEJE_CSV_FELTER.join(', '),
    }),
  )
}
