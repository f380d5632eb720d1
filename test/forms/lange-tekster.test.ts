// A text over its limit is refused with a Danish field error and shown again whole: no
// form field is shortened silently (the caseworker's letter, hearing text, message and
// assessment; the party's message; the filer's description).
import { beforeAll, describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { sagsbehandling, type Sagsbehandling } from '../helpers/afgoerelse.js'
import { indbringSag, udfyldKladde } from '../helpers/indbringelse.js'
import { text } from '../../server/platform/forms/form.js'

/** A text of exactly n characters that ends in a marker, so a cut-off shows. */
const tekstPaa = (n: number) => `${'æbleskive '.repeat(Math.ceil(n / 10)).slice(0, n - 5)}SLUT.`

describe('texts over their limit', () => {
  const w = useWorld()
  let s: Sagsbehandling
  let sagId: string
  let partId: string

  beforeAll(async () => {
    s = await sagsbehandling(w)
    sagId = await indbringSag(s.fa)
    partId = (await w.db.selectFrom('parter').select('id').where('sag_id', '=', sagId).executeTakeFirstOrThrow()).id
  })

  const antal = async (tabel: 'beskeder' | 'partshoeringer' | 'dokumenter') =>
    (await w.db.selectFrom(tabel).select('id').where('sag_id', '=', sagId).execute()).length

  it('when a field is longer than its limit, then text() returns it whole', () => {
    expect(text({ brev: tekstPaa(40) }, 'brev', 10)).toHaveLength(40)
  })

  it('when the caseworker’s letter is 30,001 characters, then it is refused with a Danish error, kept whole, and nothing is sent', async () => {
    const brev = tekstPaa(30_001)
    const foer = await antal('dokumenter')
    const res = await s.sb.post(`/sagsbehandling/sager/${sagId}/breve`, { brev_modtagere: partId, emne: 'Brev', brevtekst: brev })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('Teksten er for lang: den må højst være 30.000 tegn, og den er 30.001.')
    expect(res.body).toContain(`${brev}</textarea>`)
    expect(await antal('dokumenter')).toBe(foer)
  })

  it('when a letter is exactly at its limit, then it is sent', async () => {
    const res = await s.sb.post(`/sagsbehandling/sager/${sagId}/breve`, { brev_modtagere: partId, emne: 'Brev', brevtekst: tekstPaa(30_000) })
    expect(res.statusCode).toBe(303)
  })

  it('when a hearing’s text is 20,001 characters, then no hearing is sent and the text stays', async () => {
    const besked = tekstPaa(20_001)
    const res = await s.sb.post(`/sagsbehandling/sager/${sagId}/partshoeringer`, { modtagere: partId, besked, frist: '' })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('højst være 20.000 tegn')
    expect(res.body).toContain(`${besked}</textarea>`)
    expect(await antal('partshoeringer')).toBe(0)
  })

  it('when the caseworker’s message to a party is 10,001 characters, then it is refused and kept', async () => {
    const beskedtekst = tekstPaa(10_001)
    const foer = await antal('beskeder')
    const res = await s.sb.post(`/sagsbehandling/sager/${sagId}/beskeder`, { besked_til: s.filer.id, beskedtekst })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('højst være 10.000 tegn')
    expect(res.body).toContain(`${beskedtekst}</textarea>`)
    expect(await antal('beskeder')).toBe(foer)
  })

  it('when the assessment is 50,001 characters, then it is not saved and the page shows it whole', async () => {
    const vurdering = tekstPaa(50_001)
    const res = await s.sb.post(`/sagsbehandling/sager/${sagId}/vurdering`, { vurdering })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('højst være 50.000 tegn')
    expect(res.body).toContain(`${vurdering}</textarea>`)
    expect((await w.db.selectFrom('sager').select('vurdering').where('id', '=', sagId).executeTakeFirstOrThrow()).vurdering).toBeNull()
  })

  it('when the caseworker’s page is shown, then each text area says its limit', async () => {
    const res = await s.sb.get(`/sagsbehandling/sager/${sagId}`)
    for (const graense of ['30.000', '20.000', '10.000', '50.000']) expect(res.body).toContain(`Højst ${graense} tegn.`)
  })

  it('when a party’s message is 5,001 characters, then it is refused with the text kept', async () => {
    const tekst = tekstPaa(5001)
    const foer = await antal('beskeder')
    const res = await s.fa.postMultipart(`/sager/${sagId}/beskeder`, { tekst }, [])
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('5.000 tegn')
    expect(res.body).toContain(`${tekst}</textarea>`)
    expect(await antal('beskeder')).toBe(foer)
  })

  it('when the filer’s description is 10,001 characters, then the step refuses it and shows it whole', async () => {
    const kladde = await udfyldKladde(s.fa)
    const beskrivelse = tekstPaa(10_001)
    const res = await s.fa.post(`/indbringelse/${kladde}/sagen`, { formaal: 'klage', sagsomraader: 'vedligeholdelse', beskrivelse })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('10.000 tegn')
    expect(res.body).toContain(`${beskrivelse}</textarea>`)
    expect(res.body).not.toContain('maxlength')
  })
})
