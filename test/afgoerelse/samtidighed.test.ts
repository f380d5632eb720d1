// Making a decision final while someone saves the draft: the final version must be the
// text that was rendered, or nothing at all. The edit holds the row lock while the
// finalisation, which already rendered the older draft, waits for it; when the edit
// commits, the finalisation finds a newer draft and refuses without writing anything.
import { beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { waitFor } from '../helpers/wait.js'
import { skiftStatus } from '../../server/kerne/sag/livscyklus.js'

const udkast = {
  afgoerelsesdato: '2026-11-20',
  afslutningsaarsag: 'IN_FAVOUR',
  medhold: 'TENANT',
  gebyrpaalaeggelse: 'ja',
  besigtigelse: 'NOT_HELD',
  offentlig_interesse: 'nej',
  sagsomraader: 'vedligeholdelse',
  lovgrundlag: 'lejeloven:§106',
  afgoerelse_tekst: 'Nævnet pålægger udlejer at udbedre fugtskaden inden 3 måneder.',
  sagsfremstilling: 'Lejer har klaget over fugt.',
  begrundelse: 'Efter lejelovens § 106 skal udlejer vedligeholde det lejede.',
}

describe('making a decision final while the draft changes', () => {
  const w = useWorld()
  let sb: Agent
  let sagId: string

  beforeAll(async () => {
    const naevn = await naevnFor(w.db, 101)
    const u = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    sb = new Agent(w.app)
    await sb.login(u.email, u.password)
    const filer = await createUser(w.db)
    const fa = new Agent(w.app)
    await fa.login(filer.email, filer.password)
    sagId = await indbringSag(fa)
    expect((await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse`, udkast)).statusCode).toBe(303)
    await w.db.transaction().execute(async (trx) => {
      for (const s of ['under_behandling', 'klar_til_moede', 'paa_dagsorden'] as const) await skiftStatus(trx, sagId, s, { aktoerId: null })
    })
  })

  it('when the draft is saved while it is being made final, then nothing is made final and the caseworker is told to look again; the next try locks the new text', async () => {
    const rettet = 'Nævnet pålægger udlejer at udbedre fugtskaden inden 2 måneder.'
    let endelig: ReturnType<Agent['post']> | undefined
    await w.db.transaction().execute(async (trx) => {
      // Another caseworker's save, not yet committed: it holds the decision's row.
      await trx.updateTable('afgoerelser').set({ afgoerelse_tekst: rettet, version: sql`version + 1` }).where('sag_id', '=', sagId).execute()
      endelig = sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse/endelig`)
      await waitFor('the finalisation waits for the row lock', async () => {
        const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`.execute(w.db)
        return (r.rows[0]?.n ?? 0) > 0
      }, 30_000)
    })
    const svar = await endelig!
    expect(svar.statusCode).toBe(409)
    expect(svar.body).toContain('Udkastet blev ændret')
    expect(await w.db.selectFrom('afgoerelse_versioner').innerJoin('afgoerelser', 'afgoerelser.id', 'afgoerelse_versioner.afgoerelse_id').select('nr').where('afgoerelser.sag_id', '=', sagId).execute()).toEqual([])
    const a = await w.db.selectFrom('afgoerelser').select(['status', 'afgoerelse_tekst']).where('sag_id', '=', sagId).executeTakeFirstOrThrow()
    expect(a).toEqual({ status: 'udkast', afgoerelse_tekst: rettet })
    expect((await w.db.selectFrom('sager').select('status').where('id', '=', sagId).executeTakeFirstOrThrow()).status).toBe('paa_dagsorden')

    // Looked at again and made final: the version records the text that won.
    expect((await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse/endelig`)).statusCode).toBe(303)
    const v = await w.db.selectFrom('afgoerelse_versioner').innerJoin('afgoerelser', 'afgoerelser.id', 'afgoerelse_versioner.afgoerelse_id').select(['nr', 'felter']).where('afgoerelser.sag_id', '=', sagId).executeTakeFirstOrThrow()
    expect(v.nr).toBe(1)
    expect((v.felter as { afgoerelse_tekst: string }).afgoerelse_tekst).toBe(rettet)
  })
})
