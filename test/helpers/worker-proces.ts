// The real worker as a child process (dist/workers/main.js), for tests that kill it:
// built before the file's tests when stale, every child killed after them.
import { spawn, type ChildProcess } from 'node:child_process'
import { afterAll, beforeAll } from 'vitest'
import { workerEntry } from './dist.js'
import type { World } from './world.js'

export interface WorkerProcesser {
  /** Starts a worker process with the world's environment (and any overrides). */
  start(env?: Record<string, string>): ChildProcess
  /** SIGKILL: no clean-up, its locks stay in Redis until they expire. Resolves on exit. */
  draeb(child: ChildProcess): Promise<void>
}

export function useWorkerProcesser(w: World): WorkerProcesser {
  let entry: string
  const boern: ChildProcess[] = []
  // Building dist/ takes a minute or two on a busy machine.
  beforeAll(() => {
    entry = workerEntry()
  }, 300_000)
  afterAll(() => {
    for (const c of boern) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  })
  return {
    start(env = {}) {
      const child = spawn(process.execPath, [entry], { env: { PATH: process.env.PATH ?? '', ...w.env, LOG_LEVEL: 'error', ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
      child.stderr!.on('data', (d: Buffer) => process.stderr.write(`[worker] ${d.toString()}`))
      boern.push(child)
      return child
    },
    async draeb(child) {
      if (child.exitCode !== null || child.signalCode !== null) return
      await new Promise((r) => {
        child.once('exit', r)
        child.kill('SIGKILL')
      })
    },
  }
}
