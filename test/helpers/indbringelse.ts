// Files a case through the pages, the way a browser would, for tests that need one.
import { expect } from 'vitest'
import { Agent } from './agent.js'
import { createUser, naevnFor } from './factories.js'
import type { World } from './world.js'

export interface SagInput {
  postnr?: string
  kommunekode?: string
  type?: 'privat' | 'almen'
  repraesentant?: boolean
  klientNavn?: string
  /** The filer's own CPR/CVR (default a test CPR) and the other party's (default none). */
  migCprCvr?: string
  modpartCprCvr?: string
}

export async function udfyldKladde(agent: Agent, o: SagInput = {}): Promise<string> {
  const start = await agent.post('/indbringelse')
  expect(start.statusCode).toBe(303)
  const id = /\/indbringelse\/([0-9a-f-]+)\/hvem/.exec(start.headers.location as string)![1]!
  const hvem = await agent.post(`/indbringelse/${id}/hvem`, {
    indbringer_rolle: 'lejer',
    for_hvem: o.repraesentant ? 'repraesentant' : 'selv',
    repraesentant_type: o.repraesentant ? 'lejerforening' : '',
  })
  expect(hvem.statusCode).toBe(303)
  const lm = await agent.post(`/indbringelse/${id}/lejemaal`, {
    vejnavn: 'Nørregade',
    husnummer: '12',
    etage: '2',
    doer: 'th',
    postnr: o.postnr ?? '1165',
    by: '',
    lejemaal_type: o.type ?? 'privat',
    ...(o.kommunekode ? { kommunekode: o.kommunekode } : {}),
  })
  expect(lm.statusCode, lm.body.slice(0, 2000)).toBe(303)
  const pt = await agent.post(`/indbringelse/${id}/parter`, {
    mig_navn: o.repraesentant ? 'Lejernes Forening' : 'Lise Lejer',
    mig_cprcvr: o.migCprCvr ?? (o.repraesentant ? '' : '010190-1234'),
    mig_email: 'lise@test.invalid',
    ...(o.repraesentant ? { klient_navn: o.klientNavn ?? 'Karl Klient', klient_cprcvr: '020285-4321' } : {}),
    modpart_navn: 'Ejendomsselskabet ApS',
    ...(o.modpartCprCvr ? { modpart_cprcvr: o.modpartCprCvr } : {}),
  })
  expect(pt.statusCode, pt.body.slice(0, 2000)).toBe(303)
  const sg = await agent.post(`/indbringelse/${id}/sagen`, {
    formaal: 'klage',
    sagsomraader: [o.type === 'almen' ? 'boligens_stand' : 'vedligeholdelse'],
    beskrivelse: 'Udlejer vil ikke udbedre fugtskaden i soveværelset, selv om vi har klaget tre gange.',
  })
  expect(sg.statusCode, sg.body.slice(0, 2000)).toBe(303)
  return id
}

/** A complete filing: the draft, the fee seen, and submission. Returns the case id. */
export async function indbringSag(agent: Agent, o: SagInput = {}): Promise<string> {
  const id = await udfyldKladde(agent, o)
  if (o.repraesentant) {
    const { minimalPdf } = await import('./multipart.js')
    const up = await agent.postMultipart(`/indbringelse/${id}/bilag`, { kategori: 'fuldmagt' }, [{ field: 'filer', filename: 'fuldmagt.pdf', data: minimalPdf }])
    expect(up.statusCode, up.body.slice(0, 2000)).toBe(303)
  }
  expect((await agent.post(`/indbringelse/${id}/gebyr`)).statusCode).toBe(303)
  const sent = await agent.post(`/indbringelse/${id}/indsend`)
  expect(sent.statusCode, sent.body.slice(0, 3000)).toBe(303)
  return id
}

/** A logged-in citizen with a filed case (board 101's) and an API key for the same account. */
export async function borgerMedSag(w: World): Promise<{ agent: Agent; sagId: string; auth: { authorization: string } }> {
  await naevnFor(w.db, 101)
  const user = await createUser(w.db)
  const agent = new Agent(w.app)
  await agent.login(user.email, user.password)
  const sagId = await indbringSag(agent)
  return { agent, sagId, auth: await agent.apiKey() }
}
