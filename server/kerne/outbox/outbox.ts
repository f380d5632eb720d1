// The transactional outbox: a service writes its domain change and the job that must
// follow it in one transaction. The relay (workers/relay.ts) moves rows to BullMQ.
import { sql, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import type { JobName, JobPayload } from '../../platform/queues/jobs.js'
import { currentRequestId } from '../../platform/http/request-context.js'

export const outboxChannel = 'naevn_outbox'

export async function addToOutbox<N extends JobName>(
  trx: Transaction<DB>,
  jobName: N,
  payload: JobPayload<N>,
): Promise<number> {
  const row = await trx
    .insertInto('outbox')
    .values({ job_name: jobName, payload: JSON.stringify(payload), request_id: currentRequestId() ?? null })
    .returning('id')
    .executeTakeFirstOrThrow()
  // Delivered at commit, never for a rolled-back transaction: the relay wakes at once.
  await sql`SELECT pg_notify(${outboxChannel}, ${String(row.id)})`.execute(trx)
  return row.id
}
