// The case bundle of an agenda item: the index lists every document with the bundle page
// it starts on; PDFs keep their pages, pictures get one A4 page each, and what cannot be
// shown (a Word file, a broken PDF) is listed with a note instead of being left out.
import { deflateSync } from 'node:zlib'
import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { pageTexts } from '../documents/pdfjs.js'
import { lagreDokument } from '../../server/kerne/sag/bilag.js'
import { KAN_IKKE_VISES } from '../../server/kerne/documents/sagsmappe.js'
import { klarSag, loggetInd, naevnMedFolk, opretMoede, punktId, saetPaa } from './helpers.js'

// A 64x48 JPEG (made with pdftoppm from a drawn PDF).
const jpeg = Buffer.from('/9j/4AAQSkZJRgABAQEAHgAeAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAA/AFQDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDMooor3jyQooooAKKKKACiiigAooooA7Twb/yCpf8Aruf/AEFaKPBv/IKl/wCu5/8AQVorx6/8RnpUvgRxdFFFeweaTW1u9zIUQqCBnmrP9lT/AN+P8z/hRpH/AB9N/uH+YrXr5zMsyr4ev7Ona1l0PYweDpVqXNLcyP7Kn/vx/mf8KP7Kn/vx/mf8K16K8/8AtrFd19x1/wBm0PP7zI/sqf8Avx/mf8KbJps0cbOWjwoJOCf8K2aiuf8Aj1m/3D/Krp5xipTSbWr7Ezy6gotq5z1FFFfYHzx2ng3/AJBUv/Xc/wDoK0UeDf8AkFS/9dz/AOgrRXj1/wCIz0qXwI4uiiivYPNL+kf8fTf7h/mK16xNOmjgnZpG2grjOM9xWl/aFr/z1/8AHT/hXyWb4etUxLlCDastkz38vrU4UbSkk/Us0VW/tC1/56/+On/Cj+0LX/nr/wCOn/CvL+p4n/n3L7md31ij/OvvRZqK5/49Zv8AcP8AKo/7Qtf+ev8A46f8KjnvrZ4JFWTJKkAbT6VpSwmIVSLdN7royKmIouD99fejGooor70+VO08G/8AIKl/67n/ANBWijwb/wAgqX/ruf8A0FaK8ev/ABGelS+BHF0UUV7B5oUUUUAFFFFABRRRQAUUUUAdp4N/5BUv/Xc/+grRR4N/5BUv/Xc/+grRXj1/4jPSpfAj/9k=', 'base64')

/** An RGB PNG of the given size, written by hand (signature, IHDR, IDAT, IEND). */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (b: Buffer) => {
    let c = 0xffffffff
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type), data])
    const c = Buffer.alloc(4)
    c.writeUInt32BE(crc(td))
    return Buffer.concat([len, td, c])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  const rows = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows.set([x % 256, y % 256, 128], y * (width * 3 + 1) + 1 + x * 3)
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}

async function pdfMedSider(n: number, tekst: string): Promise<Buffer> {
  const d = await PDFDocument.create()
  for (let i = 0; i < n; i++) d.addPage([595, 842]).drawText(`${tekst} side ${i + 1}`, { x: 50, y: 700, size: 14 })
  return Buffer.from(await d.save())
}

describe('case bundle (sagsmappe)', () => {
  const w = useWorld()

  it('when a case has PDFs, pictures, a Word file and a broken PDF, then the bundle has every page and its index points at each start page', async () => {
    const { naevnId, sb, filer } = await naevnMedFolk(w)
    const sagId = await klarSag(w, filer.agent)
    const filerne: { filnavn: string; mime: string; data: Buffer; kategori: string }[] = [
      { filnavn: 'lejekontrakt.pdf', mime: 'application/pdf', data: await pdfMedSider(3, 'Lejekontrakt'), kategori: 'lejekontrakt' },
      { filnavn: 'fugt.png', mime: 'image/png', data: png(1600, 1200), kategori: 'foto' },
      { filnavn: 'notat.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', data: Buffer.from('PK\x03\x04 ikke en rigtig docx'), kategori: 'andet' },
      { filnavn: 'ødelagt.pdf', mime: 'application/pdf', data: Buffer.from('%PDF-1.7 intet andet'), kategori: 'andet' },
      { filnavn: 'vindue.jpg', mime: 'image/jpeg', data: jpeg, kategori: 'foto' },
      { filnavn: 'opgørelse.pdf', mime: 'application/pdf', data: await pdfMedSider(2, 'Opgoerelse'), kategori: 'regnskab' },
    ]
    for (const [i, f] of filerne.entries()) {
      await w.db.transaction().execute((trx) => lagreDokument(trx, { sagId, ...f, uploadetAf: null, synligForParter: true }))
      // Distinct times keep the documents in this order.
      await w.db.updateTable('dokumenter').set({ oprettet: new Date(Date.UTC(2026, 0, 1, 10, i)) }).where('sag_id', '=', sagId).where('filnavn', '=', f.filnavn).execute()
    }
    const moedeId = await opretMoede(sb.agent, naevnId)
    await saetPaa(sb.agent, moedeId, sagId)
    const res = await sb.agent.get(`/sagsbehandling/moeder/${moedeId}/punkter/${await punktId(w, moedeId, sagId)}/sagsmappe.pdf`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    const sider = await pageTexts(res.rawPayload)
    const indeks = sider[0]!.replace(/\s+/g, ' ')
    for (const f of filerne) expect(indeks).toContain(f.filnavn)
    expect(indeks.split(KAN_IKKE_VISES)).toHaveLength(3)
    const starts = [...indeks.matchAll(/Side (\d+)(?! af)/g)].map((m) => Number(m[1]))
    // lejekontrakt (3), fugt.png (1), vindue.jpg (1), opgørelse (2) after a one-page index.
    expect(starts).toEqual([2, 5, 6, 7])
    expect(sider.length).toBe(starts.at(-1)! + 2 - 1)
    expect(sider[1]).toContain('Lejekontrakt side 1')
    expect(sider[3]).toContain('Lejekontrakt side 3')
    expect(sider[4]).toContain('fugt.png')
    expect(sider[5]).toContain('vindue.jpg')
    expect(sider[6]).toContain('Opgoerelse side 1')
    expect(sider[7]).toContain(`sagsmappe side 8 af 8`)
    // Every picture page is A4, and the picture fits inside it.
    const pdf = await PDFDocument.load(res.rawPayload)
    const { width, height } = pdf.getPage(4).getSize()
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842])
  })

  it('when the index itself takes several pages, then the start pages count them and still add up to the bundle', async () => {
    const { naevnId, sb, filer } = await naevnMedFolk(w)
    const sagId = await klarSag(w, filer.agent)
    for (let i = 1; i <= 45; i++) {
      const data = await pdfMedSider(1 + (i % 2), `Bilag ${i}`)
      await w.db.transaction().execute((trx) => lagreDokument(trx, { sagId, filnavn: `bilag-${String(i).padStart(2, '0')}.pdf`, mime: 'application/pdf', data, kategori: 'andet', uploadetAf: null, synligForParter: true }))
    }
    const moedeId = await opretMoede(sb.agent, naevnId)
    await saetPaa(sb.agent, moedeId, sagId)
    const res = await sb.agent.get(`/sagsbehandling/moeder/${moedeId}/punkter/${await punktId(w, moedeId, sagId)}/sagsmappe.pdf`)
    const sider = await pageTexts(res.rawPayload)
    const indeksSider = sider.findIndex((t) => t.includes('Bilag 1 side 1'))
    expect(indeksSider).toBeGreaterThan(1)
    const starts = sider.slice(0, indeksSider).flatMap((t) => [...t.replace(/\s+/g, ' ').matchAll(/Side (\d+)(?! af)/g)].map((m) => Number(m[1])))
    expect(starts).toHaveLength(45)
    expect(starts[0]).toBe(indeksSider + 1)
    // bilag-45 has 2 pages (45 % 2 = 1).
    expect(sider.length).toBe(starts.at(-1)! + 2 - 1)
    expect(sider[starts.at(-1)! - 1]).toContain('Bilag 45 side 1')
  })

  it('when a board member opens the bundle of an item on a published agenda, then it is the same bundle', async () => {
    const { naevnId, sb, filer } = await naevnMedFolk(w)
    const medlem = await loggetInd(w, naevnId, 'naevnsmedlem')
    const sagId = await klarSag(w, filer.agent)
    await w.db.transaction().execute((trx) => lagreDokument(trx, { sagId, filnavn: 'bilag.pdf', mime: 'application/pdf', data: Buffer.from('%PDF-1.7 brudt'), kategori: 'andet', uploadetAf: null, synligForParter: true }))
    const moedeId = await opretMoede(sb.agent, naevnId)
    await saetPaa(sb.agent, moedeId, sagId)
    await sb.agent.post(`/sagsbehandling/moeder/${moedeId}/offentliggoer`)
    const res = await medlem.agent.get(`/naevnsportal/moeder/${moedeId}/punkter/${await punktId(w, moedeId, sagId)}/sagsmappe.pdf`)
    expect(res.statusCode).toBe(200)
    const sider = await pageTexts(res.rawPayload)
    expect(sider).toHaveLength(1)
    expect(sider[0]).toContain('bilag.pdf')
  })
})
