// The project's .env: created from .env.example with a fresh secret on first start, and
// read (without touching process.env) for the bootstrap steps.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseEnv } from 'node:util'

// The secrets a machine makes for itself: a variable missing from .env gets a fresh value.
const secrets = {
  SESSION_SECRET: () => randomBytes(48).toString('base64url'),
  CPR_ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
}

export function ensureEnvFile(root, log) {
  const file = join(root, '.env')
  let text = existsSync(file) ? readFileSync(file, 'utf8') : readFileSync(join(root, '.env.example'), 'utf8')
  const made = []
  for (const [name, make] of Object.entries(secrets)) {
    if (new RegExp(`^${name}=\\S+`, 'm').test(text)) continue
    const line = `${name}=${make()}`
    text = new RegExp(`^${name}=.*$`, 'm').test(text) ? text.replace(new RegExp(`^${name}=.*$`, 'm'), line) : `${text.trimEnd()}\n${line}\n`
    made.push(name)
  }
  if (made.length === 0) return
  writeFileSync(file, text, { mode: 0o600 })
  log(`Skrev ${made.join(' og ')} til .env (nye, tilfældige værdier).`)
}

/** process.env wins over .env, as in server/platform/config.ts. Empty values count as unset. */
export function readEnv(root) {
  const file = join(root, '.env')
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {}
  const merged = { ...fromFile }
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) merged[key] = value
  for (const [key, value] of Object.entries(merged)) if (value === '') delete merged[key]
  return merged
}
