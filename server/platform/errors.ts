// Domain errors carry a code from the catalogue (fejlkoder.ts) and a Danish message. Only
// the error handler (plugins/errors.ts) knows how they map to HTTP.
import type { FejlKode } from './fejlkoder.js'

export abstract class DomainError extends Error {
  abstract readonly status: number
  constructor(
    readonly code: FejlKode,
    message: string,
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** Also used for objects the user may not see: a refusal must look like absence. */
export class NotFoundError extends DomainError {
  readonly status = 404
}

export class ValidationError extends DomainError {
  readonly status = 400
  constructor(
    code: FejlKode,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(code, message)
  }
}

/** A form or upload past a size limit. */
export class PayloadTooLargeError extends DomainError {
  readonly status = 413
}

export class ConflictError extends DomainError {
  readonly status = 409
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401
}
