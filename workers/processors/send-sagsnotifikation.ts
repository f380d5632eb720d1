// send-sagsnotifikation: an e-mail notice that there is news in a case ("Der er nyt i
// din sag"), with a link. Never the letter itself. One notice per outbox row.
import { UnrecoverableError } from 'bullmq'
import type { ProcessorContext } from '../registry.js'
import type { JobPayload } from '../../server/platform/queues/jobs.js'
import { adresseTekst, adresseKolonner } from '../../server/kerne/sag/visning.js'
import { erPladsholder } from '../../server/kerne/auth/email-bekraeftelse.js'
import { renderMail, sagsnotifikationEmne, sagsnotifikationHilsen, sagsnotifikationTekster } from '../../server/kerne/forsendelse/mailtekster.js'

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
  const t = sagsnotifikationTekster[payload.haendelse]
  const bruger = payload.userId ? await db.selectFrom('users').select(['email', 'navn']).where('id', '=', payload.userId).executeTakeFirst() : undefined
  const modtager = t.tilSekretariat ? sag.naevn_email : (bruger?.email ?? sag.filer_email)
  // A board without an e-mail address sees the news in its inbox (sagsbehandling); a MitID
  // user who has not confirmed an address (/konto/email) has only a placeholder.
  if (!modtager || erPladsholder(modtager)) return 'ingen modtageradresse'

  const { messageId } = await mailer.send({
    to: modtager,
    subject: sagsnotifikationEmne(payload.haendelse, sag.sagsnummer),
    text: await renderMail('sagsnotifikation', {
      hilsen: sagsnotifikationHilsen(payload.haendelse, bruger?.navn ?? sag.filer_navn),
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
