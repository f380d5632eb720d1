// Reads the e-mails our mailer writes (nodemailer, text only) well enough for tests:
// headers unfolded with RFC 2047 words decoded, and the body with its transfer
// encoding undone. Not a general MIME parser: multipart bodies are counted, not read.

export interface LaestMail {
  headers: Map<string, string>
  subject: string
  text: string
  /** Parts that are attachments or PDFs anywhere in the message. */
  bilag: number
}

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=\s*(?==\?)?/g, (_m, _charset: string, enc: string, data: string) => {
    const bytes = enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : qp(data.replace(/_/g, ' '))
    return bytes.toString('utf8')
  })
}

function qp(data: string): Buffer {
  const soft = data.replace(/=\r?\n/g, '')
  const out: number[] = []
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i]!
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      out.push(parseInt(soft.slice(i + 1, i + 3), 16))
      i += 2
    } else out.push(...Buffer.from(c, 'utf8'))
  }
  return Buffer.from(out)
}

export function laesMail(raw: string): LaestMail {
  const split = raw.search(/\r?\n\r?\n/)
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ')
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '')
  const headers = new Map<string, string>()
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(':')
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), decodeWords(line.slice(i + 1).trim()))
  }
  const cte = (headers.get('content-transfer-encoding') ?? '').toLowerCase()
  const text = cte === 'quoted-printable' ? qp(body).toString('utf8') : cte === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body
  const bilag = (raw.match(/^content-disposition:\s*attachment/gim)?.length ?? 0) + (raw.match(/^content-type:\s*application\/pdf/gim)?.length ?? 0)
  return { headers, subject: headers.get('subject') ?? '', text, bilag }
}
