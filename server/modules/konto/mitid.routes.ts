// Log-in with MitID through NemLog-in (or the local IdP): start, callback, and the
// refusals, each logged with its reason and never with a CPR number or a claim.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { mitidIdentity } from '../../kerne/auth/identity.js'
import { fortolkClaims, loaRaekker } from '../../kerne/auth/oidc/nemlogin-claims.js'
import { OidcAfvisning, type OidcKlient, type Transaktion } from '../../kerne/auth/oidc/oidc-klient.js'
import type { Sikringsniveau } from '../../platform/config.js'
import { LoginQuery } from './konto.schemas.js'
import { safeNext } from './naeste.js'

export const mitidCookie = 'naevn_mitid'
const cookiePath = '/login/mitid'

const niveauNavn: Record<Sikringsniveau, string> = { Low: 'Lav', Substantial: 'Betydelig', High: 'Høj' }

export const mitidRoutes = (klient: OidcKlient): FastifyPluginAsyncTypebox => async (app) => {
  const { config } = app

  function afvis(req: FastifyRequest, reply: FastifyReply, grund: string, side: { status: number; titel: string; besked: string; hjaelp?: string }) {
    req.log.warn({ grund, udsteder: config.oidc.issuer }, 'mitid-login afvist')
    reply.header('cache-control', 'no-store')
    return reply.status(side.status).page('pages/konto/mitid-afvist', { titel: side.titel, besked: side.besked, hjaelp: side.hjaelp ?? null })
  }
  const mislykket = { status: 400, titel: 'Login med MitID mislykkedes', besked: 'Vi kunne ikke gennemføre dit login med MitID. Det kan skyldes, at login tog for lang tid, at du brugte tilbage-knappen, eller at svaret fra MitID ikke kunne godkendes.', hjaelp: 'Start forfra ved at logge ind igen.' }

  app.get('/login/mitid', { schema: { querystring: LoginQuery } }, async (req, reply) => {
    let start: Awaited<ReturnType<OidcKlient['start']>>
    try {
      start = await klient.start(safeNext(req.query.naeste) ?? null)
    } catch (err) {
      req.log.error({ err, udsteder: config.oidc.issuer }, 'mitid-udbyderen svarer ikke')
      return reply.status(503).header('retry-after', '30').page('pages/konto/mitid-afvist', {
        titel: 'MitID er ikke tilgængeligt lige nu',
        besked: 'Vi kan ikke få forbindelse til MitID-login i øjeblikket. Prøv igen om lidt.',
        hjaelp: null,
      })
    }
    reply.setCookie(mitidCookie, Buffer.from(JSON.stringify(start.transaktion)).toString('base64url'), {
      path: cookiePath,
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
      signed: true,
      maxAge: 600,
    })
    reply.header('cache-control', 'no-store')
    return reply.redirect(start.url, 303)
  })

  app.get(
    '/login/mitid/callback',
    { schema: { querystring: Type.Record(Type.String(), Type.String({ maxLength: 4000 })) }, config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const t = laesTransaktion(req)
      // Single use: the transaction is gone whatever happens next, so a replay finds nothing.
      reply.clearCookie(mitidCookie, { path: cookiePath })
      if (!t) return afvis(req, reply, 'mangler_transaktion', mislykket)
      const callbackUrl = new URL(config.oidc.redirectUri)
      callbackUrl.search = new URL(req.url, 'http://x').search
      let claims: Record<string, unknown>
      try {
        claims = await klient.afslut(callbackUrl, t)
      } catch (err) {
        if (!(err instanceof OidcAfvisning)) throw err
        if (err.grund === 'idp:access_denied') return afvis(req, reply, err.grund, { status: 400, titel: 'Du afbrød login', besked: 'Du afbrød login med MitID, så du er ikke logget ind.' })
        return afvis(req, reply, err.grund, mislykket)
      }
      const r = fortolkClaims(claims)
      if (!r.ok) return afvis(req, reply, r.grund, mislykket)
      const id = r.identitet
      if (!loaRaekker(id.loa, config.oidc.minLoa)) {
        return afvis(req, reply, `loa:${id.loa ?? 'ukendt'}`, {
          status: 403,
          titel: 'Dit MitID har ikke et højt nok sikringsniveau',
          besked: `Du loggede ind på sikringsniveau ${id.loa ? niveauNavn[id.loa] : 'ukendt'}. For at se sager hos nævnet kræves mindst sikringsniveau ${niveauNavn[config.oidc.minLoa]}.`,
          hjaelp: 'Log ind igen med MitID-appen eller en MitID-kodeviser. Du kan hæve dit MitID\'s sikringsniveau i MitID-appen eller hos borgerservice.',
        })
      }
      const userId = await mitidIdentity.authenticate(app.db, { udsteder: config.oidc.issuer, identitet: id, cpr: app.cpr })
      if (!userId) return afvis(req, reply, 'konto_deaktiveret', { status: 403, titel: 'Din konto er lukket', besked: 'Din konto hos nævnet er lukket. Kontakt sekretariatet, hvis du mener, det er en fejl.' })
      await reply.startSession(userId)
      req.log.info({ userId, erhverv: id.cvr !== null, loa: id.loa }, 'logget ind med mitid')
      return reply.redirect(t.naeste ?? '/', 303)
    },
  )

  function laesTransaktion(req: FastifyRequest): Transaktion | null {
    const raw = req.cookies[mitidCookie]
    if (!raw) return null
    const unsigned = req.unsignCookie(raw)
    if (!unsigned.valid || !unsigned.value) return null
    try {
      const t = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as Partial<Transaktion>
      if (typeof t.state !== 'string' || typeof t.nonce !== 'string' || typeof t.verifier !== 'string' || typeof t.udloeber !== 'number') return null
      return { state: t.state, nonce: t.nonce, verifier: t.verifier, udloeber: t.udloeber, naeste: safeNext(t.naeste ?? undefined) ?? null }
    } catch {
      return null
    }
  }
}
