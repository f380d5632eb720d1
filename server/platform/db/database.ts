import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { DB } from './types.js'

export type Database = Kysely<DB>

// bigint columns (bigserial ids, counts) arrive as strings by default; ours stay far
// below 2^53, so parse them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))
// Calendar dates (deadlines) stay 'YYYY-MM-DD' strings: no time zone can shift them.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value)

export function createDatabase(connectionString: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString, max })
  // A connection the server closes (a restart: 57P01, then "Connection terminated
  // unexpectedly") emits 'error': on the pool while it is idle, on the client while it is
  // checked out. Without listeners either would crash the process. The query in progress
  // gets the error anyway (a 503, see plugins/errors.ts), a later query on the broken
  // client fails as "not queryable", and the pool drops the client when it is released
  // and opens a new connection for the next request. Nothing more to do here.
  pool.on('error', () => {})
  pool.on('connect', (client) => client.on('error', () => {}))
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
}

const forbindelseskoder = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '53300'])

/**
 * Whether an error means that PostgreSQL could not be reached or went away (a restart,
 * a failover, too many connections), as opposed to a fault in the query: such a request
 * may succeed if it is tried again in a moment.
 */
export function erDatabaseUtilgaengelig(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && (forbindelseskoder.has(code) || code.startsWith('08'))) return true
    const message = (e as { message?: unknown }).message
    if (typeof message === 'string' && /^Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable/i.test(message)) return true
    if (e instanceof AggregateError && e.errors.some((x) => erDatabaseUtilgaengelig(x))) return true
  }
  return false
}
