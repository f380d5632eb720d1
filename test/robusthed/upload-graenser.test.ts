// Uploads at and past the limits: exactly the largest file is accepted, one byte more is
// named on the page with what was typed kept, too many files answer 413 in Danish, and a
// file's type, name and emptiness never decide what is stored.
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { minimalPdf, multipartBody } from '../helpers/multipart.js'
import { indbringSag, udfyldKladde } from '../helpers/indbringelse.js'

const MB = 1024 * 1024
/** A valid PDF of exactly n bytes (padding after %%EOF is ignored by readers and file-type). */
const pdfAf = (n: number) => Buffer.concat([minimalPdf, Buffer.alloc(n - minimalPdf.length, 32)])
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex')

describe('uploads at and past the limits', () => {
  const w = useWorld({ UPLOAD_MAX_FILE_MB: '1', UPLOAD_MAX_FILES_PER_REQUEST: '3' })

  async function borger() {
    await naevnFor(w.db, 101)
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    return agent
  }
  const docs = (id: string) => w.db.selectFrom('dokumenter').select(['filnavn', 'mime', 'stoerrelse']).where('sag_id', '=', id).execute()

  it('when a file is exactly the largest size allowed, then it is stored whole', async () => {
    const agent = await borger()
    const id = await udfyldKladde(agent)
    const res = await agent.postMultipart(`/indbringelse/${id}/bilag`, { kategori: 'andet' }, [{ field: 'filer', filename: 'praecis.pdf', data: pdfAf(MB) }])
    expect(res.statusCode, res.body.slice(0, 1000)).toBe(303)
    expect(await docs(id)).toEqual([{ filnavn: 'praecis.pdf', mime: 'application/pdf', stoerrelse: MB }])
  })

  it('when a message’s file is one byte too large, then the page names it in Danish, keeps the text and stores nothing', async () => {
    const agent = await borger()
    const sagId = await indbringSag(agent)
    const foer = await docs(sagId)
    const tekst = 'Her er billederne af fugtskaden – “vigtigt” & <haster>'
    const res = await agent.postMultipart(`/sager/${sagId}/beskeder`, { tekst }, [{ field: 'fil', filename: 'for-stor.pdf', data: pdfAf(MB + 1) }])
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('text/html')
    expect(res.body).toContain('for-stor.pdf: filen er større end 1 MB')
    // What was typed is back in the form, escaped.
    expect(res.body).toContain('Her er billederne af fugtskaden – “vigtigt” &amp; &lt;haster&gt;')
    expect(await docs(sagId)).toEqual(foer)
    expect(await w.db.selectFrom('beskeder').select('id').where('sag_id', '=', sagId).execute()).toHaveLength(0)
  })

  it('when more files than allowed are sent at once, then the page answers 413 in Danish naming the limit and nothing is stored', async () => {
    const agent = await borger()
    const id = await udfyldKladde(agent)
    const filer = [1, 2, 3, 4].map((n) => ({ field: 'filer', filename: `bilag${n}.txt`, data: Buffer.from(`bilag ${n}\n`) }))
    const res = await agent.postMultipart(`/indbringelse/${id}/bilag`, { kategori: 'andet' }, filer)
    expect(res.statusCode).toBe(413)
    expect(res.headers['content-type']).toContain('text/html')
    expect(res.body).toContain('Filen eller formularen er for stor')
    expect(res.body).toContain('højst sendes 3 filer ad gangen, hver på højst 1 MB')
    expect(res.body).not.toMatch(/reach files limit/i)
    expect(await docs(id)).toHaveLength(0)
  })

  it('when the API gets too many files or one byte too many, then problem+json says so in Danish and nothing is stored', async () => {
    const agent = await borger()
    const auth = await agent.apiKey()
    const id = (await w.app.inject({ method: 'POST', url: '/api/v1/sager', headers: auth })).json().id as string
    const send = (files: { field: string; filename: string; data: Buffer }[]) => {
      const { payload, contentType } = multipartBody({ kategori: 'andet' }, files)
      return w.app.inject({ method: 'POST', url: `/api/v1/sager/${id}/dokumenter`, headers: { ...auth, 'content-type': contentType }, payload })
    }
    const mange = await send([1, 2, 3, 4].map((n) => ({ field: 'filer', filename: `f${n}.txt`, data: Buffer.from(`f ${n}\n`) })))
    expect(mange.statusCode).toBe(413)
    expect(mange.headers['content-type']).toContain('application/problem+json')
    expect(mange.json().detail).toContain('højst sendes 3 filer ad gangen')

    const over = await send([{ field: 'filer', filename: 'stor.pdf', data: pdfAf(MB + 1) }])
    expect(over.statusCode).toBe(400)
    expect(over.json()).toMatchObject({ code: 'FilerAfvist', errors: { 'stor.pdf': 'filen er større end 1 MB' } })

    const praecis = await send([{ field: 'filer', filename: 'praecis.pdf', data: pdfAf(MB) }])
    expect(praecis.statusCode, praecis.body).toBe(201)
    expect((await docs(id)).map((d) => d.filnavn)).toEqual(['praecis.pdf'])
  })

  it('when a file’s name lies about its content, then the content decides: a picture named .pdf is a PNG, text named .pdf is refused', async () => {
    const agent = await borger()
    const id = await udfyldKladde(agent)
    const ok = await agent.postMultipart(`/indbringelse/${id}/bilag`, { kategori: 'foto' }, [{ field: 'filer', filename: 'foto.pdf', data: png }])
    expect(ok.statusCode).toBe(303)
    expect(await docs(id)).toEqual([{ filnavn: 'foto.pdf', mime: 'image/png', stoerrelse: png.length }])

    const nej = await agent.postMultipart(`/indbringelse/${id}/bilag`, { kategori: 'andet' }, [{ field: 'filer', filename: 'kontrakt.pdf', data: Buffer.from('Dette er ikke en PDF.\n') }])
    expect(nej.statusCode).toBe(400)
    expect(nej.body).toContain('kontrakt.pdf: filtypen er ikke tilladt')
    expect(await docs(id)).toHaveLength(1)
  })

  it('when a file name climbs directories or has control characters, then only a clean base name is stored', async () => {
    const agent = await borger()
    const id = await udfyldKladde(agent)
    const res = await agent.postMultipart(`/indbringelse/${id}/bilag`, { kategori: 'andet' }, [
      { field: 'filer', filename: '../../etc/passwd', data: minimalPdf },
      { field: 'filer', filename: '..\\..\\windows\\system32\\a<b>.pdf', data: pdfAf(minimalPdf.length + 1) },
    ])
    expect(res.statusCode, res.body.slice(0, 1000)).toBe(303)
    expect((await docs(id)).map((d) => d.filnavn).sort()).toEqual(['a_b_.pdf', 'passwd'])
    // The page lists them under their clean names only.
    const side = await agent.get(`/indbringelse/${id}/bilag`)
    expect(side.body).not.toContain('../')
  })

  it('when a file part has an empty name or no bytes, then it is not taken for a file and the form says so', async () => {
    const agent = await borger()
    const id = await udfyldKladde(agent)
    const utenNavn = await agent.postMultipart(`/indbringelse/${id}/bilag`, { kategori: 'andet' }, [{ field: 'filer', filename: '', data: minimalPdf }])
    expect(utenNavn.statusCode).toBe(400)
    expect(utenNavn.body).toContain('Vælg mindst én fil.')
    const tom = await agent.postMultipart(`/indbringelse/${id}/bilag`, { kategori: 'andet' }, [{ field: 'filer', filename: 'tom.pdf', data: Buffer.alloc(0) }])
    expect(tom.statusCode).toBe(400)
    expect(tom.body).toContain('tom.pdf: filen er tom.')
    expect(await docs(id)).toHaveLength(0)
  })
})
