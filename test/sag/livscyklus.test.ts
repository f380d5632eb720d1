// The transition table, every pair: allowed ones change the status and journal it,
// forbidden ones are refused with a Danish message and change nothing.
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { createUser } from '../helpers/factories.js'
import { skiftStatus } from '../../server/kerne/sag/livscyklus.js'
import { overgange, sagStatuser, type SagStatus } from '../../server/kerne/sag/status.js'
import { ConflictError } from '../../server/platform/errors.js'

describe('case lifecycle', () => {
  const w = useWorld()

  async function sagMedStatus(status: SagStatus) {
    const user = await createUser(w.db)
    const row = await w.db.insertInto('sager').values({ oprettet_af: user.id, status }).returning(['id', 'version']).executeTakeFirstOrThrow()
    return { ...row, userId: user.id }
  }

  for (const fra of sagStatuser) {
    for (const til of sagStatuser) {
      const allowed = overgange[fra].includes(til)
      it(`when a case goes from ${fra} to ${til}, then it is ${allowed ? 'allowed and journaled' : 'refused'}`, async () => {
        const sag = await sagMedStatus(fra)
        const run = w.db.transaction().execute((trx) => skiftStatus(trx, sag.id, til, { aktoerId: sag.userId, begrundelse: 'test' }))
        if (allowed) {
          await run
          const row = await w.db.selectFrom('sager').select(['status', 'version']).where('id', '=', sag.id).executeTakeFirstOrThrow()
          expect(row).toEqual({ status: til, version: sag.version + 1 })
          const j = await w.db.selectFrom('journal').select(['fra_status', 'til_status', 'aktoer_id', 'begrundelse']).where('sag_id', '=', sag.id).execute()
          expect(j).toEqual([{ fra_status: fra, til_status: til, aktoer_id: sag.userId, begrundelse: 'test' }])
        } else {
          await expect(run).rejects.toBeInstanceOf(ConflictError)
          const row = await w.db.selectFrom('sager').select(['status', 'version']).where('id', '=', sag.id).executeTakeFirstOrThrow()
          expect(row).toEqual({ status: fra, version: sag.version })
          expect(await w.db.selectFrom('journal').selectAll().where('sag_id', '=', sag.id).execute()).toHaveLength(0)
        }
      })
    }
  }

  it('when two transitions of one case run at the same time, then one wins and the other is refused, leaving one journal entry', async () => {
    const sag = await sagMedStatus('indbragt')
    const attempt = (til: SagStatus) =>
      w.db.transaction().execute((trx) => skiftStatus(trx, sag.id, til, { aktoerId: sag.userId, forventetVersion: sag.version }))
    const results = await Promise.allSettled([attempt('under_behandling'), attempt('afvist')])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(rejected.reason).toBeInstanceOf(ConflictError)
    const row = await w.db.selectFrom('sager').select(['status', 'version']).where('id', '=', sag.id).executeTakeFirstOrThrow()
    expect(row.version).toBe(sag.version + 1)
    expect(await w.db.selectFrom('journal').selectAll().where('sag_id', '=', sag.id).execute()).toHaveLength(1)
  })
})
