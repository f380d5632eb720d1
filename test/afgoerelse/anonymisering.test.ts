// Anonymization of a final decision, end to end: finalising queues the job through the
// outbox, the worker anonymizes with what the case knows, the caseworker reviews (remove,
// re-word, add, approve) and every step is journaled. Only staff of the case's board see
// the review; a bad job payload lands in the failed list; a board may approve
// automatically above a confidence threshold.
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { endeligSag, sagsbehandling } from '../helpers/afgoerelse.js'
import { waitFor } from '../helpers/wait.js'
import { useWorkers } from '../helpers/workers.js'
import type { Span } from '../../server/modules/anonymisering/typer.js'

const afgoerelse = {
  afgoerelsesdato: '2026-11-20',
  afslutningsaarsag: 'IN_FAVOUR',
  medhold: 'TENANT',
  gebyrpaalaeggelse: 'ja',
  besigtigelse: 'HELD',
  offentlig_interesse: 'nej',
  sagsomraader: 'vedligeholdelse',
  lovgrundlag: 'lejeloven:§106',
  afgoerelse_tekst: 'Huslejenævnet i København pålægger udlejer at udbedre fugtskaden hos Lise Lejer inden 3 måneder.',
  sagsfremstilling:
    'Lise Lejer (cpr-nr. 010190-1234) bor i lejligheden Nørregade 12, 2. th., 1165 København K. Viceværten Poul Madsen har set skimmel i soveværelset. Lejer kan kontaktes på lise@test.invalid. Ejendommen kaldes Bagergården, og Bagergården har 40 lejemål.',
  begrundelse: 'Efter lejelovens § 106, stk. 1, skal udlejer vedligeholde det lejede. Huslejen er 7.500 kr. om måneden for 72 m².',
}

describe('anonymization of decisions', () => {
  const w = useWorld()
  const workers = useWorkers(w)

  async function afgjortSag() {
    const s = await sagsbehandling(w)
    return { sagId: await endeligSag(w, s, afgoerelse), ...s }
  }

  const anonymisering = (sagId: string) =>
    w.db
      .selectFrom('anonymiseringer')
      .innerJoin('afgoerelser', 'afgoerelser.id', 'anonymiseringer.afgoerelse_id')
      .select(['anonymiseringer.status', 'anonymiseringer.spans', 'anonymiseringer.anonymiseret_tekst', 'anonymiseringer.original_tekst', 'anonymiseringer.revision', 'anonymiseringer.automatisk_godkendt', 'afgoerelser.publicering'])
      .where('afgoerelser.sag_id', '=', sagId)
      .executeTakeFirst()

  it('when a decision is made final, then it is anonymized for review with the parties, their numbers and unknown persons masked and the law, amounts and areas kept', async () => {
    const { sagId, sb, fa } = await afgjortSag()
    const a = await waitFor('the anonymization', () => anonymisering(sagId))
    expect(a.status).toBe('til_gennemsyn')
    expect(a.publicering).toBe('til_gennemsyn')
    for (const hemmeligt of ['Lise Lejer', '010190-1234', 'lise@test.invalid', 'Nørregade 12', 'Poul Madsen']) expect(a.anonymiseret_tekst).not.toContain(hemmeligt)
    for (const bevar of ['Huslejenævnet i København', '§ 106, stk. 1', '7.500 kr.', '72 m²', 'SAGSFREMSTILLING']) expect(a.anonymiseret_tekst).toContain(bevar)
    const journal = await w.db.selectFrom('journal').select(['handling', 'synlig_for_parter']).where('sag_id', '=', sagId).where('handling', 'like', 'anonymisering%').execute()
    expect(journal).toEqual([{ handling: 'anonymisering_klar', synlig_for_parter: false }])

    const side = await sb.get(`/sagsbehandling/sager/${sagId}/anonymisering`)
    expect(side.statusCode).toBe(200)
    expect(side.body).toContain('Til gennemsyn')
    expect(side.body).toMatch(/<mark class="anon anon-(hoej|middel|lav)" data-start="\d+"/)

    // A party, staff of another board and an anonymous visitor: no such page.
    expect((await fa.get(`/sagsbehandling/sager/${sagId}/anonymisering`)).statusCode).toBe(404)
    const andet = await naevnFor(w.db, 851)
    const fremmed = await createUser(w.db, { medlemskaber: [{ naevnId: andet.id, rolle: 'sagsbehandler' }] })
    const fa2 = new Agent(w.app)
    await fa2.login(fremmed.email, fremmed.password)
    expect((await fa2.get(`/sagsbehandling/sager/${sagId}/anonymisering`)).statusCode).toBe(404)
    await fa2.get('/sagsbehandling')
    expect((await fa2.post(`/sagsbehandling/sager/${sagId}/anonymisering/godkend`, { revision: String(a.revision) })).statusCode).toBe(404)
    expect((await new Agent(w.app).get(`/sagsbehandling/sager/${sagId}/anonymisering`)).statusCode).toBe(302)
  })

  it('when the caseworker removes, re-words and adds spans and approves, then the text follows each step, a stale form is refused and the approval is journaled', async () => {
    const { sagId, sb } = await afgjortSag()
    const a = await waitFor('the anonymization', () => anonymisering(sagId))
    const spans = a.spans as unknown as Span[]
    const viceværtIdx = spans.findIndex((s) => a.original_tekst.slice(s.start, s.end).includes('Poul Madsen'))
    const cprIdx = spans.findIndex((s) => s.type === 'cpr')
    expect(viceværtIdx).toBeGreaterThanOrEqual(0)
    expect(cprIdx).toBeGreaterThanOrEqual(0)
    await sb.get(`/sagsbehandling/sager/${sagId}/anonymisering`)

    // Re-word the CPR span, remove the caretaker's.
    const ret = await sb.post(`/sagsbehandling/sager/${sagId}/anonymisering/markeringer`, { revision: String(a.revision), fjern: [String(viceværtIdx)], [`erstatning_${cprIdx}`]: '[personnummer]' })
    expect(ret.statusCode).toBe(303)
    const b = (await anonymisering(sagId))!
    expect(b.revision).toBe(a.revision + 1)
    expect(b.anonymiseret_tekst).toContain('Poul Madsen')
    expect(b.anonymiseret_tekst).toContain('[personnummer]')

    // The first form again: it is stale, and says so instead of overwriting.
    const gammel = await sb.post(`/sagsbehandling/sager/${sagId}/anonymisering/markeringer`, { revision: String(a.revision), fjern: [String(cprIdx)] })
    expect(gammel.statusCode).toBe(409)
    expect(gammel.body).toContain('En anden har ændret anonymiseringen')
    expect((await anonymisering(sagId))!.revision).toBe(b.revision)

    // An empty replacement is refused, and what was typed elsewhere is kept.
    const tom = await sb.post(`/sagsbehandling/sager/${sagId}/anonymisering/markeringer`, { revision: String(b.revision), [`erstatning_${cprIdx}`]: '  ' })
    expect(tom.statusCode).toBe(400)
    expect(tom.body).toContain('Skriv, hvad teksten skal erstattes af.')

    // Text that is not in the decision: a Danish message, the typed text kept.
    const mangler = await sb.post(`/sagsbehandling/sager/${sagId}/anonymisering/tilfoej`, { revision: String(b.revision), tekst: 'Søren Skorstensfejer', type: 'person', erstatning: '' })
    expect(mangler.statusCode).toBe(400)
    expect(mangler.body).toContain('Teksten findes ikke i afgørelsen')
    expect(mangler.body).toContain('value="Søren Skorstensfejer"')

    // Typed without a selection: every occurrence. With a selection: only that place.
    expect((await sb.post(`/sagsbehandling/sager/${sagId}/anonymisering/tilfoej`, { revision: String(b.revision), tekst: 'Bagergården', type: 'adresse', erstatning: '[ejendommen]' })).statusCode).toBe(303)
    const c = (await anonymisering(sagId))!
    expect(c.anonymiseret_tekst).not.toContain('Bagergården')
    expect(c.anonymiseret_tekst.match(/\[ejendommen\]/g)).toHaveLength(2)
    const start = c.original_tekst.indexOf('Poul Madsen')
    expect((await sb.post(`/sagsbehandling/sager/${sagId}/anonymisering/tilfoej`, { revision: String(c.revision), tekst: 'Poul', type: 'person', erstatning: 'C', start: String(start), end: String(start + 4) })).statusCode).toBe(303)
    const d = (await anonymisering(sagId))!
    expect(d.anonymiseret_tekst).toContain('Viceværten C Madsen')

    expect((await sb.post(`/sagsbehandling/sager/${sagId}/anonymisering/godkend`, { revision: String(d.revision) })).statusCode).toBe(303)
    const e = (await anonymisering(sagId))!
    expect(e.status).toBe('godkendt')
    expect(e.publicering).toBe('godkendt')
    // Approved means locked.
    expect((await sb.post(`/sagsbehandling/sager/${sagId}/anonymisering/tilfoej`, { revision: String(d.revision), tekst: 'Madsen', type: 'person', erstatning: '' })).statusCode).toBe(409)
    const journal = await w.db.selectFrom('journal').select('handling').where('sag_id', '=', sagId).where('handling', 'like', 'anonymisering%').orderBy('tidspunkt').execute()
    expect(journal.map((j) => j.handling)).toEqual(['anonymisering_klar', 'anonymisering_rettet', 'anonymisering_rettet', 'anonymisering_rettet', 'anonymisering_godkendt'])
  })

  it('when the board allows automatic approval and every span is above its threshold, then no review is needed', async () => {
    const naevn = await naevnFor(w.db, 101)
    await w.db.updateTable('naevn').set({ auto_godkend_taerskel: 0.01 }).where('id', '=', naevn.id).execute()
    try {
      const { sagId } = await afgjortSag()
      const a = await waitFor('the anonymization', () => anonymisering(sagId))
      expect(a).toMatchObject({ status: 'godkendt', automatisk_godkendt: true, publicering: 'godkendt' })
    } finally {
      await w.db.updateTable('naevn').set({ auto_godkend_taerskel: null }).where('id', '=', naevn.id).execute()
    }
  })

  it('when the job gets a payload it cannot use, then it fails at once and stays in the failed list', async () => {
    const { id } = await w.db.insertInto('outbox').values({ job_name: 'anonymiser-afgoerelse', payload: JSON.stringify({ afgoerelseId: 'ikke-en-uuid', nr: 1 }) }).returning('id').executeTakeFirstOrThrow()
    const fejlet = await waitFor('the failed job', async () => (await w.app.koeer.fejlede()).find((j) => j.id === `outbox-${id}`))
    expect(fejlet).toMatchObject({ koe: 'anonymisering', navn: 'anonymiser-afgoerelse', forsoeg: 1 })
    expect(fejlet.fejl).toContain('ugyldige data')
    // A version that does not exist: also at once, not after six attempts.
    const { id: id2 } = await w.db.insertInto('outbox').values({ job_name: 'anonymiser-afgoerelse', payload: JSON.stringify({ afgoerelseId: '00000000-0000-4000-8000-000000000000', nr: 1 }) }).returning('id').executeTakeFirstOrThrow()
    const fejlet2 = await waitFor('the failed job', async () => (await w.app.koeer.fejlede()).find((j) => j.id === `outbox-${id2}`))
    expect(fejlet2.forsoeg).toBe(1)
    expect(workers.runtime).toBeDefined()
  })
})

describe('a board’s anonymization policy', () => {
  const w = useWorld()
  useWorkers(w)

  it('when the head of the secretariat chooses letters and a threshold, then others cannot see the page, a bad pattern is refused with the input kept, and the next anonymization follows the policy', async () => {
    const naevn = await naevnFor(w.db, 101)
    const leder = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sekretariatsleder' }] })
    const sbUser = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    const andet = await naevnFor(w.db, 851)
    const fremmedLeder = await createUser(w.db, { medlemskaber: [{ naevnId: andet.id, rolle: 'sekretariatsleder' }] })
    const la = new Agent(w.app)
    await la.login(leder.email, leder.password)
    const sti = `/naevn/${naevn.id}/anonymisering`
    expect((await la.get(`/naevn/${naevn.id}`)).body).toContain(sti)
    expect((await la.get(sti)).statusCode).toBe(200)
    for (const u of [sbUser, fremmedLeder]) {
      const a = new Agent(w.app)
      await a.login(u.email, u.password)
      expect((await a.get(sti)).statusCode).toBe(404)
      await a.get('/sagsbehandling')
      expect((await a.post(sti, { erstatning: 'bogstaver' })).statusCode).toBe(404)
    }

    const forkert = await la.post(sti, { erstatning: 'bogstaver', bevarPostnummerOgBy: 'ja', andreSagsnumre: 'SKAT-(\\d{6}', taerskel: '120' })
    expect(forkert.statusCode).toBe(400)
    expect(forkert.body).toContain('er ikke et gyldigt mønster')
    expect(forkert.body).toContain('Skriv en procent mellem 50 og 100')
    expect(forkert.body).toContain('SKAT-(\\d{6}')
    expect((await la.post(sti, { erstatning: 'bogstaver', bevarPostnummerOgBy: 'ja', andreSagsnumre: 'SKAT-\\d{6}', taerskel: '' })).statusCode).toBe(303)
    const gemt = await w.db.selectFrom('naevn').select(['anonymisering_politik', 'auto_godkend_taerskel']).where('id', '=', naevn.id).executeTakeFirstOrThrow()
    expect(gemt).toEqual({ anonymisering_politik: { erstatning: 'bogstaver', bevarPostnummerOgBy: true, bevarVirksomhedsnavne: false, andreSagsnumre: ['SKAT-\\d{6}'] }, auto_godkend_taerskel: null })
    const log = await w.db.selectFrom('revisionslog').select('handling').where('objekt_id', '=', naevn.id).where('handling', '=', 'anonymiseringspolitik_opdateret').execute()
    expect(log).toHaveLength(1)

    // The next decision: the tenant becomes A, the other authority's number is masked.
    const sb = new Agent(w.app)
    await sb.login(sbUser.email, sbUser.password)
    const filer = await createUser(w.db)
    const fa = new Agent(w.app)
    await fa.login(filer.email, filer.password)
    const sagId = await endeligSag(w, { sb, fa }, { ...afgoerelse, begrundelse: `${afgoerelse.begrundelse} Skattestyrelsen har sagen under SKAT-123456.` })
    const a = await waitFor('the anonymization', () =>
      w.db.selectFrom('anonymiseringer').innerJoin('afgoerelser', 'afgoerelser.id', 'anonymiseringer.afgoerelse_id').select('anonymiseret_tekst').where('afgoerelser.sag_id', '=', sagId).executeTakeFirst(),
    )
    expect(a.anonymiseret_tekst).toMatch(/\bA\b/)
    expect(a.anonymiseret_tekst).not.toContain('Lise Lejer')
    expect(a.anonymiseret_tekst).not.toContain('SKAT-123456')
    expect(a.anonymiseret_tekst).toContain('1165 København K')
  })
})
