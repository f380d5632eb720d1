// Board members' access (server/kerne/access/moeder.ts): only published agendas of their own
// boards, from publication until MOEDE_ADGANG_DAGE_EFTER days after the meeting; never a
// case they declared themselves disqualified in; never another member's notes. Every
// refusal is a 404.
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { createNaevn } from '../helpers/factories.js'
import { minimalPdf } from '../helpers/multipart.js'
import { lagreDokument } from '../../server/kerne/sag/bilag.js'
import { klarSag, loggetInd, naevnMedFolk, opretMoede, punktId, saetPaa } from './helpers.js'

describe('board members and the meetings', () => {
  const w = useWorld({ MOEDE_ADGANG_DAGE_EFTER: '14' })

  async function opsaetning() {
    const { naevnId, sb, filer } = await naevnMedFolk(w)
    const medlem = await loggetInd(w, naevnId, 'naevnsmedlem')
    const sagPaa = await klarSag(w, filer.agent)
    const sagUden = await klarSag(w, filer.agent)
    const moedeId = await opretMoede(sb.agent, naevnId)
    await saetPaa(sb.agent, moedeId, sagPaa)
    const punkt = await punktId(w, moedeId, sagPaa)
    const gem = (sagId: string, kategori: string) =>
      w.db.transaction().execute((trx) => lagreDokument(trx, { sagId, filnavn: `${kategori}.pdf`, mime: 'application/pdf', data: Buffer.concat([minimalPdf, Buffer.from(kategori)]), kategori, uploadetAf: null, synligForParter: true }))
    const dok = await gem(sagPaa, 'lejekontrakt')
    const fremmed = await gem(sagUden, 'lejekontrakt')
    // Not board material (server/kerne/access/moeder.ts): a kind the board is not given.
    const intern = await gem(sagPaa, 'afgoerelse')
    return { naevnId, sb, filer, medlem, sagPaa, sagUden, moedeId, punkt, dok, fremmed, intern }
  }

  it('when the agenda is not yet published, then the member gets 404 for the meeting, its items and documents, and the start page says so', async () => {
    const o = await opsaetning()
    const base = `/naevnsportal/moeder/${o.moedeId}`
    for (const url of [base, `${base}/dagsorden.pdf`, `${base}/punkter/${o.punkt}`, `${base}/punkter/${o.punkt}/sagsmappe.pdf`]) {
      expect((await o.medlem.agent.get(url)).statusCode, url).toBe(404)
    }
    const start = await o.medlem.agent.get('/naevnsportal')
    expect(start.statusCode).toBe(200)
    expect(start.body).toContain('Der er ingen dagsordener til dig endnu')
    expect(start.body).not.toContain(o.moedeId)
  })

  it('when the agenda is published, then the member sees it and the case material, and 404 for anything else of the board, of another board or outside the window', async () => {
    const o = await opsaetning()
    expect((await o.sb.agent.post(`/sagsbehandling/moeder/${o.moedeId}/offentliggoer`)).statusCode).toBe(303)
    const base = `/naevnsportal/moeder/${o.moedeId}`
    const start = await o.medlem.agent.get('/naevnsportal')
    expect(start.body).toContain(`href="${base}"`)
    const dagsorden = await o.medlem.agent.get(base)
    expect(dagsorden.statusCode).toBe(200)
    expect(dagsorden.body).toContain(`${base}/punkter/${o.punkt}`)
    const punkt = await o.medlem.agent.get(`${base}/punkter/${o.punkt}`)
    expect(punkt.statusCode).toBe(200)
    expect(punkt.body).toContain('Udlejer vil ikke udbedre fugtskaden')
    expect(punkt.body).toContain('Indstilling: lejer gives medhold')
    // The material is read-only: no contact details of the parties.
    expect(punkt.body).not.toContain('lise@test.invalid')
    expect(punkt.body).toContain(`${base}/punkter/${o.punkt}/dokumenter/${o.dok}`)
    expect(punkt.body).not.toContain(o.intern)
    expect((await o.medlem.agent.get(`${base}/punkter/${o.punkt}/dokumenter/${o.dok}`)).statusCode).toBe(200)
    expect((await o.medlem.agent.get(`${base}/punkter/${o.punkt}/dokumenter/${o.intern}`)).statusCode).toBe(404)
    expect((await o.medlem.agent.get(`${base}/dagsorden.pdf`)).statusCode).toBe(200)
    // A document of another case through this item's path: 404.
    expect((await o.medlem.agent.get(`${base}/punkter/${o.punkt}/dokumenter/${o.fremmed}`)).statusCode).toBe(404)
    // The case that is not on the agenda: no path reaches it, also not the staff pages.
    expect((await o.medlem.agent.get(`/sagsbehandling/sager/${o.sagUden}`)).statusCode).toBe(404)
    expect((await o.medlem.agent.get(`/sagsbehandling/moeder/${o.moedeId}`)).statusCode).toBe(404)
    expect((await o.medlem.agent.get(`${base}/punkter/00000000-0000-0000-0000-000000000000`)).statusCode).toBe(404)
    expect((await o.medlem.agent.get(`${base}/punkter/ikke-et-id`)).statusCode).toBe(404)

    // Board B's published meeting: 404 for A's member; B's member sees it.
    const b = await createNaevn(w.db)
    const sbB = await loggetInd(w, b.id, 'sagsbehandler')
    const medlemB = await loggetInd(w, b.id, 'naevnsmedlem')
    const moedeB = await opretMoede(sbB.agent, b.id)
    await w.db.updateTable('moeder').set({ offentliggjort: sql`now()` }).where('id', '=', moedeB).execute()
    expect((await o.medlem.agent.get(`/naevnsportal/moeder/${moedeB}`)).statusCode).toBe(404)
    expect((await medlemB.agent.get(`/naevnsportal/moeder/${moedeB}`)).statusCode).toBe(200)
    expect((await medlemB.agent.get(base)).statusCode).toBe(404)
    expect((await medlemB.agent.get(`${base}/punkter/${o.punkt}`)).statusCode).toBe(404)
    // Staff of B cannot open A's meeting either.
    expect((await sbB.agent.get(`/sagsbehandling/moeder/${o.moedeId}`)).statusCode).toBe(404)

    // 13 days after the meeting: still open; 15 days: closed.
    await w.db.updateTable('moeder').set({ starttid: sql`now() - interval '13 days'` }).where('id', '=', o.moedeId).execute()
    expect((await o.medlem.agent.get(`${base}/punkter/${o.punkt}`)).statusCode).toBe(200)
    await w.db.updateTable('moeder').set({ starttid: sql`now() - interval '15 days'` }).where('id', '=', o.moedeId).execute()
    for (const url of [base, `${base}/punkter/${o.punkt}`, `${base}/punkter/${o.punkt}/sagsmappe.pdf`, `${base}/dagsorden.pdf`, `${base}/punkter/${o.punkt}/dokumenter/${o.dok}`]) {
      expect((await o.medlem.agent.get(url)).statusCode, url).toBe(404)
    }
    expect((await o.medlem.agent.get('/naevnsportal')).body).not.toContain(o.moedeId)
  })

  it('when a published meeting is cancelled, then its members get 404', async () => {
    const o = await opsaetning()
    await o.sb.agent.post(`/sagsbehandling/moeder/${o.moedeId}/offentliggoer`)
    expect((await o.medlem.agent.get(`/naevnsportal/moeder/${o.moedeId}`)).statusCode).toBe(200)
    await o.sb.agent.post(`/sagsbehandling/moeder/${o.moedeId}/aflys`, { aflys_begrundelse: 'Formanden er syg.' })
    expect((await o.medlem.agent.get(`/naevnsportal/moeder/${o.moedeId}`)).statusCode).toBe(404)
  })

  it('when a member declares disqualification, then the case is hidden from them and the secretariat sees the declaration', async () => {
    const o = await opsaetning()
    const anden = await loggetInd(w, o.naevnId, 'naevnsmedlem')
    await o.sb.agent.post(`/sagsbehandling/moeder/${o.moedeId}/offentliggoer`)
    const url = `/naevnsportal/moeder/${o.moedeId}/punkter/${o.punkt}`
    await o.medlem.agent.get(url)
    expect((await o.medlem.agent.post(`${url}/inhabil`, { begrundelse: 'Jeg er i familie med udlejer.' })).statusCode).toBe(303)
    for (const u of [url, `${url}/sagsmappe.pdf`, `${url}/dokumenter/${o.dok}`]) expect((await o.medlem.agent.get(u)).statusCode, u).toBe(404)
    const dagsorden = await o.medlem.agent.get(`/naevnsportal/moeder/${o.moedeId}`)
    expect(dagsorden.body).not.toContain(o.punkt)
    expect(dagsorden.body).toContain('Du har erklæret dig inhabil i 1 sag')
    // The other member still sees it.
    expect((await anden.agent.get(url)).statusCode).toBe(200)
    const side = await o.sb.agent.get(`/sagsbehandling/moeder/${o.moedeId}`)
    expect(side.body).toContain(`${o.medlem.user.navn} har erklæret sig inhabil`)
    expect(side.body).toContain('Jeg er i familie med udlejer.')
    const journal = await w.db.selectFrom('journal').select('handling').where('sag_id', '=', o.sagPaa).where('aktoer_id', '=', o.medlem.user.id).execute()
    expect(journal.map((j) => j.handling)).toContain('inhabilitet_erklaeret')
  })

  it("when a member writes private notes, then only that member sees them, not another member nor the secretariat", async () => {
    const o = await opsaetning()
    const anden = await loggetInd(w, o.naevnId, 'naevnsmedlem')
    await o.sb.agent.post(`/sagsbehandling/moeder/${o.moedeId}/offentliggoer`)
    const url = `/naevnsportal/moeder/${o.moedeId}/punkter/${o.punkt}`
    await o.medlem.agent.get(url)
    const note = 'Min private note: spørg til fugtmålingen 4711'
    expect((await o.medlem.agent.post(`${url}/note`, { note })).statusCode).toBe(303)
    expect((await o.medlem.agent.get(url)).body).toContain(note)
    expect((await anden.agent.get(url)).body).not.toContain('fugtmålingen 4711')
    expect((await o.sb.agent.get(`/sagsbehandling/moeder/${o.moedeId}`)).body).not.toContain('fugtmålingen 4711')
    expect((await o.sb.agent.get(`/sagsbehandling/sager/${o.sagPaa}`)).body).not.toContain('fugtmålingen 4711')
    // Another member cannot write into the first one's note: their own is separate.
    await anden.agent.post(`${url}/note`, { note: 'Andens note' })
    expect((await o.medlem.agent.get(url)).body).toContain(note)
    // A member of another board cannot post a note to this item.
    const b = await createNaevn(w.db)
    const fremmed = await loggetInd(w, b.id, 'naevnsmedlem')
    await fremmed.agent.get('/naevnsportal')
    expect((await fremmed.agent.post(`${url}/note`, { note: 'ind ad bagdøren' })).statusCode).toBe(404)
    expect((await fremmed.agent.post(`${url}/inhabil`, {})).statusCode).toBe(404)
  })
})
