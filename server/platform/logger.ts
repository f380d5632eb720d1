// pino options shared by the server and the workers: CPR numbers, passwords, tokens and
// cookies never reach a log line.
import type { LoggerOptions } from 'pino'

export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.adgangskode',
  '*.adgangskode_gentag',
  '*.cpr',
  '*.cpr_nummer',
  '*.cprEllerCvr',
  '*.*.cprEllerCvr',
  '*.*.*.cprEllerCvr',
  '*.mig_cprcvr',
  '*.klient_cprcvr',
  '*.modpart_cprcvr',
  '*.nummer',
  '*.token',
  '*._csrf',
  '*.password_hash',
]

/** Secrets that travel in URLs: reset and invitation links, and the OIDC callback's code and state. */
export function skjulUrlHemmeligheder(url: string): string {
  return url.replace(/(\/(?:nulstil-adgangskode|invitation)\/)[^/?#]+/g, '$1[skjult]').replace(/([?&](?:code|state|session_state)=)[^&#]*/g, '$1[skjult]')
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: '[skjult]' },
    serializers: {
      // Fastify's request fields, with the URL's secrets hidden.
      req: (req: { method?: string; url?: string; host?: string; ip?: string; socket?: { remotePort?: number } }) => ({
        method: req.method,
        url: skjulUrlHemmeligheder(req.url ?? ''),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
    // CPR numbers can also hide inside free text (a message, an error): mask them there.
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? maskCpr(a) : maskObjectMsg(a))) as Parameters<typeof method>,
        )
      },
    },
    ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  }
}

/** 010190-1234, 010190 1234 or 0101901234 → 010190-xxxx: the birth date may show, the serial not. */
export function maskCpr(text: string): string {
  return text.replace(/\b(\d{6})[- ]?\d{4}\b/g, '$1-xxxx')
}

/** The msg and an error's message inside a logged object are free text as well. */
function maskObjectMsg(a: unknown): unknown {
  if (!a || typeof a !== 'object' || Array.isArray(a)) return a
  const o = a as Record<string, unknown>
  const err = o.err instanceof Error ? o.err : null
  if (typeof o.msg !== 'string' && !err && typeof o.err !== 'string') return a
  return {
    ...o,
    ...(typeof o.msg === 'string' ? { msg: maskCpr(o.msg) } : {}),
    ...(typeof o.err === 'string' ? { err: maskCpr(o.err) } : {}),
    ...(err ? { err: Object.assign(Object.create(Object.getPrototypeOf(err) as object) as Error, err, { message: maskCpr(err.message), stack: err.stack ? maskCpr(err.stack) : undefined }) } : {}),
  }
}
