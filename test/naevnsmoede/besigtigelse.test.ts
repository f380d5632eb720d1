// An inspection (besigtigelse): the notice letter goes to each party as one sending
// (Digital Post or print, routed by the notification module) with an e-mail notice to
// each party with an address; its result pre-fills the decision's "besigtigelse".
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { useWorkers } from '../helpers/workers.js'
import { formFields } from '../helpers/html.js'
import { waitFor } from '../helpers/wait.js'
import { pageTexts } from '../documents/pdfjs.js'
import { iDag, klarSag, naevnMedFolk, opretMoede, punktId, saetPaa } from './helpers.js'

describe('inspection of the tenancy', () => {
  const w = useWorld()
  useWorkers(w)

  it('when the secretariat plans an inspection, then each party gets one sending of the notice and an e-mail, and the result feeds the decision form', async () => {
    const { naevnId, sb, filer } = await naevnMedFolk(w)
    const sagId = await klarSag(w, filer.agent)
    await w.db.updateTable('parter').set({ email: 'modpart@test.invalid' }).where('sag_id', '=', sagId).where('rolle', '=', 'modpart').execute()
    const parter = await w.db.selectFrom('parter').select(['id', 'rolle']).where('sag_id', '=', sagId).execute()
    const moedeId = await opretMoede(sb.agent, naevnId, { dato: iDag(7) })
    await saetPaa(sb.agent, moedeId, sagId)
    const punkt = await punktId(w, moedeId, sagId)
    const side = await sb.agent.get(`/sagsbehandling/moeder/${moedeId}`)
    // The tenancy's address is the default place.
    expect(side.body).toContain('value="Nørregade 12, 2. th., 1165 København K"')
    // The form on the page sends the fields the route reads (its ids carry the item's id).
    expect(formFields(side.body, `/sagsbehandling/moeder/${moedeId}/punkter/${punkt}/besigtigelser`)).toEqual(['adresse', 'dato', 'tid'])

    const efter = await sb.agent.post(`/sagsbehandling/moeder/${moedeId}/punkter/${punkt}/besigtigelser`, { dato: iDag(8), tid: '10:00', adresse: 'Nørregade 12, 2. th., 1165 København K' })
    expect(efter.statusCode).toBe(400)
    expect(efter.body).toContain('før eller på mødedagen')
    expect(efter.body).toContain(`value="${iDag(8)}"`)

    const ok = await sb.agent.post(`/sagsbehandling/moeder/${moedeId}/punkter/${punkt}/besigtigelser`, { dato: iDag(6), tid: '10:30', adresse: 'Nørregade 12, 2. th., 1165 København K' })
    expect(ok.statusCode, ok.body.slice(0, 2000)).toBe(303)
    const b = await waitFor('the notice letter', () => w.db.selectFrom('besigtigelser').select(['id', 'brev_dokument_id']).where('sag_id', '=', sagId).where('brev_dokument_id', 'is not', null).executeTakeFirst(), 30_000)
    const udsendelser = await waitFor('the sendings routed', async () => {
      const rows = await w.db.selectFrom('udsendelser').select(['part_id', 'kanal', 'status']).where('dokument_id', '=', b.brev_dokument_id!).execute()
      return rows.length === 2 && rows.every((r) => r.kanal !== null) ? rows : undefined
    }, 30_000)
    expect(udsendelser.map((u) => u.part_id).sort()).toEqual(parter.filter((x) => x.rolle !== 'repraesentant').map((x) => x.id).sort())
    // The filer has a CPR number: Digital Post; the landlord has none: the print queue.
    expect(udsendelser.map((u) => u.kanal).sort()).toEqual(['brev', 'digital_post'])
    const mails = await waitFor('two e-mail notices', async () => {
      const rows = await w.db.selectFrom('sendte_mails').select(['modtager', 'emne', 'skabelon']).where('skabelon', '=', 'partsnotifikation:besigtigelse').execute()
      return rows.length === 2 ? rows : undefined
    }, 30_000)
    expect(mails.map((m) => m.modtager).sort()).toEqual([filer.user.email, 'modpart@test.invalid'].sort())
    expect(mails[0]!.emne).toBe('Nævnet kommer på besigtigelse')
    // The letter says when and where.
    const brev = await w.db.selectFrom('dokumenter').innerJoin('document_blobs', 'document_blobs.sha256', 'dokumenter.sha256').select(['document_blobs.indhold', 'dokumenter.kategori']).where('dokumenter.id', '=', b.brev_dokument_id!).executeTakeFirstOrThrow()
    const tekst = (await pageTexts(brev.indhold)).join(' ').replace(/\s+/g, ' ')
    expect(tekst).toContain('Besigtigelse af lejemålet')
    expect(tekst).toContain('kl. 10.30')
    expect(tekst).toContain('Nørregade 12, 2. th., 1165 København K')

    // Before its time, no result; after it, "afholdt" — and the decision form starts from it.
    expect((await sb.agent.post(`/sagsbehandling/moeder/${moedeId}/besigtigelser/${b.id}`, { resultat: 'afholdt' })).statusCode).toBe(409)
    await w.db.updateTable('besigtigelser').set({ tidspunkt: sql`now() - interval '1 hour'` }).where('id', '=', b.id).execute()
    expect((await sb.agent.post(`/sagsbehandling/moeder/${moedeId}/besigtigelser/${b.id}`, { resultat: 'afholdt', resultat_note: 'Fugt målt i soveværelset.' })).statusCode).toBe(303)
    const form = await sb.agent.get(`/sagsbehandling/sager/${sagId}/afgoerelse`)
    expect(form.statusCode).toBe(200)
    expect(form.body).toMatch(/id="besigtigelse-HELD" name="besigtigelse" value="HELD" checked/)
  }, 90_000)

  it('when an inspection is not held, then the decision form starts from "ikke afholdt", and a registered value wins', async () => {
    const { naevnId, sb, filer } = await naevnMedFolk(w)
    const sagId = await klarSag(w, filer.agent)
    const moedeId = await opretMoede(sb.agent, naevnId, { dato: iDag(7) })
    await saetPaa(sb.agent, moedeId, sagId)
    const punkt = await punktId(w, moedeId, sagId)
    await sb.agent.post(`/sagsbehandling/moeder/${moedeId}/punkter/${punkt}/besigtigelser`, { dato: iDag(7), tid: '09:00', adresse: 'Nørregade 12' })
    const b = await w.db.selectFrom('besigtigelser').select('id').where('sag_id', '=', sagId).executeTakeFirstOrThrow()
    await w.db.updateTable('besigtigelser').set({ tidspunkt: sql`now() - interval '1 hour'` }).where('id', '=', b.id).execute()
    await sb.agent.post(`/sagsbehandling/moeder/${moedeId}/besigtigelser/${b.id}`, { resultat: 'ikke_afholdt' })
    expect((await sb.agent.get(`/sagsbehandling/sager/${sagId}/afgoerelse`)).body).toMatch(/value="NOT_HELD" checked/)
    await w.db.updateTable('afgoerelser').set({ besigtigelse: 'HELD' }).where('sag_id', '=', sagId).execute()
    expect((await sb.agent.get(`/sagsbehandling/sager/${sagId}/afgoerelse`)).body).toMatch(/value="HELD" checked/)
  })
})
