// The scalars: HotChocolate's DateTime (ISO 8601 date-times; our dates are served as
// midnight UTC, which clients cut to 10 characters or parse with new Date), Decimal and
// UUID.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql'

// A date, or a date-time with an optional fraction and a Z or ±hh:mm offset (none: UTC).
const DATO_TID = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/

/** An input DateTime as the instant it names; a bare date is midnight UTC. */
export function parseDatoTid(v: unknown): Date {
  const m = typeof v === 'string' ? DATO_TID.exec(v) : null
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    const kalender = new Date(Date.UTC(y, mo - 1, d))
    const gyldigDato = kalender.getUTCFullYear() === y && kalender.getUTCMonth() === mo - 1 && kalender.getUTCDate() === d
    const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)]
    if (gyldigDato && h < 24 && mi < 60 && s < 60) {
      const brok = m[7] ? Math.round(Number(m[7]) * 1000) : 0
      const zone = m[8] && m[8] !== 'Z' ? (m[8].startsWith('-') ? -1 : 1) * (Number(m[8].slice(1, 3)) * 60 + Number(m[8].slice(4, 6))) : 0
      return new Date(Date.UTC(y, mo - 1, d, h, mi, s, brok) - zone * 60_000)
    }
  }
  throw new GraphQLError(`DateTime must be an ISO 8601 date-time such as "2024-01-01T00:00:00Z" or a date YYYY-MM-DD (got ${JSON.stringify(v)}).`)
}

/** A date column ('YYYY-MM-DD') or an instant, as HotChocolate writes a DateTime. */
export function datoTidUd(v: unknown): string {
  if (v instanceof Date) return v.toISOString()
  const s = String(v)
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00.000Z` : new Date(s).toISOString()
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: datoTidUd,
  parseValue: parseDatoTid,
  parseLiteral: (ast) => parseDatoTid(ast.kind === Kind.STRING ? ast.value : undefined),
})

function parseDecimal(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN
  if (!Number.isFinite(n)) throw new GraphQLError(`Decimal must be a number (got ${JSON.stringify(v)}).`)
  return n
}

export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  serialize: (v) => Number(v),
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.INT || ast.kind === Kind.FLOAT || ast.kind === Kind.STRING ? ast.value : undefined),
})

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function parseUuid(v: unknown): string {
  if (typeof v === 'string' && GUID.test(v)) return v.toLowerCase()
  throw new GraphQLError(`UUID must be a GUID such as "3f2504e0-4f89-11d3-9a0c-0305e82c3301" (got ${JSON.stringify(v)}).`)
}

export const UuidScalar = new GraphQLScalarType({
  name: 'UUID',
  serialize: (v) => String(v),
  parseValue: parseUuid,
  parseLiteral: (ast) => parseUuid(ast.kind === Kind.STRING ? ast.value : undefined),
})

export const erGuid = (s: string) => GUID.test(s)
