// The filing wizard takes a MitID user's own name and CPR (or, with MitID Erhverv, the
// company's name and CVR) from the login: shown locked with "Hentet fra MitID", and the
// server stores the login's values whatever the form posts. Password accounts keep the
// free fields.
import { describe, expect, it } from 'vitest'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { mitidLogin, useMitidWorld } from '../helpers/mitid.js'
import { demoCpr, demoCvr, demoIdentiteter } from '../../server/kerne/auth/oidc/demo-identiteter.js'

const person = (navn: string) => demoIdentiteter.find((d) => d.navn === navn)!.subjekt

describe('the filer from the MitID login in the filing wizard', () => {
  const w = useMitidWorld()

  /** A draft through the first two steps; returns its id. */
  async function kladdeTilParter(agent: Agent): Promise<string> {
    await naevnFor(w.db, 101)
    await agent.get('/mine-sager')
    const start = await agent.post('/indbringelse')
    const id = /\/indbringelse\/([0-9a-f-]+)\/hvem/.exec(String(start.headers.location))![1]!
    expect((await agent.post(`/indbringelse/${id}/hvem`, { indbringer_rolle: 'lejer', for_hvem: 'selv', repraesentant_type: '' })).statusCode).toBe(303)
    const lm = await agent.post(`/indbringelse/${id}/lejemaal`, { vejnavn: 'Nørregade', husnummer: '12', etage: '2', doer: 'th', postnr: '1165', by: '', lejemaal_type: 'privat' })
    expect(lm.statusCode).toBe(303)
    return id
  }

  const falskeFelter = {
    mig_navn: 'Et Andet Navn',
    mig_cprcvr: '010190-1234',
    mig_email: 'camilla@test.invalid',
    modpart_navn: 'Ejendomsselskabet ApS',
  }

  it('when a citizen logged in with MitID reaches the parties step, then her name and CPR are shown locked and stored from the login', async () => {
    const agent = new Agent(w.app)
    await mitidLogin(agent, person('Camilla Nørgaard'))
    const id = await kladdeTilParter(agent)
    const side = await agent.get(`/indbringelse/${id}/parter`)
    expect(side.statusCode).toBe(200)
    expect(side.body).toMatch(/id="mig_navn" value="Camilla Nørgaard" readonly/)
    expect(side.body).toMatch(/id="mig_cprcvr" value="120388-xxxx" readonly/)
    expect(side.body).toContain('Hentet fra MitID')
    expect(side.body).not.toContain('name="mig_navn"')
    expect(side.body).not.toContain('mitid.invalid')

    const res = await agent.post(`/indbringelse/${id}/parter`, falskeFelter)
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303)
    const part = await w.db.selectFrom('parter').select(['navn', 'cpr_hash', 'cvr']).where('sag_id', '=', id).where('rolle', '=', 'indbringer').executeTakeFirstOrThrow()
    expect(part).toEqual({ navn: 'Camilla Nørgaard', cpr_hash: w.app.cpr.lookupHash(demoCpr.camilla), cvr: null })
  })

  it('when a MitID Erhverv employee files, then the company name and CVR are locked', async () => {
    const agent = new Agent(w.app)
    await mitidLogin(agent, person('Mette Hansen'))
    const id = await kladdeTilParter(agent)
    const side = await agent.get(`/indbringelse/${id}/parter`)
    expect(side.body).toContain('Virksomhedens navn')
    expect(side.body).toMatch(/id="mig_navn" value="Nørrebro Ejendomme ApS" readonly/)
    expect(side.body).toMatch(new RegExp(`id="mig_cprcvr" value="${demoCvr.noerrebroEjendomme}" readonly`))
    expect((await agent.post(`/indbringelse/${id}/parter`, falskeFelter)).statusCode).toBe(303)
    const part = await w.db.selectFrom('parter').select(['navn', 'cpr_hash', 'cvr']).where('sag_id', '=', id).where('rolle', '=', 'indbringer').executeTakeFirstOrThrow()
    expect(part).toEqual({ navn: 'Nørrebro Ejendomme ApS', cpr_hash: null, cvr: demoCvr.noerrebroEjendomme })
  })

  it('when another field is wrong, then the page comes back with the MitID fields still locked', async () => {
    const agent = new Agent(w.app)
    await mitidLogin(agent, person('Frederik Winther'))
    const id = await kladdeTilParter(agent)
    await agent.get(`/indbringelse/${id}/parter`)
    const res = await agent.post(`/indbringelse/${id}/parter`, { ...falskeFelter, mig_email: 'ikke en adresse' })
    expect(res.statusCode).toBe(400)
    expect(res.body).toMatch(/id="mig_navn" value="Frederik Winther" readonly/)
    expect(res.body).toContain('value="ikke en adresse"')
  })

  it('when a password account files, then the name and CPR fields stay free', async () => {
    const u = await createUser(w.db, { navn: 'Lise Lejer' })
    const agent = new Agent(w.app)
    await agent.login(u.email, u.password)
    const id = await kladdeTilParter(agent)
    const side = await agent.get(`/indbringelse/${id}/parter`)
    expect(side.body).toContain('name="mig_navn"')
    expect(side.body).toContain('name="mig_cprcvr"')
    expect(side.body).not.toContain('Hentet fra MitID')
    expect((await agent.post(`/indbringelse/${id}/parter`, falskeFelter)).statusCode).toBe(303)
    const part = await w.db.selectFrom('parter').select(['navn']).where('sag_id', '=', id).where('rolle', '=', 'indbringer').executeTakeFirstOrThrow()
    expect(part.navn).toBe('Et Andet Navn')
  })
})
