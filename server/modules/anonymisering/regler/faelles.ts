// What the rules share: candidate spans and keep zones with priorities, name folding
// (æ/ae, ø/oe, å/aa) and sentence starts.
import type { BevarType, Rolle, SpanType } from '../typer.js'

/**
 * A proposed mask. The resolver takes candidates by priority (then length); a keep zone
 * of equal or higher priority vetoes a candidate it overlaps.
 */
export interface Kandidat {
  start: number
  end: number
  type: SpanType
  regel: string
  sikkerhed: number
  prioritet: number
  /** Persons and parties: who it is (labels are given in anonymiser.ts). */
  entitet?: Entitet
  /** "Hansens": the replacement gets a genitive too. */
  genitiv?: boolean
  /** An address may be cut short before a keep zone instead of being dropped. */
  trimbar?: boolean
}

export interface Entitet {
  /** 'part:<index>' or 'ukendt:<folded name>'. */
  readonly noegle: string
  readonly rolle?: Rolle
  readonly partIndex?: number
}

export interface Zone {
  start: number
  end: number
  type: BevarType
  prioritet: number
}

/** Priorities: higher wins. Keep zones and masks share the scale. */
export const P = {
  kendtVaerdi: 100, // CPR, e-mail, phone, CVR exactly as the case knows them
  email: 95,
  andetSagsnummer: 90,
  sagsnummer: 85, // case and journal numbers, the board's own too: not CPR, not phone, not a date
  cprStruktur: 82, // "12.07.85-1234": a CPR, although it starts like a date
  bevarFast: 80, // law references, authorities, amounts, dates, areas
  kendtAdresse: 76,
  adresse: 74,
  ukendtSomPart: 73,
  kendtNavn: 72,
  cprKontekst: 70,
  iban: 70,
  konto: 70,
  telefonKontekst: 66, // "tlf. 32 12 34", "+299 32 12 34"
  cpr: 60,
  virksomhed: 60,
  ukendtTitel: 57, // "vidnet Wenche Solbakken": a title beats a street-like surname
  vejnavn: 55,
  ukendtFlere: 52,
  kendtDel: 50,
  telefon: 50,
  kendtInitialer: 48,
  cvr: 46,
  nummerplade: 62,
  udbredt: 45,
  virksomhedMaske: 77, // above addresses and persons: "Ådalsvej 9 ApS", "… v/ Dorthe Madsen" go whole
  ukendtEn: 40,
} as const

const FOLD: Record<string, string> = { å: 'aa', ø: 'oe', ö: 'oe', æ: 'ae', ä: 'ae', é: 'e', è: 'e', ü: 'ue' }

/** A key that "Søren Aagaard", "SØREN ÅGAARD" and "Soeren Aagaard" share. */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/[åøöæäéèü]/g, (c) => FOLD[c] ?? c)
    .replace(/\s*[-‐–]\s*/g, '-')
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/**
 * A regular-expression source that matches s with æ/ae, ø/oe, å/aa written either way,
 * any whitespace, and a hyphen or a space between double names. Use with the 'iu' flags.
 */
export function variantMoenster(s: string): string {
  let out = ''
  const lower = s.toLowerCase()
  for (let i = 0; i < s.length; i++) {
    const c = lower[i]!
    const next = lower[i + 1]
    if (/\s/.test(c)) {
      while (i + 1 < s.length && /\s/.test(lower[i + 1]!)) i++
      out += '\\s+'
    } else if (c === '-' || c === '‐' || c === '–') out += '(?:\\s?[-‐–]\\s?|\\s+)'
    else if (c === 'å') out += '(?:å|aa)'
    else if (c === 'a' && next === 'a') {
      out += '(?:aa|å)'
      i++
    } else if (c === 'ø' || c === 'ö') out += '(?:ø|oe|ö)'
    else if (c === 'o' && next === 'e') {
      out += '(?:oe|ø|ö)'
      i++
    } else if (c === 'æ' || c === 'ä') out += '(?:æ|ae|ä)'
    else if (c === 'a' && next === 'e') {
      out += '(?:ae|æ|ä)'
      i++
    } else if (c === 'é' || c === 'è') out += '[éèe]'
    else if (c === "'" || c === '’') out += "['’]"
    else out += escape(c)
  }
  return out
}

const FORKORTELSER = new Set([
  'hr', 'fru', 'frk', 'jf', 'stk', 'nr', 'ca', 'f.eks', 'bl.a', 'mv', 'm.v', 'evt', 'kr', 'dr', 'pkt', 'tlf', 'vedr', 'inkl',
  'ekskl', 'pga', 'mht', 'st', 'tv', 'th', 'mf', 'adv', 'att', 'ref', 'j.nr', 'sagsnr', 'ang', 'gl', 'skt', 'll', 'kl', 'lejl', 'bkg', 'jr', 'mm', 'm.m', 'sml', 'ovf', 'nedenf', 'ovenf', 'henh', 'iflg', 'vs', 'o.l', 'osv', 'dvs', 'etc', 'reg', 'konto', 'cpr', 'cvr', 'e-mail', 'mail', 'ifm', 'ift', 'iht', 'el', 'tlf.nr', 'j', 'vej',
])

/** Whether pos (the first letter of a word) starts a sentence, a line or the text. */
export function erSaetningsstart(tekst: string, pos: number): boolean {
  let i = pos - 1
  while (i >= 0 && (tekst[i] === ' ' || tekst[i] === '\t' || tekst[i] === '(' || tekst[i] === '"' || tekst[i] === '»' || tekst[i] === '„')) i--
  if (i < 0) return true
  const c = tekst[i]!
  if (c === '\n' || c === '\r' || c === '!' || c === '?') return true
  if (c === '-' || c === '–' || c === '•') {
    // A bullet at the start of a line.
    let j = i - 1
    while (j >= 0 && tekst[j] === ' ') j--
    return j < 0 || tekst[j] === '\n'
  }
  if (c !== '.') return false
  // "hr. Hansen", "jf. § 5", "H.C. Andersen": an abbreviation or an initial, not an end.
  let j = i - 1
  while (j >= 0 && /[\p{L}.]/u.test(tekst[j]!)) j--
  const ord = tekst.slice(j + 1, i).toLowerCase()
  if (ord.length === 1 || FORKORTELSER.has(ord)) return false
  if (/^(?:\p{L}\.)+\p{L}$/u.test(ord)) return false
  return true
}

export function overlapper(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end
}
