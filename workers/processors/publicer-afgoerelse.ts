// publicer-afgoerelse: writes (or replaces) the public copy of an approved decision in
// the afgørelsesregister and its rent in the huslejeregister. A decision that does not
// exist cannot be helped by retrying.
import { UnrecoverableError } from 'bullmq'
import type { ProcessorContext } from '../registry.js'
import type { JobPayload } from '../../server/platform/queues/jobs.js'
import { ValidationError } from '../../server/platform/errors.js'
import { publicerAfgoerelse as publicer } from '../../server/modules/register/publicering.service.js'

export async function publicerAfgoerelse(ctx: ProcessorContext, payload: JobPayload<'publicer-afgoerelse'>): Promise<string> {
  try {
    return await publicer({ db: ctx.db, referenceDataDir: ctx.config.referenceDataDir, publicUrl: ctx.config.publicUrl }, payload.afgoerelseId)
  } catch (err) {
    if (err instanceof ValidationError) throw new UnrecoverableError(err.message)
    throw err
  }
}
