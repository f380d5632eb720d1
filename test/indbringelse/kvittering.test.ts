// After submission the outbox carries the case on: the receipt PDF is made once and
// stored on the case, and the filer gets an e-mail notice (never the letter itself).
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import pino from 'pino'
import { processorContext } from '../../workers/runtime.js'
import { describe, expect, it } from 'vitest'
import { pdfText } from '../documents/pdfjs.js'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { waitFor } from '../helpers/wait.js'
import { useWorkers } from '../helpers/workers.js'
import { genererKvittering } from '../../workers/processors/generer-kvittering.js'

describe('receipt and notice after filing', () => {
  const w = useWorld()
  // The worker process runs alongside: outbox jobs are handled as in production.
  useWorkers(w)

  it('when a case is submitted, then a receipt PDF with its sagsnummer appears on the case page and the filer gets one notice', async () => {
    await naevnFor(w.db, 101)
    const user = await createUser(w.db, { navn: 'Søren Ærlig Østergård' })
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    const id = await indbringSag(agent)
    const sag = await w.db.selectFrom('sager').select(['sagsnummer']).where('id', '=', id).executeTakeFirstOrThrow()

    const dok = await waitFor('the receipt', () =>
      w.db.selectFrom('dokumenter').select(['id', 'filnavn', 'mime']).where('sag_id', '=', id).where('kategori', '=', 'kvittering').executeTakeFirst(),
    )
    expect(dok).toMatchObject({ filnavn: `kvittering-${sag.sagsnummer}.pdf`, mime: 'application/pdf' })
    const download = await agent.get(`/sager/${id}/dokumenter/${dok.id}`)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('application/pdf')
    const text = await pdfText(download.rawPayload)
    expect(text).toContain('Kvittering for indbringelse')
    expect(text).toContain(sag.sagsnummer!)
    expect(text).toContain('Nørregade 12')

    const mail = await waitFor('the notice', () => w.db.selectFrom('sendte_mails').selectAll().where('skabelon', '=', 'sagsnotifikation:indbragt').executeTakeFirst())
    expect(mail.modtager).toBe(user.email)
    const files = await readdir(w.config.mailDir)
    const eml = await readFile(path.join(w.config.mailDir, files.find((f) => f.startsWith('sag-indbragt-'))!), 'utf8')
    expect(eml).toContain(`/sager/${id}`)
    expect(eml).not.toContain('Udlejer vil ikke udbedre')

    const page = await agent.get(`/sager/${id}`)
    expect(page.body).toContain(`kvittering-${sag.sagsnummer}.pdf`)
    expect(page.body).toContain('Kvitteringen blev dannet')
  })

  it('when the receipt job runs again for the same case, then there is still one receipt', async () => {
    await naevnFor(w.db, 101)
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    const id = await indbringSag(agent)
    await waitFor('the receipt', () => w.db.selectFrom('dokumenter').select('id').where('sag_id', '=', id).where('kategori', '=', 'kvittering').executeTakeFirst())
    const ctx = processorContext(w.config, w.db, pino({ level: 'silent' }))
    expect(await genererKvittering(ctx, { sagId: id })).toBe('findes allerede')
    const [a, b] = await Promise.all([genererKvittering(ctx, { sagId: id }), genererKvittering(ctx, { sagId: id })])
    expect([a, b]).toEqual(['findes allerede', 'findes allerede'])
    expect(await w.db.selectFrom('dokumenter').select('id').where('sag_id', '=', id).where('kategori', '=', 'kvittering').execute()).toHaveLength(1)
  })

  it('when a party writes to the secretariat with a file, then the message, file and journal entry are stored and the board is notified', async () => {
    const naevn = await naevnFor(w.db, 101)
    await w.db.updateTable('naevn').set({ email: 'sekretariat@test.invalid' }).where('id', '=', naevn.id).execute()
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    const id = await indbringSag(agent)
    await agent.get(`/sager/${id}`)
    const empty = await agent.postMultipart(`/sager/${id}/beskeder`, { tekst: '  ' }, [])
    expect(empty.statusCode).toBe(400)
    expect(empty.body).toContain('Skriv en besked.')
    const res = await agent.postMultipart(`/sager/${id}/beskeder`, { tekst: 'Her er billeder af skaden.' }, [{ field: 'fil', filename: 'skade.txt', data: Buffer.from('Billedbeskrivelse\n') }])
    expect(res.statusCode).toBe(303)
    const page = await agent.get(`/sager/${id}`)
    expect(page.body).toContain('Her er billeder af skaden.')
    expect(page.body).toContain('skade.txt')
    const mail = await waitFor('the board’s notice', () => w.db.selectFrom('sendte_mails').selectAll().where('skabelon', '=', 'sagsnotifikation:besked_fra_part').where('modtager', '=', 'sekretariat@test.invalid').executeTakeFirst())
    expect(mail).toBeTruthy()
  })

  it('when the secretariat has written, then Mine sager shows an unread marker until the case page is opened', async () => {
    await naevnFor(w.db, 101)
    const user = await createUser(w.db)
    const staff = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    const id = await indbringSag(agent)
    await w.db.insertInto('beskeder').values({ sag_id: id, afsender_id: staff.id, part_user_id: user.id, fra_sekretariat: true, tekst: 'Husk at betale gebyret.' }).execute()
    expect((await agent.get('/mine-sager')).body).toContain('1 ny besked')
    const page = await agent.get(`/sager/${id}`)
    expect(page.body).toContain('Husk at betale gebyret.')
    expect(page.body).toMatch(/badge badge-info">Ny</)
    expect((await agent.get('/mine-sager')).body).not.toContain('ny besked')
  })
})
