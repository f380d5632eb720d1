// Entry point of the worker process: npm run worker (or node dist/workers/main.js).
import { ConfigError, loadConfig } from '../server/config.js'
import { startWorkerRuntime } from './runtime.js'

let config
try {
  config = loadConfig()
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message)
    process.exit(1)
  }
  throw err
}

const runtime = await startWorkerRuntime(config)
let closing = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (closing) return
    closing = true
    runtime.log.info({ signal }, 'workers lukker ned; venter på aktive jobs')
    setTimeout(() => process.exit(1), 30_000).unref()
    runtime.close().then(
      () => process.exit(0),
      (err: unknown) => {
        runtime.log.error({ err }, 'fejl ved nedlukning')
        process.exit(1)
      },
    )
  })
}
