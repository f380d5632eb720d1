// send-partsnotifikation: tells one party by e-mail that a hearing letter, a reminder or a
// new deadline waits in the case. A party without an account gets a personal invitation
// link. Never the letter itself; one notice per outbox row.
import { UnrecoverableError } from 'bullmq'
import type { ProcessorContext } from '../registry.js'
import type { JobPayload } from '../../server/platform/queues/jobs.js'
import { adresseTekst, adresseKolonner } from '../../server/kerne/sag/visning.js'
import { formatDansk } from '../../server/kerne/sag/frister.js'
import { gemInvitation, invitationToken } from '../../server/kerne/sag/partshoering.js'
import { partsnotifikationEmne, partsnotifikationTekst, renderMail } from '../../server/kerne/forsendelse/mailtekster.js'

export async function sendPartsnotifikation(ctx: ProcessorContext, payload: JobPayload<'send-partsnotifikation'>, outboxId: number): Promise<string> {
  const { db, mailer, config } = ctx
  const already = await db.selectFrom('sendte_mails').select('id').where('outbox_id', '=', outboxId).executeTakeFirst()
  if (already) return 'allerede sendt'
  const part = await db
    .selectFrom('parter')
    .innerJoin('sager', 'sager.id', 'parter.sag_id')
    .leftJoin('naevn', 'naevn.id', 'sager.naevn_id')
    .leftJoin('users', 'users.id', 'parter.user_id')
    .select(['parter.id', 'parter.navn', 'parter.email', 'parter.user_id', 'parter.rolle', 'users.email as user_email', 'sager.id as sag_id', 'sager.oprettet_af', 'sager.sagsnummer', ...adresseKolonner, 'naevn.navn as naevn_navn'])
    .where('parter.id', '=', payload.partId)
    .where('parter.sag_id', '=', payload.sagId)
    .executeTakeFirst()
  if (!part) throw new UnrecoverableError(`part ${payload.partId} findes ikke i sag ${payload.sagId}`)
  // The filing side is reached through the filer's own account.
  const filer = part.rolle === 'indbringer' || part.rolle === 'medpart' ? await db.selectFrom('users').select('email').where('id', '=', part.oprettet_af).executeTakeFirst() : undefined
  const modtager = part.user_email ?? part.email ?? (part.rolle === 'indbringer' ? filer?.email : undefined)
  // Without an e-mail address the letter waits for postal or Digital Post delivery.
  if (!modtager) return 'ingen e-mailadresse'
  const harAdgang = part.user_id !== null || part.rolle === 'indbringer' || part.rolle === 'medpart'
  let invitation: string | null = null
  if (!harAdgang) {
    const token = invitationToken(config.sessionSecret, outboxId, part.id)
    await gemInvitation(db, token, part.id)
    invitation = `${config.publicUrl}/invitation/${token}`
  }
  const hoering = await db.selectFrom('partshoeringer').select('frist').where('sag_id', '=', part.sag_id).where('afsluttet', 'is', null).orderBy('oprettet', 'desc').executeTakeFirst()
  const t = partsnotifikationTekst(payload.haendelse)
  const { messageId } = await mailer.send({
    to: modtager,
    subject: partsnotifikationEmne(payload.haendelse, part.sagsnummer),
    text: await renderMail('partsnotifikation', {
      navn: part.navn,
      tekst: t.tekst,
      sagsnummer: part.sagsnummer,
      adresse: adresseTekst(part),
      frist: hoering && payload.haendelse !== 'besigtigelse' ? formatDansk(hoering.frist) : null,
      invitation,
      link: `${config.publicUrl}/sager/${part.sag_id}`,
      afsender: part.naevn_navn ?? config.authority.name,
    }),
    idempotencyKey: `part-${payload.haendelse}-${outboxId}`,
  })
  await db
    .insertInto('sendte_mails')
    .values({ outbox_id: outboxId, modtager, emne: t.emne, skabelon: `partsnotifikation:${payload.haendelse}`, transport: mailer.transport, message_id: messageId })
    .onConflict((oc) => oc.column('outbox_id').doNothing())
    .execute()
  return 'sendt'
}
