// Reads the reference data in REFERENCE_DATA_DIR (default: the project's data/): UTF-8 CSV with one
// header row (see its README). Fields may be quoted with "" escapes.
import { readFile } from 'node:fs/promises'
import path from 'node:path'

export async function readCsv(dir: string, file: string): Promise<Record<string, string>[]> {
  const text = await readFile(path.join(dir, file), 'utf8')
  const [header, ...rows] = parseCsv(text)
  if (!header) return []
  return rows.filter((r) => r.length > 1 || r[0] !== '').map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}
