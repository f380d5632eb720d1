// The worker process in a test: started before the file's tests, closed after them.
import pino from 'pino'
import { afterAll, beforeAll } from 'vitest'
import { startWorkerRuntime, type WorkerRuntime } from '../../workers/runtime.js'
import type { World } from './world.js'

export function useWorkers(w: World): { runtime: WorkerRuntime } {
  const holder = {} as { runtime: WorkerRuntime }
  beforeAll(async () => {
    holder.runtime = await startWorkerRuntime(w.config, { log: pino({ level: 'silent' }) })
  })
  afterAll(async () => {
    await holder.runtime?.close()
  })
  return holder
}
