import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createNaevn, createUser } from '../helpers/factories.js'
import { fakeExe, minimalPdf } from '../helpers/multipart.js'

export async function fileCase(w: ReturnType<typeof useWorld>, agent: Agent, o: { postnr?: string; kommunekode?: string; type?: 'privat' | 'almen' } = {}) {
  const start = await agent.post('/indbringelse')
  expect(start.statusCode).toBe(303)
  const id = /\/indbringelse\/([0-9a-f-]+)\/hvem/.exec(start.headers.location as string)![1]!
  expect((await agent.post(`/indbringelse/${id}/hvem`, { indbringer_rolle: 'lejer', for_hvem: 'selv' })).statusCode).toBe(303)
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
  expect(lm.statusCode, lm.body.slice(0, 3000)).toBe(303)
  const pt = await agent.post(`/indbringelse/${id}/parter`, {
    mig_navn: 'Lise Lejer',
    mig_cprcvr: '010190-1234',
    mig_email: 'lise@test.invalid',
    modpart_navn: 'Ejendomsselskabet ApS',
    modpart_cprcvr: '',
  })
  expect(pt.statusCode, pt.body.slice(0, 3000)).toBe(303)
  const sg = await agent.post(`/indbringelse/${id}/sagen`, {
    formaal: 'klage',
    sagsomraader: ['vedligeholdelse'],
    beskrivelse: 'Udlejer vil ikke udbedre fugtskaden i soveværelset, selv om vi har klaget tre gange.',
  })
  expect(sg.statusCode, sg.body.slice(0, 3000)).toBe(303)
  return id
}

describe('filing wizard', () => {
  const w = useWorld()

  it('when a tenant completes every step and submits, then the case is filed with a number from 10001 and a sagsnummer', async () => {
    await createNaevn(w.db, { kommunekoder: [101] })
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    const id = await fileCase(w, agent)
    const up = await agent.postMultipart(`/indbringelse/${id}/bilag`, { kategori: 'lejekontrakt' }, [{ field: 'filer', filename: 'lejekontrakt.pdf', data: minimalPdf }])
    expect(up.statusCode, up.body.slice(0, 2000)).toBe(303)
    expect((await agent.post(`/indbringelse/${id}/gebyr`)).statusCode).toBe(303)
    const review = await agent.get(`/indbringelse/${id}/indsend`)
    expect(review.statusCode).toBe(200)
    expect(review.body).toContain('Nørregade 12, 2. th., 1165 København K')
    const sent = await agent.post(`/indbringelse/${id}/indsend`)
    expect(sent.statusCode, sent.body.slice(0, 3000)).toBe(303)
    const sag = await w.db.selectFrom('sager').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(sag.status).toBe('indbragt')
    expect(sag.indbringelsesnummer).toBeGreaterThanOrEqual(10001)
    expect(sag.sagsnummer).toBe(`101-${sag.indbringelsesnummer}`)
    const page = await agent.get(`/sager/${id}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(sag.sagsnummer!)
  })

  it('when an .exe is renamed to .pdf, then the upload is refused naming the file, and nothing is stored', async () => {
    await createNaevn(w.db, { kommunekoder: [147] })
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    const id = await fileCase(w, agent, { postnr: '2000', kommunekode: '147' })
    const up = await agent.postMultipart(`/indbringelse/${id}/bilag`, { kategori: 'andet' }, [
      { field: 'filer', filename: 'ok.pdf', data: minimalPdf },
      { field: 'filer', filename: 'faktura.pdf', data: fakeExe },
    ])
    expect(up.statusCode).toBe(400)
    expect(up.body).toContain('faktura.pdf')
    expect(up.body).toContain('filtypen er ikke tilladt')
    expect(await w.db.selectFrom('dokumenter').selectAll().where('sag_id', '=', id).execute()).toHaveLength(0)
  })
})
