// The role matrix of "the parties I act as" (server/kerne/access/sager.ts handlerSomPart): who
// logs in with MitID and how they are tied to a case's party decides the case page, the
// documents meant for that party, answering its hearing and writing to the secretariat,
// all by the one rule. Everyone else gets 404 everywhere, as if the case did not exist.
import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { mitidLogin, useMitidWorld } from '../helpers/mitid.js'
import { demoCpr, demoCvr, demoIdentiteter } from '../../server/kerne/auth/oidc/demo-identiteter.js'
import { partsbrugere } from '../../server/modules/sagsbehandling/sagsbehandling.service.js'

const person = (navn: string) => demoIdentiteter.find((d) => d.navn === navn)!.subjekt

interface Sag {
  id: string
  /** The party the matrix is about (the tenant filing, or the other side). */
  partId: string
  /** A document only that party may see, and one only the other side may see. */
  egetDok: string
  andetDok: string
  hoeringId: string
}

describe('the parties a MitID user acts as: one rule for case, documents, hearings and messages', () => {
  const w = useMitidWorld()
  const agents = new Map<string, Agent>()
  let lejerSag: Sag // the tenant (Camilla) is the filing party by her CPR
  let firmaSag: Sag // Nørrebro Ejendomme ApS is the other party by CVR
  let klientSag: Sag // Vesterbro Bolig A/S is the other party; Juhl Advokater holds its power of attorney
  let udloebetSag: Sag // a client whose power of attorney to Juhl has expired
  let tilbagekaldtSag: Sag // a client whose power of attorney to Juhl is revoked
  let andenSagSammeKlient: Sag // Vesterbro Bolig again, but its power for this one is tied to another case

  async function sagMed(o: { migCprCvr?: string; modpartCprCvr?: string }, rolle: 'indbringer' | 'modpart'): Promise<Sag> {
    const naevn = await naevnFor(w.db, 101)
    const filer = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(filer.email, filer.password)
    const id = await indbringSag(agent, o)
    const parter = await w.db.selectFrom('parter').select(['id', 'rolle']).where('sag_id', '=', id).execute()
    const part = parter.find((p) => p.rolle === rolle)!
    const anden = parter.find((p) => p.rolle !== rolle)!
    const dok = async (kunFor: string) => {
      const indhold = Buffer.from(`%PDF-1.4 kun for ${kunFor}`)
      const sha256 = createHash('sha256').update(indhold).digest('hex')
      await w.db.insertInto('document_blobs').values({ sha256, indhold, stoerrelse: indhold.length }).onConflict((oc) => oc.doNothing()).execute()
      const row = await w.db
        .insertInto('dokumenter')
        .values({ sag_id: id, filnavn: `til-${kunFor}.pdf`, mime: 'application/pdf', kategori: 'korrespondance', sha256, stoerrelse: indhold.length, kun_for_parter: [kunFor] })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    }
    const sb = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    const hoering = await w.db
      .insertInto('partshoeringer')
      .values({ sag_id: id, oprettet_af: sb.id, besked: 'Kommentér venligst.', frist: sql<string>`current_date + 14`, oprindelig_frist: sql<string>`current_date + 14` })
      .returning('id')
      .executeTakeFirstOrThrow()
    await w.db.insertInto('partshoering_modtagere').values({ partshoering_id: hoering.id, part_id: part.id }).execute()
    return { id, partId: part.id, egetDok: await dok(part.id), andetDok: await dok(anden.id), hoeringId: hoering.id }
  }

  async function fuldmagt(giverCvr: string, o: { til?: string; tilbagekaldt?: boolean; sagId?: string } = {}) {
    await w.db
      .insertInto('fuldmagter')
      .values({
        fuldmaegtig_cvr: demoCvr.juhlAdvokater,
        fuldmaegtig_navn: 'Juhl Advokater',
        giver_cvr: giverCvr,
        giver_navn: 'Klienten',
        gyldig_fra: o.til ? '2020-01-01' : sql<string>`current_date - 30`,
        gyldig_til: o.til ?? null,
        tilbagekaldt: o.tilbagekaldt ? sql<Date>`now()` : null,
        sag_id: o.sagId ?? null,
      })
      .execute()
  }

  async function som(navn: string): Promise<Agent> {
    let a = agents.get(navn)
    if (!a) {
      a = new Agent(w.app)
      expect((await mitidLogin(a, person(navn))).statusCode).toBe(303)
      agents.set(navn, a)
    }
    return a
  }

  beforeAll(async () => {
    lejerSag = await sagMed({ migCprCvr: demoCpr.camilla }, 'indbringer')
    firmaSag = await sagMed({ modpartCprCvr: demoCvr.noerrebroEjendomme }, 'modpart')
    klientSag = await sagMed({ modpartCprCvr: demoCvr.vesterbroBolig }, 'modpart')
    await fuldmagt(demoCvr.vesterbroBolig, { sagId: klientSag.id })
    andenSagSammeKlient = await sagMed({ modpartCprCvr: demoCvr.vesterbroBolig }, 'modpart')
    udloebetSag = await sagMed({ modpartCprCvr: '20000007' }, 'modpart')
    await fuldmagt('20000007', { til: '2021-12-31' })
    tilbagekaldtSag = await sagMed({ modpartCprCvr: '20001003' }, 'modpart')
    await fuldmagt('20001003', { tilbagekaldt: true })
  })

  /** Everything a party can do, answered as the rule says: all allowed, or all 404. */
  async function forventAdgang(agent: Agent, sag: Sag, adgang: boolean) {
    const status = (s: number) => (adgang ? s : 404)
    expect((await agent.get(`/sager/${sag.id}`)).statusCode).toBe(status(200))
    expect((await agent.get(`/sager/${sag.id}/dokumenter/${sag.egetDok}`)).statusCode).toBe(status(200))
    // The document meant only for the other side stays hidden even from a party.
    expect((await agent.get(`/sager/${sag.id}/dokumenter/${sag.andetDok}`)).statusCode).toBe(404)
    const svar = await agent.postMultipart(`/sager/${sag.id}/hoeringer/${sag.hoeringId}/svar`, { svar: 'Vi er uenige i klagen.' }, [])
    expect(svar.statusCode, svar.body.slice(0, 300)).toBe(status(303))
    const besked = await agent.postMultipart(`/sager/${sag.id}/beskeder`, { tekst: 'Et spørgsmål til sekretariatet.' }, [])
    expect(besked.statusCode).toBe(status(303))
    const sagsnummer = (await w.db.selectFrom('sager').select('sagsnummer').where('id', '=', sag.id).executeTakeFirstOrThrow()).sagsnummer!
    const mine = await agent.get('/mine-sager')
    if (adgang) expect(mine.body).toContain(sagsnummer)
    else expect(mine.body).not.toContain(sagsnummer)
  }

  it('when the tenant logs in with MitID, then she acts as the filing party found by her CPR', async () => {
    await forventAdgang(await som('Camilla Nørgaard'), lejerSag, true)
  })

  it('when a MitID Erhverv employee logs in, then the company acts as the party found by its CVR', async () => {
    await forventAdgang(await som('Mette Hansen'), firmaSag, true)
  })

  it('when a representative holds a power of attorney in force for a case, then they act as the client in that case only', async () => {
    const juhl = await som('Søren Juhl')
    await forventAdgang(juhl, klientSag, true)
    await forventAdgang(juhl, andenSagSammeKlient, false)
  })

  it('when the power of attorney has expired or is revoked, then the representative gets 404', async () => {
    const juhl = await som('Søren Juhl')
    await forventAdgang(juhl, udloebetSag, false)
    await forventAdgang(juhl, tilbagekaldtSag, false)
  })

  it('when another person or company logs in, then every case of the matrix is 404', async () => {
    const frederik = await som('Frederik Winther')
    for (const sag of [lejerSag, firmaSag, klientSag]) await forventAdgang(frederik, sag, false)
    await forventAdgang(await som('Camilla Nørgaard'), firmaSag, false)
    await forventAdgang(await som('Mette Hansen'), klientSag, false)
  })

  it('when the secretariat writes to a party, then the MitID users who act as a party are the recipients, by the same rule', async () => {
    await som('Camilla Nørgaard')
    await som('Søren Juhl')
    const navne = async (sagId: string) => (await partsbrugere(w.db, sagId)).map((u) => u.navn)
    expect(await navne(lejerSag.id)).toContain('Camilla Nørgaard')
    expect(await navne(klientSag.id)).toContain('Søren Juhl (Juhl Advokater)')
    expect(await navne(andenSagSammeKlient.id)).not.toContain('Søren Juhl (Juhl Advokater)')
    expect(await navne(firmaSag.id)).not.toContain('Camilla Nørgaard')
  })
})
