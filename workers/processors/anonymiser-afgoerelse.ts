// anonymiser-afgoerelse: anonymizes a final decision version for publication and puts it
// up for the caseworker's review (or approves it, where the board allows that). A version
// that no longer exists cannot be helped by retrying.
import { UnrecoverableError } from 'bullmq'
import type { ProcessorContext } from '../registry.js'
import type { JobPayload } from '../../server/platform/queues/jobs.js'
import { NotFoundError } from '../../server/platform/errors.js'
import { anonymiserVersion } from '../../server/modules/anonymisering/anonymisering.service.js'

export async function anonymiserAfgoerelse(ctx: ProcessorContext, payload: JobPayload<'anonymiser-afgoerelse'>): Promise<string> {
  try {
    return await anonymiserVersion({ db: ctx.db, cpr: ctx.cpr, referenceDataDir: ctx.config.referenceDataDir }, payload.afgoerelseId, payload.nr)
  } catch (err) {
    if (err instanceof NotFoundError) throw new UnrecoverableError(err.message)
    throw err
  }
}
