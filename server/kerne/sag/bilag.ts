// Attachments: the type is decided by the content (file-type), never by the name; the
// bytes are stored once per SHA-256 in document_blobs, in the same transaction as the
// document row, so nothing is stored half-way.
import { createHash } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'
import type { Transaction } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import type { Fil } from '../../platform/forms/multipart.js'

export const tilladteTyper: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/heic': 'HEIC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
  'text/plain': 'tekst (TXT)',
}

export const bilagKategorier = {
  lejekontrakt: 'Lejekontrakt',
  korrespondance: 'Korrespondance',
  foto: 'Foto',
  regnskab: 'Regnskab eller opgørelse',
  fuldmagt: 'Fuldmagt',
  andet: 'Andet',
} as const
export type BilagKategori = keyof typeof bilagKategorier

/** Labels for every kind of document on a case, also those the system makes itself. */
export const dokumentKategoriLabel: Record<string, string> = { ...bilagKategorier, kvittering: 'Kvittering', brev: 'Brev', afgoerelse: 'Afgørelse' }

export function isBilagKategori(value: string): value is BilagKategori {
  return Object.hasOwn(bilagKategorier, value)
}

export interface Graenser {
  maxFileBytes: number
  maxFilesPerCase: number
  maxBytesPerCase: number
}

/** The real type of the bytes, or null when it is not one we accept. */
export async function bestemType(fil: Fil): Promise<string | null> {
  const detected = await fileTypeFromBuffer(fil.data)
  if (detected) {
    // HEIC pictures are reported under their brand; all are HEIF containers.
    const mime = detected.mime === 'image/heif' ? 'image/heic' : detected.mime
    return Object.hasOwn(tilladteTyper, mime) ? mime : null
  }
  // Plain text has no signature: accept UTF-8 without control bytes, named .txt.
  if (/\.txt$/i.test(fil.filnavn) && erTekst(fil.data)) return 'text/plain'
  return null
}

function erTekst(data: Buffer): boolean {
  if (data.length === 0) return false
  const text = new TextDecoder('utf-8', { fatal: false }).decode(data)
  // eslint-disable-next-line no-control-regex -- control bytes are exactly what marks a binary file
  return !text.includes('\uFFFD') && !/[\x00-\x08\x0E-\x1F]/.test(text)
}

export function formatStoerrelse(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`
  return `${(bytes / (1024 * 1024)).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`
}

export function rensFilnavn(navn: string): string {
  const base = navn.split(/[\\/]/).pop() ?? 'fil'
  // eslint-disable-next-line no-control-regex -- control characters do not belong in a file name
  return base.replace(/[\x00-\x1F<>:"|?*]/g, '_').slice(0, 200) || 'fil'
}

/**
 * Checks every file and stores all of them or none. Returns a Danish reason per
 * rejected file name; when any file is rejected nothing is stored.
 */
export async function gemBilag(
  trx: Transaction<DB>,
  o: { sagId: string; uploadetAf: string; kategori: BilagKategori; filer: Fil[]; graenser: Graenser; synligForParter?: boolean; kunForParter?: string[] },
): Promise<{ afvist: { filnavn: string; grund: string }[]; gemt: { id: string; filnavn: string }[] }> {
  const afvist: { filnavn: string; grund: string }[] = []
  const klar: { filnavn: string; data: Buffer; mime: string }[] = []
  for (const fil of o.filer) {
    const filnavn = rensFilnavn(fil.filnavn)
    if (fil.afkortet) {
      afvist.push({ filnavn, grund: `filen er større end ${formatStoerrelse(o.graenser.maxFileBytes)}` })
      continue
    }
    if (fil.data.length === 0) {
      afvist.push({ filnavn, grund: 'filen er tom' })
      continue
    }
    const mime = await bestemType(fil)
    if (!mime) {
      afvist.push({ filnavn, grund: `filtypen er ikke tilladt (tilladt: ${Object.values(tilladteTyper).join(', ')})` })
      continue
    }
    klar.push({ filnavn, data: fil.data, mime })
  }

  const eksisterende = await trx
    .selectFrom('dokumenter')
    .select([(eb) => eb.fn.countAll<number>().as('antal'), (eb) => eb.fn.coalesce(eb.fn.sum<number>('stoerrelse'), eb.lit(0)).as('bytes')])
    .where('sag_id', '=', o.sagId)
    .executeTakeFirstOrThrow()
  let antal = Number(eksisterende.antal)
  let bytes = Number(eksisterende.bytes)
  for (const fil of klar) {
    if (antal + 1 > o.graenser.maxFilesPerCase) {
      afvist.push({ filnavn: fil.filnavn, grund: `sagen kan højst have ${o.graenser.maxFilesPerCase} filer` })
    } else if (bytes + fil.data.length > o.graenser.maxBytesPerCase) {
      afvist.push({ filnavn: fil.filnavn, grund: `sagens filer må tilsammen højst fylde ${formatStoerrelse(o.graenser.maxBytesPerCase)}` })
    } else {
      antal++
      bytes += fil.data.length
    }
  }
  if (afvist.length > 0) return { afvist, gemt: [] }

  const gemt: { id: string; filnavn: string }[] = []
  for (const fil of klar) {
    const id = await lagreDokument(trx, { ...fil, sagId: o.sagId, kategori: o.kategori, uploadetAf: o.uploadetAf, synligForParter: o.synligForParter ?? true, kunForParter: o.kunForParter ?? null })
    gemt.push({ id, filnavn: fil.filnavn })
  }
  return { afvist, gemt }
}

/** Stores one document: its bytes once per SHA-256, and its row on the case. */
export async function lagreDokument(
  trx: Transaction<DB>,
  d: {
    sagId: string
    filnavn: string
    mime: string
    data: Buffer
    kategori: string
    uploadetAf: string | null
    synligForParter: boolean
    /** Only these parties see it (server/kerne/access/dokumenter.ts); null or absent: every party. */
    kunForParter?: string[] | null
  },
): Promise<string> {
  const sha256 = createHash('sha256').update(d.data).digest('hex')
  await trx
    .insertInto('document_blobs')
    .values({ sha256, indhold: d.data, stoerrelse: d.data.length })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute()
  const row = await trx
    .insertInto('dokumenter')
    .values({
      sag_id: d.sagId,
      sha256,
      filnavn: d.filnavn,
      mime: d.mime,
      stoerrelse: d.data.length,
      kategori: d.kategori,
      uploadet_af: d.uploadetAf,
      synlig_for_parter: d.synligForParter,
      kun_for_parter: d.kunForParter ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
