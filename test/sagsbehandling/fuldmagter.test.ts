// The secretariat registers a power of attorney in a case: the representative, logged in
// with MitID Erhverv, then acts as the client in that case; revoking it ends that at once.
// Both are journaled; bad input gets Danish errors with the input kept; staff of other
// boards, parties and others get 404.
import { describe, expect, it } from 'vitest'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { mitidLogin, useMitidWorld } from '../helpers/mitid.js'
import { demoCvr, demoIdentiteter } from '../../server/kerne/auth/oidc/demo-identiteter.js'

const juhl = demoIdentiteter.find((d) => d.navn === 'Søren Juhl')!.subjekt

describe('powers of attorney registered by the secretariat', () => {
  const w = useMitidWorld()

  async function opsaetning() {
    const naevn = await naevnFor(w.db, 101)
    const sbUser = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    const sb = new Agent(w.app)
    await sb.login(sbUser.email, sbUser.password)
    const filer = await createUser(w.db)
    const fa = new Agent(w.app)
    await fa.login(filer.email, filer.password)
    const sagId = await indbringSag(fa, { modpartCprCvr: demoCvr.vesterbroBolig })
    const modpart = await w.db.selectFrom('parter').select('id').where('sag_id', '=', sagId).where('rolle', '=', 'modpart').executeTakeFirstOrThrow()
    return { sb, fa, sagId, modpartId: modpart.id }
  }

  it('when a caseworker registers a power of attorney, then the representative acts as the client until it is revoked, and both are journaled', async () => {
    const { sb, sagId, modpartId } = await opsaetning()
    const rep = new Agent(w.app)
    await mitidLogin(rep, juhl)
    expect((await rep.get(`/sager/${sagId}`)).statusCode).toBe(404)

    const side = await sb.get(`/sagsbehandling/sager/${sagId}/fuldmagter`)
    expect(side.statusCode).toBe(200)
    expect(side.body).toContain('Der er ingen fuldmagter i sagen.')
    expect(side.body).toContain('Ejendomsselskabet ApS (Modpart, CVR 41782307)')
    const res = await sb.post(`/sagsbehandling/sager/${sagId}/fuldmagter`, {
      giver: modpartId,
      fuldmaegtig_navn: 'Juhl Advokater',
      fuldmaegtig_cprcvr: demoCvr.juhlAdvokater,
      fuldmaegtig_email: 'sekretariat@juhl.invalid',
      gyldig_fra: '2024-01-01',
      gyldig_til: '',
      omfang: 'Føre sagen for huslejenævnet på selskabets vegne',
    })
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303)
    const liste = await sb.get(String(res.headers.location))
    expect(liste.body).toContain('Fuldmagten er registreret.')
    expect(liste.body).toContain('Juhl Advokater (CVR 29601151)')
    expect(liste.body).toContain('Gældende')
    expect((await rep.get(`/sager/${sagId}`)).statusCode).toBe(200)

    const row = await w.db.selectFrom('fuldmagter').select(['id', 'sag_id', 'omfang']).where('sag_id', '=', sagId).executeTakeFirstOrThrow()
    expect(row.omfang).toBe('Føre sagen for huslejenævnet på selskabets vegne')
    const tilbage = await sb.post(`/sagsbehandling/sager/${sagId}/fuldmagter/${row.id}/tilbagekald`, {})
    expect(tilbage.statusCode).toBe(303)
    expect((await rep.get(`/sager/${sagId}`)).statusCode).toBe(404)
    const efter = await sb.get(`/sagsbehandling/sager/${sagId}/fuldmagter`)
    expect(efter.body).toContain('Tilbagekaldt')
    expect(efter.body).not.toContain(`/fuldmagter/${row.id}/tilbagekald"`)
    // Revoking twice finds nothing to revoke.
    expect((await sb.post(`/sagsbehandling/sager/${sagId}/fuldmagter/${row.id}/tilbagekald`, {})).statusCode).toBe(404)

    const journal = await w.db.selectFrom('journal').select(['handling', 'synlig_for_parter']).where('sag_id', '=', sagId).where('handling', 'like', 'fuldmagt_%').orderBy('id').execute()
    expect(journal).toEqual([
      { handling: 'fuldmagt_registreret', synlig_for_parter: true },
      { handling: 'fuldmagt_tilbagekaldt', synlig_for_parter: true },
    ])
    expect((await sb.get(`/sagsbehandling/sager/${sagId}`)).body).toContain('Fuldmagt registreret')
  })

  it('when the form is wrong, then each field says so in Danish and what was typed is kept', async () => {
    const { sb, sagId } = await opsaetning()
    await sb.get(`/sagsbehandling/sager/${sagId}/fuldmagter`)
    const res = await sb.post(`/sagsbehandling/sager/${sagId}/fuldmagter`, {
      giver: '',
      fuldmaegtig_navn: 'Advokat Hansen',
      fuldmaegtig_cprcvr: '12345678',
      fuldmaegtig_email: 'ikke-en-adresse',
      gyldig_fra: '2025-05-01',
      gyldig_til: '2025-04-01',
      omfang: '',
    })
    expect(res.statusCode).toBe(400)
    for (const tekst of [
      'Vælg den part, der giver fuldmagten.',
      'CVR-nummeret er ikke gyldigt.',
      'Skriv en gyldig e-mailadresse',
      'Slutdatoen skal ligge samme dag som eller efter startdatoen.',
      'Beskriv, hvad fuldmagten omfatter',
    ]) expect(res.body).toContain(tekst)
    expect(res.body).toContain('value="Advokat Hansen"')
    expect(res.body).toContain('value="ikke-en-adresse"')
    expect(await w.db.selectFrom('fuldmagter').select('id').where('sag_id', '=', sagId).execute()).toHaveLength(0)
  })

  it('when staff of another board, a party or an anonymous visitor asks, then the page and its actions are 404 (or the login)', async () => {
    const { fa, sagId, modpartId } = await opsaetning()
    const andetNaevn = await naevnFor(w.db, 751)
    const fremmed = await createUser(w.db, { medlemskaber: [{ naevnId: andetNaevn.id, rolle: 'sagsbehandler' }] })
    const fs = new Agent(w.app)
    await fs.login(fremmed.email, fremmed.password)
    const rep = new Agent(w.app)
    await mitidLogin(rep, juhl)
    const form = { giver: modpartId, fuldmaegtig_navn: 'Juhl Advokater', fuldmaegtig_cprcvr: demoCvr.juhlAdvokater, gyldig_fra: '2024-01-01', omfang: 'Alt' }
    for (const agent of [fs, fa, rep]) {
      expect((await agent.get(`/sagsbehandling/sager/${sagId}/fuldmagter`)).statusCode).toBe(404)
      await agent.get('/mine-sager')
      expect((await agent.post(`/sagsbehandling/sager/${sagId}/fuldmagter`, form)).statusCode).toBe(404)
    }
    expect(await w.db.selectFrom('fuldmagter').select('id').where('sag_id', '=', sagId).execute()).toHaveLength(0)
    expect((await new Agent(w.app).get(`/sagsbehandling/sager/${sagId}/fuldmagter`)).statusCode).toBe(302)
    // Nor can they revoke one the board registered.
    const f = await w.db
      .insertInto('fuldmagter')
      .values({ sag_id: sagId, fuldmaegtig_cvr: demoCvr.juhlAdvokater, fuldmaegtig_navn: 'Juhl Advokater', giver_cvr: demoCvr.vesterbroBolig, giver_navn: 'Klienten', gyldig_fra: '2024-01-01' })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const agent of [fs, fa, rep]) expect((await agent.post(`/sagsbehandling/sager/${sagId}/fuldmagter/${f.id}/tilbagekald`, {})).statusCode).toBe(404)
    expect((await w.db.selectFrom('fuldmagter').select('tilbagekaldt').where('id', '=', f.id).executeTakeFirstOrThrow()).tilbagekaldt).toBeNull()
  })
})
