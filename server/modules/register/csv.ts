// CSV and NDJSON for the registers' downloads, streamed in batches.
//
// The CSV dialect is the one Danish spreadsheets open without an import wizard: UTF-8
// with a byte-order mark (so Excel reads æ, ø and å), semicolon as separator, decimal
// comma, CRLF line ends, and RFC 4180 quoting (a field with ; " CR or LF is quoted, and
// " inside is doubled). Dates are ISO 8601 (ÅÅÅÅ-MM-DD), which every spreadsheet reads.
// Programs that want plain numbers use the NDJSON files (one JSON object per line).
import { Readable } from 'node:stream'

export const BOM = '\uFEFF'
export const CSV_TYPE = 'text/csv; charset=utf-8'
export const NDJSON_TYPE = 'application/x-ndjson; charset=utf-8'

const decimal = new Intl.NumberFormat('da-DK', { useGrouping: false, maximumFractionDigits: 2 })

export type CsvVaerdi = string | number | null | undefined

/** One field: numbers with a decimal comma, text quoted when it must be. */
export function csvFelt(v: CsvVaerdi): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? decimal.format(v) : ''
  // A text starting with = + @ or a tab would run as a formula in a spreadsheet; a
  // leading apostrophe makes it text there (OWASP: CSV injection). Our texts never
  // start so on purpose.
  const s = /^[=+@\t\r]/.test(v) ? `'${v}` : v
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvLinje(felter: CsvVaerdi[]): string {
  return `${felter.map(csvFelt).join(';')}\r\n`
}

/** numeric columns arrive as strings from pg; null stays null. */
export function tal(v: string | number | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null
  const n = Number(v)
  return Number.isFinite(n) ? n : null
}

/**
 * A readable stream of text from batches of rows. Readable.from pulls the next batch only
 * when the reply has taken the previous one (backpressure through pipe), so memory
 * holds one batch at a time whatever the size of the register.
 */
export function tekstStroem<T>(hoved: string, batches: AsyncIterable<T[]>, linje: (row: T) => string): Readable {
  async function* gen() {
    if (hoved) yield hoved
    for await (const rows of batches) {
      let chunk = ''
      for (const r of rows) chunk += linje(r)
      yield chunk
    }
  }
  return Readable.from(gen(), { objectMode: false })
}
