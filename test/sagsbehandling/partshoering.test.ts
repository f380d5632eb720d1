// A hearing end to end: the caseworker sends it, the letter and notices follow, the
// counterparty joins through the invitation, answers with a file, the caseworker sees
// the answer, extends and closes; reminders go once; outsiders get 404 throughout.
import pino from 'pino'
import { processorContext } from '../../workers/runtime.js'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { sagsbehandling } from '../helpers/afgoerelse.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { waitFor } from '../helpers/wait.js'
import { useWorkers } from '../helpers/workers.js'
import { paamindFrister } from '../../workers/processors/paamind-frister.js'
import { fraDate, fremsendelsesfrist, svarfrist, tilDate, tilfoejArbejdsdage } from '../../server/kerne/sag/frister.js'

describe('hearing of the parties', () => {
  const w = useWorld()
  // The worker process runs alongside: outbox jobs are handled as in production.
  useWorkers(w)

  it('when a caseworker sends a case to hearing, then the counterparty can join, read and answer, and the caseworker sees the answer', async () => {
    const naevn = await naevnFor(w.db, 101)
    const sb = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    const filer = await createUser(w.db)
    const sbAgent = new Agent(w.app)
    await sbAgent.login(sb.email, sb.password)
    const filerAgent = new Agent(w.app)
    await filerAgent.login(filer.email, filer.password)
    const sagId = await indbringSag(filerAgent)
    await w.db.updateTable('parter').set({ email: 'modpart@test.invalid' }).where('sag_id', '=', sagId).where('rolle', '=', 'modpart').execute()
    const modpart = await w.db.selectFrom('parter').select('id').where('sag_id', '=', sagId).where('rolle', '=', 'modpart').executeTakeFirstOrThrow()
    const kvittering = await waitFor('the receipt', () => w.db.selectFrom('dokumenter').select('id').where('sag_id', '=', sagId).where('kategori', '=', 'kvittering').executeTakeFirst())

    const page = await sbAgent.get(`/sagsbehandling/sager/${sagId}`)
    expect(page.body).toContain('Send sagen til den anden part senest')
    const frist = /name="frist" value="(\d{4}-\d{2}-\d{2})"/.exec(page.body)![1]!
    expect(frist).toBe(svarfrist(fraDate(new Date()), 2))
    const bad = await sbAgent.post(`/sagsbehandling/sager/${sagId}/partshoeringer`, { besked: 'kort', frist: '2020-01-01' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Vælg mindst én modtager.')
    expect(bad.body).toContain('Svarfristen skal ligge efter i dag.')
    const sent = await sbAgent.post(`/sagsbehandling/sager/${sagId}/partshoeringer`, {
      modtagere: [modpart.id],
      dokumenter: [kvittering.id],
      besked: 'Nævnet beder om udlejers bemærkninger til lejers klage over fugtskaden.',
      frist,
    })
    expect(sent.statusCode, sent.body.slice(0, 500)).toBe(303)
    expect((await w.db.selectFrom('sager').select('status').where('id', '=', sagId).executeTakeFirstOrThrow()).status).toBe('partshoering')

    const brev = await waitFor('the hearing letter', () => w.db.selectFrom('partshoeringer').select('brev_dokument_id').where('sag_id', '=', sagId).where('brev_dokument_id', 'is not', null).executeTakeFirst())
    expect(brev.brev_dokument_id).toBeTruthy()
    // The landlord has no CPR or CVR on the case: the letter goes to the print queue.
    const udsendelse = await waitFor('the letter routed', () => w.db.selectFrom('udsendelser').select(['part_id', 'status', 'kanal']).where('sag_id', '=', sagId).where('status', '=', 'til_print').execute().then((r) => (r.length ? r : undefined)))
    expect(udsendelse).toEqual([{ part_id: modpart.id, status: 'til_print', kanal: 'brev' }])
    await waitFor('the notice', () => w.db.selectFrom('sendte_mails').select('id').where('modtager', '=', 'modpart@test.invalid').executeTakeFirst())
    const eml = await readFile(path.join(w.config.mailDir, (await readdir(w.config.mailDir)).find((f) => f.startsWith('part-partshoering-'))!), 'utf8')
    const link = /(\/invitation\/[A-Za-z0-9_=-]+)/.exec(eml.replace(/=\r?\n/g, ''))![1]!

    // The filer, already on the case, cannot claim the counterparty's invitation for themself.
    await filerAgent.get(link)
    const claim = await filerAgent.post(link)
    expect(claim.statusCode, claim.body.slice(0, 3000)).toBe(404)
    expect((await w.db.selectFrom('parter').select('user_id').where('id', '=', modpart.id).executeTakeFirstOrThrow()).user_id).toBeNull()

    // The counterparty has no account: register through the invitation link.
    const udlejer = new Agent(w.app)
    const toLogin = await udlejer.get(link)
    expect(toLogin.headers.location).toContain('/login?naeste=')
    await udlejer.get('/registrer')
    const reg = await udlejer.post('/registrer', { navn: 'Udlejer Hansen', email: 'udlejer.hansen@test.invalid', adgangskode: 'en-lang-nok-adgangskode', adgangskode_gentag: 'en-lang-nok-adgangskode', naeste: link })
    expect(reg.headers.location).toBe(link)
    // Following the link only asks; joining takes the confirmation (a POST with its CSRF token).
    const confirm = await udlejer.get(link)
    expect(confirm.statusCode).toBe(200)
    expect(confirm.body).toContain('Tilknyt sagen')
    expect(confirm.body).toContain('udlejer.hansen@test.invalid')
    expect((await w.db.selectFrom('parter').select('user_id').where('id', '=', modpart.id).executeTakeFirstOrThrow()).user_id).toBeNull()
    expect((await udlejer.post(link, {}, { csrf: false })).statusCode).toBe(403)
    const joined = await udlejer.post(link)
    expect(joined.headers.location).toBe(`/sager/${sagId}`)
    const casePage = await udlejer.get(`/sager/${sagId}`)
    expect(casePage.body).toContain('Nævnet beder om dine bemærkninger')
    expect(casePage.body).toContain('udlejers bemærkninger')
    // The counterparty does not see the filer's CPR, not even masked.
    const api = await udlejer.get(`/api/v1/sager/${sagId}`)
    expect(api.json().parter.every((x: { cpr: string | null; rolle: string }) => x.rolle === 'modpart' || x.cpr === null)).toBe(true)
    const hoeringId = /\/hoeringer\/([0-9a-f-]+)\/svar/.exec(casePage.body)![1]!
    const empty = await udlejer.postMultipart(`/sager/${sagId}/hoeringer/${hoeringId}/svar`, { svar: '' }, [])
    expect(empty.statusCode).toBe(400)
    const answer = await udlejer.postMultipart(`/sager/${sagId}/hoeringer/${hoeringId}/svar`, { svar: 'Fugtskaden skyldes manglende udluftning.' }, [
      { field: 'filer', filename: 'udluftning.txt', data: Buffer.from('Målinger af luftfugtighed\n') },
    ])
    expect(answer.statusCode).toBe(303)

    const staffView = await sbAgent.get(`/sagsbehandling/sager/${sagId}`)
    expect(staffView.body).toContain('Fugtskaden skyldes manglende udluftning.')
    expect(staffView.body).toContain('udluftning.txt')
    expect(staffView.body).toMatch(/Udlejer Hansen|Ejendomsselskabet ApS/)
    // The filer does not answer this hearing (not a recipient) but sees the answer in the timeline.
    expect((await filerAgent.get(`/sager/${sagId}`)).body).toContain('Høringssvar modtaget')

    // A file sent with a message to the secretariat is the sender's and the secretariat's only.
    const privat = await filerAgent.postMultipart(`/sager/${sagId}/beskeder`, { tekst: 'Lægeerklæring vedlagt.' }, [
      { field: 'fil', filename: 'laegeerklaering.txt', data: Buffer.from('Fortroligt\n') },
    ])
    expect(privat.statusCode).toBe(303)
    const privatDok = await w.db.selectFrom('dokumenter').select('id').where('sag_id', '=', sagId).where('filnavn', '=', 'laegeerklaering.txt').executeTakeFirstOrThrow()
    expect((await filerAgent.get(`/sager/${sagId}`)).body).toContain('laegeerklaering.txt')
    expect((await filerAgent.get(`/sager/${sagId}/dokumenter/${privatDok.id}`)).statusCode).toBe(200)
    expect((await udlejer.get(`/sager/${sagId}`)).body).not.toContain('laegeerklaering.txt')
    expect(JSON.stringify((await udlejer.get(`/api/v1/sager/${sagId}`)).json())).not.toContain('laegeerklaering.txt')
    expect((await udlejer.get(`/sager/${sagId}/dokumenter/${privatDok.id}`)).statusCode).toBe(404)
    expect((await udlejer.get(`/api/v1/sager/${sagId}/dokumenter/${privatDok.id}`)).statusCode).toBe(404)
    expect((await sbAgent.get(`/sagsbehandling/sager/${sagId}/dokumenter/${privatDok.id}`)).statusCode).toBe(200)
    // Once a hearing sent to the landlord includes it, the landlord sees it.
    await w.db.insertInto('partshoering_dokumenter').values({ partshoering_id: hoeringId, dokument_id: privatDok.id }).execute()
    expect((await udlejer.get(`/sager/${sagId}/dokumenter/${privatDok.id}`)).statusCode).toBe(200)

    const outsider = new Agent(w.app)
    const o = await createUser(w.db)
    await outsider.login(o.email, o.password)
    expect((await outsider.postMultipart(`/sager/${sagId}/hoeringer/${hoeringId}/svar`, { svar: 'x' }, [])).statusCode).toBe(404)
    expect((await outsider.get(link)).statusCode).toBe(404)

    const extended = await sbAgent.post(`/sagsbehandling/sager/${sagId}/partshoeringer/${hoeringId}/forlaeng`, { nyFrist: tilfoejArbejdsdage(frist, 5), begrundelse: 'Udlejer bad om mere tid' })
    expect(extended.statusCode).toBe(303)
    const h = await w.db.selectFrom('partshoeringer').select(['frist', 'oprindelig_frist']).where('id', '=', hoeringId).executeTakeFirstOrThrow()
    expect(h.frist).toBe(tilfoejArbejdsdage(frist, 5))
    expect(h.oprindelig_frist).toBe(frist)
    expect((await sbAgent.post(`/sagsbehandling/sager/${sagId}/partshoeringer/${hoeringId}/afslut`)).statusCode).toBe(303)
    expect((await w.db.selectFrom('sager').select('status').where('id', '=', sagId).executeTakeFirstOrThrow()).status).toBe('under_behandling')
    expect((await udlejer.postMultipart(`/sager/${sagId}/hoeringer/${hoeringId}/svar`, { svar: 'for sent' }, [])).statusCode).toBe(409)
  })

  it('when a hearing deadline is two working days away, then each party that has not answered is reminded once', async () => {
    const { sb: sbAgent, fa: filerAgent } = await sagsbehandling(w)
    const sagId = await indbringSag(filerAgent)
    const modpart = await w.db.selectFrom('parter').select('id').where('sag_id', '=', sagId).where('rolle', '=', 'modpart').executeTakeFirstOrThrow()
    await sbAgent.get(`/sagsbehandling/sager/${sagId}`)
    const frist = svarfrist(fraDate(new Date()), 2)
    await sbAgent.post(`/sagsbehandling/sager/${sagId}/partshoeringer`, { modtagere: [modpart.id], besked: 'Bemærkninger til klagen, tak.', frist })
    const ctx = processorContext(w.config, w.db, pino({ level: 'silent' }))
    // Far from the deadline: nothing. Two working days before: one reminder, never twice.
    expect(await paamindFrister(ctx, new Date())).toBe('0 påmindelser')
    const toDageFoer = tilDate(tilfoejArbejdsdage(frist, 0))
    const dag = new Date(toDageFoer.getTime() - 2 * 24 * 3600 * 1000)
    const first = await paamindFrister(ctx, dag)
    expect(first).toMatch(/^[1-9]\d* påmindelser$/)
    expect(await paamindFrister(ctx, dag)).toBe('0 påmindelser')
    const rows = await w.db.selectFrom('partshoering_paamindelser').selectAll().where('part_id', '=', modpart.id).execute()
    expect(rows).toHaveLength(1)
    const outbox = await w.db.selectFrom('outbox').select('payload').where('job_name', '=', 'send-partsnotifikation').execute()
    expect(outbox.map((x) => x.payload)).toContainEqual({ sagId, partId: modpart.id, haendelse: 'paamindelse' })
  })

  it('when a case waits too long for the first sending or a hearing answer, then it shows as overdue in the inbox', async () => {
    const naevn = await naevnFor(w.db, 101)
    const sb = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    const filer = await createUser(w.db)
    const filerAgent = new Agent(w.app)
    await filerAgent.login(filer.email, filer.password)
    const gammel = await indbringSag(filerAgent)
    const hoert = await indbringSag(filerAgent)
    const frisk = await indbringSag(filerAgent)
    const tiDageSiden = new Date(Date.now() - 10 * 24 * 3600 * 1000)
    await w.db.updateTable('sager').set({ indbragt: tiDageSiden, frist_fremsendelse: fremsendelsesfrist(tiDageSiden) }).where('id', '=', gammel).execute()
    const sbAgent = new Agent(w.app)
    await sbAgent.login(sb.email, sb.password)
    await sbAgent.get(`/sagsbehandling/sager/${hoert}`)
    const modpart = await w.db.selectFrom('parter').select('id').where('sag_id', '=', hoert).where('rolle', '=', 'modpart').executeTakeFirstOrThrow()
    await sbAgent.post(`/sagsbehandling/sager/${hoert}/partshoeringer`, { modtagere: [modpart.id], besked: 'Bemærkninger til klagen, tak.', frist: svarfrist(fraDate(new Date()), 2) })
    await w.db.updateTable('partshoeringer').set({ frist: '2026-01-05' }).where('sag_id', '=', hoert).execute()
    const nr = async (id: string) => (await w.db.selectFrom('sager').select('sagsnummer').where('id', '=', id).executeTakeFirstOrThrow()).sagsnummer!
    const overdue = await sbAgent.get('/sagsbehandling?visning=overskredne')
    expect(overdue.body).toContain(await nr(gammel))
    expect(overdue.body).toContain(await nr(hoert))
    expect(overdue.body).not.toContain(await nr(frisk))
    expect(overdue.body).toContain('Overskredet')
  })

  it('when a caseworker writes a letter, then a PDF with the board’s letterhead waits for sending and the filer is told by e-mail', async () => {
    const { sb: sbAgent, fa: filerAgent, filer } = await sagsbehandling(w)
    const sagId = await indbringSag(filerAgent)
    const indbringer = await w.db.selectFrom('parter').select('id').where('sag_id', '=', sagId).where('rolle', '=', 'indbringer').executeTakeFirstOrThrow()
    await sbAgent.get(`/sagsbehandling/sager/${sagId}`)
    const bad = await sbAgent.post(`/sagsbehandling/sager/${sagId}/breve`, { emne: '', brevtekst: 'kort' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Vælg modtagere blandt sagens parter.')
    const ok = await sbAgent.post(`/sagsbehandling/sager/${sagId}/breve`, { brev_modtagere: [indbringer.id], emne: 'Anmodning om dokumentation', brevtekst: 'Send venligst billeder af fugtskaden.\nPå forhånd tak.' })
    expect(ok.statusCode).toBe(303)
    const brev = await waitFor('the letter', () => w.db.selectFrom('breve').select('dokument_id').where('sag_id', '=', sagId).where('dokument_id', 'is not', null).executeTakeFirst())
    // The filer gave a CPR number and is not exempt: the letter goes by Digital Post (MeMo).
    const udsendelse = await waitFor('the letter sent', () => w.db.selectFrom('udsendelser').select(['id', 'status', 'part_id', 'kanal']).where('dokument_id', '=', brev.dokument_id!).where('status', '=', 'sendt').executeTakeFirst())
    expect(udsendelse).toMatchObject({ status: 'sendt', part_id: indbringer.id, kanal: 'digital_post' })
    const memo = await readFile(path.join(w.config.digitalPost.dir, `${udsendelse.id}.xml`), 'utf8')
    expect(memo).toContain('0101901234')
    expect(memo).toContain(`<memo:messageUUID>${udsendelse.id}</memo:messageUUID>`)
    await waitFor('the notice', () => w.db.selectFrom('sendte_mails').select('id').where('skabelon', '=', 'partsnotifikation:brev').where('modtager', '=', filer.email).executeTakeFirst())
    const partPage = await filerAgent.get(`/sager/${sagId}`)
    expect(partPage.body).toMatch(/brev-.*\.pdf/)
    expect((await sbAgent.get(`/sagsbehandling/sager/${sagId}`)).body).toContain('Sendt med Digital Post')
  })
})
