// Entry point of the web server: config → app → listen; closes gracefully on SIGTERM/SIGINT.
import { buildApp } from './app.js'
import { closeOnSignal, loadConfigOrExit } from './platform/lifecycle.js'

const config = loadConfigOrExit()
const app = await buildApp(config)
// Stop accepting, finish the requests in flight, close the pools.
closeOnSignal(app.log, 'lukker ned', () => app.close(), 10_000)
await app.listen({ host: config.host, port: config.port })
