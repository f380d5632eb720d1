// CPR and CVR numbers: validation for forms, and masking for lists and logs
// (data minimisation: a list shows the birth date, never the last four digits).
//
// CPR: the first six digits are the birth date DDMMYY; the 7th digit gives the century
// (CPR-kontoret, "Personnummeret i CPR-systemet"). The modulus-11 check is NOT applied:
// CPR numbers without it have been issued since 1 October 2007, so it would reject
// real people.

import { fraDate } from '../sag/frister.js'
export type CprResultat = { ok: true; cpr: string; foedselsdato: string } | { ok: false; fejl: string }
export type CvrResultat = { ok: true; cvr: string } | { ok: false; fejl: string }

const cprPattern = /^(\d{2})(\d{2})(\d{2})[- ]?(\d)(\d{3})$/

/** Accepts "DDMMYY-SSSS" or ten digits; returns the ten digits without the hyphen. */
export function validateCpr(input: string, o: { idag?: Date } = {}): CprResultat {
  const value = (input ?? '').trim()
  if (value === '') return { ok: false, fejl: 'Skriv CPR-nummeret.' }
  const m = cprPattern.exec(value)
  if (!m) return { ok: false, fejl: 'Skriv CPR-nummeret med 10 cifre som DDMMÅÅ-XXXX.' }
  const [, dd = '', mm = '', yy = '', syvende = '', rest = ''] = m
  const aar = aarhundrede(Number(syvende), Number(yy)) + Number(yy)
  const maaned = Number(mm)
  const dag = Number(dd)
  if (maaned < 1 || maaned > 12 || dag < 1 || dag > dageIMaaned(aar, maaned)) {
    return { ok: false, fejl: 'CPR-nummeret indeholder ikke en gyldig fødselsdato.' }
  }
  const foedselsdato = `${String(aar).padStart(4, '0')}-${mm}-${dd}`
  if (foedselsdato > fraDate(o.idag ?? new Date())) {
    return { ok: false, fejl: 'CPR-nummerets fødselsdato ligger i fremtiden.' }
  }
  return { ok: true, cpr: `${dd}${mm}${yy}${syvende}${rest}`, foedselsdato }
}

/**
 * The century of the birth year from the 7th digit (CPR-kontoret's table):
 * 0–3: 1900–1999; 4 and 9: 2000–2036, else 1937–1999; 5–8: 2000–2057, else 1858–1899.
 */
export function aarhundrede(syvendeCiffer: number, yy: number): 1800 | 1900 | 2000 {
  if (syvendeCiffer <= 3) return 1900
  if (syvendeCiffer === 4 || syvendeCiffer === 9) return yy <= 36 ? 2000 : 1900
  return yy <= 57 ? 2000 : 1800
}

/** "DDMMYY-xxxx": enough to tell people apart in a list, never the full number. */
export function maskCpr(cpr: string): string {
  const digits = (cpr ?? '').replace(/[\s-]/g, '')
  // Anything malformed is masked entirely rather than shown.
  if (!/^\d{10}$/.test(digits)) return 'xxxxxx-xxxx'
  return `${digits.slice(0, 6)}-xxxx`
}

const cvrVaegte = [2, 7, 6, 5, 4, 3, 2, 1] as const

/** Eight digits whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11 (CVR's modulus 11). */
export function validateCvr(input: string): CvrResultat {
  const value = (input ?? '').replace(/\s/g, '')
  if (value === '') return { ok: false, fejl: 'Skriv CVR-nummeret.' }
  if (!/^\d{8}$/.test(value)) return { ok: false, fejl: 'CVR-nummeret skal være 8 cifre.' }
  const sum = cvrVaegte.reduce((acc, vaegt, i) => acc + vaegt * Number(value[i]), 0)
  if (sum % 11 !== 0) return { ok: false, fejl: 'CVR-nummeret er ikke gyldigt. Kontrollér, at du har skrevet det rigtigt.' }
  return { ok: true, cvr: value }
}

function dageIMaaned(aar: number, maaned: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises.
  return new Date(Date.UTC(aar, maaned, 0)).getUTCDate()
}
