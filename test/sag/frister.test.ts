import { describe, expect, it } from 'vitest'
import {
  fristUdloeber,
  arbejdsdageMellem,
  ekstraLukkedage,
  erArbejdsdag,
  erDato,
  formatDansk,
  fraDate,
  fristForAndenPart,
  helligdage,
  naesteArbejdsdag,
  svarfrist,
  tilDate,
  tilfoejArbejdsdage,
  tilfoejUger,
} from '../../server/kerne/sag/frister.js'

describe('Danish public holidays', () => {
  it('when the holidays of 2026 are listed, then they are the eleven days of the calendar, with Danish names', () => {
    expect(helligdage(2026)).toEqual([
      { dato: '2026-01-01', navn: 'nytårsdag' },
      { dato: '2026-04-02', navn: 'skærtorsdag' },
      { dato: '2026-04-03', navn: 'langfredag' },
      { dato: '2026-04-05', navn: 'påskedag' },
      { dato: '2026-04-06', navn: '2. påskedag' },
      { dato: '2026-05-14', navn: 'Kristi himmelfartsdag' },
      { dato: '2026-05-24', navn: 'pinsedag' },
      { dato: '2026-05-25', navn: '2. pinsedag' },
      { dato: '2026-12-25', navn: 'juledag' },
      { dato: '2026-12-26', navn: '2. juledag' },
    ])
  })

  it('when Easter 2026 falls on 5 April, then skærtorsdag, langfredag and 2. påskedag are not working days, but the Wednesday before and the Tuesday after are', () => {
    expect(erArbejdsdag('2026-04-01')).toBe(true)
    expect(erArbejdsdag('2026-04-02')).toBe(false)
    expect(erArbejdsdag('2026-04-03')).toBe(false)
    expect(erArbejdsdag('2026-04-06')).toBe(false)
    expect(erArbejdsdag('2026-04-07')).toBe(true)
  })

  it('when store bededag is asked for, then 5 May 2023 is a holiday, while the fourth Friday after Easter 2024 (26 April) is a working day', () => {
    expect(helligdage(2023)).toContainEqual({ dato: '2023-05-05', navn: 'store bededag' })
    expect(erArbejdsdag('2023-05-05')).toBe(false)
    expect(helligdage(2024).map((h) => h.navn)).not.toContain('store bededag')
    expect(erArbejdsdag('2024-04-26')).toBe(true)
  })

  it('when Kristi himmelfart and pinse fall in 2025 and 2026, then those days are not working days and the day after Kristi himmelfart is', () => {
    expect(erArbejdsdag('2025-05-29')).toBe(false) // Kristi himmelfartsdag 2025
    expect(erArbejdsdag('2025-05-30')).toBe(true)
    expect(erArbejdsdag('2025-06-09')).toBe(false) // 2. pinsedag 2025
    expect(helligdage(2025)).toContainEqual({ dato: '2025-06-08', navn: 'pinsedag' })
    expect(erArbejdsdag('2026-05-14')).toBe(false)
    expect(erArbejdsdag('2026-05-15')).toBe(true)
    expect(erArbejdsdag('2026-05-25')).toBe(false)
    expect(erArbejdsdag('2026-05-26')).toBe(true)
  })

  it('when Christmas and New Year 2026–27 come, then 24, 25, 31 December and 1 January are closed, 26 December is a Saturday, and 28 December is a working day', () => {
    expect(erArbejdsdag('2026-12-23')).toBe(true)
    expect(erArbejdsdag('2026-12-24')).toBe(false)
    expect(erArbejdsdag('2026-12-25')).toBe(false)
    expect(new Date('2026-12-26T12:00:00Z').getUTCDay()).toBe(6)
    expect(erArbejdsdag('2026-12-26')).toBe(false)
    expect(erArbejdsdag('2026-12-28')).toBe(true)
    expect(erArbejdsdag('2026-12-31')).toBe(false)
    expect(erArbejdsdag('2027-01-01')).toBe(false)
    expect(naesteArbejdsdag('2026-12-31')).toBe('2027-01-04')
  })

  it('when ekstraLukkedage is false, then grundlovsdag, juleaftensdag and nytårsaftensdag count as working days, but public holidays still do not', () => {
    // 5 June 2025 is a Thursday.
    expect(erArbejdsdag('2025-06-05')).toBe(false)
    expect(erArbejdsdag('2025-06-05', { ekstraLukkedage: false })).toBe(true)
    expect(erArbejdsdag('2026-12-24', { ekstraLukkedage: false })).toBe(true)
    expect(erArbejdsdag('2026-12-31', { ekstraLukkedage: false })).toBe(true)
    expect(erArbejdsdag('2026-12-25', { ekstraLukkedage: false })).toBe(false)
    expect(ekstraLukkedage(2025)).toEqual([
      { dato: '2025-06-05', navn: 'grundlovsdag' },
      { dato: '2025-12-24', navn: 'juleaftensdag' },
      { dato: '2025-12-31', navn: 'nytårsaftensdag' },
    ])
  })

  it('when a board gives its own closing days, then only those count besides the public holidays', () => {
    const opts = { ekstraLukkedage: ['12-24'] }
    expect(erArbejdsdag('2026-12-24', opts)).toBe(false)
    expect(erArbejdsdag('2026-12-31', opts)).toBe(true)
    expect(erArbejdsdag('2026-06-05', opts)).toBe(true)
    expect(() => erArbejdsdag('2026-06-05', { ekstraLukkedage: ['5/6'] })).toThrow(RangeError)
  })
})

describe('counting deadlines', () => {
  it('when a two-week deadline from 20 March 2026 lands on langfredag, then it moves past Easter to Tuesday 7 April', () => {
    expect(svarfrist('2026-03-20')).toBe('2026-04-07')
    expect(tilfoejUger('2026-03-20', 2)).toBe('2026-04-07')
  })

  it('when the board extends the answering time to 3 weeks, then the deadline is 3 weeks after sending', () => {
    expect(svarfrist('2026-03-20', 3)).toBe('2026-04-10')
  })

  it('when a deadline lands on a Saturday, then it moves to the Monday', () => {
    // 10 January 2026 is a Saturday.
    expect(tilfoejUger('2026-01-10', 1)).toBe('2026-01-19')
    expect(tilfoejUger('2026-01-12', 0)).toBe('2026-01-12')
    expect(naesteArbejdsdag('2026-01-03')).toBe('2026-01-05')
  })

  it('when a filing is received a week before Kristi himmelfartsdag, then the board has until the Friday after it to send it to the other party', () => {
    expect(fristForAndenPart('2026-05-07')).toBe('2026-05-15')
    expect(fristForAndenPart('2026-05-06')).toBe('2026-05-13')
    expect(fristForAndenPart('2026-03-27')).toBe('2026-04-07')
  })

  it('when a two-week deadline lands on grundlovsdag 2025, then it moves to Friday 6 June, or stays on 5 June without the extra closing days', () => {
    expect(svarfrist('2025-05-22')).toBe('2025-06-06')
    expect(svarfrist('2025-05-22', 2, { ekstraLukkedage: false })).toBe('2025-06-05')
  })

  it('when working days are added across the Easter week, then the holidays and the weekend are skipped', () => {
    expect(tilfoejArbejdsdage('2026-03-31', 1)).toBe('2026-04-01')
    expect(tilfoejArbejdsdage('2026-03-31', 2)).toBe('2026-04-07')
    expect(tilfoejArbejdsdage('2026-03-31', 3)).toBe('2026-04-08')
    expect(tilfoejArbejdsdage('2025-05-28', 1)).toBe('2025-05-30')
  })

  it('when working days are added across Christmas, then juleaftensdag counts only without the extra closing days', () => {
    expect(tilfoejArbejdsdage('2026-12-23', 3)).toBe('2026-12-30')
    expect(tilfoejArbejdsdage('2026-12-23', 3, { ekstraLukkedage: false })).toBe('2026-12-29')
    expect(tilfoejArbejdsdage('2026-12-30', 1)).toBe('2027-01-04')
  })

  it('when zero working days are added, then a working day stays and a non-working day moves to the next working day', () => {
    expect(tilfoejArbejdsdage('2026-04-01', 0)).toBe('2026-04-01')
    expect(tilfoejArbejdsdage('2026-04-02', 0)).toBe('2026-04-07')
    expect(tilfoejArbejdsdage('2026-01-09', 1)).toBe('2026-01-12') // Friday + 1 is Monday
  })

  it('when a count is negative or not whole, or a date does not exist, then it is refused', () => {
    expect(() => tilfoejArbejdsdage('2026-04-01', -1)).toThrow(RangeError)
    expect(() => tilfoejUger('2026-04-01', 1.5)).toThrow(RangeError)
    expect(() => erArbejdsdag('2026-02-30')).toThrow(RangeError)
    expect(() => erArbejdsdag('6/4/2026')).toThrow(RangeError)
    expect(erDato('2024-02-29')).toBe(true)
    expect(erDato('2026-02-29')).toBe(false)
  })

  it('when working days between two dates are counted, then the first is excluded and the last included, and holidays are skipped', () => {
    expect(arbejdsdageMellem('2026-03-27', '2026-04-10')).toBe(7)
    expect(arbejdsdageMellem('2026-12-23', '2027-01-04')).toBe(4)
    expect(arbejdsdageMellem('2026-12-23', '2027-01-04', { ekstraLukkedage: false })).toBe(6)
    expect(arbejdsdageMellem('2026-04-07', '2026-04-07')).toBe(0)
    expect(arbejdsdageMellem('2026-04-10', '2026-04-07')).toBe(0)
  })

  it('when n working days are added, then exactly n working days lie between the start and the result', () => {
    for (const n of [1, 2, 5, 10, 30]) {
      expect(arbejdsdageMellem('2026-12-18', tilfoejArbejdsdage('2026-12-18', n))).toBe(n)
    }
  })
})

describe('dates and instants', () => {
  it('when it is 23:30 UTC on 31 December, then it is already 1 January in Copenhagen', () => {
    const tidspunkt = new Date('2026-12-31T23:30:00Z')
    expect(fraDate(tidspunkt)).toBe('2027-01-01')
    expect(fraDate(tidspunkt, 'UTC')).toBe('2026-12-31')
  })

  it('when it is 22:30 UTC on 30 June, then summer time makes it 1 July in Copenhagen', () => {
    expect(fraDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01')
    expect(fraDate(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30')
  })

  it('when a date becomes a Date and back, then it is the same date in UTC and in Copenhagen', () => {
    expect(tilDate('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z')
    expect(fraDate(tilDate('2026-03-29'))).toBe('2026-03-29')
    expect(fraDate(tilDate('2026-10-25'), 'UTC')).toBe('2026-10-25')
  })

  it('when a date is written for a party, then weekday and month are Danish and lower case', () => {
    expect(formatDansk('2026-04-06')).toBe('mandag den 6. april 2026')
    expect(formatDansk('2026-12-24')).toBe('torsdag den 24. december 2026')
    expect(formatDansk('2027-01-01')).toBe('fredag den 1. januar 2027')
    expect(formatDansk('2025-06-05')).toBe('torsdag den 5. juni 2025')
  })

  it('when a deadline expires, then it is the last second of that day in Denmark, in summer and in winter', () => {
    expect(fristUdloeber('2026-07-01').toISOString()).toBe('2026-07-01T21:59:59.000Z')
    expect(fristUdloeber('2026-12-01').toISOString()).toBe('2026-12-01T22:59:59.000Z')
    // The day summer time begins and the day it ends.
    expect(fristUdloeber('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.000Z')
    expect(fristUdloeber('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.000Z')
  })
})
