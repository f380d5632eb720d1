// The OpenID Connect relying party towards NemLog-in (or the local IdP): authorization
// code flow with PKCE (S256), state and nonce, the ID token checked by openid-client
// (issuer, audience, signature, expiry, nonce, the iss response parameter), then the
// claims read by nemlogin-claims.ts. The transaction (state, nonce, PKCE verifier and
// where to go afterwards) lives in a signed, short-lived, httpOnly cookie, so any web
// server behind the load balancer can finish a login another one began.
import { webcrypto } from 'node:crypto'
import * as oidc from 'openid-client'
import type { OidcConfig } from '../../../platform/config.js'

export interface Transaktion {
  state: string
  nonce: string
  verifier: string
  naeste: string | null
  /** Epoch ms after which the login must be started again. */
  udloeber: number
}

export const transaktionLevetidMs = 10 * 60 * 1000

/** Why a login was refused, for the log (never the claims themselves). */
export class OidcAfvisning extends Error {
  constructor(readonly grund: string, cause?: unknown) {
    super(`MitID-login afvist: ${grund}`, { cause })
    this.name = 'OidcAfvisning'
  }
}

export class OidcKlient {
  private discovered: Promise<oidc.Configuration> | null = null

  constructor(private readonly config: OidcConfig) {}

  /** The issuer's metadata, fetched once (and again after a failure). */
  konfiguration(): Promise<oidc.Configuration> {
    if (!this.discovered) {
      this.discovered = this.opdag().catch((err: unknown) => {
        this.discovered = null
        throw err
      })
    }
    return this.discovered
  }

  private async opdag(): Promise<oidc.Configuration> {
    const c = this.config
    let auth: oidc.ClientAuth
    if (c.privateKeyPem) {
      const der = Buffer.from(c.privateKeyPem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64')
      const key = await webcrypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign'])
      auth = oidc.PrivateKeyJwt(c.privateKeyId ? { key, kid: c.privateKeyId } : key)
    } else {
      auth = oidc.ClientSecretPost(c.clientSecret ?? '')
    }
    // Plain http only for the local IdP; config.ts demands https for a real issuer.
    const options = c.lokal ? { execute: [oidc.allowInsecureRequests] } : undefined
    return oidc.discovery(new URL(c.issuer), c.clientId, undefined, auth, options)
  }

  /** The URL to send the browser to, and the transaction to keep until it comes back. */
  async start(naeste: string | null): Promise<{ url: string; transaktion: Transaktion }> {
    const cfg = await this.konfiguration()
    const verifier = oidc.randomPKCECodeVerifier()
    const transaktion: Transaktion = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier, naeste, udloeber: Date.now() + transaktionLevetidMs }
    const params: Record<string, string> = {
      redirect_uri: this.config.redirectUri,
      scope: this.config.scope,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: transaktion.state,
      nonce: transaktion.nonce,
      ...(this.config.acrValues ? { acr_values: this.config.acrValues } : {}),
    }
    return { url: oidc.buildAuthorizationUrl(cfg, params).href, transaktion }
  }

  /** Exchanges the code and returns the ID token's claims; throws OidcAfvisning on anything wrong. */
  async afslut(callbackUrl: URL, t: Transaktion): Promise<Record<string, unknown>> {
    if (Date.now() > t.udloeber) throw new OidcAfvisning('transaktion_udloebet')
    const cfg = await this.konfiguration()
    try {
      const tokens = await oidc.authorizationCodeGrant(cfg, callbackUrl, {
        pkceCodeVerifier: t.verifier,
        expectedState: t.state,
        expectedNonce: t.nonce,
        idTokenExpected: true,
      })
      const claims = tokens.claims()
      if (!claims) throw new OidcAfvisning('intet_id_token')
      return claims as Record<string, unknown>
    } catch (err) {
      if (err instanceof OidcAfvisning) throw err
      throw new OidcAfvisning(grundAf(err), err)
    }
  }

  /** RP-initiated logout at the issuer, back to our login page. */
  async logudUrl(): Promise<string | null> {
    const cfg = await this.konfiguration()
    if (!cfg.serverMetadata().end_session_endpoint) return null
    return oidc.buildEndSessionUrl(cfg, { client_id: this.config.clientId, post_logout_redirect_uri: this.config.postLogoutRedirectUri }).href
  }
}

/** A short code for the log: the OAuth error (invalid_grant, access_denied) or openid-client's check that failed. */
function grundAf(err: unknown): string {
  if (err instanceof oidc.AuthorizationResponseError) return `idp:${err.error}`
  if (err instanceof oidc.ResponseBodyError) return `token:${err.error}`
  // openid-client wraps oauth4webapi's error, whose message names the check ("unexpected
  // \"state\" response parameter value", "unexpected JWT \"nonce\" ... claim value"), never the value.
  const e = err as { code?: unknown; message?: unknown; cause?: { message?: unknown } }
  const detalje = typeof e.cause?.message === 'string' ? e.cause.message : String(e.message ?? '')
  if (typeof e.code === 'string') return `${e.code}:${detalje.slice(0, 120)}`
  return 'ukendt'
}
