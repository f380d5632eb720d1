// lever-udsendelse: delivers one letter with legal effect to one party by the right
// channel. Digital Post (MeMo 1.2) for a party with CPR/CVR who is not exempt; otherwise
// the print queue. The routing decision is journaled on the case. The message UUID is
// the sending's own id, so a retry can never deliver the letter twice.
import { sql } from 'kysely'
import { UnrecoverableError } from 'bullmq'
import type { ProcessorContext } from '../registry.js'
import type { JobPayload } from '../../server/platform/queues/jobs.js'
import { bestemKanal } from '../../server/kerne/forsendelse/kanal.js'
import { byggMemo, MemoFejl, validerMemo } from '../../server/kerne/forsendelse/memo.js'
import { DigitalPostLeveringFejl } from '../../server/kerne/forsendelse/transport.js'
import { idagIDanmark, fristUdloeber } from '../../server/kerne/sag/frister.js'
import { skrivJournal } from '../../server/kerne/sag/journal.js'
import { renderPdf } from '../../server/kerne/documents/pdf.js'
import { brevhovedAf, naevnKontaktKolonner, type NaevnKontaktRaekke } from '../../server/kerne/documents/brevhoved.js'
import { klagefristDocument } from '../../server/kerne/documents/klagefrist.js'
import type { NaevnType } from '../../server/kerne/naevn/naevn.js'

export async function leverUdsendelse(ctx: ProcessorContext, payload: JobPayload<'lever-udsendelse'>): Promise<string> {
  const { db, cpr, digitalPost, config } = ctx
  const u = await db
    .selectFrom('udsendelser')
    .innerJoin('sager', 'sager.id', 'udsendelser.sag_id')
    .innerJoin('naevn', 'naevn.id', 'sager.naevn_id')
    .innerJoin('dokumenter', 'dokumenter.id', 'udsendelser.dokument_id')
    .innerJoin('document_blobs', 'document_blobs.sha256', 'dokumenter.sha256')
    .select([
      'udsendelser.id',
      'udsendelser.status',
      'udsendelser.part_id',
      'udsendelser.sag_id',
      'sager.sagsnummer',
      ...naevnKontaktKolonner,
      'naevn.type as naevn_type',
      'naevn.digital_post_afsender',
      'dokumenter.id as dokument_id',
      'dokumenter.filnavn',
      'dokumenter.kategori',
      'dokumenter.oprettet',
      'document_blobs.indhold',
    ])
    .where('udsendelser.id', '=', payload.udsendelseId)
    .executeTakeFirst()
  if (!u) throw new UnrecoverableError(`udsendelse ${payload.udsendelseId} findes ikke`)
  if (u.status !== 'afventer' && u.status !== 'fejlet') return `allerede ${u.status}`

  const valg = await bestemKanal(db, cpr, u.sag_id, u.part_id, idagIDanmark())
  if (valg.kanal === 'brev') {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('udsendelser').set({ status: 'til_print', kanal: 'brev', modtager_part_id: valg.modtagerPartId, begrundelse: valg.begrundelse }).where('id', '=', u.id).where('status', 'in', ['afventer', 'fejlet']).execute()
      await skrivJournal(trx, { sagId: u.sag_id, aktoerId: null, handling: 'udsendelse_rutet', begrundelse: valg.begrundelse, detaljer: { udsendelseId: u.id, kanal: 'brev' }, synligForParter: false })
    })
    return 'til print'
  }

  // A hearing letter asks for a reply by the hearing's deadline.
  const hoering = await db.selectFrom('partshoeringer').select('frist').where('brev_dokument_id', '=', u.dokument_id).executeTakeFirst()
  const fejl = async (besked: string) => {
    await db.updateTable('udsendelser').set({ status: 'fejlet', forsoeg: sql`forsoeg + 1`, sidste_fejl: besked.slice(0, 500) }).where('id', '=', u.id).execute()
  }
  // A decision goes with a notice naming the day it is notified (today, the delivery day)
  // and the last day to bring it before the boligret.
  const bilag = u.kategori === 'afgoerelse' ? [await klagefristBilag(ctx, u, valg.modtager.navn)] : []
  let xml: string
  try {
    xml = byggMemo({
      messageUUID: u.id,
      label: `${u.kategori === 'afgoerelse' ? 'Afgørelse' : hoering ? 'Partshøring' : 'Brev'} i sag ${u.sagsnummer}`,
      afsender: { senderId: u.digital_post_afsender ?? config.digitalPost.afsender, idType: 'CVR', label: u.naevn_navn },
      modtager: { id: valg.modtager.id, idType: valg.modtager.idType, label: valg.modtager.navn },
      // Decisions and hearing letters have legal effect.
      juridiskVirkning: u.kategori === 'afgoerelse' || hoering !== undefined,
      ...(hoering ? { svarFrist: fristUdloeber(hoering.frist) } : {}),
      sagsnummer: u.sagsnummer ?? '',
      oprettet: u.oprettet,
      hovedDokument: { filnavn: u.filnavn, data: u.indhold, sprog: 'da' },
      bilag,
    })
  } catch (err) {
    // A message that breaks a MeMo rule breaks it on every retry: record it and stop.
    if (!(err instanceof MemoFejl)) throw err
    await fejl(err.message)
    throw new UnrecoverableError(`MeMo-beskeden kan ikke dannes: ${err.message}`)
  }
  const gyldig = await validerMemo(xml)
  if (!gyldig.ok) {
    await fejl(`MeMo-beskeden er ugyldig: ${gyldig.fejl.join('; ')}`)
    throw new UnrecoverableError(`MeMo-beskeden er ugyldig: ${gyldig.fejl.join('; ')}`)
  }
  try {
    const { kvittering } = await digitalPost.send({ messageUUID: u.id, xml })
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('udsendelser')
        .set({ status: 'sendt', kanal: 'digital_post', modtager_part_id: valg.modtagerPartId, begrundelse: valg.begrundelse, kvittering, sendt: sql`now()`, forsoeg: sql`forsoeg + 1`, sidste_fejl: null })
        .where('id', '=', u.id)
        .execute()
      await skrivJournal(trx, { sagId: u.sag_id, aktoerId: null, handling: 'udsendelse_sendt', begrundelse: valg.begrundelse, detaljer: { udsendelseId: u.id, kanal: 'digital_post', transport: digitalPost.navn }, synligForParter: true })
    })
    return 'sendt med Digital Post'
  } catch (err) {
    // Recorded on the sending, so the case shows it. A temporary failure retries with
    // backoff; a refusal (a 4xx from the gateway) would be refused again, so it stops.
    await fejl(String(err instanceof Error ? err.message : err))
    if (err instanceof DigitalPostLeveringFejl && !err.midlertidig) throw new UnrecoverableError(`Digital Post afviste beskeden: ${err.message}`)
    throw err
  }
}

async function klagefristBilag(
  ctx: ProcessorContext,
  u: NaevnKontaktRaekke & { sag_id: string; sagsnummer: string | null; naevn_type: string },
  modtager: string,
) {
  const a = await ctx.db.selectFrom('afgoerelser').select('afgoerelsesdato').where('sag_id', '=', u.sag_id).executeTakeFirst()
  const idag = idagIDanmark()
  const pdf = await renderPdf(
    klagefristDocument({
      letterhead: brevhovedAf(u),
      sagsnummer: u.sagsnummer ?? '',
      modtager,
      afgoerelsesdato: a?.afgoerelsesdato ?? idag,
      meddelt: idag,
      naevnType: u.naevn_type as NaevnType,
    }),
  )
  return { filnavn: `klagefrist-${u.sagsnummer ?? 'sag'}.pdf`, data: pdf, sprog: 'da' as const }
}
