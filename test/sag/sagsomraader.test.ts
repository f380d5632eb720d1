import { describe, expect, it } from 'vitest'
import {
  formaalFor,
  sagsomraaderFor,
  spoergsmaalFor,
  udenforKompetence,
  validateFormaal,
  validateSagsomraader,
} from '../../server/kerne/sag/sagsomraader.js'
import { naevnTyper } from '../../server/kerne/naevn/naevn.js'

describe('case areas per board type', () => {
  it('when a huslejenævn is chosen, then its areas from the law are offered, husorden for landlords only', () => {
    const omraader = sagsomraaderFor('huslejenaevn')
    expect(omraader.map((o) => o.kode)).toEqual([
      'husleje',
      'depositum',
      'vedligeholdelse',
      'fraflytning',
      'forbrug',
      'antenne',
      'mangler_ved_begyndelse',
      'forbedringer',
      'husorden',
      'forhaandsgodkendelse',
    ])
    expect(omraader.filter((o) => o.kunUdlejer).map((o) => o.kode)).toEqual(['husorden', 'forhaandsgodkendelse'])
    expect(omraader.find((o) => o.kode === 'forbrug')?.label).toBe('Varme, vand eller andet forbrug')
  })

  it('when a beboerklagenævn is chosen, then its own areas are offered and none is for landlords only', () => {
    const omraader = sagsomraaderFor('beboerklagenaevn')
    expect(omraader.map((o) => o.kode)).toEqual([
      'fraflytning',
      'depositum',
      'boligens_stand',
      'varsling_lejeforhoejelse',
      'forbedringer',
      'forbrug',
      'antenne',
      'fremleje_bytte',
      'beboerdemokrati',
      'husorden',
    ])
    expect(omraader.some((o) => o.kunUdlejer)).toBe(false)
  })

  it('when the lists are read, then every code is ASCII and unique, every label Danish text, and nothing can be changed', () => {
    for (const type of naevnTyper) {
      const koder = sagsomraaderFor(type).map((o) => o.kode)
      expect(new Set(koder).size).toBe(koder.length)
      for (const kode of [...koder, ...udenforKompetence(type).map((u) => u.kode)]) expect(kode).toMatch(/^[a-z0-9_]+$/)
      for (const o of sagsomraaderFor(type)) expect(o.label.length).toBeGreaterThan(3)
    }
    const list = sagsomraaderFor('huslejenaevn') as unknown as { kode: string }[]
    expect(() => list.push({ kode: 'nyt' })).toThrow(TypeError)
    expect(() => Object.assign(list[0]!, { kode: 'andet' })).toThrow(TypeError)
  })

  it('when areas with guiding questions are chosen, then their questions come once each, in order', () => {
    expect(spoergsmaalFor('huslejenaevn', ['fraflytning'])).toEqual([
      { felt: 'fraflytningsdato', label: 'Hvornår flyttede lejeren ud?', type: 'dato', paakraevet: true },
    ])
    const husleje = spoergsmaalFor('huslejenaevn', ['husleje', 'depositum', 'vedligeholdelse'])
    expect(husleje.map((s) => [s.felt, s.type, s.paakraevet])).toEqual([
      ['nuvaerende_maanedlig_leje', 'beloeb', true],
      ['varslet_forhoejelse_dato', 'dato', false],
      ['depositum_beloeb', 'beloeb', true],
    ])
    expect(spoergsmaalFor('beboerklagenaevn', ['forbrug']).map((s) => s.felt)).toEqual(['regnskabsperiode_fra', 'regnskabsperiode_til'])
    expect(spoergsmaalFor('huslejenaevn', ['antenne', 'findes_ikke'])).toEqual([])
  })
})

describe('purposes (formål)', () => {
  it('when a tenant files at a huslejenævn, then only Klage is offered', () => {
    expect(formaalFor('huslejenaevn', 'lejer').map((f) => f.kode)).toEqual(['klage'])
  })

  it('when a landlord files at a huslejenævn, then forhåndsgodkendelse and § 132, stk. 2 are offered too', () => {
    const formaal = formaalFor('huslejenaevn', 'udlejer')
    expect(formaal.map((f) => f.kode)).toEqual(['klage', 'forhaandsgodkendelse', 'paragraf_132_stk_2'])
    expect(formaal[0]!.label).toBe('Klage')
    expect(formaal[1]!.label).toBe('Anmodning om forhåndsgodkendelse af leje')
  })

  it('when anyone files at a beboerklagenævn, then only Klage is offered', () => {
    expect(formaalFor('beboerklagenaevn', 'lejer').map((f) => f.kode)).toEqual(['klage'])
    expect(formaalFor('beboerklagenaevn', 'udlejer').map((f) => f.kode)).toEqual(['klage'])
  })

  it('when a purpose is checked, then a tenant asking for forhåndsgodkendelse and a foreign purpose are refused', () => {
    expect(validateFormaal('huslejenaevn', 'udlejer', 'forhaandsgodkendelse')).toBeNull()
    expect(validateFormaal('huslejenaevn', 'lejer', 'klage')).toBeNull()
    expect(validateFormaal('huslejenaevn', 'lejer', 'forhaandsgodkendelse')).toBe('Kun udlejer kan indbringe en sag med dette formål.')
    expect(validateFormaal('beboerklagenaevn', 'udlejer', 'forhaandsgodkendelse')).toMatch(/hører ikke under et beboerklagenævn/)
    expect(validateFormaal('huslejenaevn', 'lejer', '')).toBe('Vælg formålet med sagen.')
  })
})

describe('topics outside the board’s competence', () => {
  it('when a huslejenævn case is started, then termination, damages and holiday homes are pointed elsewhere', () => {
    const udenfor = udenforKompetence('huslejenaevn')
    expect(udenfor.map((u) => u.kode)).toEqual(['opsigelse_ophaevelse', 'fremleje_bytte', 'erstatning', 'adgang', 'rene_pengekrav', 'fritidsbolig'])
    expect(udenfor.find((u) => u.kode === 'opsigelse_ophaevelse')?.forklaring).toMatch(/boligretten/)
    expect(udenfor.find((u) => u.kode === 'fritidsbolig')?.forklaring).toMatch(/domstole/)
  })

  it('when a beboerklagenævn case is started, then termination, the size of the rent and rent reduction are pointed elsewhere', () => {
    const udenfor = udenforKompetence('beboerklagenaevn')
    expect(udenfor.map((u) => u.kode)).toEqual(['opsigelse', 'lejens_stoerrelse', 'lejenedsaettelse_mangler'])
    for (const u of udenfor) expect(u.forklaring).toMatch(/boligretten/)
  })

  it('when a topic is outside one board’s competence, then it is not also one of its case areas', () => {
    for (const type of naevnTyper) {
      const koder = new Set(sagsomraaderFor(type).map((o) => o.kode))
      for (const u of udenforKompetence(type)) expect(koder.has(u.kode), `${type}: ${u.kode}`).toBe(false)
    }
  })
})

describe('validating the chosen case areas', () => {
  it('when a tenant chooses valid areas, then there is no error', () => {
    expect(validateSagsomraader('huslejenaevn', 'lejer', ['forbrug', 'vedligeholdelse', 'forbedringer'])).toBeNull()
    expect(validateSagsomraader('beboerklagenaevn', 'lejer', ['husorden'])).toBeNull()
  })

  it('when no area is chosen, then the filer is asked to choose one', () => {
    expect(validateSagsomraader('huslejenaevn', 'lejer', [])).toBe('Vælg mindst ét sagsområde.')
  })

  it('when an unknown area or one of the other board type is chosen, then it is refused without echoing the input', () => {
    expect(validateSagsomraader('huslejenaevn', 'lejer', ['<script>'])).toBe(
      'Et af de valgte sagsområder hører ikke under et huslejenævn. Vælg blandt sagsområderne på listen.',
    )
    expect(validateSagsomraader('beboerklagenaevn', 'lejer', ['husleje'])).toMatch(/hører ikke under et beboerklagenævn/)
  })

  it('when a tenant chooses husorden at a huslejenævn, then only the landlord may; the landlord may', () => {
    expect(validateSagsomraader('huslejenaevn', 'lejer', ['vedligeholdelse', 'husorden'])).toBe('Kun udlejer kan indbringe en sag om husorden.')
    expect(validateSagsomraader('huslejenaevn', 'udlejer', ['husorden'])).toBeNull()
  })

  it('when forhåndsgodkendelse is the purpose, then its area must be chosen, and the area needs the purpose', () => {
    expect(validateSagsomraader('huslejenaevn', 'udlejer', ['forhaandsgodkendelse'], 'forhaandsgodkendelse')).toBeNull()
    expect(validateSagsomraader('huslejenaevn', 'udlejer', ['husleje'], 'forhaandsgodkendelse')).toMatch(/skal have sagsområdet "Forhåndsgodkendelse af leje"/)
    expect(validateSagsomraader('huslejenaevn', 'udlejer', ['forhaandsgodkendelse'], 'klage')).toMatch(/Vælg formålet "Anmodning om forhåndsgodkendelse af leje"/)
    expect(validateSagsomraader('beboerklagenaevn', 'lejer', ['husorden'], 'klage')).toBeNull()
  })
})
