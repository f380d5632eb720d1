// Retention (server/modules/gdpr/sletning.ts): foreslaa-sletning (scheduled, Monday mornings) lists
// each board's closed cases past their retention as a proposal for the head of the
// secretariat; slet-sager (from the outbox, after approval) deletes them. Both are safe to
// run again: one open proposal per board, and a deleted case is never counted twice.
import { UnrecoverableError } from 'bullmq'
import type { ProcessorContext } from '../registry.js'
import type { JobPayload } from '../../server/platform/queues/jobs.js'
import { lavSletningsforslag, udfoerSletning } from '../../server/modules/gdpr/sletning.js'

export async function foreslaaSletning(ctx: ProcessorContext, idag?: string): Promise<string> {
  const r = await lavSletningsforslag(ctx.db, { standardAar: ctx.config.retentionYears, ...(idag ? { idag } : {}) })
  const nye = r.filter((x) => x.koerselId)
  return `${nye.length} nye forslag med ${nye.reduce((s, x) => s + x.antal, 0)} sager`
}

export async function sletSager(ctx: ProcessorContext, payload: JobPayload<'slet-sager'>): Promise<string> {
  const r = await udfoerSletning(ctx.db, payload.koerselId)
  // Approval and the job are written in one transaction: a run that is not approved here
  // was never meant to be deleted, and retrying cannot change that.
  if (r === 'ikke godkendt') throw new UnrecoverableError(`sletningskørsel ${payload.koerselId} er ikke godkendt`)
  return `${r.slettet} sager slettet, ${r.sprungetOver} sprunget over`
}
