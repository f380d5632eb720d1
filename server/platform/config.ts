// The one place that reads the environment. Everything is parsed and validated at once,
// so an operator sees every bad variable in one go, then frozen and shared by the
// server, the workers and the scripts.
import { createHmac } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'
import { keyringSpec } from './cpr-noeglering.js'

/** The repository root, whether this runs from server/ (sources) or dist/server/ (built). */
export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)))
export const templatesDir = path.join(projectRoot, 'templates')
/** The reference data the project carries (data/README.md names each file's source). */
export const defaultReferenceDataDir = path.join(projectRoot, 'data')

function findRoot(dir: string): string {
  let current = dir
  while (!existsSync(path.join(current, 'package.json'))) {
    const parent = path.dirname(current)
    if (parent === current) return dir
    current = parent
  }
  return current
}

export interface Config {
  readonly host: string
  readonly port: number
  readonly publicUrl: string
  readonly trustProxy: boolean
  readonly logLevel: string
  readonly databaseUrl: string
  readonly databasePoolSize: number
  readonly redisUrl: string
  readonly queuePrefix: string
  readonly sessionSecret: string
  /**
   * The CPR keyring (server/platform/cpr-noeglering.ts): CPR_ENCRYPTION_KEY, then
   * any CPR_ENCRYPTION_KEY_OLD and CPR_LOOKUP_KEY. With only CPR_ENCRYPTION_KEY set it is
   * that key alone, base64 of 32 bytes, as it always was.
   */
  readonly cprEncryptionKey: string
  /** Years a closed case is kept before it is proposed for deletion, unless its board says otherwise. */
  readonly retentionYears: number
  readonly upload: {
    readonly maxFileBytes: number
    readonly maxFilesPerRequest: number
    readonly maxFilesPerCase: number
    readonly maxBytesPerCase: number
  }
  readonly cookieSecure: boolean
  readonly sessionIdleMinutes: number
  readonly sessionAbsoluteHours: number
  readonly loginRateLimitPerMinute: number
  readonly publicApiRateLimitPerMinute: number
  /** Anonymous requests per IP per minute to the GraphQL endpoint /graphql. */
  readonly graphqlRateLimitPerMinute: number
  /** Requests per minute with a valid X-API-KEY, per key, to the open register API (REST and GraphQL). */
  readonly apiKeyRateLimitPerMinute: number
  /** Serve the GraphiQL IDE at /graphiql (development and test installations only). */
  readonly graphiql: boolean
  readonly loginLockoutAttempts: number
  readonly loginLockoutMinutes: number
  /** MitID through NemLog-in's OIDC broker, or the local test IdP standing in for it. */
  readonly oidc: OidcConfig
  /** Minutes an e-mailed password reset link works. */
  readonly adgangskodeNulstilMinutter: number
  readonly mailSmtpUrl: string | null
  readonly mailFrom: string
  readonly mailDir: string
  readonly digitalPost: {
    /** 'mappe': files in dir for an operator or gateway to pick up; 'http': POST to url. */
    readonly transport: 'mappe' | 'http'
    readonly dir: string
    readonly url: string | null
    readonly token: string | null
    /** Sender id (CVR) used when a board has none of its own. */
    readonly afsender: string
  }
  readonly outboxPollMs: number
  readonly workerConcurrency: number
  /** How long a job's lock lives unrenewed: a dead worker's jobs are taken over after this. */
  readonly workerLockMs: number
  /** Bearer token for /metrics (and the worker's metrics port); null: metrics are off. */
  readonly metricsToken: string | null
  /** Port of the worker process's own /metrics (job durations and failures); 0: off. */
  readonly workerMetricsPort: number
  readonly referenceDataDir: string
  /** Days after a meeting's start that board members still reach its agenda and material. */
  readonly moedeAdgangDageEfter: number
  readonly authority: {
    readonly name: string
    readonly address: string
    readonly email: string
    readonly phone: string
  }
}

export type Sikringsniveau = 'Low' | 'Substantial' | 'High'

export interface OidcConfig {
  readonly issuer: string
  readonly clientId: string
  /** client_secret_post; null when the client authenticates with a private key JWT. */
  readonly clientSecret: string | null
  /** PKCS#8 PEM of the key for private_key_jwt (NemLog-in's OCES certificate's key). */
  readonly privateKeyPem: string | null
  readonly privateKeyId: string | null
  readonly scope: string
  /** Sent as acr_values; NemLog-in picks the MitID assurance it asks the user for from it. */
  readonly acrValues: string | null
  /** The lowest NSIS assurance level accepted; anything lower is refused. */
  readonly minLoa: Exclude<Sikringsniveau, 'Low'>
  readonly redirectUri: string
  readonly postLogoutRedirectUri: string
  /**
   * Set when no OIDC_ISSUER is configured: the local development and test IdP
   * (server/lokal-idp.ts) runs on this port. Never set beside a real issuer.
   */
  readonly lokal: { readonly port: number } | null
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ugyldig konfiguration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

/** Reads KEY=value lines of a .env file into a new object; the real environment wins. */
export function withEnvFile(env: Env, file: string): Env {
  if (!existsSync(file)) return { ...env }
  // process.loadEnvFile would mutate process.env; util.parseEnv (Node ≥20.12) parses into a copy.
  const merged: Env = { ...env }
  const fromFile = parseEnv(readFileSync(file, 'utf8'))
  for (const [key, value] of Object.entries(fromFile)) {
    if (merged[key] === undefined) merged[key] = value
  }
  return merged
}

export function loadConfig(env: Env = withEnvFile(process.env, path.join(projectRoot, '.env'))): Config {
  const problems: string[] = []
  const read = new Reader(env, problems)

  const publicUrl = read.url('PUBLIC_URL', 'http://localhost:3000')
  const config: Config = {
    host: read.string('HOST', '127.0.0.1'),
    port: read.int('PORT', 3000, 0, 65535),
    publicUrl: publicUrl.replace(/\/$/, ''),
    trustProxy: read.bool('TRUST_PROXY', false),
    logLevel: read.oneOf('LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    databaseUrl: read.url('DATABASE_URL', 'postgres://naevn:naevn@127.0.0.1:5432/naevn', ['postgres:', 'postgresql:']),
    databasePoolSize: read.int('DATABASE_POOL_SIZE', 10, 1, 200),
    redisUrl: read.url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    queuePrefix: read.pattern('QUEUE_PREFIX', 'naevn', /^[a-zA-Z0-9_-]{1,64}$/, 'letters, digits, - and _'),
    sessionSecret: read.secret('SESSION_SECRET', 32),
    cprEncryptionKey: cprKeyring(read, env, problems),
    retentionYears: read.int('RETENTION_YEARS', 5, 1, 100),
    upload: {
      maxFileBytes: read.int('UPLOAD_MAX_FILE_MB', 20, 1, 200) * 1024 * 1024,
      maxFilesPerRequest: read.int('UPLOAD_MAX_FILES_PER_REQUEST', 10, 1, 100),
      maxFilesPerCase: read.int('UPLOAD_MAX_FILES_PER_CASE', 40, 1, 1000),
      maxBytesPerCase: read.int('UPLOAD_MAX_CASE_MB', 100, 1, 2000) * 1024 * 1024,
    },
    cookieSecure: publicUrl.startsWith('https:'),
    sessionIdleMinutes: read.int('SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: read.int('SESSION_ABSOLUTE_HOURS', 8, 1, 24 * 7),
    loginRateLimitPerMinute: read.int('LOGIN_RATE_LIMIT_PER_MINUTE', 10, 1, 10_000),
    publicApiRateLimitPerMinute: read.int('PUBLIC_API_RATE_LIMIT_PER_MINUTE', 120, 1, 1_000_000),
    graphqlRateLimitPerMinute: read.int('GRAPHQL_RATE_LIMIT_PER_MINUTE', 60, 1, 1_000_000),
    apiKeyRateLimitPerMinute: read.int('API_KEY_RATE_LIMIT_PER_MINUTE', 1200, 1, 1_000_000),
    graphiql: read.bool('GRAPHIQL', false),
    loginLockoutAttempts: read.int('LOGIN_LOCKOUT_ATTEMPTS', 5, 1, 1000),
    loginLockoutMinutes: read.int('LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    oidc: oidcConfig(read, env, problems, publicUrl.replace(/\/$/, '')),
    adgangskodeNulstilMinutter: read.int('ADGANGSKODE_NULSTIL_MINUTTER', 60, 5, 24 * 60),
    mailSmtpUrl: read.optionalUrl('MAIL_SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: read.string('MAIL_FROM', 'Nævn <noreply@naevn.localhost>'),
    mailDir: path.resolve(projectRoot, read.string('MAIL_DIR', 'var/mail')),
    digitalPost: {
      transport: read.oneOf('DIGITAL_POST_TRANSPORT', 'mappe', ['mappe', 'http']),
      dir: path.resolve(projectRoot, read.string('DIGITAL_POST_DIR', 'var/digitalpost')),
      url: read.optionalUrl('DIGITAL_POST_URL', ['http:', 'https:']),
      token: env.DIGITAL_POST_TOKEN?.trim() || null,
      afsender: read.pattern('DIGITAL_POST_AFSENDER', '12345674', /^\d{8}$/, 'an 8-digit CVR number'),
    },
    outboxPollMs: read.int('OUTBOX_POLL_MS', 2000, 50, 600_000),
    workerConcurrency: read.int('WORKER_CONCURRENCY', 5, 1, 100),
    workerLockMs: read.int('WORKER_LOCK_MS', 30_000, 1000, 600_000),
    metricsToken: env.METRICS_TOKEN?.trim() || null,
    workerMetricsPort: read.int('WORKER_METRICS_PORT', 0, 0, 65535),
    referenceDataDir: read.directory('REFERENCE_DATA_DIR', defaultReferenceDataDir),
    moedeAdgangDageEfter: read.int('MOEDE_ADGANG_DAGE_EFTER', 14, 0, 365),
    authority: {
      name: read.string('AUTHORITY_NAME', 'Nævnenes fælles sekretariat (demo)'),
      address: read.string('AUTHORITY_ADDRESS', 'Rådhuspladsen 1, 1550 København V'),
      email: read.string('AUTHORITY_EMAIL', 'kontakt@naevn.localhost'),
      phone: read.string('AUTHORITY_PHONE', '33 66 33 66'),
    },
  }
  if (config.digitalPost.transport === 'http' && !config.digitalPost.url) problems.push('DIGITAL_POST_URL: required when DIGITAL_POST_TRANSPORT=http')
  if (config.metricsToken !== null && config.metricsToken.length < 16) problems.push('METRICS_TOKEN: must be at least 16 characters')
  if (config.workerMetricsPort > 0 && config.metricsToken === null) problems.push('WORKER_METRICS_PORT: needs METRICS_TOKEN')
  if (problems.length > 0) throw new ConfigError(problems)
  return deepFreeze(config)
}

class Reader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  private raw(name: string): string | undefined {
    const value = this.env[name]
    return value === undefined || value.trim() === '' ? undefined : value.trim()
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name)
    if (value === undefined) return fallback
    const n = Number(value)
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.push(`${name}: must be a whole number from ${min} to ${max} (got "${value}")`)
      return fallback
    }
    return n
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)
    if (value === undefined) return fallback
    if (['true', '1', 'yes'].includes(value.toLowerCase())) return true
    if (['false', '0', 'no'].includes(value.toLowerCase())) return false
    this.problems.push(`${name}: must be true or false (got "${value}")`)
    return fallback
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const value = this.raw(name)
    if (value === undefined) return fallback
    if ((allowed as readonly string[]).includes(value)) return value as T
    this.problems.push(`${name}: must be one of ${allowed.join(', ')} (got "${value}")`)
    return fallback
  }

  pattern(name: string, fallback: string, re: RegExp, what: string): string {
    const value = this.raw(name) ?? fallback
    if (!re.test(value)) this.problems.push(`${name}: only ${what} allowed (got "${value}")`)
    return value
  }

  url(name: string, fallback: string, protocols: string[] = ['http:', 'https:']): string {
    const value = this.raw(name) ?? fallback
    this.checkUrl(name, value, protocols)
    return value
  }

  optionalUrl(name: string, protocols: string[]): string | null {
    const value = this.raw(name)
    if (value === undefined) return null
    this.checkUrl(name, value, protocols)
    return value
  }

  private checkUrl(name: string, value: string, protocols: string[]) {
    let parsed: URL
    try {
      parsed = new URL(value)
    } catch {
      this.problems.push(`${name}: not a valid URL`)
      return
    }
    if (!protocols.includes(parsed.protocol)) {
      this.problems.push(`${name}: must start with ${protocols.map((p) => `${p}//`).join(' or ')}`)
    }
  }

  secret(name: string, minLength: number): string {
    const value = this.raw(name)
    if (value === undefined) {
      this.problems.push(`${name}: required, at least ${minLength} random characters (npm start writes one to .env)`)
      return ''
    }
    if (value.length < minLength) this.problems.push(`${name}: must be at least ${minLength} characters`)
    return value
  }

  base64Key(name: string, bytes: number): string {
    const value = this.raw(name)
    if (value === undefined) {
      this.problems.push(`${name}: required, ${bytes} random bytes as base64 (npm start writes one to .env)`)
      return ''
    }
    if (Buffer.from(value, 'base64').length !== bytes) this.problems.push(`${name}: must be ${bytes} bytes encoded as base64`)
    return value
  }

  directory(name: string, fallback: string): string {
    const value = path.resolve(projectRoot, this.raw(name) ?? fallback)
    if (!existsSync(value)) this.problems.push(`${name}: directory ${value} does not exist`)
    return value
  }
}

/**
 * CPR_ENCRYPTION_KEY encrypts; CPR_ENCRYPTION_KEY_OLD (one or more, comma-separated) still
 * decrypt during a key rotation; CPR_LOOKUP_KEY pins the look-up hash's key, which must not
 * change with a rotation (README "Nøglerotation"), so it is required beside an old key.
 */
function cprKeyring(read: Reader, env: Env, problems: string[]): string {
  const current = read.base64Key('CPR_ENCRYPTION_KEY', 32)
  const old = (env.CPR_ENCRYPTION_KEY_OLD ?? '').split(',').map((k) => k.trim()).filter(Boolean)
  for (const k of old) {
    if (Buffer.from(k, 'base64').length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(k)) problems.push('CPR_ENCRYPTION_KEY_OLD: each key must be 32 bytes encoded as base64 (comma-separated)')
  }
  const lookup = env.CPR_LOOKUP_KEY?.trim() || null
  if (lookup && (Buffer.from(lookup, 'base64').length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(lookup))) problems.push('CPR_LOOKUP_KEY: must be 32 bytes encoded as base64')
  if (old.length > 0 && !lookup) problems.push('CPR_LOOKUP_KEY: required while CPR_ENCRYPTION_KEY_OLD is set (npm run rotate-cpr-key -- --opslagsnoegle prints it from the old key)')
  return keyringSpec({ current, old, lookupKey: lookup })
}

/**
 * OIDC_ISSUER set: the real broker (NemLog-in), with its client id and a secret or a private
 * key. Unset: the local IdP on LOKAL_IDP_PORT, on the same host as PUBLIC_URL, with a client
 * secret derived from SESSION_SECRET so the server and the IdP process agree without
 * another variable.
 */
function oidcConfig(read: Reader, env: Env, problems: string[], publicUrl: string): OidcConfig {
  const issuer = read.optionalUrl('OIDC_ISSUER', ['https:', 'http:'])
  const common = {
    scope: read.string('OIDC_SCOPE', 'openid'),
    minLoa: read.oneOf('OIDC_MIN_LOA', 'Substantial', ['Substantial', 'High'] as const),
    redirectUri: `${publicUrl}/login/mitid/callback`,
    postLogoutRedirectUri: `${publicUrl}/login?logget_ud=1`,
  }
  const acrValues = env.OIDC_ACR_VALUES?.trim() || `https://data.gov.dk/concept/core/nsis/${common.minLoa}`
  if (issuer === null) {
    if (env.OIDC_CLIENT_ID?.trim() || env.OIDC_CLIENT_SECRET?.trim() || env.OIDC_PRIVATE_KEY_FILE?.trim()) problems.push('OIDC_CLIENT_ID/OIDC_CLIENT_SECRET/OIDC_PRIVATE_KEY_FILE: need OIDC_ISSUER')
    const port = read.int('LOKAL_IDP_PORT', 3001, 1, 65535)
    const host = new URL(publicUrl).hostname
    const secret = createHmac('sha256', env.SESSION_SECRET ?? '').update('lokal-idp-klient').digest('base64url')
    return { ...common, acrValues, issuer: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, clientId: 'naevn-lokal', clientSecret: secret, privateKeyPem: null, privateKeyId: null, lokal: { port } }
  }
  if (env.LOKAL_IDP_PORT?.trim()) problems.push('LOKAL_IDP_PORT: the local IdP never runs beside a real OIDC_ISSUER; remove it')
  if (!issuer.startsWith('https:')) problems.push('OIDC_ISSUER: must be https://')
  const clientId = env.OIDC_CLIENT_ID?.trim() ?? ''
  if (!clientId) problems.push('OIDC_CLIENT_ID: required with OIDC_ISSUER')
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim() || null
  const keyFile = env.OIDC_PRIVATE_KEY_FILE?.trim() || null
  let privateKeyPem: string | null = null
  if (keyFile) {
    const file = path.resolve(projectRoot, keyFile)
    if (!existsSync(file)) problems.push(`OIDC_PRIVATE_KEY_FILE: ${file} does not exist`)
    else privateKeyPem = readFileSync(file, 'utf8')
    if (privateKeyPem !== null && !privateKeyPem.includes('BEGIN PRIVATE KEY')) problems.push('OIDC_PRIVATE_KEY_FILE: must be a PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----)')
  }
  if ((clientSecret === null) === (privateKeyPem === null && keyFile === null)) problems.push('OIDC_CLIENT_SECRET or OIDC_PRIVATE_KEY_FILE: exactly one is required with OIDC_ISSUER')
  return { ...common, acrValues, issuer, clientId, clientSecret, privateKeyPem, privateKeyId: env.OIDC_PRIVATE_KEY_ID?.trim() || null, lokal: null }
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (inner && typeof inner === 'object') deepFreeze(inner as object)
  }
  return Object.freeze(value)
}
