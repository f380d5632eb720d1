// The local development and test identity provider: a real OpenID Connect provider
// (oidc-provider) standing in for NemLog-in when no OIDC_ISSUER is configured. It shows
// the demo MitID people and companies (demo-identiteter.ts) on a page instead of asking
// for MitID, and issues NemLog-in's claims (nemlogin-claims.ts). Authorization code flow
// with PKCE (S256) only, RP-initiated logout, the iss parameter in responses (RFC 9207).
// It refuses to start when a real issuer is configured.
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { parse as parseQuery } from 'node:querystring'
import Provider, { type AccountClaims, type ClientMetadata, type Configuration, type KoaContextWithOIDC } from 'oidc-provider'
import type { Config } from '../../../platform/config.js'
import { claim } from './nemlogin-claims.js'
import { demoIdentiteter, type DemoIdentitet } from './demo-identiteter.js'

export interface LokalIdp {
  readonly issuer: string
  readonly port: number
  close(): Promise<void>
}

export interface LokalIdpOptions {
  /** Listen here instead of config.oidc.lokal.port (0: any free port; the issuer follows). */
  port?: number
  /** Seconds an authorization code lives (tests of expiry shorten it). */
  kodeLevetidSek?: number
  /** Further clients (tests: another audience); the app's own client is always there. */
  ekstraKlienter?: { clientId: string; clientSecret: string }[]
}

const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function side(titel: string, indhold: string): string {
  return `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(titel)} – MitID (lokal demo)</title>
<link rel="icon" href="data:,">
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.advarsel{background:#fff3cd;border-left:4px solid #8a6d00;padding:.5rem 1rem}fieldset{border:0;padding:0}
label{display:block;padding:.6rem;border:1px solid #767676;margin:.4rem 0;border-radius:4px}
button{font-size:1rem;padding:.6rem 1.2rem;margin:.5rem .5rem 0 0;background:#0059b3;color:#fff;border:0;border-radius:4px}
button.sekundaer{background:#fff;color:#0059b3;border:1px solid #0059b3}:focus{outline:3px solid #b35900;outline-offset:2px}</style>
</head><body><main><h1>${html(titel)}</h1>
<p class="advarsel">Dette er den lokale test-identitetsudbyder. Den står i stedet for MitID og NemLog-in, og den må aldrig bruges i drift.</p>
${indhold}</main></body></html>`
}

function claimsFor(d: DemoIdentitet): AccountClaims {
  const [fornavn, ...rest] = d.navn.split(' ')
  const c: AccountClaims = {
    sub: d.subjekt,
    [claim.fuldtNavn]: d.navn,
    [claim.fornavn]: fornavn,
    [claim.efternavn]: rest.join(' '),
    [claim.loa]: d.loa,
  }
  if (d.cpr) c[claim.cpr] = d.cpr
  if (d.cvr) {
    c[claim.cvr] = d.cvr
    c[claim.organisation] = d.organisation
    const privileges = (d.rettigheder ?? []).map((r) => `<Privilege>${r}</Privilege>`).join('')
    c[claim.rettigheder] = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile"><PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:${d.cvr}">${privileges}</PrivilegeGroup></bpp:PrivilegeList>`,
    ).toString('base64')
  }
  return c
}

export async function startLokalIdp(config: Config, options: LokalIdpOptions = {}): Promise<LokalIdp> {
  const lokal = config.oidc.lokal
  if (!lokal) throw new Error('Den lokale identitetsudbyder starter ikke, når OIDC_ISSUER er sat.')
  const server = http.createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? lokal.port, resolve)
  })
  const port = (server.address() as AddressInfo).port
  const issuer = new URL(config.oidc.issuer)
  issuer.port = String(port)
  const issuerUrl = issuer.toString().replace(/\/$/, '')

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), use: 'sig', alg: 'RS256' }
  const klient = (clientId: string, clientSecret: string): ClientMetadata => ({
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [config.oidc.redirectUri],
    post_logout_redirect_uris: [config.oidc.postLogoutRedirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  })
  const alleClaims = ['sub', ...Object.values(claim)]
  const configuration: Configuration = {
    clients: [klient(config.oidc.clientId, config.oidc.clientSecret ?? ''), ...(options.ekstraKlienter ?? []).map((k) => klient(k.clientId, k.clientSecret))],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: alleClaims },
    // NemLog-in puts the identity in the ID token; so does this provider.
    conformIdTokenClaims: false,
    acrValues: ['https://data.gov.dk/concept/core/nsis/Low', 'https://data.gov.dk/concept/core/nsis/Substantial', 'https://data.gov.dk/concept/core/nsis/High'],
    pkce: { methods: ['S256'], required: () => true },
    ttl: { AuthorizationCode: options.kodeLevetidSek ?? 60, IdToken: 300, AccessToken: 300, Interaction: 600, Session: 3600, Grant: 3600 },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.body = side('Log ud af MitID', `${form}<p>Vil du også logge ud af den lokale MitID-demo?</p>
<button type="submit" form="op.logoutForm" value="yes" name="logout">Ja, log mig ud</button>
<button type="submit" form="op.logoutForm" class="sekundaer">Nej, bliv logget ind</button>`)
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          ctx.body = side('Du er logget ud', '<p>Du er logget ud af den lokale MitID-demo.</p>')
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaktion/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const d = demoIdentiteter.find((x) => x.subjekt === sub)
      return d ? { accountId: sub, claims: () => claimsFor(d) } : undefined
    },
    renderError: (ctx, out) => {
      ctx.type = 'html'
      ctx.body = side('Der skete en fejl', `<p>${html(String(out.error))}: ${html(String(out.error_description ?? ''))}</p>`)
    },
  }
  const provider = new Provider(issuerUrl, configuration)
  const callback = provider.callback()

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const m = /^\/interaktion\/([\w-]+)(\/login|\/afbryd)?$/.exec(req.url ?? '')
    if (!m) return void callback(req, res)
    void interaktion(provider, req, res, m[2] ?? '').catch((err: unknown) => {
      res.statusCode = 400
      res.setHeader('content-type', 'text/html; charset=utf-8')
      res.end(side('Login kunne ikke gennemføres', `<p>${html(err instanceof Error ? err.message : 'Ukendt fejl')}</p>`))
    })
  })

  return {
    issuer: issuerUrl,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function formular(req: http.IncomingMessage): Promise<Record<string, string>> {
  let body = ''
  for await (const chunk of req) {
    body += String(chunk)
    if (body.length > 10_000) throw new Error('Formularen er for stor.')
  }
  const parsed = parseQuery(body)
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : (v ?? '')]))
}

/** The page that stands in for MitID: choose a demo person, and the login finishes. */
async function interaktion(provider: Provider, req: http.IncomingMessage, res: http.ServerResponse, handling: string): Promise<void> {
  const details = await provider.interactionDetails(req, res)
  if (req.method === 'GET' && handling === '') {
    const valg = demoIdentiteter
      .map((d, i) => `<label><input type="radio" name="subjekt" value="${html(d.subjekt)}"${i === 0 ? ' checked' : ''}> <strong>${html(d.navn)}</strong> – ${html(d.beskrivelse)}</label>`)
      .join('\n')
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.setHeader('cache-control', 'no-store')
    res.end(
      side(
        'Log ind med MitID',
        `<form method="post" action="/interaktion/${html(details.uid)}/login"><fieldset><legend>Vælg, hvem du vil logge ind som</legend>
${valg}</fieldset><button type="submit">Log ind</button></form>
<form method="post" action="/interaktion/${html(details.uid)}/afbryd"><button type="submit" class="sekundaer">Afbryd</button></form>`,
      ),
    )
    return
  }
  if (req.method !== 'POST') throw new Error('Ukendt handling.')
  const form = await formular(req)
  if (handling === '/afbryd') {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'Brugeren afbrød login.' }, { mergeWithLastSubmission: false })
    return
  }
  const valgt = demoIdentiteter.find((d) => d.subjekt === form.subjekt)
  if (!valgt) throw new Error('Vælg en person.')
  const clientId = String(details.params.client_id)
  // First-party client: consent is given with the login, as NemLog-in does for an authority.
  const grant = new provider.Grant({ accountId: valgt.subjekt, clientId })
  grant.addOIDCScope(String(details.params.scope ?? 'openid'))
  grant.addOIDCClaims(['sub', ...Object.values(claim)])
  const grantId = await grant.save()
  const acr = `https://data.gov.dk/concept/core/nsis/${valgt.loa}`
  await provider.interactionFinished(req, res, { login: { accountId: valgt.subjekt, acr }, consent: { grantId } }, { mergeWithLastSubmission: false })
}
