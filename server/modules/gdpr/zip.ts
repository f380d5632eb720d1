// A small ZIP writer (PKWARE APPNOTE 6.3.x, the subset every unzip reads): deflate from
// node:zlib, CRC-32 from a table, UTF-8 names (general purpose bit 11), no ZIP64. An
// access-request export is a few dozen files of at most a few hundred MB in all, well inside
// ZIP's 4 GB and 65,535-entry limits, so a dependency (yazl, archiver) would add more than
// it saves. Entries are built in memory: the export is made on request and sent at once.
import { deflateRawSync } from 'node:zlib'

export interface ZipEntry {
  /** Path inside the archive, "/"-separated, no leading "/". */
  name: string
  data: Buffer
  /** Modification time (DOS time has a 2-second resolution and no time zone). */
  date?: Date
}

const crcTable = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

export function crc32(data: Buffer): number {
  let c = 0xffffffff
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function dosTime(d: Date): { time: number; date: number } {
  // Local time as the reader shows it; Danish users read Danish time.
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Copenhagen',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(d)
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0)
  const year = Math.max(1980, get('year'))
  return {
    time: (get('hour') << 11) | (get('minute') << 5) | Math.floor(get('second') / 2),
    date: ((year - 1980) << 9) | (get('month') << 5) | get('day'),
  }
}

export function safeZipName(name: string): string {
  // No absolute paths, no "..", no control characters or backslashes: an unzip must not
  // write outside its folder, whatever a filer called their attachment.
  return name
    .split('/')
    // eslint-disable-next-line no-control-regex -- control characters are what it removes
    .map((p) => p.replace(/[\u0000-\u001f\u007f\\:*?"<>|]/g, '_').trim())
    .filter((p) => p !== '' && p !== '.' && p !== '..')
    .join('/')
}

export function createZip(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > 0xffff) throw new Error('For mange filer til en ZIP uden ZIP64.')
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  const seen = new Set<string>()
  for (const e of entries) {
    const name = safeZipName(e.name)
    if (!name) throw new Error(`Ugyldigt filnavn i ZIP: "${e.name}"`)
    if (seen.has(name)) throw new Error(`Filnavnet findes to gange i ZIP: "${name}"`)
    seen.add(name)
    const nameBytes = Buffer.from(name, 'utf8')
    const crc = crc32(e.data)
    const deflated = deflateRawSync(e.data)
    // Stored when deflate does not help (PDFs and pictures are compressed already).
    const useDeflate = deflated.length < e.data.length
    const body = useDeflate ? deflated : e.data
    const method = useDeflate ? 8 : 0
    const { time, date } = dosTime(e.date ?? new Date())
    if (offset + 30 + nameBytes.length + body.length > 0xffffffff) throw new Error('ZIP-filen bliver for stor (over 4 GB).')

    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6) // bit 11: names are UTF-8
    local.writeUInt16LE(method, 8)
    local.writeUInt16LE(time, 10)
    local.writeUInt16LE(date, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(e.data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    local.writeUInt16LE(0, 28)
    locals.push(local, nameBytes, body)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(0x0314, 4) // made by: Unix, 2.0
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt16LE(time, 12)
    central.writeUInt16LE(date, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(e.data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt16LE(0, 30) // extra
    central.writeUInt16LE(0, 32) // comment
    central.writeUInt16LE(0, 34) // disk
    central.writeUInt16LE(0, 36) // internal attributes
    central.writeUInt32LE((0o100640 << 16) >>> 0, 38) // rw-r----- regular file
    central.writeUInt32LE(offset, 42)
    centrals.push(central, nameBytes)

    offset += 30 + nameBytes.length + body.length
  }
  const centralSize = centrals.reduce((s, b) => s + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(0, 4)
  end.writeUInt16LE(0, 6)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(centralSize, 12)
  end.writeUInt32LE(offset, 16)
  end.writeUInt16LE(0, 20)
  return Buffer.concat([...locals, ...centrals, end])
}
