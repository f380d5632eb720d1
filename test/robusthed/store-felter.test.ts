// Huge form fields and many fields: refused with 413 (or the form's own 400) and a
// Danish message, within the body limits, and nothing is stored cut off.
import { beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { borgerMedSag, udfyldKladde } from '../helpers/indbringelse.js'

const MB = 1024 * 1024

describe('huge form fields', () => {
  const w = useWorld()
  let agent: Agent
  let sagId: string
  let auth: Record<string, string>

  beforeAll(async () => {
    ;({ agent, sagId, auth } = await borgerMedSag(w))
  })

  const beskeder = async () => (await w.db.selectFrom('beskeder').select('id').where('sag_id', '=', sagId).execute()).length

  it('when a form has a 10 MB text field, then it answers 413 with the Danish page and stores nothing', async () => {
    const kladde = await udfyldKladde(agent)
    const foer = await w.db.selectFrom('sager').select('beskrivelse').where('id', '=', kladde).executeTakeFirstOrThrow()
    const res = await agent.post(`/indbringelse/${kladde}/sagen`, { formaal: 'klage', sagsomraader: 'vedligeholdelse', beskrivelse: 'æ'.repeat(5 * MB) })
    expect(res.statusCode).toBe(413)
    expect(res.headers['content-type']).toContain('text/html')
    expect(res.body).toContain('Filen eller formularen er for stor')
    expect(res.body).not.toMatch(/Request body is too large/i)
    expect(await w.db.selectFrom('sager').select('beskrivelse').where('id', '=', kladde).executeTakeFirstOrThrow()).toEqual(foer)
  })

  it('when a form has 100,000 fields, then it answers 413 and the server goes on', async () => {
    const felter = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`f${i}`, '1']))
    const res = await agent.post(`/sager/${sagId}/beskeder`, felter)
    expect(res.statusCode).toBe(413)
    expect(res.body).toContain('Filen eller formularen er for stor')
    expect((await agent.get(`/sager/${sagId}`)).statusCode).toBe(200)
  })

  it('when a multipart text field is longer than the parser keeps, then it is refused with 413, not saved cut off', async () => {
    const res = await agent.postMultipart(`/sager/${sagId}/beskeder`, { tekst: 'y'.repeat(10 * MB) }, [])
    expect(res.statusCode).toBe(413)
    expect(res.body).toContain('Et tekstfelt i formularen er for langt. Forkort teksten og prøv igen.')
    // A hearing answer allows 25,000 characters; one of 200,000 would otherwise have been cut to fit.
    const svar = await agent.postMultipart(`/sager/${sagId}/hoeringer/00000000-0000-0000-0000-000000000000/svar`, { svar: 'z'.repeat(200_000) }, [])
    expect(svar.statusCode).toBe(413)
    expect(await beskeder()).toBe(0)
  })

  it('when a multipart form has thousands of fields, then it answers 413 in Danish', async () => {
    const felter = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`f${i}`, 'x']))
    const res = await agent.postMultipart(`/sager/${sagId}/beskeder`, felter, [])
    expect(res.statusCode).toBe(413)
    expect(res.body).toContain('Filen eller formularen er for stor')
    expect(res.body).not.toMatch(/reach (fields|parts) limit/i)
  })

  it('when the API gets a 10 MB JSON body or text field, then it answers 413 or 400 problem+json in Danish', async () => {
    const stor = await w.app.inject({ method: 'POST', url: `/api/v1/sager/${sagId}/beskeder`, headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify({ tekst: 'x'.repeat(10 * MB) }) })
    expect(stor.statusCode).toBe(413)
    expect(stor.headers['content-type']).toContain('application/problem+json')
    expect(stor.json().detail).toContain('Filen eller formularen er for stor')
    // Within the body limit but past the message's own limit: the field is named.
    const lang = await w.app.inject({ method: 'POST', url: `/api/v1/sager/${sagId}/beskeder`, headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify({ tekst: 'x'.repeat(200_000) }) })
    expect(lang.statusCode).toBe(400)
    expect(lang.headers['content-type']).toContain('application/problem+json')
    const mange = await w.app.inject({ method: 'POST', url: `/api/v1/sager/${sagId}/beskeder`, headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`f${i}`, 1]))) })
    expect(mange.statusCode).toBeGreaterThanOrEqual(400)
    expect(mange.statusCode).toBeLessThan(500)
    expect(await beskeder()).toBe(0)
  })

  it('when a query string is huge, then the public search answers without 500', async () => {
    const q = encodeURIComponent('leje '.repeat(5_000))
    const res = await w.app.inject(`/afgoerelser?q=${q}`)
    expect(res.statusCode).toBeLessThan(500)
    const api = await w.app.inject(`/api/v1/register/afgoerelser?q=${q}`)
    expect(api.statusCode).toBeLessThan(500)
    const mange = await w.app.inject(`/afgoerelser?${Array.from({ length: 2_000 }, (_, i) => `emne=x${i}`).join('&')}`)
    expect(mange.statusCode).toBeLessThan(500)
  })
})
