import { beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { minimalPdf } from '../helpers/multipart.js'
import { indbringSag } from '../helpers/indbringelse.js'

describe('case handling', () => {
  const w = useWorld()
  let sagA: string
  let dokA: string
  let sagsnummerA: string
  let sbA: Agent
  let sbA2: { id: string }
  let lederA: Agent
  let sbB: Agent
  let borger: Agent

  beforeAll(async () => {
    const a = await naevnFor(w.db, 101)
    const b = await naevnFor(w.db, 147)
    const users = {
      sbA: await createUser(w.db, { medlemskaber: [{ naevnId: a.id, rolle: 'sagsbehandler' }] }),
      sbA2: await createUser(w.db, { navn: 'Anden Sagsbehandler', medlemskaber: [{ naevnId: a.id, rolle: 'sagsbehandler' }] }),
      lederA: await createUser(w.db, { medlemskaber: [{ naevnId: a.id, rolle: 'sekretariatsleder' }] }),
      sbB: await createUser(w.db, { medlemskaber: [{ naevnId: b.id, rolle: 'sagsbehandler' }] }),
      borger: await createUser(w.db),
    }
    sbA2 = users.sbA2
    const login = async (u: { email: string; password: string }) => {
      const agent = new Agent(w.app)
      await agent.login(u.email, u.password)
      return agent
    }
    sbA = await login(users.sbA)
    lederA = await login(users.lederA)
    sbB = await login(users.sbB)
    borger = await login(users.borger)
    sagA = await indbringSag(borger)
    await borger.postMultipart(`/sager/${sagA}/bilag`, { kategori: 'foto' }, [{ field: 'filer', filename: 'fugt.pdf', data: minimalPdf }])
    dokA = (await w.db.selectFrom('dokumenter').select('id').where('sag_id', '=', sagA).executeTakeFirstOrThrow()).id
    sagsnummerA = (await w.db.selectFrom('sager').select('sagsnummer').where('id', '=', sagA).executeTakeFirstOrThrow()).sagsnummer!
  })

  it('when a caseworker of another board looks for the case, then it is absent from the inbox and search, and its pages are 404', async () => {
    expect((await sbB.get('/sagsbehandling?visning=alle')).body).not.toContain(sagsnummerA)
    expect((await sbB.get(`/sagsbehandling?visning=alle&q=${sagsnummerA}`)).body).not.toContain(sagA)
    expect((await sbB.get(`/sagsbehandling/sager/${sagA}`)).statusCode).toBe(404)
    expect((await sbB.get(`/sagsbehandling/sager/${sagA}/dokumenter/${dokA}`)).statusCode).toBe(404)
    expect((await sbB.get(`/api/v1/sagsbehandling/sager/${sagA}`)).statusCode).toBe(404)
    expect((await sbB.get(`/api/v1/sagsbehandling/sager?q=${sagsnummerA}`)).json()).toMatchObject({ totalCount: 0 })
    expect((await sbA.get(`/api/v1/sagsbehandling/sager?q=${sagsnummerA}`)).json()).toMatchObject({ totalCount: 1 })
    expect((await borger.get(`/api/v1/sagsbehandling/sager/${sagA}`)).statusCode).toBe(404)
    await sbB.get('/sagsbehandling')
    for (const action of ['notater', 'vurdering', 'status', 'tildel', 'gebyr-betalt']) {
      expect((await sbB.post(`/sagsbehandling/sager/${sagA}/${action}`, { notat: 'x', vurdering: 'x', status: 'under_behandling' })).statusCode).toBe(404)
    }
    const journal = await w.db.selectFrom('journal').select('handling').where('sag_id', '=', sagA).execute()
    expect(journal.map((j) => j.handling)).not.toContain('notat')
  })

  it('when the own board’s caseworker searches, then the case is found by sagsnummer, address and party name', async () => {
    for (const q of [sagsnummerA, 'Nørregade 12', 'Ejendomsselskabet']) {
      const res = await sbA.get(`/sagsbehandling?visning=alle&q=${encodeURIComponent(q)}`)
      expect(res.body, q).toContain(`/sagsbehandling/sager/${sagA}`)
    }
    expect((await sbA.get('/sagsbehandling?visning=nye')).body).toContain(sagsnummerA)
    expect((await sbA.get('/sagsbehandling?visning=alle&status=afgjort')).body).not.toContain(sagsnummerA)
  })

  it('when a caseworker opens the case and a document, then each is in the access log, which only the leader sees', async () => {
    await sbA.get(`/sagsbehandling/sager/${sagA}`)
    await sbA.get(`/sagsbehandling/sager/${sagA}/dokumenter/${dokA}`)
    const log = await w.db.selectFrom('journal').select(['handling', 'synlig_for_parter']).where('sag_id', '=', sagA).where('handling', 'in', ['sag_laest', 'dokument_laest']).execute()
    expect(log.map((l) => l.handling)).toEqual(expect.arrayContaining(['sag_laest', 'dokument_laest']))
    expect(log.every((l) => !l.synlig_for_parter)).toBe(true)
    expect((await lederA.get(`/sagsbehandling/sager/${sagA}`)).body).toContain('Dokument åbnet')
    expect((await sbA.get(`/sagsbehandling/sager/${sagA}`)).body).not.toContain('Dokument åbnet')
  })

  it('when notes and an assessment are written, then staff see them and the parties never do', async () => {
    await sbA.get(`/sagsbehandling/sager/${sagA}`)
    expect((await sbA.post(`/sagsbehandling/sager/${sagA}/notater`, { notat: 'Ringede til udlejer: fugtskaden er kendt.' })).statusCode).toBe(303)
    expect((await sbA.post(`/sagsbehandling/sager/${sagA}/vurdering`, { vurdering: 'Lejer har formentlig ret.' })).statusCode).toBe(303)
    const staff = await sbA.get(`/sagsbehandling/sager/${sagA}`)
    expect(staff.body).toContain('Ringede til udlejer')
    expect(staff.body).toContain('Lejer har formentlig ret.')
    const party = await borger.get(`/sager/${sagA}`)
    expect(party.body).not.toContain('Ringede til udlejer')
    expect(party.body).not.toContain('formentlig')
    expect(party.body).not.toContain('Notat')
    const api = await borger.get(`/api/v1/sager/${sagA}`)
    expect(api.body).not.toContain('formentlig')
    const staffApi = await sbA.get(`/api/v1/sagsbehandling/sager/${sagA}`)
    expect(staffApi.json().notater.map((n: { tekst: string }) => n.tekst)).toContain('Ringede til udlejer: fugtskaden er kendt.')
    expect(staffApi.json().vurdering).toBe('Lejer har formentlig ret.')
  })

  it('when a note is corrected, then the old note stays and the new one points at it; the database refuses changes', async () => {
    await sbA.get(`/sagsbehandling/sager/${sagA}`)
    await sbA.post(`/sagsbehandling/sager/${sagA}/notater`, { notat: 'Besigtigelse aftalt 3. december.' })
    const first = await w.db.selectFrom('notater').select('id').where('sag_id', '=', sagA).where('tekst', 'like', 'Besigtigelse%').executeTakeFirstOrThrow()
    expect((await sbA.post(`/sagsbehandling/sager/${sagA}/notater`, { notat: 'Rettelse: besigtigelsen er 4. december.', retter: first.id })).statusCode).toBe(303)
    const rows = await w.db.selectFrom('notater').select(['tekst', 'retter_notat_id']).where('sag_id', '=', sagA).orderBy('oprettet').execute()
    expect(rows).toEqual(expect.arrayContaining([{ tekst: 'Besigtigelse aftalt 3. december.', retter_notat_id: null }, { tekst: 'Rettelse: besigtigelsen er 4. december.', retter_notat_id: first.id }]))
    await expect(sql`UPDATE notater SET tekst = 'ændret' WHERE id = ${first.id}`.execute(w.db)).rejects.toThrow(/kan ikke ændres/)
    await expect(sql`DELETE FROM notater WHERE id = ${first.id}`.execute(w.db)).rejects.toThrow(/kan ikke ændres/)
    const empty = await sbA.post(`/sagsbehandling/sager/${sagA}/notater`, { notat: '  ' })
    expect(empty.statusCode).toBe(400)
    expect(empty.body).toContain('Skriv notatet.')
  })

  it('when a caseworker takes the case, then it is theirs; only the leader can give it to someone else', async () => {
    await sbA.get(`/sagsbehandling/sager/${sagA}`)
    expect((await sbA.post(`/sagsbehandling/sager/${sagA}/tildel`, { sagsbehandler: sbA2.id })).statusCode).toBe(404)
    expect((await sbA.post(`/sagsbehandling/sager/${sagA}/tildel`, { tag: 'ja' })).statusCode).toBe(303)
    expect((await lederA.post(`/sagsbehandling/sager/${sagA}/tildel`, { sagsbehandler: '' })).statusCode).toBe(400)
    expect((await sbA.get('/sagsbehandling?visning=mine')).body).toContain(sagsnummerA)
    await lederA.get(`/sagsbehandling/sager/${sagA}`)
    expect((await lederA.post(`/sagsbehandling/sager/${sagA}/tildel`, { sagsbehandler: sbA2.id })).statusCode).toBe(303)
    const row = await w.db.selectFrom('sager').select('sagsbehandler_id').where('id', '=', sagA).executeTakeFirstOrThrow()
    expect(row.sagsbehandler_id).toBe(sbA2.id)
    expect((await sbA.get('/sagsbehandling?visning=mine')).body).not.toContain(sagsnummerA)
  })

  it('when the status changes, then the party sees it; closing without a reason is refused and an illegal step explained', async () => {
    const page = await sbA.get(`/sagsbehandling/sager/${sagA}`)
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!
    const noReason = await sbA.post(`/sagsbehandling/sager/${sagA}/status`, { status: 'henlagt', begrundelse: '', version })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.body).toContain('Skriv en begrundelse')
    expect((await sbA.post(`/sagsbehandling/sager/${sagA}/status`, { status: 'under_behandling', begrundelse: '', version })).statusCode).toBe(303)
    const stale = await sbA.post(`/sagsbehandling/sager/${sagA}/status`, { status: 'partshoering', begrundelse: '', version })
    expect(stale.statusCode).toBe(409)
    expect(stale.body).toContain('ændret af en anden')
    const illegal = await sbA.post(`/sagsbehandling/sager/${sagA}/status`, { status: 'afsluttet', begrundelse: '' })
    expect(illegal.statusCode).toBe(409)
    // A decision and an agenda are reached through their own pages, not the status form.
    const afgjort = await sbA.post(`/sagsbehandling/sager/${sagA}/status`, { status: 'afgjort', begrundelse: '' })
    expect(afgjort.statusCode).toBe(400)
    expect(afgjort.body).toContain('når afgørelsen gøres endelig')
    const dagsorden = await sbA.post(`/sagsbehandling/sager/${sagA}/status`, { status: 'paa_dagsorden', begrundelse: '' })
    expect(dagsorden.statusCode).toBe(400)
    expect(dagsorden.body).toContain('fra et nævnsmøde')
    expect((await sbA.get(`/sagsbehandling/sager/${sagA}`)).body).not.toContain('value="paa_dagsorden"')
    expect((await borger.get(`/sager/${sagA}`)).body).toContain('Status: Under behandling')
  })

  it('when the secretariat writes to a party, then that party reads it as new and other parties of the case never see the conversation', async () => {
    await borger.postMultipart(`/sager/${sagA}/beskeder`, { tekst: 'Hvornår behandles sagen?' }, [])
    await sbA.get(`/sagsbehandling/sager/${sagA}`)
    const filerId = (await w.db.selectFrom('sager').select('oprettet_af').where('id', '=', sagA).executeTakeFirstOrThrow()).oprettet_af
    const bad = await sbA.post(`/sagsbehandling/sager/${sagA}/beskeder`, { besked_til: filerId, beskedtekst: '' })
    expect(bad.statusCode).toBe(400)
    expect((await sbA.post(`/sagsbehandling/sager/${sagA}/beskeder`, { besked_til: filerId, beskedtekst: 'Sagen behandles på mødet i januar.' })).statusCode).toBe(303)
    expect((await borger.get('/mine-sager')).body).toContain('1 ny besked')
    const filerPage = await borger.get(`/sager/${sagA}`)
    expect(filerPage.body).toContain('Sagen behandles på mødet i januar.')
    expect((await sbA.get(`/sagsbehandling/sager/${sagA}`)).body).toContain('Hvornår behandles sagen?')
    const outbox = await w.db.selectFrom('outbox').select('payload').where('job_name', '=', 'send-sagsnotifikation').execute()
    expect(outbox.map((o) => o.payload)).toContainEqual({ sagId: sagA, haendelse: 'besked_fra_sekretariat', userId: filerId })

    // The counterparty joins the case: it sees the case, but not the filer's conversation.
    const modpartUser = await createUser(w.db)
    await w.db.updateTable('parter').set({ user_id: modpartUser.id }).where('sag_id', '=', sagA).where('rolle', '=', 'modpart').execute()
    const modpart = new Agent(w.app)
    await modpart.login(modpartUser.email, modpartUser.password)
    const page = await modpart.get(`/sager/${sagA}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).not.toContain('Hvornår behandles sagen?')
    expect(page.body).not.toContain('Sagen behandles på mødet i januar.')
    expect((await modpart.get(`/api/v1/sager/${sagA}/beskeder`)).json().items).toEqual([])
  })
})
