// A board with its secretariat and members, and cases ready for a meeting, for the
// meeting tests. Cases are filed through the pages and moved on by the lifecycle.
import { expect } from 'vitest'
import type { World } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createNaevn, createUser } from '../helpers/factories.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { skiftStatus } from '../../server/kerne/sag/livscyklus.js'
import type { NaevnRolle } from '../../server/kerne/access/principal.js'

export async function loggetInd(w: World, naevnId: string, rolle: NaevnRolle) {
  const user = await createUser(w.db, { medlemskaber: [{ naevnId, rolle }] })
  const agent = new Agent(w.app)
  expect((await agent.login(user.email, user.password)).statusCode).toBe(303)
  return { user, agent }
}

/** Board 101's huslejenævn serves postnr 1165; tests file their cases there. */
export async function naevnMedFolk(w: World, kommunekode = 101) {
  const existing = await w.db.selectFrom('naevn_kommuner').select('naevn_id').where('kommunekode', '=', kommunekode).where('naevn_type', '=', 'huslejenaevn').executeTakeFirst()
  const naevnId = existing?.naevn_id ?? (await createNaevn(w.db, { kommunekoder: [kommunekode] })).id
  await w.db.updateTable('naevn').set({ adresse: 'Rådhuspladsen 1', postnr: '1599', by: 'København V', email: 'naevn@test.invalid', telefon: '33 66 33 66' }).where('id', '=', naevnId).execute()
  const sb = await loggetInd(w, naevnId, 'sagsbehandler')
  const filerUser = await createUser(w.db)
  const filer = { user: filerUser, agent: new Agent(w.app) }
  expect((await filer.agent.login(filerUser.email, filerUser.password)).statusCode).toBe(303)
  return { naevnId, sb, filer }
}

/** A filed case moved to "klar til møde", with the caseworker's assessment. */
export async function klarSag(w: World, filer: Agent, vurdering = 'Indstilling: lejer gives medhold, fordi udlejer ikke har dokumenteret udbedring.'): Promise<string> {
  const sagId = await indbringSag(filer)
  await w.db.transaction().execute(async (trx) => {
    await skiftStatus(trx, sagId, 'under_behandling', { aktoerId: null })
    await skiftStatus(trx, sagId, 'klar_til_moede', { aktoerId: null })
    await trx.updateTable('sager').set({ vurdering }).where('id', '=', sagId).execute()
  })
  return sagId
}

export async function opretMoede(agent: Agent, naevnId: string, o: { dato?: string; tid?: string; sted?: string } = {}): Promise<string> {
  const res = await agent.post('/sagsbehandling/moeder', { naevn: naevnId, dato: o.dato ?? iDag(7), tid: o.tid ?? '13:00', sted: o.sted ?? 'Rådhuset, mødelokale 3' })
  expect(res.statusCode, res.body.slice(0, 2000)).toBe(303)
  return /\/sagsbehandling\/moeder\/([0-9a-f-]+)$/.exec(res.headers.location as string)![1]!
}

/** Today plus n days, as yyyy-mm-dd in Danish time. */
export function iDag(n = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + n * 86_400_000))
}

export async function saetPaa(agent: Agent, moedeId: string, sagId: string) {
  const res = await agent.post(`/sagsbehandling/moeder/${moedeId}/punkter`, { sag: sagId })
  expect(res.statusCode, res.body.slice(0, 3000)).toBe(303)
}

export async function punktId(w: World, moedeId: string, sagId: string): Promise<string> {
  return (await w.db.selectFrom('dagsordenpunkter').select('id').where('moede_id', '=', moedeId).where('sag_id', '=', sagId).executeTakeFirstOrThrow()).id
}

export async function sagStatus(w: World, sagId: string): Promise<string> {
  return (await w.db.selectFrom('sager').select('status').where('id', '=', sagId).executeTakeFirstOrThrow()).status
}
