import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { kontoRoutes } from './konto.routes.js'
import { apiNoeglerRoutes } from './api-noegler.routes.js'
import { mitidRoutes } from './mitid.routes.js'
import { adgangskodeRoutes } from './adgangskode.routes.js'
import { emailRoutes } from './email.routes.js'
import { OidcKlient } from '../../kerne/auth/oidc/oidc-klient.js'

const konto: FastifyPluginAsyncTypebox = async (app) => {
  // One relying party per app: it fetches the issuer's metadata on the first login.
  const klient = new OidcKlient(app.config.oidc)
  await app.register(kontoRoutes(klient))
  await app.register(mitidRoutes(klient))
  await app.register(adgangskodeRoutes)
  await app.register(emailRoutes)
  await app.register(apiNoeglerRoutes)
}
export default konto
