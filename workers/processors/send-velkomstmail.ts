// send-velkomstmail: the welcome e-mail after a citizen registers. Re-reads the user,
// and records the sending against the outbox id so a retry never sends twice.
import { UnrecoverableError } from 'bullmq'
import type { ProcessorContext } from '../registry.js'
import type { JobPayload } from '../../server/platform/queues/jobs.js'
import { renderMail, VELKOMST_EMNE } from '../../server/kerne/forsendelse/mailtekster.js'

export async function sendVelkomstmail(ctx: ProcessorContext, payload: JobPayload<'send-velkomstmail'>, outboxId: number): Promise<string> {
  const { db, mailer, config } = ctx
  const already = await db.selectFrom('sendte_mails').select('id').where('outbox_id', '=', outboxId).executeTakeFirst()
  if (already) return 'allerede sendt'

  const user = await db.selectFrom('users').select(['navn', 'email', 'aktiv']).where('id', '=', payload.userId).executeTakeFirst()
  if (!user) throw new UnrecoverableError(`bruger ${payload.userId} findes ikke`)
  if (!user.aktiv) return 'bruger deaktiveret, intet sendt'

  const subject = VELKOMST_EMNE
  const { messageId } = await mailer.send({
    to: user.email,
    subject,
    text: await renderMail('velkomst', {
      navn: user.navn,
      email: user.email,
      loginUrl: `${config.publicUrl}/login`,
      authorityEmail: config.authority.email,
      authorityName: config.authority.name,
    }),
    idempotencyKey: `velkomst-${outboxId}`,
  })
  await db
    .insertInto('sendte_mails')
    .values({ outbox_id: outboxId, modtager: user.email, emne: subject, skabelon: 'velkomst', transport: mailer.transport, message_id: messageId })
    .onConflict((oc) => oc.column('outbox_id').doNothing())
    .execute()
  return 'sendt'
}
