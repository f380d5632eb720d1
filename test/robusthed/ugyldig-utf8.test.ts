// Broken UTF-8 and lone surrogates, in the URL, the query string, form fields and JSON:
// a 400 in our own format or a sanitised value, never a 500 and never Fastify's bare JSON.
import { beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { borgerMedSag, udfyldKladde } from '../helpers/indbringelse.js'

/** Invalid sequences: a bad continuation, a lone byte, an overlong '/', a UTF-16 surrogate, a cut-off sequence, a stray '%'. */
const brudte = ['%C3%28', '%FF', '%C0%AF', '%ED%A0%80', '%E2%82', '%', '%G1', '%F4%90%80%80']

describe('broken UTF-8 and surrogates', () => {
  const w = useWorld()
  let agent: Agent
  let sagId: string
  let auth: Record<string, string>

  beforeAll(async () => {
    ;({ agent, sagId, auth } = await borgerMedSag(w))
  })

  it('when a page’s path cannot be decoded, then the Danish error page answers 400', async () => {
    for (const b of brudte.filter((x) => x !== '%C0%AF')) {
      for (const url of [`/sager/${b}`, `/afgoerelser/${b}`, `/${b}`]) {
        const res = await agent.get(url)
        // %C0%AF and friends decode to U+FFFD and simply are no such page (404).
        expect([400, 404], `${url}: ${res.body.slice(0, 200)}`).toContain(res.statusCode)
        expect(res.headers['content-type'], url).toContain('text/html')
        expect(res.body, url).toContain('<html lang="da"')
        expect(res.body, url).not.toContain('FST_ERR')
      }
    }
    const res = await w.app.inject('/sager/%FF')
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('Adressen indeholder ugyldige tegn.')
  })

  it('when an API path cannot be decoded, then it answers 400 problem+json', async () => {
    const res = await w.app.inject({ url: '/api/v1/sager/%FF', headers: auth })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({ status: 400, code: 'UgyldigAdresse', detail: 'Adressen indeholder ugyldige tegn.' })
    const reg = await w.app.inject('/api/v1/register/afgoerelser/%C3%28')
    expect(reg.statusCode).toBe(400)
    expect(reg.headers['content-type']).toContain('application/problem+json')
  })

  it('when the public search and registers get broken UTF-8 in the query, then they answer, never 500', async () => {
    for (const b of brudte) {
      for (const url of [`/afgoerelser?q=${b}`, `/afgoerelser?q=leje${b}&fra=2024-01-01`, `/huslejeregister?adresse=${b}`, `/api/v1/register/afgoerelser?q=${b}`, `/api/v1/register/huslejer?adresse=${b}`, `/mine-sager?q=${b}`]) {
        const res = url.startsWith('/mine-sager') ? await agent.get(url) : await w.app.inject(url)
        expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200)
      }
      // A date that is not a date, even a broken one, is the documented 400 with the Danish message.
      const dato = await w.app.inject(`/afgoerelser?fra=${b}`)
      expect(dato.statusCode, b).toBe(400)
      expect(dato.body).toContain('<html lang="da"')
    }
    const graphql = await w.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '{"query":"{ decisions(where: { boardName: { contains: \\"\\uD800\\" } }) { id } }"}' })
    expect(graphql.statusCode).toBeLessThan(500)
  })

  it('when a form field has broken UTF-8, then the value is stored with replacement characters, never half a byte', async () => {
    const kladde = await udfyldKladde(agent)
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await agent.get(`/indbringelse/${kladde}/sagen`)).body)![1]!
    const beskrivelse = `Fugt${brudte.filter((b) => b !== '%').join('')}%20i%20stuen%20siden%20marts%2C%20udlejer%20svarer%20ikke.`
    const payload = `formaal=klage&sagsomraader=vedligeholdelse&beskrivelse=${beskrivelse}&_csrf=${encodeURIComponent(csrf)}`
    const res = await w.app.inject({ method: 'POST', url: `/indbringelse/${kladde}/sagen`, headers: { cookie: agent.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' }, payload })
    expect(res.statusCode, /<li><a class="function-link"[^]*?<\/li>/.exec(res.body)?.[0]).toBe(303)
    const { beskrivelse: gemt } = await w.db.selectFrom('sager').select('beskrivelse').where('id', '=', kladde).executeTakeFirstOrThrow()
    expect(gemt!.startsWith('Fugt')).toBe(true)
    expect(gemt!.endsWith('i stuen siden marts, udlejer svarer ikke.')).toBe(true)
    expect(gemt).toContain('\uFFFD')
    // What is stored is well-formed: it round-trips through UTF-8.
    expect(Buffer.from(gemt!, 'utf8').toString('utf8')).toBe(gemt)
    expect((await agent.get(`/indbringelse/${kladde}/sagen`)).statusCode).toBe(200)
  })

  it('when a multipart text field has invalid bytes, then the message is stored with replacement characters', async () => {
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await agent.get(`/sager/${sagId}`)).body)![1]!
    const b = 'brudt8'
    const payload = Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${b}\r\nContent-Disposition: form-data; name="tekst"\r\n\r\nHej `),
      Buffer.from([0xff, 0xc3, 0x28, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
      Buffer.from(` farvel\r\n--${b}--\r\n`),
    ])
    const res = await w.app.inject({ method: 'POST', url: `/sager/${sagId}/beskeder`, headers: { cookie: agent.cookieHeader(), 'content-type': `multipart/form-data; boundary=${b}` }, payload })
    expect(res.statusCode, /<li><a class="function-link"[^]*?<\/li>/.exec(res.body)?.[0]).toBe(303)
    const tekster = (await w.db.selectFrom('beskeder').select('tekst').where('sag_id', '=', sagId).execute()).map((r) => r.tekst)
    const tekst = tekster.find((t) => t.startsWith('Hej '))!
    expect(tekst.endsWith(' farvel')).toBe(true)
    expect(tekst).toContain('\uFFFD')
    expect((await agent.get(`/sager/${sagId}`)).statusCode).toBe(200)
  })

  it('when JSON carries lone surrogates or invalid bytes, then they are stored as replacement characters, also in a draft', async () => {
    const post = (payload: string | Buffer) =>
      w.app.inject({ method: 'POST', url: `/api/v1/sager/${sagId}/beskeder`, headers: { ...auth, 'content-type': 'application/json' }, payload })
    expect((await post('{"tekst":"lone \\uD800 high, lone \\uDFFF low"}')).statusCode).toBe(201)
    expect((await post(Buffer.concat([Buffer.from('{"tekst":"bytes '), Buffer.from([0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('"}')]))).statusCode).toBe(201)
    const tekster = (await w.db.selectFrom('beskeder').select('tekst').where('sag_id', '=', sagId).orderBy('oprettet').execute()).map((r) => r.tekst)
    expect(tekster).toContain('lone \uFFFD high, lone \uFFFD low')
    expect(tekster.some((t) => t.startsWith('bytes ') && t.includes('\uFFFD'))).toBe(true)

    // A draft's fields through the API's PATCH.
    const kladde = (await w.app.inject({ method: 'POST', url: '/api/v1/sager', headers: auth })).json().id as string
    const patch = await w.app.inject({
      method: 'PATCH',
      url: `/api/v1/sager/${kladde}`,
      headers: { ...auth, 'content-type': 'application/json' },
      payload: JSON.stringify({
        hvem: { indbringerRolle: 'lejer', repraesentantType: 'advokat' },
        lejemaal: { vejnavn: 'Nørregade', husnummer: '12', postnr: '1165', lejemaalType: 'privat' },
        parter: { mig: { navn: 'Advokat', cprEllerCvr: '', email: 'adv@test.invalid' }, klient: { navn: 'Karin Klient', cprEllerCvr: '010190-1234' }, modpart: { navn: 'Udlejer ApS' } },
        sagen: { formaal: 'klage', sagsomraader: ['depositum'], beskrivelse: 'Depositum SURROGAT ikke betalt tilbage efter fraflytning.', svar: { depositum_beloeb: '12.000' } },
      })
        .replace('SURROGAT', '\\uD800')
        .replace('fraflytning', 'fraflytning \\uDC00'),
    })
    expect(patch.statusCode, patch.body).toBeLessThan(500)
    expect(patch.statusCode, patch.body).toBe(200)
    const gemt = await w.db.selectFrom('sager').select(['beskrivelse']).where('id', '=', kladde).executeTakeFirstOrThrow()
    expect(gemt.beskrivelse).toBe('Depositum \uFFFD ikke betalt tilbage efter fraflytning \uFFFD.')
  })
})
