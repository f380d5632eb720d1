// Publication, end to end: approving the anonymization queues publicer-afgoerelse; the
// worker writes the public copy (anonymized text, PDF, the national API's metadata) and
// the decided rent; publishing again replaces in place; a correction republishes under
// the same id; a withdrawal needs a reason and is journaled; a withheld decision is
// never published; staff of another board cannot touch any of it.
import { sql } from 'kysely'
import { describe, expect, it, onTestFinished } from 'vitest'
import { pdfText } from '../documents/pdfjs.js'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { afgoerelseFelter, endeligSag, godkend, publiceretSag, sagsbehandling } from '../helpers/afgoerelse.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { waitFor } from '../helpers/wait.js'
import { useWorkers } from '../helpers/workers.js'
import { publicerAfgoerelse } from '../../server/modules/register/publicering.service.js'
import { createDatabase } from '../../server/platform/db/database.js'


describe('publication to the registers', () => {
  const w = useWorld()
  useWorkers(w)
  const ctx = () => ({ db: w.db, referenceDataDir: w.config.referenceDataDir, publicUrl: w.config.publicUrl })



  const kopi = (sagId: string) =>
    w.db
      .selectFrom('register_afgoerelser')
      .innerJoin('afgoerelser', 'afgoerelser.id', 'register_afgoerelser.afgoerelse_id')
      .selectAll('register_afgoerelser')
      .where('afgoerelser.sag_id', '=', sagId)
      .executeTakeFirst()


  it('when the anonymization is approved, then the public copy carries the anonymized text, a PDF and the metadata, the rent is registered, and publishing again replaces it in place', async () => {
    const s = await sagsbehandling(w)
    const { sb } = s
    const sagId = await endeligSag(w, s)
    // Nothing reaches the register before approval.
    await new Promise((r) => setTimeout(r, 500))
    expect(await kopi(sagId)).toBeUndefined()
    await godkend(w, sb, sagId)
    const r = await waitFor('the public copy', () => kopi(sagId))
    expect(r).toMatchObject({
      naevn_type: 'RENT_BOARD',
      kommunekode: 101,
      kommunenavn: 'København',
      date_of_decision: '2026-11-20',
      reason_for_closing: 'IN_PARTIAL_FAVOUR',
      in_favour: 'TENANT',
      submitter: 'TENANT',
      subjects: ['vedligeholdelse'],
      statute_keys: ['lejeloven:§106'],
      locally_inspected: 'HELD',
      general_public_interest: 'NO',
      imposition_of_fee: 'YES',
      status: 'publiceret',
      version: 1,
    })
    expect(r.statutories).toEqual([expect.objectContaining({ lawId: 'lejeloven', sectionId: '106' })])
    // The national API's serialNumber is the case's sagsnummer; a decision, not a dismissal.
    const { sagsnummer } = await w.db.selectFrom('sager').select('sagsnummer').where('id', '=', sagId).executeTakeFirstOrThrow()
    expect(sagsnummer).toMatch(/^101-\d+$/)
    expect(r).toMatchObject({ serial_number: sagsnummer, date_of_ruling: '2026-11-20', date_of_dismissal: null, decision_document_id: expect.stringMatching(/^[0-9a-f-]{36}$/) })
    for (const hemmeligt of ['Lise Lejer', '010190-1234', 'Nørregade 12']) expect(r.tekst).not.toContain(hemmeligt)
    expect(r.tekst).toContain('7.500 kr.')
    const pdf = await pdfText(r.pdf!)
    expect(pdf).toContain('Afgørelse (anonymiseret)')
    expect(pdf).toContain(`/afgoerelser/${r.id}`)
    expect(pdf).not.toContain('Lise Lejer')

    const leje = await w.db.selectFrom('register_huslejer').selectAll().where('register_afgoerelse_id', '=', r.id).execute()
    expect(leje).toHaveLength(1)
    // The default policy shows street and number, not floor and door.
    expect(leje[0]).toMatchObject({ vejnavn: 'Nørregade', husnummer: '12', etage: null, doer: null, postnr: '1165', method: 'BASED_ON_COMPARABLE_RENTS', category: 'MONTHLY_RENT', amount: '7500.00', gross_area: '72.00', kr_per_m2_aar: '1250.00', date_of_determination: '2026-10-01' })

    const afg = await w.db.selectFrom('afgoerelser').select(['id', 'publicering']).where('sag_id', '=', sagId).executeTakeFirstOrThrow()
    expect(afg.publicering).toBe('publiceret')
    expect(await publicerAfgoerelse(ctx(), afg.id)).toBe('opdateret')
    const alle = await w.db.selectFrom('register_afgoerelser').select('id').where('afgoerelse_id', '=', afg.id).execute()
    expect(alle).toEqual([{ id: r.id }])
    expect(await w.db.selectFrom('register_huslejer').select('id').where('register_afgoerelse_id', '=', r.id).execute()).toHaveLength(1)
  })

  it('when the approved text changes while a publication waits for the decision, then it writes nothing (its PDF was rendered before the lock, from the old text) and the copy stays as it was', async () => {
    const { sagId, id } = await publiceretSag(w, await sagsbehandling(w))
    const afg = await w.db.selectFrom('afgoerelser').select('id').where('sag_id', '=', sagId).executeTakeFirstOrThrow()
    const foer = await kopi(sagId)
    let udfald: Promise<string> | undefined
    // The publication's own connections, as the worker has: the test pool is busy.
    const db = createDatabase(w.databaseUrl, 2)
    onTestFinished(() => db.destroy())
    await w.db.transaction().execute(async (trx) => {
      // A caseworker's correction of the approved text, not yet committed, holds the row.
      await trx.selectFrom('afgoerelser').select('id').where('id', '=', afg.id).forUpdate().execute()
      udfald = publicerAfgoerelse({ ...ctx(), db }, afg.id)
      await waitFor('the publication waits for the row lock, its PDF already rendered', async () => {
        // Asked on the locking transaction's own connection (the test pool has two); a
        // transaction sees one snapshot of pg_stat_activity unless it is cleared.
        await sql`SELECT pg_stat_clear_snapshot()`.execute(trx)
        const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`.execute(trx)
        return (r.rows[0]?.n ?? 0) > 0
      }, 20_000)
      await trx.updateTable('anonymiseringer').set({ anonymiseret_tekst: 'Rettet tekst efter gennemsyn.' }).where('afgoerelse_id', '=', afg.id).execute()
    })
    expect(await udfald!).toBe('forældet')
    const efter = await kopi(sagId)
    expect(efter!.id).toBe(id)
    expect(efter!.tekst).toBe(foer!.tekst)
    expect(efter!.opdateret).toEqual(foer!.opdateret)
  })

  it('when a published decision is corrected, withdrawn and resumed, then it keeps its public id, the withdrawal needs a reason and is journaled, and only staff of the board can do it', async () => {
    const s = await sagsbehandling(w)
    const { sb, fa } = s
    const sagId = await endeligSag(w, s)
    await godkend(w, sb, sagId)
    const foer = await waitFor('the public copy', () => kopi(sagId))

    // A correction: a new version, anonymized and approved again, replaces the copy.
    expect((await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse/ret`)).statusCode).toBe(303)
    await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse`, { ...afgoerelseFelter, afgoerelse_tekst: 'Nævnet giver lejer delvist medhold. Huslejen nedsættes til 7.400 kr. om måneden.', husleje: '7.400' })
    expect((await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse/endelig`, { aarsag: 'Regnefejl i huslejen rettet' })).statusCode).toBe(303)
    await godkend(w, sb, sagId, 2)
    const efter = await waitFor('the republished copy', async () => {
      const k = await kopi(sagId)
      return k?.version === 2 ? k : undefined
    })
    expect(efter.id).toBe(foer.id)
    expect(efter.tekst).toContain('7.400 kr.')

    // Staff of another board: not found.
    const andet = await naevnFor(w.db, 851)
    const fremmed = await createUser(w.db, { medlemskaber: [{ naevnId: andet.id, rolle: 'sagsbehandler' }] })
    const fx = new Agent(w.app)
    await fx.login(fremmed.email, fremmed.password)
    await fx.get('/sagsbehandling')
    expect((await fx.post(`/sagsbehandling/sager/${sagId}/anonymisering/fravaelg`, { handling: 'tilbagetraek', begrundelse: 'Ingen grund overhovedet' })).statusCode).toBe(404)

    const kort = await sb.post(`/sagsbehandling/sager/${sagId}/anonymisering/fravaelg`, { handling: 'tilbagetraek', begrundelse: 'Fejl' })
    expect(kort.statusCode).toBe(400)
    expect(kort.body).toContain('Skriv, hvorfor afgørelsen ikke offentliggøres.')
    expect(kort.body).toContain('>Fejl</textarea>')
    expect((await sb.post(`/sagsbehandling/sager/${sagId}/anonymisering/fravaelg`, { handling: 'tilbagetraek', begrundelse: 'Parten kan genkendes af naboerne trods anonymiseringen.' })).statusCode).toBe(303)
    const trukket = (await kopi(sagId))!
    expect(trukket).toMatchObject({ id: foer.id, status: 'trukket_tilbage', status_begrundelse: 'Parten kan genkendes af naboerne trods anonymiseringen.' })
    expect(await w.db.selectFrom('register_huslejer').select('status').where('register_afgoerelse_id', '=', foer.id).execute()).toEqual([{ status: 'trukket_tilbage' }])
    const afg = await w.db.selectFrom('afgoerelser').select('id').where('sag_id', '=', sagId).executeTakeFirstOrThrow()
    // The worker does not republish a withdrawn decision on its own.
    expect(await publicerAfgoerelse(ctx(), afg.id)).toBe('trukket tilbage')
    expect((await fa.get(`/sager/${sagId}`)).body).toContain('Afgørelsen er trukket tilbage fra afgørelsesregistret')

    expect((await sb.post(`/sagsbehandling/sager/${sagId}/anonymisering/genoptag`)).statusCode).toBe(303)
    await waitFor('the copy published again', async () => (await kopi(sagId))?.status === 'publiceret')
    const journal = await w.db.selectFrom('journal').select('handling').where('sag_id', '=', sagId).where('handling', 'in', ['afgoerelse_publiceret', 'afgoerelse_genpubliceret', 'publicering_trukket_tilbage', 'publicering_genoptaget']).orderBy('tidspunkt').execute()
    expect(journal.map((j) => j.handling)).toEqual(['afgoerelse_publiceret', 'afgoerelse_genpubliceret', 'publicering_trukket_tilbage', 'publicering_genoptaget', 'afgoerelse_genpubliceret'])
  })

  it('when publication is withheld with a reason before approval, then approving never publishes it', async () => {
    const s = await sagsbehandling(w)
    const { sb } = s
    const sagId = await endeligSag(w, s)
    await waitFor('the anonymization', () => w.db.selectFrom('anonymiseringer').innerJoin('afgoerelser', 'afgoerelser.id', 'anonymiseringer.afgoerelse_id').select('anonymiseringer.id').where('afgoerelser.sag_id', '=', sagId).executeTakeFirst())
    expect((await sb.post(`/sagsbehandling/sager/${sagId}/anonymisering/fravaelg`, { handling: 'fravaelg', begrundelse: 'Sagen drejer sig om et enkeltværelse, hvor lejeren let kan genkendes.' })).statusCode).toBe(303)
    const afg = await w.db.selectFrom('afgoerelser').select(['id', 'publicering', 'publicering_begrundelse']).where('sag_id', '=', sagId).executeTakeFirstOrThrow()
    expect(afg.publicering).toBe('fravalgt')
    expect(await publicerAfgoerelse(ctx(), afg.id)).toBe('fravalgt')
    expect(await kopi(sagId)).toBeUndefined()
    const side = await sb.get(`/sagsbehandling/sager/${sagId}/anonymisering`)
    expect(side.body).toContain('Afgørelsen offentliggøres ikke')
    expect(side.body).toContain('enkeltværelse')
  })
})
