import { describe, expect, it } from 'vitest'
import { aarhundrede, maskCpr, validateCpr, validateCvr } from '../../server/kerne/identitet/cpr.js'

// A fixed "today", so the future-date rule does not change with the calendar.
const idag = new Date('2026-11-21T12:00:00Z')
const cpr = (input: string) => validateCpr(input, { idag })

describe('CPR numbers', () => {
  it('when written with or without hyphen or surrounding spaces, then the ten digits come back', () => {
    expect(cpr('010190-1234')).toEqual({ ok: true, cpr: '0101901234', foedselsdato: '1990-01-01' })
    expect(cpr('0101901234')).toEqual({ ok: true, cpr: '0101901234', foedselsdato: '1990-01-01' })
    expect(cpr('  010190-1234 ')).toMatchObject({ ok: true, cpr: '0101901234' })
    expect(cpr('010190 1234')).toMatchObject({ ok: true, cpr: '0101901234' })
  })

  it('when the number fails the old modulus-11 check, then it is still accepted (not used since 2007)', () => {
    // 4·0+3·1+2·0+7·1+6·9+5·0+4·1+3·2+2·3+1·4 = 84, not divisible by 11.
    expect(cpr('010190-1234').ok).toBe(true)
  })

  it('when the format is wrong, then a Danish message says how to write it', () => {
    expect(cpr('')).toEqual({ ok: false, fejl: 'Skriv CPR-nummeret.' })
    for (const bad of ['010190-123', '01019-01234', '010190--1234', 'abcdef-ghij', '010190-12345', '0101 90-1234']) {
      expect(cpr(bad), bad).toEqual({ ok: false, fejl: 'Skriv CPR-nummeret med 10 cifre som DDMMÅÅ-XXXX.' })
    }
  })

  it('when the birth date does not exist, then it is refused', () => {
    const ugyldig = { ok: false, fejl: 'CPR-nummeret indeholder ikke en gyldig fødselsdato.' }
    expect(cpr('310290-1234')).toEqual(ugyldig) // 31 February 1990
    expect(cpr('000190-1234')).toEqual(ugyldig)
    expect(cpr('011390-1234')).toEqual(ugyldig)
    expect(cpr('310490-1234')).toEqual(ugyldig) // April has 30 days
  })

  it('when the birth date is 29 February, then the century from the 7th digit decides the leap year', () => {
    // 7th digit 4 and YY ≤ 36: 2001, not a leap year.
    expect(cpr('290201-4000').ok).toBe(false)
    // 7th digit 4 and YY 00: 2000, a leap year (divisible by 400).
    expect(cpr('290200-4000')).toMatchObject({ ok: true, foedselsdato: '2000-02-29' })
    // 7th digit 1: 1900, not a leap year (divisible by 100, not by 400).
    expect(cpr('290200-1234').ok).toBe(false)
    // 7th digit 4 and YY > 36: 1996.
    expect(cpr('290296-4000')).toMatchObject({ ok: true, foedselsdato: '1996-02-29' })
    // 7th digit 8 and YY > 57: 1860 was a leap year, 1858 was not.
    expect(cpr('290260-8000')).toMatchObject({ ok: true, foedselsdato: '1860-02-29' })
    expect(cpr('290258-8000').ok).toBe(false)
  })

  it('when the 7th digit is read, then the century follows CPR-kontoret’s table', () => {
    const year = (input: string) => {
      const r = cpr(input)
      return r.ok ? r.foedselsdato.slice(0, 4) : r.fejl
    }
    expect(year('010100-0000')).toBe('1900')
    expect(year('010199-3999')).toBe('1999')
    expect(year('010136-4000')).toBe('CPR-nummerets fødselsdato ligger i fremtiden.') // 2036
    expect(year('010137-4000')).toBe('1937')
    expect(year('010120-9000')).toBe('2020')
    expect(year('010190-9000')).toBe('1990')
    expect(year('010107-5000')).toBe('2007')
    expect(year('010158-6000')).toBe('1858')
    expect(year('311299-7000')).toBe('1899')
    expect(year('010124-8000')).toBe('2024')
    expect([aarhundrede(4, 36), aarhundrede(9, 37), aarhundrede(5, 57), aarhundrede(7, 58), aarhundrede(0, 57)]).toEqual([2000, 1900, 2000, 1800, 1900])
  })

  it('when the birth date lies after today, then it is refused; today itself is fine', () => {
    expect(cpr('211126-4000')).toMatchObject({ ok: true, foedselsdato: '2026-11-21' })
    expect(cpr('221126-4000')).toEqual({ ok: false, fejl: 'CPR-nummerets fødselsdato ligger i fremtiden.' })
    expect(cpr('010157-5000').ok).toBe(false) // 2057
  })

  it('when a CPR number is masked, then only the birth date shows', () => {
    expect(maskCpr('0101901234')).toBe('010190-xxxx')
    expect(maskCpr('010190-1234')).toBe('010190-xxxx')
    expect(maskCpr('12345')).toBe('xxxxxx-xxxx')
    expect(maskCpr('')).toBe('xxxxxx-xxxx')
  })
})

describe('CVR numbers', () => {
  it('when the modulus-11 check holds, then the eight digits come back', () => {
    expect(validateCvr('34051178')).toEqual({ ok: true, cvr: '34051178' })
    expect(validateCvr(' 2918 8505 ')).toEqual({ ok: true, cvr: '29188505' })
  })

  it('when a digit is wrong, then the check catches it', () => {
    expect(validateCvr('34051179')).toEqual({ ok: false, fejl: 'CVR-nummeret er ikke gyldigt. Kontrollér, at du har skrevet det rigtigt.' })
    expect(validateCvr('43051178').ok).toBe(false) // two digits swapped
  })

  it('when it is not eight digits, then the message says so', () => {
    expect(validateCvr('')).toEqual({ ok: false, fejl: 'Skriv CVR-nummeret.' })
    for (const bad of ['3405117', '340511780', 'DK3405117', '3405-1178']) {
      expect(validateCvr(bad), bad).toEqual({ ok: false, fejl: 'CVR-nummeret skal være 8 cifre.' })
    }
  })
})
