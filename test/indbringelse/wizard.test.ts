import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createNaevn, createUser, naevnFor } from '../helpers/factories.js'
import { minimalPdf } from '../helpers/multipart.js'
import { indbringSag, udfyldKladde } from '../helpers/indbringelse.js'
import { sammenlaegNaevn } from '../../server/kerne/naevn/naevn.js'

describe('filing wizard', () => {
  const w = useWorld()

  async function borger() {
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    return { user, agent }
  }

  it('when a tenant completes every step and submits, then the case is filed with a number from 10001, a sagsnummer and the status indbragt', async () => {
    await naevnFor(w.db, 101)
    const { agent } = await borger()
    const id = await udfyldKladde(agent)
    const up = await agent.postMultipart(`/indbringelse/${id}/bilag`, { kategori: 'lejekontrakt' }, [{ field: 'filer', filename: 'lejekontrakt.pdf', data: minimalPdf }])
    expect(up.statusCode, up.body.slice(0, 2000)).toBe(303)
    expect((await agent.post(`/indbringelse/${id}/gebyr`)).statusCode).toBe(303)
    const review = await agent.get(`/indbringelse/${id}/indsend`)
    expect(review.statusCode).toBe(200)
    const naevnNavn = (await w.db.selectFrom('naevn').innerJoin('sager', 'sager.naevn_id', 'naevn.id').select('naevn.navn').where('sager.id', '=', id).executeTakeFirstOrThrow()).navn
    expect(review.body).toContain(`Sagen behandles af ${naevnNavn}`)
    expect(review.body).toContain('Nørregade 12, 2. th., 1165 København K')
    expect(review.body).toContain('lejekontrakt.pdf')
    const sent = await agent.post(`/indbringelse/${id}/indsend`)
    expect(sent.statusCode).toBe(303)
    const sag = await w.db.selectFrom('sager').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(sag.status).toBe('indbragt')
    expect(sag.indbringelsesnummer).toBeGreaterThanOrEqual(10001)
    expect(sag.sagsnummer).toBe(`101-${sag.indbringelsesnummer}`)
    const journal = await w.db.selectFrom('journal').select(['handling', 'til_status']).where('sag_id', '=', id).execute()
    expect(journal).toEqual(expect.arrayContaining([{ handling: 'status', til_status: 'indbragt' }]))
    const outbox = await w.db.selectFrom('outbox').select(['job_name', 'payload']).where('job_name', '=', 'generer-kvittering').execute()
    expect(outbox.map((o) => o.payload)).toContainEqual({ sagId: id })
    const page = await agent.get(`/sager/${id}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(sag.sagsnummer!)
    // Submitted: the filer can no longer change it, only supplement it.
    const change = await agent.post(`/indbringelse/${id}/hvem`, { indbringer_rolle: 'udlejer', for_hvem: 'selv' })
    expect(change.statusCode).toBe(409)
  })

  it('when the filer leaves and comes back, then the draft resumes at the next step with everything saved, and the CPR shown masked', async () => {
    await naevnFor(w.db, 751, 'beboerklagenaevn')
    const { user, agent } = await borger()
    const id = await udfyldKladde(agent, { postnr: '8000', type: 'almen' })
    await agent.post('/logout')
    const again = new Agent(w.app)
    await again.login(user.email, user.password)
    const mine = await again.get('/mine-sager')
    expect(mine.body).toContain(`/indbringelse/${id}`)
    expect(mine.body).toContain('Trin 5 af 7')
    const resume = await again.get(`/indbringelse/${id}`)
    expect(resume.headers.location).toBe(`/indbringelse/${id}/bilag`)
    const parter = await again.get(`/indbringelse/${id}/parter`)
    expect(parter.body).toContain('value="Lise Lejer"')
    expect(parter.body).toContain('value="010190-xxxx"')
    expect(parter.body).not.toContain('1234')
    // Saving the masked value again keeps the stored CPR.
    const before = await w.db.selectFrom('parter').select('cpr_hash').where('sag_id', '=', id).where('rolle', '=', 'indbringer').executeTakeFirstOrThrow()
    await again.post(`/indbringelse/${id}/parter`, { mig_navn: 'Lise Lejer', mig_cprcvr: '010190-xxxx', mig_email: 'lise@test.invalid', modpart_navn: 'Boligselskabet' })
    const after = await w.db.selectFrom('parter').select('cpr_hash').where('sag_id', '=', id).where('rolle', '=', 'indbringer').executeTakeFirstOrThrow()
    expect(after.cpr_hash).toBe(before.cpr_hash)
    expect(after.cpr_hash).toBe(w.app.cpr.lookupHash('0101901234'))
  })

  it('when a postal code spans several municipalities, then the filer must choose one, and the case goes to that municipality’s board', async () => {
    const kbh = await naevnFor(w.db, 101)
    const frb = await createNaevn(w.db, { kommunekoder: [147] })
    const { agent } = await borger()
    const start = await agent.post('/indbringelse')
    const id = /indbringelse\/([0-9a-f-]+)/.exec(start.headers.location as string)![1]!
    await agent.post(`/indbringelse/${id}/hvem`, { indbringer_rolle: 'lejer', for_hvem: 'selv' })
    const ask = await agent.post(`/indbringelse/${id}/lejemaal`, { vejnavn: 'Falkoner Allé', husnummer: '1', postnr: '2000', lejemaal_type: 'privat' })
    expect(ask.statusCode).toBe(400)
    expect(ask.body).toContain('dækker flere kommuner')
    expect(ask.body).toContain('value="Falkoner Allé"')
    expect(ask.body).toContain('id="kommunekode-147"')
    expect(ask.body).toContain('id="kommunekode-101"')
    const ok = await agent.post(`/indbringelse/${id}/lejemaal`, { vejnavn: 'Falkoner Allé', husnummer: '1', postnr: '2000', lejemaal_type: 'privat', kommunekode: '147' })
    expect(ok.statusCode).toBe(303)
    const sag = await w.db.selectFrom('sager').select(['naevn_id', 'kommunekode', 'by']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(sag).toEqual({ naevn_id: frb.id, kommunekode: 147, by: 'Frederiksberg' })
    expect(sag.naevn_id).not.toBe(kbh.id)
  })

  it('when municipalities share a merged board, then a tenancy in the absorbed one goes to the merged board', async () => {
    const target = await createNaevn(w.db, { kommunekoder: [265] })
    const source = await createNaevn(w.db, { kommunekoder: [269] })
    await sammenlaegNaevn(w.db, target.id, [source.id], null)
    const { agent } = await borger()
    // 4000 Roskilde lies in 265; 4060 Kirke Såby lies in 350 and 265… use a code only in 269 (Solrød).
    const id = await udfyldKladde(agent, { postnr: '2680' })
    const sag = await w.db.selectFrom('sager').select(['naevn_id', 'kommunekode']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(sag).toEqual({ naevn_id: target.id, kommunekode: 269 })
  })

  it('when fields are wrong, then each step says so in Danish next to the field and keeps what was typed', async () => {
    await naevnFor(w.db, 101)
    const { agent } = await borger()
    const start = await agent.post('/indbringelse')
    const id = /indbringelse\/([0-9a-f-]+)/.exec(start.headers.location as string)![1]!
    const hvem = await agent.post(`/indbringelse/${id}/hvem`, {})
    expect(hvem.statusCode).toBe(400)
    expect(hvem.body).toContain('Vælg, om sagen indbringes af lejer eller udlejer.')
    expect(hvem.body).toContain('href="#indbringer_rolle"')
    await agent.post(`/indbringelse/${id}/hvem`, { indbringer_rolle: 'lejer', for_hvem: 'selv' })
    const lm = await agent.post(`/indbringelse/${id}/lejemaal`, { vejnavn: 'Vestergade', husnummer: '7', postnr: '9999', lejemaal_type: 'privat' })
    expect(lm.statusCode).toBe(400)
    expect(lm.body).toContain('Postnummeret 9999 findes ikke')
    expect(lm.body).toContain('value="Vestergade"')
    await agent.post(`/indbringelse/${id}/lejemaal`, { vejnavn: 'Vestergade', husnummer: '7', postnr: '1165', lejemaal_type: 'privat' })
    const pt = await agent.post(`/indbringelse/${id}/parter`, { mig_navn: 'Ida', mig_email: 'ida@test.invalid', mig_cprcvr: '310290-1234', modpart_navn: 'Udlejer A/S' })
    expect(pt.statusCode).toBe(400)
    expect(pt.body).toContain('value="310290-1234"')
    expect(await w.db.selectFrom('parter').selectAll().where('sag_id', '=', id).execute()).toHaveLength(0)
    await agent.post(`/indbringelse/${id}/parter`, { mig_navn: 'Ida', mig_email: 'ida@test.invalid', modpart_navn: 'Udlejer A/S' })
    const sg = await agent.post(`/indbringelse/${id}/sagen`, { formaal: 'klage', sagsomraader: ['fraflytning'], beskrivelse: 'kort' })
    expect(sg.statusCode).toBe(400)
    expect(sg.body).toContain('Beskriv sagen med mindst et par sætninger')
    expect(sg.body).toContain('Hvornår flyttede lejeren ud?')
    // What lies outside the board's competence is shown before submission.
    expect(sg.body).toContain('Det kan huslejenævnet ikke tage stilling til')
  })

  it('when an incomplete draft is submitted, then the review lists what is missing with links to the steps', async () => {
    await naevnFor(w.db, 101)
    const { agent } = await borger()
    const id = await udfyldKladde(agent, { repraesentant: true })
    await agent.post(`/indbringelse/${id}/gebyr`)
    const sent = await agent.post(`/indbringelse/${id}/indsend`)
    expect(sent.statusCode).toBe(400)
    expect(sent.body).toContain('fuldmagt fra alle, du repræsenterer')
    expect(sent.body).toContain(`/indbringelse/${id}/bilag`)
    const sag = await w.db.selectFrom('sager').select(['status', 'sagsnummer']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(sag).toEqual({ status: 'kladde', sagsnummer: null })
  })

  it('when the owner deletes a draft, then it is gone; a filed case cannot be deleted', async () => {
    await naevnFor(w.db, 101)
    const { agent } = await borger()
    const kladde = await udfyldKladde(agent)
    const confirm = await agent.get(`/indbringelse/${kladde}/slet`)
    expect(confirm.body).toContain('Slet kladden?')
    expect(confirm.body).toMatch(/href="\/mine-sager" class="nav-link" aria-current="page"/)
    expect((await agent.post(`/indbringelse/${kladde}/slet`)).statusCode).toBe(303)
    expect(await w.db.selectFrom('sager').selectAll().where('id', '=', kladde).execute()).toHaveLength(0)
    const filed = await indbringSag(agent)
    expect((await agent.post(`/indbringelse/${filed}/slet`)).statusCode).toBe(409)
  })
})
