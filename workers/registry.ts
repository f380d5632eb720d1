// Which processor handles which job. The worker refuses to start if a job in the
// registry (server/platform/queues/jobs.ts) has no processor here.
import type { Job } from 'bullmq'
import { UnrecoverableError } from 'bullmq'
import { Value } from 'typebox/value'
import type { Logger } from 'pino'
import type { Config } from '../server/platform/config.js'
import type { Database } from '../server/platform/db/database.js'
import type { Mailer } from '../server/platform/mail/mailer.js'
import type { CprCipher } from '../server/kerne/identitet/cpr-crypto.js'
import type { DigitalPostTransport } from '../server/kerne/forsendelse/transport.js'
import { isJobName, isScheduledJobName, jobDefinitions, jobNames, outboxIdOf, scheduledJobNames, splitJobData, type JobName, type JobPayload, type ScheduledJobName } from '../server/platform/queues/jobs.js'
import { sendVelkomstmail } from './processors/send-velkomstmail.js'
import { genererKvittering } from './processors/generer-kvittering.js'
import { sendSagsnotifikation } from './processors/send-sagsnotifikation.js'
import { genererHoeringsbrev } from './processors/generer-hoeringsbrev.js'
import { genererBrev } from './processors/generer-brev.js'
import { genererBesigtigelsesbrev } from './processors/generer-besigtigelsesbrev.js'
import { leverUdsendelse } from './processors/lever-udsendelse.js'
import { sendPartsnotifikation } from './processors/send-partsnotifikation.js'
import { paamindFrister } from './processors/paamind-frister.js'
import { anonymiserAfgoerelse } from './processors/anonymiser-afgoerelse.js'
import { publicerAfgoerelse } from './processors/publicer-afgoerelse.js'
import { foreslaaSletning, sletSager } from './processors/sletning.js'

export interface ProcessorContext {
  db: Database
  mailer: Mailer
  config: Config
  log: Logger
  cpr: CprCipher
  digitalPost: DigitalPostTransport
}

/** A plain function: tests call it directly, the worker calls it for each job. */
export type Processor<N extends JobName> = (ctx: ProcessorContext, payload: JobPayload<N>, outboxId: number) => Promise<unknown>
export type ScheduledProcessor = (ctx: ProcessorContext) => Promise<unknown>
export type ProcessorRegistry = { [N in JobName]: Processor<N> } & { [N in ScheduledJobName]: ScheduledProcessor }

export const processors: ProcessorRegistry = {
  'send-velkomstmail': sendVelkomstmail,
  'generer-kvittering': genererKvittering,
  'send-sagsnotifikation': sendSagsnotifikation,
  'generer-hoeringsbrev': genererHoeringsbrev,
  'generer-brev': genererBrev,
  'generer-besigtigelsesbrev': genererBesigtigelsesbrev,
  'lever-udsendelse': leverUdsendelse,
  'send-partsnotifikation': sendPartsnotifikation,
  'paamind-frister': paamindFrister,
  'anonymiser-afgoerelse': anonymiserAfgoerelse,
  'publicer-afgoerelse': publicerAfgoerelse,
  'slet-sager': sletSager,
  'foreslaa-sletning': foreslaaSletning,
}

export function assertRegistryComplete(registry: Partial<Record<string, unknown>>): void {
  const missing = [...jobNames, ...scheduledJobNames].filter((name) => typeof registry[name] !== 'function')
  if (missing.length > 0) throw new Error(`Jobs uden processor: ${missing.join(', ')}. Workeren starter ikke.`)
}

/**
 * Turns a BullMQ job into a processor call. A job with an unknown name or a payload
 * that does not match its schema fails at once (no retries): retrying cannot fix it.
 */
export function createJobHandler(ctx: ProcessorContext, registry: ProcessorRegistry = processors) {
  return async (job: Job): Promise<unknown> => {
    if (isScheduledJobName(job.name)) {
      const log = ctx.log.child({ job: job.name, jobId: job.id })
      const result = await (registry[job.name] as ScheduledProcessor)({ ...ctx, log })
      log.info({ result }, 'planlagt job færdigt')
      return result
    }
    if (!isJobName(job.name)) throw new UnrecoverableError(`ukendt job: ${job.name}`)
    const definition = jobDefinitions[job.name]
    const { payload, requestId } = splitJobData(job.data)
    if (!Value.Check(definition.payload, payload)) {
      throw new UnrecoverableError(`ugyldige data til ${job.name}`)
    }
    const outboxId = outboxIdOf(job.id)
    if (outboxId === null) throw new UnrecoverableError(`job-id ${job.id} kommer ikke fra outboxen`)
    // The request that caused the job, so its logs and the request's share an id.
    const log = ctx.log.child({ job: job.name, jobId: job.id, forsoeg: job.attemptsMade + 1, ...(requestId ? { reqId: requestId } : {}) })
    const processor = registry[job.name] as Processor<typeof job.name>
    const result = await processor({ ...ctx, log }, payload as JobPayload<typeof job.name>, outboxId)
    log.info({ result }, 'job færdigt')
    return result
  }
}
