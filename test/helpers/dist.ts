// Tests that run the real worker as a separate process (to kill it) need the compiled
// dist/. Built here when it is missing or older than any source file, so a stale build
// can never be what a test exercises.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { projectRoot } from '../../server/platform/config.js'

function nyesteKilde(dir: string): number {
  let nyeste = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) nyeste = Math.max(nyeste, nyesteKilde(p))
    else if (e.name.endsWith('.ts')) nyeste = Math.max(nyeste, statSync(p).mtimeMs)
  }
  return nyeste
}

/** The path of the compiled worker entry point, building dist/ first when needed. */
export function workerEntry(): string {
  const entry = path.join(projectRoot, 'dist', 'workers', 'main.js')
  const kilder = Math.max(...['server', 'workers', 'migrations'].map((d) => nyesteKilde(path.join(projectRoot, d))))
  if (!existsSync(entry) || statSync(entry).mtimeMs < kilder) {
    execFileSync(process.execPath, [path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: projectRoot, stdio: 'pipe' })
  }
  return entry
}
