// Number and contact patterns: CPR (also "12.07.85-1234" and "120785-xxxx"), CVR, phones
// (Danish in any grouping, +45, Greenlandic +299 six digits, any foreign +NN/00NN number,
// and any number after "tlf."), e-mail, IBAN (with or without spaces), bank accounts in
// every written form ("6812-0004417252", "9570 0016893204", "9541 - 4410 227 318",
// "reg.nr. 3409 kontonr. 11223344"), licence plates, case and journal numbers (the board's
// own, courts' "BS-…", "FOB …", any "j.nr."/"sagsnr."/"ref."), other authorities' case
// numbers from the policy, and the exact values the case knows (a known CPR is masked
// wherever it stands, whatever the context).
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
const IBAN_RE = /(?<![\p{L}\p{N}])[A-Z]{2}\s?\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/gu
const REG_RE = /(?<![\p{L}])(?:reg\.?\s?-?(?:nr\.?|nummer)|registreringsnummer|reg\.)\s?[:.]?\s?(\d{4})(?!\d)/giu
const KONTO_RE = /(?<![\p{L}])(?:konto(?:nummer|nr\.?|\s?nr\.?)?|kto\.?(?:\s?nr\.?)?)\s?[:.]?\s?(?:(\d{4})\s?[-–]?\s?)?(\d(?:\s?\d){5,13})(?!\d)/giu
// "6812-0004417252", "9570 0016893204", "9541 - 4410 227 318": a registration number and an
// account number of 6–10 digits, with or without a word before them.
const KONTO_FRI_RE = /(?<![\p{L}\p{N}.,/+-])(\d{4})(?:\s?[-–]\s?|\s)(\d(?:\s?\d){5,9})(?![\p{N}]|[.,-]\p{N})/gu
const KONTO_KONTEKST = /(?:konto|kto|reg\.|reg\s?nr|registrering|bank|sparekasse|pengeinstitut|indbetal|overfør|overført|betal)/i
// "+299 32 12 34", "+46 70 123 45 67", "0049 30 1234567": a country code and digit groups.
const TLF_UDLAND_RE = /(?<![\p{L}\p{N}+])(?:\+|00)(\d{1,3})(?:[\s.-]?\(0\))?((?:[\s.-]?\d{1,4}){1,6})(?![\p{N}])/gu
// Any number right after "tlf.", "telefon", "mobil": Danish, Greenlandic six digits, grouped.
const TLF_ETTER_ORD_RE =
  /(?<![\p{L}])(?:tlf|telefon(?:nummer|nr)?|mobil(?:nummer|nr|telefon)?|mob|tel|fax|sms|phone|kontakttelefon|direkte|telefonisk på|ring(?:e|es)? på|træffes på)\.?(?:\s?nr\.?)?(?:\s?\/\s?(?:mobil|sms|tlf)\.?)?\s?[:.]?\s?(\(?(?:\+|00)?\d{1,4}\)?(?:[\s.-]?\d{1,4}){1,5})(?![\p{N}])/giu
// "(+45) 20 30 40 50", "(+299) 32 12 34": a country code in brackets.
const TLF_PARENTES_RE = /\((?:\+|00)\d{1,3}\)\s?\d{2,4}(?:[\s.-]?\d{2,4}){1,4}(?![\p{N}])/gu
// Six digits in pairs ("32 12 34", Greenland) after a phone word somewhere before.
const TLF_SEKS_RE = /(?<![\p{L}\p{N}.,/+-])\d{2}(?:[\s.-]\d{2}[\s.-]\d{2}|\d{4})(?![\p{N}]|[\s.-]\d)/gu
const CPR_DELT_RE = /(?<![\p{N}\p{L}/.,-])(\d{2})([.\s-])(\d{2})\2(\d{2})[\s-]?(\d{4})(?![\p{N}]|[-/.,]\p{N})/gu
const CPR_SKJULT_RE = /(?<![\p{N}\p{L}/.,-])(\d{6})[\s-]?(?:[xX*]{4}|[xX*]{2}\d{2}|\d{2}[xX*]{2})(?![\p{L}\p{N}*])/gu

// Case and journal numbers: after a label ("sagsnr.", "j.nr.", "ref.", "Deres ref.", …) or a
// court's or the Ombudsman's own form ("BS-12345/2023-OLR", "B-1234-19", "FOB 2019-12").
const SAG_ETIKET =
  '(?:sagsnr\\.?|sagsnummer|sags\\.?\\s?nr\\.?|sag\\s?nr\\.?|sags-?id|j\\.\\s?nr\\.?|jnr\\.?|jr\\.\\s?nr\\.?|journal\\s?nr\\.?|journalnr\\.?|journalnummer|jour\\.\\s?nr\\.?|indbringelsesnr\\.?|indbringelsesnummer|ref\\.?\\s?nr\\.?|referencenr\\.?|referencenummer|reference|deres\\sref\\.?|vores\\sref\\.?|ref\\.|rettens\\snr\\.?|kundenr\\.?|kundenummer|lejernr\\.?|lejernummer|lejemålsnr\\.?|lejemålsnummer|medlemsnr\\.?|medlemsnummer|fakturanr\\.?|fakturanummer|policenr\\.?|ordrenr\\.?|løbenr\\.?|løbenummer|kontraktnr\\.?|vor\\sref\\.?|jeres\\sref\\.?|dok\\.\\s?nr\\.?|dokumentnr\\.?|dokumentnummer|akt\\.?\\s?nr\\.?|aktnummer|sagsnummeret|sagens\\snr\\.?|sagens\\snummer|kendelses?\\s?nr\\.?|afgørelses?\\s?nr\\.?|klagenr\\.?|klagenummer|j\\.-nr\\.?|journal-nr\\.?|sagsnumre(?:ne)?|journalnumre(?:ne)?|sagerne|sag)'
const SAG_ID = '(?:[A-ZÆØÅ]{1,6}[\\s/-]?)?\\d[\\dA-Za-z]*(?:\\.\\d[\\dA-Za-z]*|[-/][\\dA-Za-z]+|\\s?[-/]\\s?\\d[\\dA-Za-z]*)*'
const SAG_RE = new RegExp(`(?<![\\p{L}])${SAG_ETIKET}\\s?[:.]?\\s?(?:nr\\.\\s?)?(${SAG_ID}(?:\\s(?:og|samt|eller)\\s${SAG_ID})*)`, 'giu')
// "nr. 2023-04567": after a bare "nr.", a number with a dash or slash and five digits or more.
const NR_SAG_RE = /(?<![\p{L}.-])(?<!(?:cpr|cvr|tlf|konto|reg|CPR|CVR|Cpr|Cvr|Tlf|Konto|Reg)[\s.-]*)nr\.\s?((?:[A-ZÆØÅ]{1,6}-?)?\d[\d]*(?:[-/]\d+)+)(?![\p{L}\p{N}]|[-/]\p{N})/gu
const RET_SAG_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:BS|BF|SS|FS|KS|TS|AM|BOL|FOB|KBH)[\\s-]?(?:nr\\.\\s?)?\\d+(?:\\.\\d+|[-/][\\dA-Z]+|\\s?[-/]\\s?\\d+)*|[ABFKSV]-\\d{2,6}-\\d{2,4}(?:-[A-Z0-9]+)*|\\d{4}-\\d{5}-\\d{5}-\\d{2}|(?!(?:LBK|BEK|LOV|DS|EN|ISO|CVR|CPR|SE)[\\s/-])[A-ZÆØÅ]{2,5}[\\s/-]?(?:19|20)\\d{2}[-/]\\d{1,6})(?![\\p{L}\\p{N}])`,
  'gu',
)
// A serial number without a label in the shapes boards and courts give their files:
// "24/04567" (year/serial of five digits), "2024-0012" (year-serial with leading zeros).
const FRI_SAG_RE = /(?<![\p{L}\p{N}/.,-])(?:\d{2}\/(?:0\d{3,4}|\d{5})|(?:19|20)\d{2}-0\d{3,5})(?![\p{N}]|[-/.,]\p{N})/gu
// "Vores ref.: LKJ", "Deres ref. JKH/MB": a caseworker's reference in capitals alone.
const REF_KODE_RE = /(?<![\p{L}])(?:vores|deres|jeres|vor|min|din)\s?ref(?:erence)?\.?\s?[:.]?\s?(\p{Lu}{2,5}(?:\/\p{Lu}{2,5})?)(?![\p{L}\p{N}])/giu
// "sagsnummer hos Huslejenævnet er 2023-1234": a label, a few words, then a number with a
// dash or slash (a date is no number).
const SAG_NAER_RE = new RegExp(`(?<![\\p{L}])(?:sagsnr\\.?|sagsnummer|j\\.\\s?nr\\.?|journalnr\\.?|journalnummer|sag\\snr\\.?)(?=[^.\\n\\d]{2,40}\\d)[^.\\n\\d]{2,40}?((?:[A-ZÆØÅ]{1,6}[\\s/-]?)?\\d{2,6}(?:[-/]\\d{2,6})+)(?![\\p{L}\\p{N}]|[-/]\\p{N})`, 'giu')
const LISTE_RE = /^,\s?(?:og\s|samt\s|eller\s)?(\d{2,6}(?:[-/]\d{1,6})+)(?![\p{L}\p{N}]|[-/][\p{L}\p{N}])/u
const DATO_FORM_RE = /^\d{1,2}[./-]\d{1,2}(?:[./-](?:\d{4}|\d{2}))?$/
const PLADE_RE = /(?<![\p{L}\p{N}§])[A-Z]{2}\s?\d{2}\s?\d{3}(?![\p{L}\p{N}])/gu

const CPR_KONTEKST = /(?:cpr|personn|person-nr|født)/i
const TLF_KONTEKST = /(?:tlf|telefon|mobil|ring|sms|tel\.|kontakt|nummer|fax)/i
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
  // "12.07.85-1234", "12 07 85 1234": a date with four digits after it is a CPR, not a date.
  for (const m of tekst.matchAll(CPR_DELT_RE)) {
    if (!gyldigCprDato(m[1]! + m[3]! + m[4]!)) continue
    push(m.index, m.index + m[0].length, 'cpr', 'cpr-moenster', 0.9, P.cprStruktur)
  }
  for (const m of tekst.matchAll(CPR_SKJULT_RE)) {
    if (gyldigCprDato(m[1]!)) push(m.index, m.index + m[0].length, 'cpr', 'cpr-delvis', 0.9, P.cprStruktur)
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
      if (m[3] === undefined && /^(?:19|20)\d\d[\s-](?:19|20)\d\d$/.test(m[2]!)) continue
      if (m[3] === '' && lignerDato(cifre)) continue
      if (m[3] === '' && cvrModulus11(cifre)) {
        push(m.index, m.index + m[0].length, 'cvr', 'cvr-modulus11', 0.6, P.cvr)
        continue
      }
    }
    push(m.index, m.index + m[0].length, 'telefon', 'telefon-moenster', harTlf ? 0.95 : 0.7, P.telefon)
  }
  for (const m of tekst.matchAll(TLF_UDLAND_RE)) {
    // Country code, then digit groups up to a plausible subscriber number (Greenland and the
    // Faroes six digits, elsewhere at least seven), so a following number is not swallowed.
    const land = m[1]!
    const min = /^(?:299|298)/.test(land) ? 6 : 7
    let end = m.index + m[0].length - m[2]!.length
    let cifre = 0
    for (const g of m[2]!.matchAll(/[\s.-]?(\d{1,4})/g)) {
      if (cifre >= min && cifre + g[1]!.length > 11) break
      cifre += g[1]!.length
      end += g[0].length
      if (cifre >= min && /^(?:299|298)/.test(land)) break
    }
    if (cifre + land.length >= 8 || (cifre >= 6 && /^(?:299|298)/.test(land))) push(m.index, end, 'telefon', 'telefon-udland', 0.9, P.telefonKontekst)
  }
  for (const m of tekst.matchAll(TLF_PARENTES_RE)) push(m.index, m.index + m[0].length, 'telefon', 'telefon-udland', 0.9, P.telefonKontekst)
  for (const m of tekst.matchAll(TLF_SEKS_RE)) {
    if (TLF_KONTEKST.test(foran(tekst, m.index, 40))) push(m.index, m.index + m[0].length, 'telefon', 'telefon-kontekst', 0.8, P.telefon)
  }
  for (const m of tekst.matchAll(TLF_ETTER_ORD_RE)) {
    const nummer = m[1]!
    const cifre = nummer.replace(/\D/g, '')
    if (cifre.length < 6 || cifre.length > 15) continue
    const start = m.index + m[0].length - nummer.length
    push(start, m.index + m[0].length, 'telefon', 'telefon-kontekst', 0.95, P.telefonKontekst)
  }

  for (const m of tekst.matchAll(IBAN_RE)) {
    const kompakt = m[0].replace(/\s/g, '')
    // A valid check digit, or a Danish/Greenlandic/Faroese IBAN's shape, or the word IBAN before it.
    const form = /^(?:DK|GL|FO)\d{16}$/.test(kompakt) || /iban/i.test(foran(tekst, m.index, 20))
    if (ibanGyldig(m[0]) || form) push(m.index, m.index + m[0].length, 'iban', 'iban-moenster', 0.97, P.iban)
  }
  const regnumre: Kandidat[] = []
  for (const m of tekst.matchAll(REG_RE)) {
    const start = m.index + m[0].length - m[1]!.length
    const k: Kandidat = { start, end: m.index + m[0].length, type: 'konto', regel: 'regnr-kontekst', sikkerhed: 0.9, prioritet: P.konto }
    regnumre.push({ ...k, start: m.index })
    ud.push(k)
  }
  for (const m of tekst.matchAll(KONTO_RE)) {
    const cifre = (m[1] ?? '') + m[2]!.replace(/\s/g, '')
    const start = m.index + m[0].length - (m[1] ? m[0].length - m[0].indexOf(m[1]) : m[2]!.length)
    if (cifre.length < 6 || cifre.length > 14) continue
    // "reg.nr. 3409 kontonr. 11223344" is one account: one span from "reg." to the last digit.
    const reg = regnumre.find((r) => r.end <= m.index && m.index - r.end <= 4)
    if (reg) push(reg.start, m.index + m[0].length, 'konto', 'regnr-og-konto', 0.95, P.konto + 1)
    push(start, m.index + m[0].length, 'konto', 'konto-kontekst', 0.9, P.konto)
  }
  for (const m of tekst.matchAll(KONTO_FRI_RE)) {
    const konto = m[2]!.replace(/\s/g, '')
    const kontekst = KONTO_KONTEKST.test(foran(tekst, m.index, 40))
    if (!kontekst && (konto.length < 7 || /^(?:19|20)\d\d$/.test(m[1]!))) continue
    push(m.index, m.index + m[0].length, 'konto', 'konto-moenster', kontekst ? 0.9 : 0.75, P.konto)
  }
  for (const m of tekst.matchAll(PLADE_RE)) push(m.index, m.index + m[0].length, 'nummerplade', 'nummerplade-moenster', 0.8, P.nummerplade)

  for (const m of tekst.matchAll(SAG_RE)) {
    let id = m[1]!
    // A bare "sag 5" is no number; "sag 2023-1234" is.
    if (/^sag[\s:.]*$/i.test(m[0].slice(0, m[0].length - id.length)) && !/[-/]/.test(id)) continue
    // The prefix letters are capitals ("HLN-2023-12"); "sagsnr. er 5566/23": "er" is a word.
    const ord = /^\p{Ll}+\s/u.exec(id)
    if (ord) id = id.slice(ord[0].length)
    const start = m.index + m[0].length - id.length
    // "j.nr. 2022-1234, 2022-1235 og 2022-1236": more of the same shape after a comma.
    let end = m.index + m[0].length
    for (let n = LISTE_RE.exec(tekst.slice(end, end + 40)); n && !DATO_FORM_RE.test(n[1]!); n = LISTE_RE.exec(tekst.slice(end, end + 40))) end += n[0].length
    push(start, end, 'sagsnummer', 'sagsnummer', 0.9, P.sagsnummer)
  }
  for (const m of tekst.matchAll(NR_SAG_RE)) {
    // "nr. 108-110" is a range of house numbers: a case number has a group of four digits.
    if (m[1]!.replace(/\D/g, '').length < 5 || !/\d{4}/.test(m[1]!)) continue
    push(m.index + m[0].length - m[1]!.length, m.index + m[0].length, 'sagsnummer', 'sagsnummer-nr', 0.75, P.sagsnummer - 1)
  }
  for (const m of tekst.matchAll(REF_KODE_RE)) {
    if (!/^\p{Lu}+(?:\/\p{Lu}+)?$/u.test(m[1]!)) continue
    push(m.index + m[0].length - m[1]!.length, m.index + m[0].length, 'sagsnummer', 'reference', 0.7, P.sagsnummer - 1)
  }
  for (const m of tekst.matchAll(SAG_NAER_RE)) {
    const id = m[1]!.replace(/^\p{Ll}+\s/u, '')
    if (DATO_FORM_RE.test(id) || id.replace(/\D/g, '').length < 4) continue
    push(m.index + m[0].length - id.length, m.index + m[0].length, 'sagsnummer', 'sagsnummer-naer', 0.7, P.sagsnummer - 1)
  }
  for (const m of tekst.matchAll(FRI_SAG_RE)) push(m.index, m.index + m[0].length, 'sagsnummer', 'sagsnummer-form', 0.7, P.sagsnummer - 1)
  for (const m of tekst.matchAll(RET_SAG_RE)) push(m.index, m.index + m[0].length, 'sagsnummer', 'sagsnummer-form', 0.85, P.sagsnummer)

  for (const re of andreSagsnumre(politik)) {
    re.lastIndex = 0
    for (const m of tekst.matchAll(re)) {
      if (m[0].length > 0) push(m.index, m.index + m[0].length, 'sagsnummer', 'andet-sagsnummer', 0.9, P.andetSagsnummer)
    }
  }
  return ud
}
