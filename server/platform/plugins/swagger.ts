// The OpenAPI document and its UI at /api/docs, generated from the routes' TypeBox
// schemas. Only the JSON API is described; the HTML pages are not an API.
import fp from 'fastify-plugin'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'

export default fp(
  async (app) => {
    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Nævn API',
          version: '1',
          description: 'Sagsbehandlingssystem for huslejenævn og beboerklagenævn. Fejl returneres som application/problem+json (RFC 9457).',
        },
        servers: [{ url: app.config.publicUrl }],
        components: {
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: 'naevn_session' },
            bearer: { type: 'http', scheme: 'bearer', description: 'API-nøgle oprettet under Konto → API-nøgler' },
          },
        },
      },
      transform: ({ schema, url }) => {
        const isApi = url.startsWith('/api/') || url === '/healthz' || url === '/readyz'
        return { schema: isApi ? schema : { ...schema, hide: true }, url }
      },
    })
    await app.register(fastifySwaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      uiConfig: { docExpansion: 'list', deepLinking: false },
    })
  },
  { name: 'swagger', dependencies: ['security'] },
)
