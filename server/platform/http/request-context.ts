// The request a piece of work belongs to, without passing it through every call: the
// request id is kept in async-local storage for the whole request, so the outbox can
// stamp the jobs a request causes and their logs carry the same id.
import { AsyncLocalStorage } from 'node:async_hooks'

export interface RequestContext {
  requestId: string
}

const storage = new AsyncLocalStorage<RequestContext>()

export function runWithRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn)
}

/** The current request's id, or undefined outside a request (workers, scripts). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId
}
