import { beforeAll, describe, expect, it } from 'vitest'
import { anonymiser, anvendSpans, standardPolitik, type Politik, type SagsViden, type Span } from '../../server/modules/anonymisering/anonymiser.js'
import { indlaesLeksikon, type Leksikon } from '../../server/modules/anonymisering/leksikon.js'
import { testEnvDefaults } from '../helpers/urls.js'

let leksikon: Leksikon
beforeAll(async () => {
  leksikon = await indlaesLeksikon(testEnvDefaults().referenceDataDir)
})

const viden: SagsViden = {
  parties: [
    { role: 'lejer', name: 'Jens Peter Hansen', address: 'Nørrebrogade 12, 3. tv., 2200 København N', cpr: '0101901234', email: 'jph@example.dk', phone: '20 30 40 50' },
    { role: 'udlejer', name: 'Karen Margrethe Holst', address: 'Vestergade 3, 5000 Odense C' },
  ],
  lejemaalAdresse: 'Nørrebrogade 12, 3. tv., 2200 København N',
}

function kør(tekst: string, v: SagsViden = viden, politik: Partial<Politik> = {}) {
  return anonymiser(tekst, v, leksikon, politik)
}
/** The original text under each span. */
const maskeret = (tekst: string, spans: readonly Span[]) => spans.map((s) => tekst.slice(s.start, s.end))

describe('known parties', () => {
  it('when the full name, a part, the genitive or initials occur, then all are masked with the same label', () => {
    const tekst = 'Jens Peter Hansen klagede. Hansen mødte op. Hansens lejlighed er lys. J.P.H. underskrev. JPH har ret. Jens sagde nej. J.P. Hansen svarede.'
    const r = kør(tekst)
    expect(maskeret(tekst, r.spans)).toEqual(['Jens Peter Hansen', 'Hansen', 'Hansens', 'J.P.H.', 'JPH', 'Jens', 'J.P. Hansen'])
    expect(r.tekst).toBe('Lejer klagede. Lejer mødte op. Lejers lejlighed er lys. Lejer underskrev. Lejer har ret. Lejer sagde nej. Lejer svarede.')
    expect(new Set(r.spans.map((s) => s.entitet))).toEqual(new Set(['part:0']))
  })

  it('when a name is written in capitals or with aa/ø variants, then it is still found', () => {
    const v: SagsViden = { parties: [{ role: 'lejer', name: 'Åse Sørensen' }] }
    const tekst = 'LEJER: ÅSE SØRENSEN. Aase Soerensen har klaget, og Sørensens datter bekræftede.'
    const r = kør(tekst, v)
    expect(maskeret(tekst, r.spans)).toEqual(['ÅSE SØRENSEN', 'Aase Soerensen', 'Sørensens'])
  })

  it('when a surname is double or has a particle, then each written form is masked', () => {
    const v: SagsViden = { parties: [{ role: 'lejer', name: 'Signe Hansen-Berg' }, { role: 'udlejer', name: 'Carl von Holstein' }] }
    const tekst = 'Signe Hansen Berg og fru Hansen-Berg skrev til von Holstein og Holstein.'
    const r = kør(tekst, v)
    expect(maskeret(tekst, r.spans)).toEqual(['Signe Hansen Berg', 'Hansen-Berg', 'von Holstein', 'Holstein'])
  })

  it('when a single name is also an ordinary word in lower case, then the word is kept', () => {
    const v: SagsViden = { parties: [{ role: 'lejer', name: 'Bo Lund' }] }
    const tekst = 'Bo Lund ønsker at bo i lejligheden. Bo har boet der i en lund af træer.'
    expect(kør(tekst, v).tekst).toBe('Lejer ønsker at bo i lejligheden. Lejer har boet der i en lund af træer.')
  })

  it('when the role word precedes the name, then it is not doubled', () => {
    const tekst = 'Sagen er indbragt af lejeren Jens Peter Hansen mod udlejer Karen Margrethe Holst.'
    expect(kør(tekst).tekst).toBe('Sagen er indbragt af lejeren mod udlejer.')
  })
})

describe('the traps', () => {
  it('when a town is in the board name and in an address, then the board name stays and the address goes', () => {
    const tekst = 'Huslejenævnet i Odense har besigtiget Vestergade 3, 5000 Odense C.'
    expect(kør(tekst).tekst).toBe('Huslejenævnet i Odense har besigtiget [adresse].')
    expect(kør(tekst, viden, { bevarPostnummerOgBy: true }).tekst).toBe('Huslejenævnet i Odense har besigtiget [adresse], 5000 Odense C.')
  })

  it('when the tenant is Hansen, then "H.C. Andersens Boulevard" and "Hansensvej" are streets (masked as such), not the tenant', () => {
    const v: SagsViden = { parties: [{ role: 'lejer', name: 'Ole Andersen' }, { role: 'udlejer', name: 'Mads Hansen' }] }
    const tekst = 'Andersen bor ved H.C. Andersens Boulevard, og Hansen ejer en grund på Hansensvej. Andersens nabo klagede.'
    expect(kør(tekst, v).tekst).toBe('Lejer bor ved [adresse], og udlejer ejer en grund på [adresse]. Lejers nabo klagede.')
  })

  it('when a CPR-like number is a case number, then it is masked as a case number; a real CPR as a CPR', () => {
    const tekst = 'Jf. sagsnr. 010190-1234 og j.nr. 2024-0101-1234. Lejers cpr-nr. er 020391-4321 og 0203914321.'
    const r = kør(tekst, { parties: [] })
    expect(r.tekst).toBe('Jf. sagsnr. [sagsnr.] og j.nr. [sagsnr.]. Lejers cpr-nr. er [cpr-nr.] og [cpr-nr.].')
  })

  it('when a number is an impossible date, then it is no CPR', () => {
    expect(kør('Nummeret 320190-1234 og 011390-1234.', { parties: [] }).spans.filter((s) => s.type === 'cpr')).toEqual([])
  })

  it('when dates, amounts, areas and law references look like numbers, then they stay', () => {
    const tekst = 'Den 01.01.2024 betalte lejer 12 345 678 kr. og 12.345.678 kr. for 87 m², jf. § 5, stk. 2, og §§ 106-107, jf. lejelovens § 19, stk. 3, nr. 2.'
    const r = kør(tekst, { parties: [] })
    expect(r.spans).toEqual([])
    expect(r.tekst).toBe(tekst)
  })

  it('when a phone number is written in pairs, with +45 or as eight digits, then it is masked', () => {
    const tekst = 'Ring på 12 34 56 78, +45 87654321, tlf. 33121212 eller 2233 4455.'
    expect(kør(tekst, { parties: [] }).tekst).toBe('Ring på [telefon], [telefon], tlf. [telefon] eller [telefon].')
  })

  it('when a period of years looks like a phone number, then it is kept', () => {
    expect(kør('I perioden 2019-2020 og 2021 2022 steg lejen.', { parties: [] }).spans).toEqual([])
  })
})

describe('patterns', () => {
  it('when CVR, e-mail, IBAN, account and licence plate occur, then each gets its placeholder', () => {
    const tekst = 'CVR-nr. 12345678, e-mail a.b@firma.dk, IBAN DK50 0040 0440 1162 43, reg.nr. 1234 kontonr. 0001234567, bil AB 12 345.'
    expect(kør(tekst, { parties: [] }).tekst).toBe('CVR-nr. [cvr-nr.], e-mail [e-mail], IBAN [iban], [kontonr.], bil [nummerplade].')
  })

  it('when the case knows a CPR, phone or e-mail, then it is masked in any written form', () => {
    const tekst = 'Kontakt: 0101901234, 2030 4050, JPH@EXAMPLE.DK.'
    expect(kør(tekst).tekst).toBe('Kontakt: [cpr-nr.], [telefon], [e-mail].')
  })

  it('when the policy names other authorities case numbers, then those are masked, and the board’s own too', () => {
    const tekst = 'Politiets nummer 0300/80152/00421/23 og nævnets sagsnr. 101-10005.'
    const r = kør(tekst, { parties: [] }, { andreSagsnumre: ['(?<=Politiets nummer )[\\d/]+'] })
    expect(r.tekst).toBe('Politiets nummer [sagsnr.] og nævnets sagsnr. [sagsnr.].')
  })

  it('when the policy holds an invalid regular expression, then the error says so in Danish', () => {
    expect(() => kør('x', { parties: [] }, { andreSagsnumre: ['(('] })).toThrow(/ikke et gyldigt regulært udtryk/)
  })
})

describe('addresses', () => {
  it('when a known address is written in different forms, then each is masked', () => {
    const tekst = 'Lejemålet Nørrebrogade 12, 3. tv., 2200 København N. Også Nørrebrogade 12 3.tv, Nørrebrogade nr. 12, ejendommen Nørrebrogade 12-14 og selve Nørrebrogade.'
    const r = kør(tekst)
    expect(maskeret(tekst, r.spans)).toEqual(['Nørrebrogade 12, 3. tv., 2200 København N', 'Nørrebrogade 12 3.tv', 'Nørrebrogade nr. 12', 'Nørrebrogade 12-14', 'Nørrebrogade'])
  })

  it('when an unknown address has a street suffix, a number and a postal code, then it is masked', () => {
    const tekst = 'Naboen bor på Skovvangsvej 201, st. th., 8200 Aarhus N og arbejder på Peter Bangs Vej 5.'
    expect(kør(tekst, { parties: [] }).tekst).toBe('Naboen bor på [adresse] og arbejder på [adresse].')
  })
})

describe('unknown persons', () => {
  it('when persons not in the case appear with a title or a common name, then each gets its own letter', () => {
    const tekst = 'Viceværten, Kaj Brøndum, oplyste sagen. Naboen fru Else Thygesen bekræftede. Brøndums nøgle var væk, og Karen Mikkelsen var til stede.'
    const r = kør(tekst, { parties: [] })
    expect(r.tekst).toBe('Viceværten, C, oplyste sagen. Naboen fru D bekræftede. C\'s nøgle var væk, og E var til stede.')
  })

  it('when a title (also numbered) precedes a name outside the lexicon, even a street-like one, then it is a person', () => {
    const tekst = 'Vidne 1, Wenche Solbakken, og vidnet Yusuf Demir forklarede. Solbakken bor på Kollegievej 4, værelse 217.'
    expect(kør(tekst, { parties: [] }).tekst).toBe('Vidne 1, C, og vidnet D forklarede. C bor på [adresse].')
  })

  it('when a person is named in full and later by title and surname, then the full name is masked whole', () => {
    const tekst = 'Hun vil fremleje til Jonas Friis Kjærgaard. Fremlejetageren, Kjærgaard, er studerende. Udlejer: Roskilde Boligudlejning ApS, 4000 Roskilde.'
    expect(kør(tekst, { parties: [] }).tekst).toBe('Hun vil fremleje til C. Fremlejetageren, C, er studerende. Udlejer: D ApS, 4000 Roskilde.')
  })

  it('when a board name, a court or a company name has capitalised words, then no person is found there', () => {
    const tekst = 'Beboerklagenævnet i Frederiksberg Kommune, Boligretten i Aarhus, Ankestyrelsen og Jensen Ejendomme ApS har udtalt sig.'
    expect(kør(tekst, { parties: [] }, { bevarVirksomhedsnavne: true }).spans).toEqual([])
    expect(kør(tekst, { parties: [] }).tekst).toBe('Beboerklagenævnet i Frederiksberg Kommune, Boligretten i Aarhus, Ankestyrelsen og C ApS har udtalt sig.')
  })
})

describe('replacements and policy', () => {
  const tekst = 'Jens Peter Hansen og Karen Margrethe Holst mødte med vidnet Peter Mogensen. Hansens brev og Holsts svar.'

  it('when the policy chooses letters, then the tenant is A, the landlord B and others C', () => {
    expect(kør(tekst, viden, { erstatning: 'bogstaver' }).tekst).toBe("A og B mødte med vidnet C. A's brev og B's svar.")
  })

  it('when the policy chooses roles, then parties are named by role and others by letter', () => {
    expect(kør(tekst).tekst).toBe('Lejer og udlejer mødte med vidnet C. Lejers brev og udlejers svar.')
  })

  it('when a role occurs twice, then the parties are numbered', () => {
    const v: SagsViden = { parties: [{ role: 'lejer', name: 'Pia Jensen' }, { role: 'lejer', name: 'Ole Nielsen' }] }
    expect(kur('Pia Jensen og Ole Nielsen.', v)).toBe('Lejer 1 og lejer 2.')
  })

  it('when the landlord is a company, then the policy decides whether its name stays', () => {
    const v: SagsViden = { parties: [{ role: 'udlejer', name: 'Ejendomsselskabet Fyn ApS' }] }
    const t = 'Udlejer er Ejendomsselskabet Fyn ApS. Maleren var Farvehuset ApS.'
    expect(kør(t, v, { bevarVirksomhedsnavne: true }).tekst).toBe(t)
    expect(kør(t, v).tekst).toBe('Udlejer er udlejer. Maleren var C ApS.')
  })

  it('when no policy is given, then the default masks postal code, town and companies and uses roles', () => {
    expect(standardPolitik).toEqual({ erstatning: 'roller', bevarPostnummerOgBy: false, bevarVirksomhedsnavne: false, andreSagsnumre: [] })
  })
})

describe('the default policy: every format the issue lists', () => {
  const ingen: SagsViden = { parties: [] }
  const fundet = (tekst: string, politik: Partial<Politik> = {}) => maskeret(tekst, kør(tekst, ingen, politik).spans)

  it('when CPR numbers are written in any format, then each is masked', () => {
    const tekst = 'CPR 120785-1234, 1207851234, cpr-nr. 120785 1234, 12.07.85-1234 og 120785-xxxx.'
    expect(fundet(tekst)).toEqual(['120785-1234', '1207851234', '120785 1234', '12.07.85-1234', '120785-xxxx'])
  })

  it('when CVR numbers and e-mails occur, then each is masked', () => {
    expect(fundet('CVR-nr. 35125408, CVR 12 34 56 78, SE-nr. 87654321; post@ådalsvej9.dk og a.b-c@firma.co.uk.')).toEqual([
      '35125408', '12 34 56 78', '87654321', 'post@ådalsvej9.dk', 'a.b-c@firma.co.uk',
    ])
  })

  it('when phone numbers are Danish, +45, Greenlandic, foreign, compact or grouped, then each is masked', () => {
    const tekst = 'Tlf. 20 12 34 56, 2012 3456, 20123456, +45 20 12 34 56, +4520123456, 0045 20123456, +299 32 12 34, tlf. 32 12 34, 00299 321234, +46 70 123 45 67, +49 30 1234567 og +44 20 7946 0958.'
    expect(fundet(tekst)).toEqual([
      '20 12 34 56', '2012 3456', '20123456', '+45 20 12 34 56', '+4520123456', '0045 20123456', '+299 32 12 34', '32 12 34', '00299 321234',
      '+46 70 123 45 67', '+49 30 1234567', '+44 20 7946 0958',
    ])
  })

  it('when bank accounts are written in every form, then each is masked whole', () => {
    const tekst = 'Beløbet indbetales på 6812-0004417252, 9570 0016893204, 9541 - 4410 227 318, reg.nr. 3409 kontonr. 11223344 eller 3409-11223344.'
    expect(fundet(tekst)).toEqual(['6812-0004417252', '9570 0016893204', '9541 - 4410 227 318', 'reg.nr. 3409 kontonr. 11223344', '3409-11223344'])
  })

  it('when an IBAN is written with or without spaces, then it is masked', () => {
    expect(fundet('IBAN DK42 0400 4017 5238 96 eller DK4204004017523896, også GL89 6471 0001 0002 06.')).toEqual([
      'DK42 0400 4017 5238 96', 'DK4204004017523896', 'GL89 6471 0001 0002 06',
    ])
  })

  it('when licence plates occur, then they are masked', () => {
    expect(fundet('Bilen AB 12 345 og traileren CX48221.')).toEqual(['AB 12 345', 'CX48221'])
  })

  it('when an address is given, then street, number, floor, door, postal code and town go whole; a street alone and a matrikel number too', () => {
    const tekst = 'Lejemålet Ådalsvej 9, 2. tv., 8700 Horsens. Lejer flyttede fra Aqqusinersuaq 12, 3900 Nuuk til Jagtvej. Ejendommen matr.nr. 12ab Horsens Bygrunde.'
    expect(fundet(tekst)).toEqual(['Ådalsvej 9, 2. tv., 8700 Horsens', 'Aqqusinersuaq 12, 3900 Nuuk', 'Jagtvej', 'matr.nr. 12ab Horsens Bygrunde'])
    expect(kør(tekst, ingen, { bevarPostnummerOgBy: true }).tekst).toContain('[adresse], 8700 Horsens')
  })

  it('when companies are parties or private firms, then they become the role or a letter with the legal form, the same each time', () => {
    const v: SagsViden = { parties: [{ role: 'udlejer', name: 'Ådalsvej 9 ApS' }] }
    const tekst =
      'Udlejer Ådalsvej 9 ApS v/ administrator Rent & Pænt Silkeborg v/ Dorthe Madsen. Maleren Hansen & Søn og Brdr. Madsen A/S, Boligselskabet Sjælland, afdeling 12, og Herning Boligforening. Igen Hansen & Søn.'
    expect(kør(tekst, v).tekst).toBe('Udlejer v/ administrator C. Maleren D og E A/S, F, og G. Igen D.')
  })

  it('when case and journal numbers of the board, courts, the Ombudsman, authorities or companies occur, then they are masked', () => {
    const tekst = 'Sagsnr. 101-10233, j.nr. 2024-0101-1234, BS-12345/2023-OLR, B-1234-19, FOB 2019-12, Ankestyrelsens j.nr. 23-41877, Deres ref. 2024/118 og kundenr. 55123.'
    expect(fundet(tekst)).toEqual(['101-10233', '2024-0101-1234', 'BS-12345/2023-OLR', 'B-1234-19', 'FOB 2019-12', '23-41877', '2024/118', '55123'])
  })

  it('when public authorities, laws, dates, amounts and areas occur, then they stay and are listed as kept with a reason', () => {
    const tekst =
      'Qeqqata Kommunia, Kommuneqarfik Sermersooq, Aarhus Kommune, Social-, Bolig- og Ældreministeriet, Ombudsmanden, Ankestyrelsen, BBR og Boligretten i Horsens; § 19, stk. 2, i lov om leje, den 1. maj 2024, 8.975 kr. og 64 m².'
    const r = kør(tekst, ingen)
    expect(r.spans).toEqual([])
    expect((r.bevaret ?? []).map((b) => [tekst.slice(b.start, b.end), b.type])).toEqual([
      ['Qeqqata Kommunia', 'myndighed'], ['Kommuneqarfik Sermersooq', 'myndighed'], ['Aarhus Kommune', 'myndighed'], ['Social-, Bolig- og Ældreministeriet', 'myndighed'],
      ['Ombudsmanden', 'myndighed'], ['Ankestyrelsen', 'myndighed'], ['BBR', 'myndighed'], ['Boligretten i Horsens', 'myndighed'], ['§ 19, stk. 2, i lov om leje', 'lov'],
    ])
    expect(r.bevaret?.every((b) => b.grund.length > 10)).toBe(true)
  })

  it('when the policy keeps companies and the town, then they stay and the reason names the policy', () => {
    const tekst = 'Udlejer Farvehuset ApS, Ådalsvej 9, 8700 Horsens.'
    const r = kør(tekst, ingen, { bevarVirksomhedsnavne: true, bevarPostnummerOgBy: true })
    expect(r.tekst).toBe('Udlejer Farvehuset ApS, [adresse], 8700 Horsens.')
    expect((r.bevaret ?? []).map((b) => [tekst.slice(b.start, b.end), b.grund])).toEqual([
      ['Farvehuset ApS', 'Nævnets politik bevarer virksomheders navne.'], ['8700 Horsens', 'Nævnets politik bevarer postnummer og by.'],
    ])
  })
})

function kur(tekst: string, v: SagsViden) {
  return kør(tekst, v).tekst
}

describe('spans and anvendSpans', () => {
  const tekst = 'Lejer Jens Peter Hansen (cpr 010190-1234, jph@example.dk) bor på Nørrebrogade 12, 3. tv., 2200 København N. Vidnet Peter Mogensen.'

  it('when the anonymizer’s own spans are applied to the original, then its own text comes out', () => {
    const r = kør(tekst)
    expect(anvendSpans(tekst, r.spans)).toBe(r.tekst)
    // sorted, non-overlapping, inside the text, with a confidence
    r.spans.forEach((s, i) => {
      expect(s.end).toBeGreaterThan(s.start)
      expect(s.sikkerhed).toBeGreaterThan(0)
      expect(s.sikkerhed).toBeLessThanOrEqual(1)
      if (i > 0) expect(s.start).toBeGreaterThanOrEqual(r.spans[i - 1]!.end)
    })
  })

  it('when a caseworker removes a span and edits a replacement, then the edited list is applied in any order', () => {
    const r = kør(tekst)
    const redigeret = r.spans.filter((s) => s.type !== 'adresse').map((s) => (s.type === 'cpr' ? { ...s, erstatning: '[fjernet]' } : s))
    const ud = anvendSpans(tekst, [...redigeret].reverse())
    expect(ud).toContain('Nørrebrogade 12, 3. tv.')
    expect(ud).toContain('[fjernet]')
    expect(ud).not.toContain('Hansen')
  })

  it('when spans overlap or leave the text, then anvendSpans refuses', () => {
    expect(() => anvendSpans('abcdef', [{ start: 0, end: 3, erstatning: 'x' }, { start: 2, end: 4, erstatning: 'y' }])).toThrow(RangeError)
    expect(() => anvendSpans('abc', [{ start: 1, end: 9, erstatning: 'x' }])).toThrow(RangeError)
  })
})
