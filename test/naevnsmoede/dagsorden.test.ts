// The agenda from the secretariat's side: adding and removing move the case through the
// lifecycle (journaled), the order stays 1..n under concurrent moves, the outcome of each
// item moves the case on, and the agenda PDF lists every item.
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { formFields } from '../helpers/html.js'
import { pageTexts } from '../documents/pdfjs.js'
import { iDag, klarSag, naevnMedFolk, opretMoede, punktId, saetPaa, sagStatus } from './helpers.js'

describe('agenda of a board meeting', () => {
  const w = useWorld()

  it('when a case is put on the agenda and taken off again, then it moves to paa_dagsorden and back, journaled both ways', async () => {
    const { naevnId, sb, filer } = await naevnMedFolk(w)
    const sagId = await klarSag(w, filer.agent)
    const moedeId = await opretMoede(sb.agent, naevnId)
    const side = await sb.agent.get(`/sagsbehandling/moeder/${moedeId}`)
    expect(side.statusCode).toBe(200)
    expect(side.body).toContain(sagId)
    await saetPaa(sb.agent, moedeId, sagId)
    expect(await sagStatus(w, sagId)).toBe('paa_dagsorden')
    // The same case twice, or a case not ready, is refused.
    expect((await sb.agent.post(`/sagsbehandling/moeder/${moedeId}/punkter`, { sag: sagId })).statusCode).toBe(409)
    const punkt = await punktId(w, moedeId, sagId)
    const fjern = await sb.agent.post(`/sagsbehandling/moeder/${moedeId}/punkter/${punkt}/fjern`)
    expect(fjern.statusCode).toBe(303)
    expect(await sagStatus(w, sagId)).toBe('klar_til_moede')
    const journal = await w.db.selectFrom('journal').select(['til_status', 'begrundelse', 'aktoer_id']).where('sag_id', '=', sagId).where('handling', '=', 'status').orderBy('id').execute()
    expect(journal.slice(-2).map((j) => j.til_status)).toEqual(['paa_dagsorden', 'klar_til_moede'])
    expect(journal.at(-2)!.begrundelse).toMatch(/^Sat på dagsordenen til mødet/)
    expect(journal.at(-1)!.begrundelse).toMatch(/^Taget af dagsordenen/)
    expect(journal.at(-1)!.aktoer_id).toBe(sb.user.id)
  })

  it('when several moves of one agenda arrive at the same time, then the positions stay 1..n with every item once', async () => {
    const { naevnId, sb, filer } = await naevnMedFolk(w)
    const moedeId = await opretMoede(sb.agent, naevnId)
    const sager: string[] = []
    for (let i = 0; i < 5; i++) sager.push(await klarSag(w, filer.agent))
    for (const s of sager) await saetPaa(sb.agent, moedeId, s)
    const punkter = await Promise.all(sager.map((s) => punktId(w, moedeId, s)))
    // 20 moves at once, up and down, of every item, plus one removal.
    const flyt = Array.from({ length: 20 }, (_, i) => sb.agent.post(`/sagsbehandling/moeder/${moedeId}/punkter/${punkter[i % 5]}/flyt`, { retning: i % 3 === 0 ? 'ned' : 'op' }))
    const svar = await Promise.all([...flyt, sb.agent.post(`/sagsbehandling/moeder/${moedeId}/punkter/${punkter[2]}/fjern`)])
    expect(svar.map((r) => r.statusCode).every((s) => s === 303)).toBe(true)
    const rows = await w.db.selectFrom('dagsordenpunkter').select(['id', 'position']).where('moede_id', '=', moedeId).orderBy('position').execute()
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3, 4])
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(punkter.filter((_, i) => i !== 2)))
    expect(await sagStatus(w, sager[2]!)).toBe('klar_til_moede')
  })

  it('when moves run one after the other, then each moves its item one place', async () => {
    const { naevnId, sb, filer } = await naevnMedFolk(w)
    const moedeId = await opretMoede(sb.agent, naevnId)
    const a = await klarSag(w, filer.agent)
    const b = await klarSag(w, filer.agent)
    const c = await klarSag(w, filer.agent)
    for (const s of [a, b, c]) await saetPaa(sb.agent, moedeId, s)
    await sb.agent.post(`/sagsbehandling/moeder/${moedeId}/punkter/${await punktId(w, moedeId, c)}/flyt`, { retning: 'op' })
    await sb.agent.post(`/sagsbehandling/moeder/${moedeId}/punkter/${await punktId(w, moedeId, a)}/flyt`, { retning: 'ned' })
    // First item up, last item down: nothing happens.
    await sb.agent.post(`/sagsbehandling/moeder/${moedeId}/punkter/${await punktId(w, moedeId, c)}/flyt`, { retning: 'op' })
    const rows = await w.db.selectFrom('dagsordenpunkter').select(['sag_id']).where('moede_id', '=', moedeId).orderBy('position').execute()
    expect(rows.map((r) => r.sag_id)).toEqual([c, a, b])
  })

  it('when the board has dealt with the items, then decided stays on the agenda with a link to the decision, postponed and more information move back', async () => {
    const { naevnId, sb, filer } = await naevnMedFolk(w)
    const moedeId = await opretMoede(sb.agent, naevnId, { dato: iDag(-1) })
    const [afgjort, udsat, mere] = [await klarSag(w, filer.agent), await klarSag(w, filer.agent), await klarSag(w, filer.agent)]
    for (const s of [afgjort, udsat, mere]) await saetPaa(sb.agent, moedeId, s)
    const url = async (s: string) => `/sagsbehandling/moeder/${moedeId}/punkter/${await punktId(w, moedeId, s)}/udfald`
    // The outcome form on the page sends the fields the route reads (its ids carry the item's id).
    expect(formFields((await sb.agent.get(`/sagsbehandling/moeder/${moedeId}`)).body, await url(afgjort))).toEqual(['note', 'udfald'])
    // Postponing needs a note, and the form keeps what was chosen.
    const uden = await sb.agent.post(await url(udsat), { udfald: 'udsat', note: '' })
    expect(uden.statusCode).toBe(400)
    expect(uden.body).toContain('Skriv en note')
    expect((await sb.agent.post(await url(afgjort), { udfald: 'afgjort', note: '' })).statusCode).toBe(303)
    expect((await sb.agent.post(await url(udsat), { udfald: 'udsat', note: 'Udlejer var syg; sagen tages op igen.' })).statusCode).toBe(303)
    expect((await sb.agent.post(await url(mere), { udfald: 'mere_information', note: 'Nævnet ønsker varmeregnskabet for 2025.' })).statusCode).toBe(303)
    expect(await sagStatus(w, afgjort)).toBe('paa_dagsorden')
    expect(await sagStatus(w, udsat)).toBe('klar_til_moede')
    expect(await sagStatus(w, mere)).toBe('under_behandling')
    const note = await w.db.selectFrom('journal').select('begrundelse').where('sag_id', '=', mere).where('til_status', '=', 'under_behandling').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(note.begrundelse).toContain('Nævnet ønsker varmeregnskabet for 2025.')
    // An outcome is recorded once.
    expect((await sb.agent.post(await url(afgjort), { udfald: 'udsat', note: 'for sent' })).statusCode).toBe(409)
    const side = await sb.agent.get(`/sagsbehandling/moeder/${moedeId}`)
    expect(side.body).toContain(`/sagsbehandling/sager/${afgjort}/afgoerelse`)
    expect((await sb.agent.post(`/sagsbehandling/moeder/${moedeId}/afholdt`)).statusCode).toBe(303)
    expect((await w.db.selectFrom('moeder').select('status').where('id', '=', moedeId).executeTakeFirstOrThrow()).status).toBe('afholdt')
  })

  it('when the outcome is tried before the meeting has begun, then it is refused', async () => {
    const { naevnId, sb, filer } = await naevnMedFolk(w)
    const moedeId = await opretMoede(sb.agent, naevnId, { dato: iDag(3) })
    const sagId = await klarSag(w, filer.agent)
    await saetPaa(sb.agent, moedeId, sagId)
    const res = await sb.agent.post(`/sagsbehandling/moeder/${moedeId}/punkter/${await punktId(w, moedeId, sagId)}/udfald`, { udfald: 'afgjort' })
    expect(res.statusCode).toBe(409)
    expect(await sagStatus(w, sagId)).toBe('paa_dagsorden')
  })

  it('when the agenda PDF is made, then its text lists every item with number, sagsnummer, address, areas, parties and recommendation', async () => {
    const { naevnId, sb, filer } = await naevnMedFolk(w)
    const moedeId = await opretMoede(sb.agent, naevnId, { dato: '2027-03-09', tid: '13:30', sted: 'Rådhuset, værelse 12' })
    const sager = [await klarSag(w, filer.agent, 'Indstilling A: medhold til lejer.'), await klarSag(w, filer.agent, 'Indstilling B: afvisning.')]
    for (const s of sager) await saetPaa(sb.agent, moedeId, s)
    const res = await sb.agent.get(`/sagsbehandling/moeder/${moedeId}/dagsorden.pdf`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    const tekst = (await pageTexts(res.rawPayload)).join(' ').replace(/\s+/g, ' ')
    expect(tekst).toContain('tirsdag den 9. marts 2027')
    expect(tekst).toContain('13.30')
    expect(tekst).toContain('Rådhuset, værelse 12')
    const numre = await w.db.selectFrom('sager').select(['id', 'sagsnummer']).where('id', 'in', sager).execute()
    for (const [i, s] of sager.entries()) {
      expect(tekst).toContain(`Punkt ${i + 1}. Sag ${numre.find((n) => n.id === s)!.sagsnummer}`)
    }
    expect(tekst).toContain('Nørregade 12')
    expect(tekst).toContain('Vedligeholdelse')
    expect(tekst).toContain('Ejendomsselskabet ApS')
    expect(tekst).toContain('Indstilling A: medhold til lejer.')
    expect(tekst).toContain('Indstilling B: afvisning.')
  })

  it('when a meeting is cancelled, then its cases are ready for another meeting again', async () => {
    const { naevnId, sb, filer } = await naevnMedFolk(w)
    const moedeId = await opretMoede(sb.agent, naevnId)
    const sagId = await klarSag(w, filer.agent)
    await saetPaa(sb.agent, moedeId, sagId)
    expect((await sb.agent.post(`/sagsbehandling/moeder/${moedeId}/aflys`, { aflys_begrundelse: '' })).statusCode).toBe(400)
    expect((await sb.agent.post(`/sagsbehandling/moeder/${moedeId}/aflys`, { aflys_begrundelse: 'Formanden er syg.' })).statusCode).toBe(303)
    expect(await sagStatus(w, sagId)).toBe('klar_til_moede')
    const andet = await opretMoede(sb.agent, naevnId)
    await saetPaa(sb.agent, andet, sagId)
    expect(await sagStatus(w, sagId)).toBe('paa_dagsorden')
  })
})
