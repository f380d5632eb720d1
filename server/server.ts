// Entry point of the web server: config → app → listen; closes gracefully on SIGTERM/SIGINT.
import { buildApp } from './app.js'
import { ConfigError, loadConfig } from './config.js'

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

const app = await buildApp(config)
let closing = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'lukker ned')
    // Stop accepting, finish requests in flight, close pools; force exit if stuck.
    setTimeout(() => process.exit(1), 10_000).unref()
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'fejl ved nedlukning')
        process.exit(1)
      },
    )
  })
}

await app.listen({ host: config.host, port: config.port })
