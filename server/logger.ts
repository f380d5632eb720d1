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
  '*.token',
  '*._csrf',
  '*.password_hash',
]

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: '[skjult]' },
    // CPR numbers can also hide inside free text (a message, an error): mask them there.
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? maskCpr(a) : a)) as Parameters<typeof method>,
        )
      },
    },
    ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  }
}

/** 010190-1234 or 0101901234 → 010190-xxxx: the birth date may show, the serial not. */
export function maskCpr(text: string): string {
  return text.replace(/\b(\d{6})-?\d{4}\b/g, '$1-xxxx')
}
