// Sending e-mail: SMTP when MAIL_SMTP_URL is set, otherwise a directory drop (one .eml
// file per message in MAIL_DIR) that an operator or a relay can pick up and that a
// developer can open. Both are real transports; the choice is configuration.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'

export interface Mail {
  to: string
  subject: string
  text: string
  /** Makes the file name stable so a retried job overwrites rather than duplicates. */
  idempotencyKey: string
}

export interface Mailer {
  readonly transport: 'smtp' | 'directory'
  send(mail: Mail): Promise<{ messageId: string }>
  close(): void
}

export function createMailer(options: { smtpUrl: string | null; from: string; dir: string }): Mailer {
  if (options.smtpUrl) {
    const transporter = nodemailer.createTransport(options.smtpUrl)
    return {
      transport: 'smtp',
      async send(mail) {
        const info = await transporter.sendMail({
          from: options.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: `<${mail.idempotencyKey}@naevn>`,
        })
        return { messageId: info.messageId }
      },
      close: () => transporter.close(),
    }
  }
  const streamer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    transport: 'directory',
    async send(mail) {
      const messageId = `<${mail.idempotencyKey}@naevn>`
      const info = await streamer.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text, messageId })
      await mkdir(options.dir, { recursive: true })
      await writeFile(path.join(options.dir, `${mail.idempotencyKey}.eml`), info.message as Buffer)
      return { messageId }
    },
    close: () => streamer.close(),
  }
}
