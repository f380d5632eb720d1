// The project's .env: created from .env.example with a fresh secret on first start, and
// read (without touching process.env) for the bootstrap steps.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseEnv } from 'node:util'

export function ensureEnvFile(root, log) {
  const file = join(root, '.env')
  if (existsSync(file)) return
  const example = readFileSync(join(root, '.env.example'), 'utf8')
  const secret = randomBytes(48).toString('base64url')
  writeFileSync(file, example.replace(/^SESSION_SECRET=.*$/m, `SESSION_SECRET=${secret}`), { mode: 0o600 })
  log('Oprettede .env med en ny SESSION_SECRET (ret den efter behov).')
}

/** process.env wins over .env, as in server/config.ts. Empty values count as unset. */
export function readEnv(root) {
  const file = join(root, '.env')
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {}
  const merged = { ...fromFile }
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) merged[key] = value
  for (const [key, value] of Object.entries(merged)) if (value === '') delete merged[key]
  return merged
}
