import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { demoPassword, parseSammenlaegning, seed } from '../../scripts/seed/seed.js'

describe('seed', () => {
  const w = useWorld()

  it('when seeded twice, then one huslejenævn and one beboerklagenævn per municipality exist once, with working demo logins', async () => {
    const first = await seed(w.db, { referenceDataDir: w.config.referenceDataDir, demo: true, config: w.config })
    const second = await seed(w.db, { referenceDataDir: w.config.referenceDataDir, demo: true, config: w.config })
    expect(first.demoSager).toBeGreaterThanOrEqual(10)
    const statuser = await w.db.selectFrom('sager').select('status').distinct().execute()
    expect(statuser.map((x) => x.status).sort()).toEqual(
      ['afgjort', 'afsluttet', 'afvist', 'forlig', 'henlagt', 'indbragt', 'kladde', 'klar_til_moede', 'paa_dagsorden', 'partshoering', 'under_behandling'].sort(),
    )
    expect(await w.db.selectFrom('partshoeringer').select('id').execute()).not.toHaveLength(0)
    expect(await w.db.selectFrom('notater').select('id').execute()).not.toHaveLength(0)
    // Decided cases carry final decision PDFs, in every outcome.
    const udfald = await w.db.selectFrom('afgoerelser').innerJoin('afgoerelse_versioner', 'afgoerelse_versioner.afgoerelse_id', 'afgoerelser.id').select('afgoerelser.afslutningsaarsag').distinct().execute()
    expect(udfald.map((u) => u.afslutningsaarsag).sort()).toEqual(['DISMISSED', 'IN_FAVOUR', 'IN_PARTIAL_FAVOUR', 'REJECTED', 'SETTLEMENT'])
    // The demo register has the decided cases published, anonymized; one waits for review.
    const publiceret = await w.db.selectFrom('register_afgoerelser').select(['id', 'tekst']).where('status', '=', 'publiceret').execute()
    expect(publiceret.length).toBeGreaterThanOrEqual(4)
    const tilGennemsyn = await w.db.selectFrom('anonymiseringer').select('id').where('status', '=', 'til_gennemsyn').execute()
    expect(tilGennemsyn).toHaveLength(1)
    expect(second.demoSager).toBe(0)
    // Demo meetings: per demo board a held one with an outcome on every item and a coming
    // one with a published agenda and an inspection; a second run adds none.
    expect(first.demoMoeder).toBe(4)
    expect(second.demoMoeder).toBe(0)
    const moeder = await w.db.selectFrom('moeder').select(['id', 'status', 'offentliggjort']).execute()
    expect(moeder.map((m) => m.status).sort()).toEqual(['afholdt', 'afholdt', 'planlagt', 'planlagt'])
    expect(moeder.every((m) => m.offentliggjort !== null)).toBe(true)
    const punktUdfald = await w.db.selectFrom('dagsordenpunkter').innerJoin('moeder', 'moeder.id', 'dagsordenpunkter.moede_id').select('dagsordenpunkter.udfald').where('moeder.status', '=', 'afholdt').execute()
    expect(punktUdfald.map((u) => u.udfald).sort()).toEqual(['afgjort', 'afgjort', 'mere_information', 'mere_information', 'udsat', 'udsat'])
    expect(await w.db.selectFrom('besigtigelser').select('id').execute()).toHaveLength(2)
    const perNaevn = await sql<{ navn: string; status: string; n: number }>`
      SELECT n.navn, s.status, count(*)::int AS n FROM sager s JOIN naevn n ON n.id = s.naevn_id GROUP BY 1, 2 ORDER BY 1, 2`.execute(w.db)
    expect(perNaevn.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ navn: 'Huslejenævnet i Københavns Kommune', status: 'indbragt' }),
        expect.objectContaining({ navn: 'Beboerklagenævnet i Aarhus Kommune', status: 'paa_dagsorden' }),
        expect.objectContaining({ status: 'kladde', n: 1 }),
      ]),
    )
    expect(first.nyeNaevn).toBe(2 * 98)
    expect(second.nyeNaevn).toBe(0)
    const counts = await sql<{ type: string; n: number }>`SELECT naevn_type AS type, count(*)::int AS n FROM naevn_kommuner GROUP BY 1 ORDER BY 1`.execute(w.db)
    expect(counts.rows).toEqual([
      { type: 'beboerklagenaevn', n: 98 },
      { type: 'huslejenaevn', n: 98 },
    ])
    const users = await w.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('email', 'like', '%@demo.naevn.dk').executeTakeFirstOrThrow()
    expect(Number(users.n)).toBe(first.logins.length)

    const roles = new Map(first.logins.map((l) => [l.rolle, l.email]))
    expect([...roles.keys()].sort()).toEqual(['admin', 'borger', 'naevnsmedlem', 'sagsbehandler', 'sekretariatsleder'])
    const starts: Record<string, string> = { admin: '/admin', borger: '/mine-sager', naevnsmedlem: '/naevnsportal', sagsbehandler: '/sagsbehandling', sekretariatsleder: '/sagsbehandling' }
    for (const [rolle, email] of roles) {
      const agent = new Agent(w.app)
      expect((await agent.login(email, demoPassword)).statusCode).toBe(303)
      expect((await agent.get('/')).headers.location).toBe(starts[rolle])
    }
    const kbh = first.logins.filter((l) => l.naevn === 'Huslejenævnet i Københavns Kommune').map((l) => l.rolle).sort()
    expect(kbh).toEqual(['naevnsmedlem', 'naevnsmedlem', 'naevnsmedlem', 'sagsbehandler', 'sagsbehandler', 'sekretariatsleder'])
  })

  it('when the seed is told to merge municipalities, then one board serves them, also on a second run', async () => {
    const merge = parseSammenlaegning('beboerklagenaevn:851,860')
    await seed(w.db, { referenceDataDir: w.config.referenceDataDir, demo: false, sammenlaegninger: [merge] })
    await seed(w.db, { referenceDataDir: w.config.referenceDataDir, demo: false, sammenlaegninger: [merge] })
    const rows = await w.db.selectFrom('naevn_kommuner').select(['naevn_id', 'kommunekode']).where('naevn_type', '=', 'beboerklagenaevn').where('kommunekode', 'in', [851, 860]).execute()
    expect(new Set(rows.map((r) => r.naevn_id)).size).toBe(1)
  })

  it('when a merge is written wrongly, then it is refused with an example', () => {
    expect(() => parseSammenlaegning('huslejenaevn:101')).toThrow(/huslejenaevn:265,269/)
    expect(() => parseSammenlaegning('andetnaevn:101,147')).toThrow()
  })
})
