// Shared steps of npm start and npm test: run a command and stop with one sentence
// when it fails.
import { spawnSync } from 'node:child_process'

export function run(label, command, args, { cwd, env, capture = false } = {}) {
  const result = spawnSync(command, args, { cwd, env, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' })
  if (result.error) throw new Error(`${label} kunne ikke startes: ${result.error.message}`)
  if (result.status !== 0) throw new Error(`${label} fejlede (exit ${result.status ?? result.signal}).`)
  return result.stdout ?? ''
}

export function fail(err) {
  console.error(`\nFejl: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
}
