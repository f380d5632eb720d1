// A real case taken through the decision's life for tests: filed, decided (made final
// after the meeting states), anonymized and approved by the caseworker, and published by
// the worker.
import { expect } from 'vitest'
import type { World } from './world.js'
import { Agent } from './agent.js'
import { createUser, naevnFor } from './factories.js'
import { indbringSag, type SagInput } from './indbringelse.js'
import { waitFor } from './wait.js'
import { skiftStatus } from '../../server/kerne/sag/livscyklus.js'

/** The parties and address of every test case (test/helpers/indbringelse.ts files them). */
export const HEMMELIGHEDER = ['Lise Lejer', '010190-1234', '0101901234', 'Nørregade 12, 2. th', 'Nørregade 12, 2.', 'lise@test.invalid', 'Ejendomsselskabet ApS']

export const afgoerelseFelter = {
  afgoerelsesdato: '2026-11-20',
  afslutningsaarsag: 'IN_PARTIAL_FAVOUR',
  medhold: 'TENANT',
  gebyrpaalaeggelse: 'ja',
  besigtigelse: 'HELD',
  offentlig_interesse: 'nej',
  sagsomraader: 'vedligeholdelse',
  lovgrundlag: 'lejeloven:§106',
  fastsaetter_husleje: 'ja',
  huslejefastsaettelse_dato: '2026-10-01',
  huslejefastsaettelse_metode: 'BASED_ON_COMPARABLE_RENTS',
  huslejekategori: 'MONTHLY_RENT',
  huslejeangivelse: 'TENANCY_SPECIFIC_RENT',
  husleje: '7.500',
  areal: '72',
  afgoerelse_tekst: 'Nævnet giver Lise Lejer delvist medhold. Huslejen nedsættes til 7.500 kr. om måneden på grund af fugtskaden.',
  sagsfremstilling: 'Lise Lejer (cpr-nr. 010190-1234) bor på Nørregade 12, 2. th., 1165 København K. Lejer har klaget over skimmelsvamp i soveværelset.',
  begrundelse: 'Efter lejelovens § 106, stk. 1, skal udlejer vedligeholde det lejede.',
}

export interface Sagsbehandling {
  /** A caseworker of board 101, logged in. */
  sb: Agent
  /** A citizen who files, logged in, and the account. */
  fa: Agent
  filer: Awaited<ReturnType<typeof createUser>>
}

export async function sagsbehandling(w: World): Promise<Sagsbehandling> {
  const naevn = await naevnFor(w.db, 101)
  const u = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
  const sb = new Agent(w.app)
  await sb.login(u.email, u.password)
  const filer = await createUser(w.db)
  const fa = new Agent(w.app)
  await fa.login(filer.email, filer.password)
  return { sb, fa, filer }
}

/** A final decision on a filed case; its anonymization runs in the worker. */
export async function endeligSag(w: World, { sb, fa }: Pick<Sagsbehandling, 'sb' | 'fa'>, felter: Record<string, string> = {}, sag: SagInput = {}): Promise<string> {
  const sagId = await indbringSag(fa, sag)
  await sb.get(`/sagsbehandling/sager/${sagId}`)
  expect((await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse`, { ...afgoerelseFelter, ...felter })).statusCode).toBe(303)
  await w.db.transaction().execute(async (trx) => {
    for (const s of ['under_behandling', 'klar_til_moede', 'paa_dagsorden'] as const) await skiftStatus(trx, sagId, s, { aktoerId: null })
  })
  expect((await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse/endelig`)).statusCode).toBe(303)
  return sagId
}

/** Approves the anonymization of the given final version (the first by default). */
export async function godkend(w: World, sb: Agent, sagId: string, version = 1): Promise<void> {
  const a = await waitFor('the anonymization', () =>
    w.db.selectFrom('anonymiseringer').innerJoin('afgoerelser', 'afgoerelser.id', 'anonymiseringer.afgoerelse_id').select(['anonymiseringer.revision']).where('afgoerelser.sag_id', '=', sagId).where('anonymiseringer.version_nr', '=', version).executeTakeFirst(),
  )
  expect((await sb.post(`/sagsbehandling/sager/${sagId}/anonymisering/godkend`, { revision: String(a.revision) })).statusCode).toBe(303)
}

/** The public copy's id once the worker has written it. */
export async function registerId(w: World, sagId: string): Promise<number> {
  const r = await waitFor('the public copy', () =>
    w.db.selectFrom('register_afgoerelser').innerJoin('afgoerelser', 'afgoerelser.id', 'register_afgoerelser.afgoerelse_id').select('register_afgoerelser.id').where('afgoerelser.sag_id', '=', sagId).where('register_afgoerelser.status', '=', 'publiceret').executeTakeFirst(),
  )
  return r.id
}

/** Filed, decided, anonymized, approved and published: the public id. */
export async function publiceretSag(w: World, s: Pick<Sagsbehandling, 'sb' | 'fa'>, felter: Record<string, string> = {}): Promise<{ sagId: string; id: number }> {
  const sagId = await endeligSag(w, s, felter)
  await godkend(w, s.sb, sagId)
  return { sagId, id: await registerId(w, sagId) }
}
