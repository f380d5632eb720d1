import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { createUser } from '../helpers/factories.js'
import {
  formatKroner,
  gebyrForIndbringelse,
  laesGebyrsatsForm,
  listGebyrsatser,
  manglendeGebyrsatser,
  saetGebyrsats,
} from '../../server/kerne/sag/gebyr.js'
import { ValidationError } from '../../server/platform/errors.js'

describe('the fee for filing a case', () => {
  const w = useWorld()

  it('when a tenant files a complaint at a huslejenævn in 2024, then the fee is 357 kr.', async () => {
    expect(await gebyrForIndbringelse(w.db, { aar: 2024, naevnType: 'huslejenaevn', formaal: 'klage' })).toEqual({
      beloebKr: 357,
      kategori: 'indbringelse',
      aar: 2024,
    })
    expect(await gebyrForIndbringelse(w.db, { aar: 2023, naevnType: 'huslejenaevn', formaal: 'klage' })).toMatchObject({ beloebKr: 345 })
  })

  it('when a landlord asks for forhåndsgodkendelse in 2024, then its own fee of 4.552 kr. applies', async () => {
    const gebyr = await gebyrForIndbringelse(w.db, { aar: 2024, naevnType: 'huslejenaevn', formaal: 'forhaandsgodkendelse' })
    expect(gebyr).toEqual({ beloebKr: 4552, kategori: 'forhaandsgodkendelse', aar: 2024 })
    expect(formatKroner(4552)).toBe('4.552 kr.')
    expect(await gebyrForIndbringelse(w.db, { aar: 2024, naevnType: 'huslejenaevn', formaal: 'paragraf_132_stk_2' })).toMatchObject({ beloebKr: 596 })
  })

  it('when a case is filed at a beboerklagenævn in 2024, then the fee is 167 kr.; for 2023 none is known', async () => {
    expect(await gebyrForIndbringelse(w.db, { aar: 2024, naevnType: 'beboerklagenaevn', formaal: 'klage' })).toEqual({
      beloebKr: 167,
      kategori: 'indbringelse',
      aar: 2024,
    })
    expect(await gebyrForIndbringelse(w.db, { aar: 2023, naevnType: 'beboerklagenaevn', formaal: 'klage' })).toEqual({
      mangler: true,
      aar: 2023,
      kategori: 'indbringelse',
    })
  })

  it('when no rate is set for 2026, then the fee is reported missing, never invented', async () => {
    expect(await gebyrForIndbringelse(w.db, { aar: 2026, naevnType: 'huslejenaevn', formaal: 'klage' })).toEqual({
      mangler: true,
      aar: 2026,
      kategori: 'indbringelse',
    })
    expect(await gebyrForIndbringelse(w.db, { aar: 2026, naevnType: 'huslejenaevn', formaal: 'forhaandsgodkendelse' })).toEqual({
      mangler: true,
      aar: 2026,
      kategori: 'forhaandsgodkendelse',
    })
  })

  it('when forhåndsgodkendelse is asked of a beboerklagenævn, then it is refused', async () => {
    await expect(gebyrForIndbringelse(w.db, { aar: 2024, naevnType: 'beboerklagenaevn', formaal: 'forhaandsgodkendelse' })).rejects.toThrow(ValidationError)
  })

  it('when an administrator sets a rate twice, then the second amount wins and both changes are logged', async () => {
    const admin = await createUser(w.db, { admin: true })
    await saetGebyrsats(w.db, { aar: 2031, naevnType: 'huslejenaevn', kategori: 'indbringelse', beloebKr: 390 }, admin.id)
    expect(await gebyrForIndbringelse(w.db, { aar: 2031, naevnType: 'huslejenaevn', formaal: 'klage' })).toMatchObject({ beloebKr: 390 })
    await saetGebyrsats(w.db, { aar: 2031, naevnType: 'huslejenaevn', kategori: 'indbringelse', beloebKr: 391 }, admin.id)
    expect(await gebyrForIndbringelse(w.db, { aar: 2031, naevnType: 'huslejenaevn', formaal: 'klage' })).toMatchObject({ beloebKr: 391 })

    const rows = await w.db.selectFrom('gebyrsatser').select(['beloeb_kr', 'opdateret_af']).where('aar', '=', 2031).execute()
    expect(rows).toEqual([{ beloeb_kr: 391, opdateret_af: admin.id }])
    const log = await w.db
      .selectFrom('revisionslog')
      .select(['handling', 'detaljer', 'aktoer_id'])
      .where('objekt_type', '=', 'gebyr')
      .where('objekt_id', '=', '2031/huslejenaevn/indbringelse')
      .orderBy('id')
      .execute()
    expect(log).toEqual([
      { handling: 'gebyrsats_sat', aktoer_id: admin.id, detaljer: expect.objectContaining({ beloebKr: 390, tidligereBeloebKr: null }) },
      { handling: 'gebyrsats_sat', aktoer_id: admin.id, detaljer: expect.objectContaining({ beloebKr: 391, tidligereBeloebKr: 390 }) },
    ])
  })

  it('when a rate is set for a category a beboerklagenævn does not have, then it is refused and nothing is stored', async () => {
    const admin = await createUser(w.db, { admin: true })
    await expect(
      saetGebyrsats(w.db, { aar: 2032, naevnType: 'beboerklagenaevn', kategori: 'forhaandsgodkendelse', beloebKr: 100 }, admin.id),
    ).rejects.toThrow(ValidationError)
    expect(await w.db.selectFrom('gebyrsatser').selectAll().where('aar', '=', 2032).execute()).toEqual([])
  })

  it('when the rates are listed, then the newest year comes first and categories keep their legal order', async () => {
    const satser = (await listGebyrsatser(w.db)).filter((s) => s.aar === 2024 || s.aar === 2023)
    expect(satser.map((s) => `${s.aar} ${s.naevnType} ${s.kategori} ${s.beloebKr}`)).toEqual([
      '2024 huslejenaevn indbringelse 357',
      '2024 huslejenaevn paragraf_132_stk_2 596',
      '2024 huslejenaevn forhaandsgodkendelse 4552',
      '2024 huslejenaevn udlejer_lejer_faar_medhold 6827',
      '2024 beboerklagenaevn indbringelse 167',
      '2023 huslejenaevn indbringelse 345',
      '2023 huslejenaevn paragraf_132_stk_2 576',
      '2023 huslejenaevn forhaandsgodkendelse 4597',
      '2023 huslejenaevn udlejer_lejer_faar_medhold 6597',
    ])
    expect(satser[0]!.opdateretAf).toBeNull()
    expect(manglendeGebyrsatser(satser, 2024)).toEqual([])
    expect(manglendeGebyrsatser(satser, 2023)).toEqual([{ naevnType: 'beboerklagenaevn', kategori: 'indbringelse' }])
  })
})

describe('amounts in Danish', () => {
  it('when an amount is formatted, then it uses the Danish thousands separator and "kr."', () => {
    expect(formatKroner(357)).toBe('357 kr.')
    expect(formatKroner(4552)).toBe('4.552 kr.')
    expect(formatKroner(1234567)).toBe('1.234.567 kr.')
    expect(formatKroner(0)).toBe('0 kr.')
  })

  it('when the admin form is read, then "4.552", "4552" and "4.552 kr." are the same amount and øre are refused', () => {
    const form = (beloeb: string) => laesGebyrsatsForm({ aar: '2026', naevnType: 'huslejenaevn', kategori: 'forhaandsgodkendelse', beloeb })
    for (const beloeb of ['4552', '4.552', '4.552 kr.', ' 4 552 ', '4552kr']) {
      expect(form(beloeb), beloeb).toEqual({ input: { aar: 2026, naevnType: 'huslejenaevn', kategori: 'forhaandsgodkendelse', beloebKr: 4552 } })
    }
    for (const beloeb of ['4552,50', '45.52', '-10', 'mange', '']) {
      const r = form(beloeb)
      expect('errors' in r && r.errors.toView().fejl.beloeb, beloeb).toMatch(/hele kroner/)
    }
  })

  it('when the admin form has a bad year, type or category, then each field gets its message', () => {
    const r = laesGebyrsatsForm({ aar: '26', naevnType: 'andet', kategori: 'x', beloeb: '1' })
    expect('errors' in r && r.errors.toView().fejl).toEqual({
      aar: 'Skriv et årstal mellem 2000 og 2100.',
      naevnType: 'Vælg nævnstype.',
      kategori: 'Vælg gebyrets kategori.',
    })
    const bkn = laesGebyrsatsForm({ aar: '2026', naevnType: 'beboerklagenaevn', kategori: 'udlejer_lejer_faar_medhold', beloeb: '1' })
    expect('errors' in bkn && bkn.errors.toView().fejl).toEqual({ kategori: 'Et beboerklagenævn har ikke denne gebyrkategori.' })
  })
})
