import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { minimalPdf, multipartBody } from '../helpers/multipart.js'

describe('filing through the JSON API with an API key', () => {
  const w = useWorld()

  async function noegle() {
    await naevnFor(w.db, 101)
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    const auth = await agent.apiKey()
    return { user, agent, token: auth.authorization.slice('Bearer '.length), auth }
  }

  it('when a lawyer’s system creates, fills, uploads and submits a draft, then the case is filed and readable', async () => {
    const { auth } = await noegle()
    const created = await w.app.inject({ method: 'POST', url: '/api/v1/sager', headers: auth })
    expect(created.statusCode).toBe(201)
    const id = created.json().id as string
    expect(created.headers.location).toBe(`/api/v1/sager/${id}`)

    const patch = await w.app.inject({
      method: 'PATCH',
      url: `/api/v1/sager/${id}`,
      headers: auth,
      payload: {
        hvem: { indbringerRolle: 'lejer', repraesentantType: 'advokat' },
        lejemaal: { vejnavn: 'Nørregade', husnummer: '12', postnr: '1165', lejemaalType: 'privat' },
        parter: {
          mig: { navn: 'Advokatfirmaet Ret & Skel', cprEllerCvr: '', email: 'adv@test.invalid' },
          klient: { navn: 'Karin Klient', cprEllerCvr: '010190-1234' },
          modpart: { navn: 'Ejendomsselskabet ApS' },
        },
        sagen: { formaal: 'klage', sagsomraader: ['depositum'], beskrivelse: 'Udlejer tilbagebetaler ikke depositum efter fraflytning.', svar: { depositum_beloeb: '24.000' } },
      },
    })
    expect(patch.statusCode, patch.body).toBe(200)
    expect(patch.json()).toMatchObject({ status: 'kladde', lejemaal: { kommunekode: 101 }, sagsomraader: ['depositum'] })
    expect(patch.json().parter).toContainEqual({ rolle: 'indbringer', navn: 'Karin Klient', cpr: '010190-xxxx', cvr: null, email: null })

    const missing = await w.app.inject({ method: 'POST', url: `/api/v1/sager/${id}/indsend`, headers: auth, payload: { accepterGebyr: true } })
    expect(missing.statusCode).toBe(400)
    expect(missing.headers['content-type']).toContain('application/problem+json')
    expect(missing.json().detail).toContain('fuldmagt')

    const { payload, contentType } = multipartBody({ kategori: 'fuldmagt' }, [{ field: 'filer', filename: 'fuldmagt.pdf', data: minimalPdf }])
    const upload = await w.app.inject({ method: 'POST', url: `/api/v1/sager/${id}/dokumenter`, headers: { ...auth, 'content-type': contentType }, payload })
    expect(upload.statusCode, upload.body).toBe(201)

    const submitted = await w.app.inject({ method: 'POST', url: `/api/v1/sager/${id}/indsend`, headers: auth, payload: { accepterGebyr: true } })
    expect(submitted.statusCode, submitted.body).toBe(200)
    expect(submitted.json()).toMatchObject({ status: 'indbragt', sagsnummer: expect.stringMatching(/^101-1\d{4}$/) })

    const list = await w.app.inject({ url: '/api/v1/sager', headers: auth })
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(id)

    const msg = await w.app.inject({ method: 'POST', url: `/api/v1/sager/${id}/beskeder`, headers: auth, payload: { tekst: 'Vi eftersender dokumentation.' } })
    expect(msg.statusCode).toBe(201)
    const msgs = await w.app.inject({ url: `/api/v1/sager/${id}/beskeder`, headers: auth })
    expect(msgs.json().items).toHaveLength(1)
  })

  it('when the API gets invalid data, then it answers problem+json naming the fields and stores nothing', async () => {
    const { auth } = await noegle()
    const id = (await w.app.inject({ method: 'POST', url: '/api/v1/sager', headers: auth })).json().id
    const res = await w.app.inject({
      method: 'PATCH',
      url: `/api/v1/sager/${id}`,
      headers: auth,
      payload: { lejemaal: { vejnavn: 'X', husnummer: '1', postnr: '0000', lejemaalType: 'privat' } },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'UgyldigeData', errors: { postnr: expect.stringContaining('findes ikke') } })
    const sag = await w.db.selectFrom('sager').select('postnr').where('id', '=', id).executeTakeFirstOrThrow()
    expect(sag.postnr).toBeNull()
    const schema = await w.app.inject({ method: 'PATCH', url: `/api/v1/sager/${id}`, headers: auth, payload: { ukendt: 1 } })
    expect(schema.statusCode).toBe(400)
  })

  it('when a key is revoked or wrong, then the API answers 401; a key never works for pages', async () => {
    const { agent, auth } = await noegle()
    expect((await w.app.inject({ url: '/api/v1/sager', headers: auth })).statusCode).toBe(200)
    expect((await w.app.inject({ url: '/mine-sager', headers: auth })).statusCode).toBe(302)
    const tokenId = (await w.db.selectFrom('api_tokens').select('id').orderBy('oprettet', 'desc').executeTakeFirstOrThrow()).id
    expect((await agent.post(`/konto/api-noegler/${tokenId}/tilbagekald`)).statusCode).toBe(303)
    expect((await w.app.inject({ url: '/api/v1/sager', headers: auth })).statusCode).toBe(401)
    expect((await w.app.inject({ url: '/api/v1/sager', headers: { authorization: 'Bearer naevn_forkert' } })).statusCode).toBe(401)
  })

  it('when the API is used with a session cookie, then writes need the CSRF token like forms do', async () => {
    const { agent } = await noegle()
    const noCsrf = await w.app.inject({ method: 'POST', url: '/api/v1/sager', headers: { cookie: agent.cookieHeader() } })
    expect(noCsrf.statusCode).toBe(403)
    const page = await agent.get('/mine-sager')
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!
    const ok = await w.app.inject({ method: 'POST', url: '/api/v1/sager', headers: { cookie: agent.cookieHeader(), 'x-csrf-token': token } })
    expect(ok.statusCode).toBe(201)
  })

  it('when the OpenAPI document is read, then it documents the filing operations', async () => {
    const doc = (await w.app.inject('/api/docs/json')).json()
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/sager', '/api/v1/sager/{id}', '/api/v1/sager/{id}/dokumenter', '/api/v1/sager/{id}/indsend', '/api/v1/sager/{id}/beskeder']))
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
  })
})
