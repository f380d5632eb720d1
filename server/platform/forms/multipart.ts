// Reads a multipart body (parsed by @fastify/multipart with attachFieldsToBody) into
// plain form values and the files, so multipart forms are handled like any other.
import type { MultipartFile, MultipartValue } from '@fastify/multipart'
import type { FormValues } from './form.js'
import { PayloadTooLargeError } from '../errors.js'

/** An uploaded file as a form hands it on. */
export interface Fil {
  filnavn: string
  data: Buffer
  /** Set when the upload went past the per-file limit and was cut off. */
  afkortet: boolean
}

type Part = MultipartFile | MultipartValue

function isFile(part: Part): part is MultipartFile {
  return (part as MultipartFile).file !== undefined
}

export async function readMultipart(body: unknown): Promise<{ values: FormValues; files: Fil[] }> {
  const values: FormValues = {}
  const files: Fil[] = []
  if (!body || typeof body !== 'object') return { values, files }
  for (const [name, raw] of Object.entries(body as Record<string, Part | Part[]>)) {
    for (const part of Array.isArray(raw) ? raw : [raw]) {
      if (!part || typeof part !== 'object') continue
      if (isFile(part)) {
        // An empty file input still sends a part with no name: not a file.
        if (!part.filename) continue
        const data = await part.toBuffer()
        files.push({ filnavn: part.filename, data, afkortet: part.file.truncated })
      } else {
        // A text field past the parser's fieldSize arrives cut off: refuse it rather than
        // save part of what was written.
        if (part.valueTruncated) throw new PayloadTooLargeError('FeltForStort', 'Et tekstfelt i formularen er for langt. Forkort teksten og prøv igen.')
        const value = String(part.value ?? '')
        const existing = values[name]
        values[name] = existing === undefined ? value : ([] as string[]).concat(existing, value)
      }
    }
  }
  return { values, files }
}

export function isMultipart(contentType: string | undefined): boolean {
  return (contentType ?? '').startsWith('multipart/form-data')
}
