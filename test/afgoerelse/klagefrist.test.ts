// The last day to bring a decision before the boligret, per party, from the day the
// final decision was delivered to that party: by Digital Post when it was sent, by post
// when the printed letter was marked sent. Each party sees only their own.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { pageTexts } from '../documents/pdfjs.js'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { indbringSag } from '../helpers/indbringelse.js'
import { waitFor } from '../helpers/wait.js'
import { useWorkers } from '../helpers/workers.js'
import { skiftStatus } from '../../server/kerne/sag/livscyklus.js'
import { formatDansk, fraDate, klagefristSidsteDag } from '../../server/kerne/sag/frister.js'
import { klagefrister } from '../../server/kerne/sag/klagefrist.js'

const afgoerelse = {
  afgoerelsesdato: fraDate(new Date()),
  afslutningsaarsag: 'IN_FAVOUR',
  medhold: 'TENANT',
  gebyrpaalaeggelse: 'ja',
  besigtigelse: 'NOT_HELD',
  offentlig_interesse: 'nej',
  sagsomraader: 'vedligeholdelse',
  lovgrundlag: 'lejeloven:§106',
  afgoerelse_tekst: 'Nævnet pålægger udlejer at udbedre fugtskaden.',
  sagsfremstilling: 'Lejer har klaget over fugt.',
  begrundelse: 'Udlejer skal vedligeholde det lejede.',
}

describe('klagefrist from the delivery date', () => {
  const w = useWorld()
  useWorkers(w)

  it('when the decision reaches one party by Digital Post and the other by post, then each last day is computed from that party’s delivery and shown to the caseworker and to that party only', async () => {
    const naevn = await naevnFor(w.db, 101)
    const u = await createUser(w.db, { medlemskaber: [{ naevnId: naevn.id, rolle: 'sagsbehandler' }] })
    const sb = new Agent(w.app)
    await sb.login(u.email, u.password)
    const filer = await createUser(w.db)
    const fa = new Agent(w.app)
    await fa.login(filer.email, filer.password)
    const sagId = await indbringSag(fa)
    await sb.get(`/sagsbehandling/sager/${sagId}`)
    expect((await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse`, afgoerelse)).statusCode).toBe(303)
    await w.db.transaction().execute(async (trx) => {
      for (const s of ['under_behandling', 'klar_til_moede', 'paa_dagsorden'] as const) await skiftStatus(trx, sagId, s, { aktoerId: null })
    })
    // Before delivery there is no notification date, so no last day.
    expect(await klagefrister(w.db, sagId)).toEqual([])
    expect((await sb.post(`/sagsbehandling/sager/${sagId}/afgoerelse/endelig`)).statusCode).toBe(303)

    const parter = await w.db.selectFrom('parter').select(['id', 'rolle', 'navn']).where('sag_id', '=', sagId).execute()
    const lejer = parter.find((p) => p.rolle === 'indbringer')!
    const udlejer = parter.find((p) => p.rolle === 'modpart')!
    // The filer has a CPR number: Digital Post. The landlord has none: the print queue.
    await waitFor('both sendings routed', async () => {
      const rows = await w.db.selectFrom('udsendelser').select('status').where('sag_id', '=', sagId).execute()
      return rows.length === 2 && rows.every((r) => r.status === 'sendt' || r.status === 'til_print')
    })
    const idag = fraDate(new Date())
    const sidste = formatDansk(klagefristSidsteDag(idag, 'huslejenaevn'))
    expect(await klagefrister(w.db, sagId)).toEqual([{ partId: lejer.id, navn: lejer.navn, kanal: 'digital_post', meddelt: idag, sidsteDag: klagefristSidsteDag(idag) }])

    // The Digital Post message carries the decision and a notice naming both dates.
    const dp = await w.db.selectFrom('udsendelser').select('id').where('sag_id', '=', sagId).where('status', '=', 'sendt').executeTakeFirstOrThrow()
    const xml = await readFile(path.join(w.config.digitalPost.dir, `${dp.id}.xml`), 'utf8')
    const bilag = /<memo:AdditionalDocument>[\s\S]*?<memo:content>([^<]+)<\/memo:content>/.exec(xml)
    expect(bilag).not.toBeNull()
    const notits = (await pageTexts(Buffer.from(bilag![1]!, 'base64'))).join(' ')
    expect(notits).toContain('Klagefrist for afgørelsen')
    expect(notits).toContain(sidste)
    expect(notits).toContain(formatDansk(idag))

    const printet = await w.db.selectFrom('udsendelser').select('id').where('sag_id', '=', sagId).where('status', '=', 'til_print').executeTakeFirstOrThrow()
    await sb.get('/sagsbehandling/udskrivning')
    expect((await sb.post('/sagsbehandling/udskrivning/sendt', { id: [printet.id] })).statusCode).toBe(303)
    const frister = await klagefrister(w.db, sagId)
    expect(frister.map((f) => [f.navn, f.kanal, f.meddelt])).toEqual(
      [
        [lejer.navn, 'digital_post', idag],
        [udlejer.navn, 'brev', idag],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    )

    const sbSide = (await sb.get(`/sagsbehandling/sager/${sagId}`)).body
    expect(sbSide).toContain('id="klagefrist"')
    expect(sbSide).toContain(sidste)
    expect(sbSide).toContain(udlejer.navn)
    expect(sbSide).toContain('Regnet fra afsendelsen')

    const partSide = (await fa.get(`/sager/${sagId}`)).body
    expect(partSide).toContain(`Klagefrist: ${sidste}`)
    expect(partSide).toContain('Digital Post')
    // The landlord's delivery is the landlord's business.
    expect(partSide).not.toContain('brev med posten')
  })
})
