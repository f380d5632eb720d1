// Number and contact patterns: CPR, CVR, phone, e-mail, IBAN, reg./kontonummer, licence
// plates, other authorities' case numbers (from the policy), and the exact values the case
// knows (a known CPR is masked wherever it stands, whatever the context).
import type { KendtPart, Politik, SagsViden, SpanType } from '../typer.js'
import { P, type Kandidat } from './faelles.js'

const L = '\\p{L}'

// Day and month must make a date; no mod-11 check: CPR numbers issued since 2007 need not
// pass it (CPR-kontoret, "Personnummer uden kontrolciffer").
export function gyldigCprDato(ddmmyy: string): boolean {
  const d = Number(ddmmyy.slice(0, 2))
  const m = Number(ddmmyy.slice(2, 4))
  const dage = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return m >= 1 && m <= 12 && d >= 1 && d <= dage[m - 1]!
}

export function cvrModulus11(cvr: string): boolean {
  if (!/^\d{8}$/.test(cvr)) return false
  const vaegte = [2, 7, 6, 5, 4, 3, 2, 1]
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number(cvr[i]) * vaegte[i]!
  return sum % 11 === 0
}

function ibanGyldig(iban: string): boolean {
  const s = iban.replace(/\s/g, '').toUpperCase()
  if (s.length < 15 || s.length > 34) return false
  const flyttet = s.slice(4) + s.slice(0, 4)
  let rest = 0
  for (const c of flyttet) {
    const v = c >= 'A' && c <= 'Z' ? String(c.charCodeAt(0) - 55) : c
    for (const ciffer of v) rest = (rest * 10 + Number(ciffer)) % 97
  }
  return rest === 1
}

const CPR_RE = new RegExp(`(?<![\\p{N}${L}/.,-])(\\d{6})(?:(-)|( ))?(\\d{4})(?![\\p{N}]|[-/.,]\\p{N})`, 'gu')
const TLF_RE = new RegExp(
  `(?<![\\p{N}${L}.,/+-])((?:\\+|00)45[\\s.-]?)?(\\d{2}([\\s.-]?)\\d{2}\\3\\d{2}\\3\\d{2}|\\d{4}[\\s-]\\d{4})(?![\\p{N}]|[.,-]\\p{N})`,
  'gu',
)
const CVR_KONTEKST_RE = /(?<![\p{L}])(?:CVR|SE)[\s.-]*(?:nr\.?|nummer)?[\s:.]*(\d{2}\s?\d{2}\s?\d{2}\s?\d{2})(?!\d)/giu
const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu
const IBAN_RE = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/gu
const REG_RE = /(?<![\p{L}])(?:reg\.?\s?-?(?:nr\.?|nummer)|registreringsnummer|reg\.)\s?[:.]?\s?(\d{4})(?!\d)/giu
const KONTO_RE = /(?<![\p{L}])(?:konto(?:nummer|nr\.?|\s?nr\.?)?|kto\.?(?:\s?nr\.?)?)\s?[:.]?\s?(?:(\d{4})[\s-])?(\d{6,10})(?!\d)/giu
const PLADE_RE = /(?<![\p{L}\p{N}§])[A-Z]{2}\s?\d{2}\s?\d{3}(?![\p{L}\p{N}])/gu

const CPR_KONTEKST = /(?:cpr|personn|person-nr|født)/i
const TLF_KONTEKST = /(?:tlf|telefon|mobil|ring|sms|tel\.|kontakt|nummer)/i
const CVR_KONTEKST = /(?:cvr|se-nr|virksomhed)/i

function foran(tekst: string, pos: number, n: number): string {
  return tekst.slice(Math.max(0, pos - n), pos)
}

/** yyyymmdd or ddmmyyyy that is a real date: not a phone number without context. */
function lignerDato(cifre: string): boolean {
  const y1 = Number(cifre.slice(0, 4))
  if (y1 >= 1950 && y1 <= 2099 && gyldigCprDato(cifre.slice(6, 8) + cifre.slice(4, 6))) return true
  const y2 = Number(cifre.slice(4, 8))
  return y2 >= 1950 && y2 <= 2099 && gyldigCprDato(cifre.slice(0, 4))
}

const politikCache = new Map<string, RegExp[]>()
function andreSagsnumre(politik: Politik): RegExp[] {
  const key = politik.andreSagsnumre.join('\u0000')
  let res = politikCache.get(key)
  if (!res) {
    res = politik.andreSagsnumre.map((kilde) => {
      try {
        return new RegExp(kilde, 'gu')
      } catch {
        throw new Error(`Politikkens mønster for andre myndigheders sagsnumre er ikke et gyldigt regulært udtryk: ${kilde}`)
      }
    })
    if (politikCache.size > 100) politikCache.clear()
    politikCache.set(key, res)
  }
  return res
}

const ciffermoenster = (cifre: string) => cifre.split('').join('[\\s.-]?')

/** Exact values from the case: the party's own CPR, CVR, phone and e-mail. */
function kendteVaerdier(viden: SagsViden): { re: RegExp; type: SpanType }[] {
  const ud: { re: RegExp; type: SpanType }[] = []
  const tilfoej = (kilde: string, type: SpanType, flags = 'gu') => ud.push({ re: new RegExp(kilde, flags), type })
  const parter: KendtPart[] = [...viden.parties]
  for (const p of parter) {
    const cpr = p.cpr?.replace(/\D/g, '') ?? ''
    if (cpr.length === 10) tilfoej(`(?<!\\d)${cpr.slice(0, 6)}[\\s-]?${cpr.slice(6)}(?!\\d)`, 'cpr')
    const cvr = p.cvr?.replace(/\D/g, '') ?? ''
    if (cvr.length === 8) tilfoej(`(?<!\\d)${ciffermoenster(cvr)}(?!\\d)`, 'cvr')
    const tlf = p.phone?.replace(/\D/g, '').replace(/^(?:0045|45)(?=\d{8}$)/, '') ?? ''
    if (tlf.length >= 8) tilfoej(`(?<!\\d)(?:(?:\\+|00)45[\\s.-]?)?${ciffermoenster(tlf)}(?!\\d)`, 'telefon')
    const email = p.email?.trim()
    if (email) tilfoej(email.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'email', 'giu')
  }
  return ud
}

export function findMoenstre(tekst: string, viden: SagsViden, politik: Politik): Kandidat[] {
  const ud: Kandidat[] = []
  const push = (start: number, end: number, type: SpanType, regel: string, sikkerhed: number, prioritet: number) =>
    ud.push({ start, end, type, regel, sikkerhed, prioritet })

  for (const { re, type } of kendteVaerdier(viden)) {
    for (const m of tekst.matchAll(re)) push(m.index, m.index + m[0].length, type, 'kendt-vaerdi', 0.99, P.kendtVaerdi)
  }
  for (const m of tekst.matchAll(EMAIL_RE)) push(m.index, m.index + m[0].length, 'email', 'email-moenster', 0.98, P.email)

  for (const m of tekst.matchAll(CPR_RE)) {
    if (!gyldigCprDato(m[1]!)) continue
    const kontekst = CPR_KONTEKST.test(foran(tekst, m.index, 30))
    if (m[3] !== undefined && !kontekst) continue // "010190 1234" only after "CPR"
    push(m.index, m.index + m[0].length, 'cpr', 'cpr-moenster', kontekst ? 0.98 : m[2] ? 0.9 : 0.75, kontekst ? P.cprKontekst : P.cpr)
  }

  for (const m of tekst.matchAll(CVR_KONTEKST_RE)) {
    const start = m.index + m[0].length - m[1]!.length
    push(start, m.index + m[0].length, 'cvr', 'cvr-kontekst', 0.95, P.cprKontekst)
  }

  for (const m of tekst.matchAll(TLF_RE)) {
    const cifre = m[2]!.replace(/\D/g, '')
    const kontekst = foran(tekst, m.index, 25)
    const harTlf = TLF_KONTEKST.test(kontekst) || m[1] !== undefined
    if (CVR_KONTEKST.test(kontekst) && !harTlf) {
      push(m.index, m.index + m[0].length, 'cvr', 'cvr-kontekst', 0.9, P.cvr)
      continue
    }
    if (!harTlf) {
      if (/^[01]/.test(cifre)) continue // Danish subscriber numbers start with 2–9
      // "2019-2020" is a period, "1234 5678" without context rarely a phone number.
      if (m[3] === undefined && (/-/.test(m[2]!) || /^(?:19|20)\d\d\s(?:19|20)\d\d$/.test(m[2]!))) continue
      if (m[3] === '' && lignerDato(cifre)) continue
      if (m[3] === '' && cvrModulus11(cifre)) {
        push(m.index, m.index + m[0].length, 'cvr', 'cvr-modulus11', 0.6, P.cvr)
        continue
      }
    }
    push(m.index, m.index + m[0].length, 'telefon', 'telefon-moenster', harTlf ? 0.95 : 0.7, P.telefon)
  }

  for (const m of tekst.matchAll(IBAN_RE)) {
    if (ibanGyldig(m[0])) push(m.index, m.index + m[0].length, 'iban', 'iban-moenster', 0.97, P.iban)
  }
  for (const m of tekst.matchAll(REG_RE)) {
    const start = m.index + m[0].length - m[1]!.length
    push(start, m.index + m[0].length, 'konto', 'regnr-kontekst', 0.9, P.konto)
  }
  for (const m of tekst.matchAll(KONTO_RE)) {
    const cifre = (m[1] ?? '') + m[2]!
    const start = m.index + m[0].length - (m[1] ? m[0].length - m[0].indexOf(m[1]) : m[2]!.length)
    if (cifre.length >= 6) push(start, m.index + m[0].length, 'konto', 'konto-kontekst', 0.9, P.konto)
  }
  for (const m of tekst.matchAll(PLADE_RE)) push(m.index, m.index + m[0].length, 'nummerplade', 'nummerplade-moenster', 0.8, P.nummerplade)

  for (const re of andreSagsnumre(politik)) {
    re.lastIndex = 0
    for (const m of tekst.matchAll(re)) {
      if (m[0].length > 0) push(m.index, m.index + m[0].length, 'sagsnummer', 'andet-sagsnummer', 0.9, P.andetSagsnummer)
    }
  }
  return ud
}
