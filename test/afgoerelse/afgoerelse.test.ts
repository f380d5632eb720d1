import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { pdfText } from '../documents/pdfjs.js'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { skiftStatus } from '../../server/kerne/sag/livscyklus.js'

const gyldig = {
  afgoerelsesdato: '2026-11-20',
  afslutningsaarsag: 'IN_FAVOUR',
  medhold: 'TENANT',
  gebyrpaalaeggelse: 'ja',
  besigtigelse: 'NOT_HELD',
  offentlig_interesse: 'nej',
  sagsomraader: 'vedligeholdelse',
  lovgrundlag: 'lejeloven:§106',
  afgoerelse_tekst: 'Nævnet pålægger udlejer at udbedre fugtskaden i soveværelset inden 3 måneder.',
  sagsfremstilling: 'Lejer har klaget over fugt.\n\n- skimmel i loftet\n- fugtige vægge',
  begrundelse: 'Efter lejelovens § 106 skal udlejer vedligeholde det lejede. Skaden er dokumenteret.',
}

describe('decisions', () => {
  const w = useWorld()
  let sb: Agent
  let sagId: string

  beforeAll(async () => {
    const naevn = await naevnFor(w.db, 101)
    const u = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    sb = new Agent(w.app)
    await sb.login(u.email, u.password)
    const filer = await createUser(w.db)
    const fa = new Agent(w.app)
    await fa.login(filer.email, filer.password)
    sagId = await indbringSag(fa)
  })

  it('when fields do not fit the outcome, then each missing one is named in Danish and everything typed is kept', async () => {
    const page = await sb.get(`/sagsbehandling/sager/${sagId}/afgoerelse`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Udlejer vil ikke udbedre fugtskaden')
    const rejected = await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse`, { ...gyldig, afslutningsaarsag: 'REJECTED', afvisningsaarsag: '' })
    expect(rejected.statusCode).toBe(400)
    expect(rejected.body).toContain('Skriv afvisningsårsagen.')
    expect(rejected.body).toContain('Nævnet pålægger udlejer')
    const medhold = await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse`, { ...gyldig, medhold: '' })
    expect(medhold.body).toContain('Angiv, hvem der får medhold.')
    const leje = await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse`, { ...gyldig, fastsaetter_husleje: 'ja', husleje: 'mange', areal: '' })
    expect(leje.body).toContain('Skriv huslejen i kroner')
    expect(leje.body).toContain('Vælg metoden for huslejefastsættelsen.')
    const html = await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse`, { ...gyldig, begrundelse: 'Se <script>alert(1)</script>' })
    expect(html.body).toContain('Teksten må ikke indeholde HTML')
  })

  it('when the AFGØRELSE section is left empty, then it is written from the registered outcome', async () => {
    const res = await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse`, { ...gyldig, afgoerelse_tekst: '' })
    expect(res.statusCode).toBe(303)
    const a = await w.db.selectFrom('afgoerelser').select('afgoerelse_tekst').where('sag_id', '=', sagId).executeTakeFirstOrThrow()
    expect(a.afgoerelse_tekst).toContain('Nævnet giver lejer medhold.')
    expect(a.afgoerelse_tekst).toContain('Udlejer pålægges at betale gebyr')
  })

  it('when a provision is searched, then the results are offered without losing what was typed', async () => {
    const res = await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse`, { ...gyldig, lovgrundlag: '', handling: 'soeg', soeg: 'depositum' })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('Søgeresultater')
    expect(res.body).toMatch(/name="lovgrundlag" value="[a-z]+:§/)
    expect(res.body).toContain('Nævnet pålægger udlejer')
  })

  it('when the decision is saved, previewed and made final, then a locked PDF version exists, the case is decided and every party is served', async () => {
    expect((await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse`, gyldig)).statusCode).toBe(303)
    const preview = await sb.get(`/sagsbehandling/sager/${sagId}/afgoerelse/forhaandsvisning`)
    expect(preview.body).toContain('SAGSFREMSTILLING')
    expect(preview.body).toContain('skimmel i loftet')
    // A decision on the merits is taken at a meeting: not final before the case is on an agenda.
    const tooEarly = await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse/endelig`)
    expect(tooEarly.statusCode).toBe(409)
    await w.db.transaction().execute(async (trx) => {
      for (const s of ['under_behandling', 'klar_til_moede', 'paa_dagsorden'] as const) await skiftStatus(trx, sagId, s, { aktoerId: null })
    })
    expect((await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse/endelig`)).statusCode).toBe(303)
    const sag = await w.db.selectFrom('sager').select('status').where('id', '=', sagId).executeTakeFirstOrThrow()
    expect(sag.status).toBe('afgjort')
    const v = await w.db.selectFrom('afgoerelse_versioner').innerJoin('dokumenter', 'dokumenter.id', 'afgoerelse_versioner.dokument_id').innerJoin('document_blobs', 'document_blobs.sha256', 'dokumenter.sha256').select(['afgoerelse_versioner.sha256', 'document_blobs.indhold', 'afgoerelse_versioner.nr']).executeTakeFirstOrThrow()
    expect(createHash('sha256').update(v.indhold).digest('hex')).toBe(v.sha256)
    const text = await pdfText(v.indhold)
    for (const heading of ['AFGØRELSE', 'SAGSFREMSTILLING', 'LOVGRUNDLAG OG BEGRUNDELSE', 'KLAGEVEJLEDNING']) expect(text).toContain(heading)
    expect(text).toContain('minretssag.dk')
    expect(text).not.toContain('UDKAST')
    const parter = await w.db.selectFrom('parter').select('id').where('sag_id', '=', sagId).where('rolle', '!=', 'repraesentant').execute()
    const udsendelser = await w.db.selectFrom('udsendelser').select('part_id').where('sag_id', '=', sagId).execute()
    expect(udsendelser.map((u) => u.part_id).sort()).toEqual(parter.map((x) => x.id).sort())

    // Final means final: the form refuses, and so does the database.
    expect((await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse`, gyldig)).statusCode).toBe(409)
    await expect(sql`UPDATE afgoerelse_versioner SET aarsag = 'x'`.execute(w.db)).rejects.toThrow(/kan ikke ændres/)

    // A correction is a new version with a reason; the history keeps both.
    expect((await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse/ret`)).statusCode).toBe(303)
    await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse`, { ...gyldig, afgoerelse_tekst: 'Nævnet pålægger udlejer at udbedre fugtskaden inden 2 måneder.' })
    const noReason = await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse/endelig`, { aarsag: '' })
    expect(noReason.statusCode).toBe(400)
    expect((await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse/endelig`, { aarsag: 'Skrivefejl i fristen rettet' })).statusCode).toBe(303)
    const versioner = await w.db.selectFrom('afgoerelse_versioner').select(['nr', 'aarsag']).orderBy('nr').execute()
    expect(versioner).toEqual([{ nr: 1, aarsag: null }, { nr: 2, aarsag: 'Skrivefejl i fristen rettet' }])
    expect((await sb.get(`/sagsbehandling/sager/${sagId}/afgoerelse`)).body).toContain('Version 2 (PDF)')
  })

  it('when staff of another board or a party tries the decision pages, then they are 404', async () => {
    const other = await naevnFor(w.db, 147)
    const u = await createUser(w.db, { medlemskaber: [{ naevnId: other.id, rolle: 'sagsbehandler' }] })
    const a = new Agent(w.app)
    await a.login(u.email, u.password)
    expect((await a.get(`/sagsbehandling/sager/${sagId}/afgoerelse`)).statusCode).toBe(404)
    expect((await a.get(`/sagsbehandling/sager/${sagId}/afgoerelse/forhaandsvisning`)).statusCode).toBe(404)
    expect((await a.post(`/sagsbehandling/sager/${sagId}/afgoerelse/endelig`)).statusCode).toBe(404)
  })
})
