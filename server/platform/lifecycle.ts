// What the server and the worker process share at their edges: reading the config
// (exit with the list of problems when it is wrong) and closing gracefully on a signal.
import { ConfigError, loadConfig, type Config } from './config.js'

export function loadConfigOrExit(): Config {
  try {
    return loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
      process.exit(1)
    }
    throw err
  }
}

interface Log {
  info(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

/** On SIGTERM or SIGINT: run close once, then exit; exit anyway if closing hangs. */
export function closeOnSignal(log: Log, message: string, close: () => Promise<void>, timeoutMs: number): void {
  let closing = false
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (closing) return
      closing = true
      log.info({ signal }, message)
      setTimeout(() => process.exit(1), timeoutMs).unref()
      close().then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, 'fejl ved nedlukning')
          process.exit(1)
        },
      )
    })
  }
}
