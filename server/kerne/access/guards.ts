// Route guards: a preHandler that demands a login and then asks a policy. Anonymous
// users are sent to the login page (pages) or get 401 (API); users the policy refuses
// get 404, the same as for something that does not exist.
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { UnauthenticatedError } from '../../platform/errors.js'
import type { Principal } from './principal.js'

export function requirePrincipal(req: FastifyRequest): Principal {
  if (!req.principal) throw new UnauthenticatedError('IkkeLoggetInd', 'Du skal logge ind for at se denne side.')
  return req.principal
}

export function guard(policy?: (p: Principal) => void): preHandlerAsyncHookHandler {
  return async (req) => {
    const principal = requirePrincipal(req)
    policy?.(principal)
  }
}
