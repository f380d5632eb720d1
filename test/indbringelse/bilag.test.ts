import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { Agent } from '../helpers/agent.js'
import { createUser, naevnFor } from '../helpers/factories.js'
import { fakeExe, minimalPdf } from '../helpers/multipart.js'
import { udfyldKladde } from '../helpers/indbringelse.js'

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex')

describe('attachments', () => {
  // Small limits, so the limits can be tested with small files.
  const w = useWorld({ UPLOAD_MAX_FILE_MB: '1', UPLOAD_MAX_FILES_PER_CASE: '3' })

  async function kladde() {
    await naevnFor(w.db, 101)
    const user = await createUser(w.db)
    const agent = new Agent(w.app)
    await agent.login(user.email, user.password)
    return { agent, id: await udfyldKladde(agent) }
  }

  const docs = (id: string) => w.db.selectFrom('dokumenter').select(['filnavn', 'mime', 'sha256']).where('sag_id', '=', id).execute()

  it('when PDF, PNG and text files are attached, then their type is taken from the content and each is stored', async () => {
    const { agent, id } = await kladde()
    const res = await agent.postMultipart(`/indbringelse/${id}/bilag`, { kategori: 'korrespondance' }, [
      { field: 'filer', filename: 'brev.pdf', data: minimalPdf },
      { field: 'filer', filename: 'foto-uden-endelse', data: png },
      { field: 'filer', filename: 'noter.txt', data: Buffer.from('Fugt i soveværelset siden marts.\n') },
    ])
    expect(res.statusCode, res.body.slice(0, 1500)).toBe(303)
    const rows = await docs(id)
    expect(rows.map((r) => [r.filnavn, r.mime]).sort()).toEqual([
      ['brev.pdf', 'application/pdf'],
      ['foto-uden-endelse', 'image/png'],
      ['noter.txt', 'text/plain'],
    ])
  })

  it('when the same file is attached to two cases, then its bytes are stored once', async () => {
    const a = await kladde()
    const b = await kladde()
    const data = Buffer.concat([minimalPdf, Buffer.from(`% ${Math.random()}\n`)])
    await a.agent.postMultipart(`/indbringelse/${a.id}/bilag`, { kategori: 'andet' }, [{ field: 'filer', filename: 'x.pdf', data }])
    await b.agent.postMultipart(`/indbringelse/${b.id}/bilag`, { kategori: 'andet' }, [{ field: 'filer', filename: 'y.pdf', data }])
    const [da] = await docs(a.id)
    const [db] = await docs(b.id)
    expect(da!.sha256).toBe(db!.sha256)
    const blobs = await w.db.selectFrom('document_blobs').select('sha256').where('sha256', '=', da!.sha256).execute()
    expect(blobs).toHaveLength(1)
  })

  it('when a file is disguised, empty or too large, then each is named with its reason and nothing of the batch is stored', async () => {
    const { agent, id } = await kladde()
    const res = await agent.postMultipart(`/indbringelse/${id}/bilag`, { kategori: 'andet' }, [
      { field: 'filer', filename: 'god.pdf', data: minimalPdf },
      { field: 'filer', filename: 'faktura.pdf', data: fakeExe },
      { field: 'filer', filename: 'tom.pdf', data: Buffer.alloc(0) },
      { field: 'filer', filename: 'stor.pdf', data: Buffer.concat([minimalPdf, Buffer.alloc(1024 * 1024 + 10, 32)]) },
    ])
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('faktura.pdf: filtypen er ikke tilladt')
    expect(res.body).toContain('tom.pdf: filen er tom.')
    expect(res.body).toContain('stor.pdf: filen er større end 1 MB')
    expect(await docs(id)).toHaveLength(0)
  })

  it('when a case would get more files than allowed, then the extra files are refused', async () => {
    const { agent, id } = await kladde()
    const files = [1, 2, 3, 4].map((n) => ({ field: 'filer', filename: `bilag${n}.txt`, data: Buffer.from(`bilag ${n}\n`) }))
    const res = await agent.postMultipart(`/indbringelse/${id}/bilag`, { kategori: 'andet' }, files)
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('bilag4.txt: sagen kan højst have 3 filer')
    expect(await docs(id)).toHaveLength(0)
  })

  it('when the multipart body is malformed, then the answer is a clear 400 and nothing is stored', async () => {
    const { agent, id } = await kladde()
    const res = await w.app.inject({
      method: 'POST',
      url: `/indbringelse/${id}/bilag`,
      headers: { cookie: agent.cookieHeader(), 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz\r\nContent-Disposition: form-data; name="kategori"\r\n\r\nandet\r\n--xyz\r\nContent-Disposition: form-data; name="filer"; filename="a.pdf"\r\n\r\n%PDF-1.4 ikke afsluttet',
    })
    expect(res.statusCode).toBeGreaterThanOrEqual(400)
    expect(res.statusCode).toBeLessThan(500)
    expect(await docs(id)).toHaveLength(0)
  })

  it('when no file or category is chosen, then the form says so', async () => {
    const { agent, id } = await kladde()
    const res = await agent.postMultipart(`/indbringelse/${id}/bilag`, { kategori: '' }, [])
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('Vælg, hvad filerne er.')
    expect(res.body).toContain('Vælg mindst én fil.')
  })
})
