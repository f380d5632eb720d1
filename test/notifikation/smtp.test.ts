// E-mail notices over real SMTP: a local SMTP server (smtp-server) with authentication
// receives what the workers send. The notice says there is news and links to the case;
// it never carries the letter. A temporary refusal is retried, and one notice arrives.
import type { AddressInfo } from 'node:net'
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server'
import { afterAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { sagsbehandling } from '../helpers/afgoerelse.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { waitFor } from '../helpers/wait.js'
import { laesMail } from '../helpers/mime.js'
import { useWorkers } from '../helpers/workers.js'

interface Modtaget {
  to: string[]
  subject: string
  text: string
  attachments: number
  messageId: string
}

const modtaget: Modtaget[] = []
const logins: string[] = []
/** Subjects (substrings) whose next delivery the server refuses with a temporary 451. */
const afvisNaeste = new Set<string>()

const smtp = new SMTPServer({
  authOptional: false,
  allowInsecureAuth: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onAuth(auth, _session, callback) {
    logins.push(auth.username ?? '')
    if (auth.username === 'naevn' && auth.password === 'hemmelig') callback(null, { user: auth.username })
    else callback(new Error('Forkert brugernavn eller adgangskode'))
  },
  onData(stream: SMTPServerDataStream, session, callback) {
    const chunks: Buffer[] = []
    stream.on('data', (c: Buffer) => chunks.push(c))
    stream.on('end', () => {
      const mail = laesMail(Buffer.concat(chunks).toString('utf8'))
      for (const s of afvisNaeste) {
        if (mail.subject.includes(s)) {
          afvisNaeste.delete(s)
          return callback(Object.assign(new Error('Prøv igen senere'), { responseCode: 451 }))
        }
      }
      modtaget.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject, text: mail.text, attachments: mail.bilag, messageId: mail.headers.get('message-id') ?? '' })
      callback()
    })
  },
})
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
const port = (smtp.server.address() as AddressInfo).port
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())))

describe('e-mail notices over SMTP', () => {
  const w = useWorld({ MAIL_SMTP_URL: `smtp://naevn:hemmelig@127.0.0.1:${port}` })
  useWorkers(w)

  async function sagMedBrev(o: { afvisFoerste?: boolean } = {}) {
    const { sb: sbAgent, fa: filerAgent, filer } = await sagsbehandling(w)
    const sagId = await indbringSag(filerAgent)
    await sbAgent.get(`/sagsbehandling/sager/${sagId}`)
    const indbringer = await w.db.selectFrom('parter').select('id').where('sag_id', '=', sagId).where('rolle', '=', 'indbringer').executeTakeFirstOrThrow()
    const sagsnummer = (await w.db.selectFrom('sager').select('sagsnummer').where('id', '=', sagId).executeTakeFirstOrThrow()).sagsnummer!
    if (o.afvisFoerste) afvisNaeste.add(`Nyt brev fra nævnet (${sagsnummer})`)
    const res = await sbAgent.post(`/sagsbehandling/sager/${sagId}/breve`, { brev_modtagere: [indbringer.id], emne: 'Oplysninger', brevtekst: 'Send venligst lejekontrakten.' })
    expect(res.statusCode).toBe(303)
    return { sagId, sagsnummer, filer }
  }

  const brevTil = (email: string, sagsnummer: string) => modtaget.filter((m) => m.to.includes(email) && m.subject === `Nyt brev fra nævnet (${sagsnummer})`)

  it('when a letter is sent to a party, then the SMTP server receives one notice with a link to the case and without the letter', async () => {
    const { sagId, sagsnummer, filer } = await sagMedBrev()
    const [mail] = await waitFor('the notice over SMTP', async () => {
      const m = brevTil(filer.email, sagsnummer)
      return m.length > 0 ? m : undefined
    })
    expect(logins).toContain('naevn')
    expect(mail!.text).toContain(`${w.config.publicUrl}/sager/${sagId}`)
    expect(mail!.text).toContain(sagsnummer)
    // A notice, never the legal letter itself.
    expect(mail!.attachments).toBe(0)
    expect(mail!.text).not.toContain('Send venligst lejekontrakten')
    // The worker records the sending once the SMTP server has answered: a moment after it got the mail.
    const sendt = await waitFor('the sending recorded', async () => {
      const rows = await w.db.selectFrom('sendte_mails').select(['transport', 'modtager']).where('modtager', '=', filer.email).where('skabelon', '=', 'partsnotifikation:brev').execute()
      return rows.length > 0 ? rows : undefined
    })
    expect(sendt).toEqual([{ transport: 'smtp', modtager: filer.email }])
    // The filing's own notice went the same way.
    expect(modtaget.some((m) => m.to.includes(filer.email) && m.subject.includes(sagsnummer) && m !== mail)).toBe(true)
  })

  it('when the SMTP server refuses the notice temporarily, then the job retries and exactly one notice arrives', async () => {
    const { sagsnummer, filer } = await sagMedBrev({ afvisFoerste: true })
    await waitFor('the retried notice', async () => brevTil(filer.email, sagsnummer).length > 0, 30_000)
    // Give a wrongly repeated job time to deliver a second copy.
    await new Promise((r) => setTimeout(r, 1500))
    expect(brevTil(filer.email, sagsnummer)).toHaveLength(1)
    const rows = await w.db.selectFrom('sendte_mails').select('id').where('modtager', '=', filer.email).where('skabelon', '=', 'partsnotifikation:brev').execute()
    expect(rows).toHaveLength(1)
  })
})
