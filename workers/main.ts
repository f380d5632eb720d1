// Entry point of the worker process: npm run worker (or node dist/workers/main.js).
import { closeOnSignal, loadConfigOrExit } from '../server/platform/lifecycle.js'
import { startWorkerRuntime } from './runtime.js'

const runtime = await startWorkerRuntime(loadConfigOrExit())
// Active jobs finish before the process exits.
closeOnSignal(runtime.log, 'workers lukker ned; venter på aktive jobs', () => runtime.close(), 30_000)
