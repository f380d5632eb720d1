// send-sagsnotifikation: an e-mail notice that there is news in a case ("Der er nyt i
// din sag"), with a link. Never the letter itself. One notice per outbox row.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import Handlebars from 'handlebars'
import { UnrecoverableError } from 'bullmq'
import type { ProcessorContext } from '../registry.js'
import type { JobPayload } from '../../server/queues/jobs.js'
import { templatesDir } from '../../server/config.js'
import { adresseTekst, adresseKolonner } from '../../server/sag/visning.js'

let template: Handlebars.TemplateDelegate | undefined

const tekster = {
  indbragt: { emne: 'Vi har modtaget din sag', tekst: 'Nævnet har modtaget din sag. Kvitteringen ligger på sagens side under dokumenter.', tilSekretariat: false },
  besked_fra_part: { emne: 'Ny besked i en sag', tekst: 'En part har skrevet en besked i sagen.', tilSekretariat: true },
  bilag_fra_part: { emne: 'Nye bilag i en sag', tekst: 'En part har sendt nye bilag i sagen.', tilSekretariat: true },
  besked_fra_sekretariat: { emne: 'Ny besked fra nævnet', tekst: 'Sekretariatet har skrevet til dig i sagen.', tilSekretariat: false },
} as const

export async function sendSagsnotifikation(ctx: ProcessorContext, payload: JobPayload<'send-sagsnotifikation'>, outboxId: number): Promise<string> {
  const { db, mailer, config } = ctx
  const already = await db.selectFrom('sendte_mails').select('id').where('outbox_id', '=', outboxId).executeTakeFirst()
  if (already) return 'allerede sendt'
  const sag = await db
    .selectFrom('sager')
    .innerJoin('users', 'users.id', 'sager.oprettet_af')
    .leftJoin('naevn', 'naevn.id', 'sager.naevn_id')
    .select(['sager.id', 'sager.sagsnummer', ...adresseKolonner, 'users.email as filer_email', 'users.navn as filer_navn', 'naevn.navn as naevn_navn', 'naevn.email as naevn_email'])
    .where('sager.id', '=', payload.sagId)
    .executeTakeFirst()
  if (!sag) throw new UnrecoverableError(`sag ${payload.sagId} findes ikke`)
  const t = tekster[payload.haendelse]
  const bruger = payload.userId ? await db.selectFrom('users').select(['email', 'navn']).where('id', '=', payload.userId).executeTakeFirst() : undefined
  const modtager = t.tilSekretariat ? sag.naevn_email : (bruger?.email ?? sag.filer_email)
  // A board without an e-mail address sees the news in its inbox (sagsbehandling).
  if (!modtager) return 'ingen modtageradresse'

  template ??= Handlebars.compile(await readFile(path.join(templatesDir, 'mail', 'sagsnotifikation.hbs'), 'utf8'), { noEscape: true })
  const { messageId } = await mailer.send({
    to: modtager,
    subject: `${t.emne} (${sag.sagsnummer ?? 'kladde'})`,
    text: template({
      hilsen: t.tilSekretariat ? 'Til sekretariatet' : `Kære ${bruger?.navn ?? sag.filer_navn}`,
      tekst: t.tekst,
      sagsnummer: sag.sagsnummer,
      adresse: adresseTekst(sag),
      link: `${config.publicUrl}/sager/${sag.id}`,
      afsender: sag.naevn_navn ?? config.authority.name,
    }),
    idempotencyKey: `sag-${payload.haendelse}-${outboxId}`,
  })
  await db
    .insertInto('sendte_mails')
    .values({ outbox_id: outboxId, modtager, emne: t.emne, skabelon: `sagsnotifikation:${payload.haendelse}`, transport: mailer.transport, message_id: messageId })
    .onConflict((oc) => oc.column('outbox_id').doNothing())
    .execute()
  return 'sendt'
}
