// The anonymizer for published decisions (DOMAIN.md, "Publication"): names, CPR numbers,
// contact data and anything else identifying a private person go; laws, authorities,
// amounts, dates and areas stay. Pure functions: the lexicon is loaded by the caller
// (leksikon.ts), the case's knowledge and the board's policy are passed in.
//
// Every rule proposes candidates with a priority; keep zones (bevar.ts) veto weaker
// candidates; the strongest non-overlapping candidates become spans with offsets into the
// original text. The caseworker reviews them before publication and may edit the list;
// anvendSpans turns any list into the anonymized text.
import type { Leksikon } from './leksikon.js'
import { findAdresser } from './regler/adresser.js'
import { findBevarZoner, findVirksomheder, selskabsformAf } from './regler/bevar.js'
import { erSaetningsstart, fold, overlapper, P, type Entitet, type Kandidat, type Zone } from './regler/faelles.js'
import { findKendteParter, partsmatcher } from './regler/kendte-parter.js'
import { findMoenstre } from './regler/moenstre.js'
import { findUkendtePersoner, TITLER } from './regler/ukendte-personer.js'
import { standardPolitik, type Anonymisering, type Bevaret, type BevarType, type Politik, type SagsViden, type Span, type SpanType } from './typer.js'

export * from './typer.js'

const ERSTATNING: Record<Exclude<SpanType, 'person'>, string> = {
  adresse: '[adresse]',
  cpr: '[cpr-nr.]',
  cvr: '[cvr-nr.]',
  telefon: '[telefon]',
  email: '[e-mail]',
  iban: '[iban]',
  konto: '[kontonr.]',
  nummerplade: '[nummerplade]',
  sagsnummer: '[sagsnr.]',
  virksomhed: '[virksomhed]',
}

/** Anonymizes a decision; the result's tekst is anvendSpans(tekst, spans). */
export function anonymiser(tekst: string, viden: SagsViden, leksikon: Leksikon, politik: Partial<Politik> = standardPolitik): Anonymisering {
  const pol: Politik = { ...standardPolitik, ...politik }
  const matcher = partsmatcher(viden, pol)

  const zoner: Zone[] = findBevarZoner(tekst, pol)
  const adresser = findAdresser(tekst, viden, leksikon, pol)
  zoner.push(...adresser.vejzoner)
  const kandidater: Kandidat[] = [
    ...findMoenstre(tekst, viden, pol),
    ...adresser.kandidater,
    ...findKendteParter(tekst, matcher),
    ...findUkendtePersoner(tekst, leksikon, matcher).kandidater,
  ]
  if (!pol.bevarVirksomhedsnavne) {
    const firmaer = virksomhedskandidater(tekst, kandidater)
    kandidater.push(...firmaer, ...gentagneFirmanavne(tekst, firmaer, leksikon))
  }

  const valgte = flet(loes(kandidater, zoner, tekst), tekst)
  const spans = navngiv(valgte, tekst, matcher.entiteter, pol)
  return { tekst: anvendSpans(tekst, spans), spans, bevaret: bevaret(zoner, spans, pol) }
}

/**
 * Companies to mask: a company that holds a party's company name is that party (it becomes
 * "udlejer"); any other is one entity per name ("C ApS" wherever it recurs).
 */
function virksomhedskandidater(tekst: string, kandidater: readonly Kandidat[]): Kandidat[] {
  const parter = kandidater.filter((k) => k.regel === 'kendt-virksomhed' && k.entitet)
  return findVirksomheder(tekst).map((v0) => {
    // "Maleren Hansen & Søn": a title before the name is no part of it.
    const v = { ...v0 }
    for (let m = /^(\S+)\s+/u.exec(tekst.slice(v.start, v.end)); m && TITLER.has(fold(m[1]!)); m = /^(\S+)\s+/u.exec(tekst.slice(v.start, v.end))) {
      v.start += m[0].length
    }
    const part = parter.find((k) => k.start >= v.start && k.end <= v.end)
    const navn = tekst.slice(v.start, v.end)
    const entitet: Entitet = part?.entitet ?? { noegle: `firma:${fold(navn.replace(/\s(?:A\/S|ApS|I\/S|K\/S|P\/S|IVS)$/u, ''))}` }
    // "Ejendomsselskabet af 1. maj 2001 ApS": the founding date is part of the name, not a date to keep.
    const prioritet = /\saf\s\d{1,2}\.\s?\p{L}/u.test(navn) ? P.bevarFast + 1 : P.virksomhedMaske
    return { ...v, type: 'virksomhed' as const, regel: 'virksomhedsnavn', sikkerhed: 0.8, prioritet, entitet, trimbar: true }
  })
}

/**
 * A company named once in full ("Rent & Pænt Silkeborg ApS") and later by its name alone
 * ("Rent & Pænt Silkeborg"): the same entity wherever the name without its legal form recurs.
 */
function gentagneFirmanavne(tekst: string, firmaer: readonly Kandidat[], leksikon: Leksikon): Kandidat[] {
  const kerner = new Map<string, Kandidat>()
  for (const f of firmaer) {
    const navn = tekst.slice(f.start, f.end).replace(/,?\s(?:afdeling|afd\.)\s.*$/u, '')
    const kort = navn.replace(/\s(?:A\/S|ApS|I\/S|K\/S|P\/S|IVS|AS|GmbH|AMBA|SMBA)$/u, '').replace(/\sv\/.*$/u, '').trim()
    // Without the kind of company before it: "Boligselskabet Domus" → "Domus", "P/S Nord Invest" → "Nord Invest".
    const uden = kort.replace(FORLED_RE, '').trim()
    for (const kerne of new Set([kort, uden])) {
      if (kerne === navn || kerne.length < 5 || !/^\p{Lu}/u.test(kerne) || !/\p{L}{4}/u.test(kerne)) continue
      // A town, a region or a lexicon name alone ("Boligselskabet Sjælland") is not the company.
      if (!kerne.includes(' ') && (leksikon.bynavne.has(fold(kerne)) || leksikon.fornavne.has(fold(kerne)) || leksikon.efternavne.has(fold(kerne)) || IKKE_KERNE.has(fold(kerne)))) continue
      if (!kerner.has(kerne)) kerner.set(kerne, f)
    }
  }
  const ud: Kandidat[] = []
  for (const [kerne, f] of kerner) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${kerne.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:s|')?(?![\\p{L}\\p{N}])`, 'gu')
    for (const m of tekst.matchAll(re)) {
      const genitiv = m[0].length > kerne.length
      ud.push({ start: m.index, end: m.index + m[0].length, type: 'virksomhed', regel: 'virksomhedsnavn-gentaget', sikkerhed: 0.75, prioritet: P.adresse - 1, entitet: f.entitet, trimbar: true, genitiv })
    }
  }
  return ud
}

const FORLED_RE =
  /^(?:Boligselskabet|Boligforeningen|Andelsboligforeningen|Andelsforeningen|Ejerforeningen|Ejendomsselskabet|Administrationsselskabet|Advokatfirmaet|Boligorganisationen|Andelsselskabet|Selskabet|Fonden|Stiftelsen|[\p{L}-]*[Ff]irmaet|A\/B|E\/F|K\/S|P\/S|I\/S|A\/S|IVS|ApS)\s/u
/** Words that stay words even when a company's name is made of them. */
const IKKE_KERNE = new Set(['danmark', 'nord', 'syd', 'oest', 'vest', 'sjaelland', 'jylland', 'fyn', 'bornholm', 'groenland', 'midt', 'centrum', 'city', 'holding', 'invest', 'ejendomme', 'bolig', 'boliger', 'administration'])

const GRUND: Partial<Record<BevarType, string>> = {
  lov: 'Lovhenvisninger bliver altid stående.',
  myndighed: 'Offentlige myndigheder (domstole, nævn, kommuner, ministerier, styrelser) bliver stående.',
  organisation: 'Landsdækkende organisationer bliver stående.',
  virksomhed: 'Nævnets politik bevarer virksomheders navne.',
  postby: 'Nævnets politik bevarer postnummer og by.',
}

/**
 * What was recognised and left on purpose, for the review screen: authorities, laws,
 * organisations, and what the board's policy keeps (companies, postal code and town).
 * Dates, amounts and areas are kept too but not listed: there are many and they name no one.
 */
function bevaret(zoner: readonly Zone[], spans: readonly Span[], politik: Politik): Bevaret[] {
  const ud: Bevaret[] = []
  const sorteret = [...zoner].sort((a, b) => a.start - b.start || b.end - a.end)
  for (const z of sorteret) {
    const grund = GRUND[z.type]
    if (!grund) continue
    if (z.type === 'virksomhed' && !politik.bevarVirksomhedsnavne) continue
    if (z.type === 'postby' && !politik.bevarPostnummerOgBy) continue
    if (spans.some((s) => s.start < z.end && z.start < s.end)) continue
    const forrige = ud[ud.length - 1]
    if (forrige && forrige.start < z.end && z.start < forrige.end) continue
    ud.push({ start: z.start, end: z.end, type: z.type, grund })
  }
  return ud
}

/** Strongest first; a keep zone at least as strong vetoes (an address is cut short instead). */
function loes(kandidater: Kandidat[], zoner: Zone[], tekst: string): Kandidat[] {
  const sorteret = [...kandidater].sort((a, b) => b.prioritet - a.prioritet || b.end - b.start - (a.end - a.start) || a.start - b.start)
  zoner.sort((a, b) => a.start - b.start)
  const valgte: Kandidat[] = []
  for (const k0 of sorteret) {
    const k = { ...k0 }
    let ok = true
    for (const z of zoner) {
      if (z.start >= k.end) break
      if (z.end <= k.start || z.prioritet < k.prioritet) continue
      if (k.trimbar && k.type === 'virksomhed' && z.start <= k.start && z.end < k.end) {
        // "Ankestyrelsen og Jensen Ejendomme ApS": the company starts after the authority.
        const m = /^[\s,]*(?:(?:og|&)\s+)?/u.exec(tekst.slice(z.end, k.end))!
        k.start = z.end + m[0].length
        continue
      }
      if (k.trimbar && z.start > k.start) {
        k.end = z.start
        while (k.end > k.start && /[\s,]/.test(tekst[k.end - 1]!)) k.end--
        // What is left must still hold a house number to be an address.
        if (k.type === 'adresse' && !/\d/.test(tekst.slice(k.start, k.end)) && k.regel !== 'kendt-adresse') k.end = k.start
        if (k.type === 'virksomhed' && !/\s/.test(tekst.slice(k.start, k.end))) k.end = k.start
        continue
      }
      ok = false
      break
    }
    if (!ok || k.end <= k.start) continue
    const over = valgte.filter((v) => overlapper(v, k))
    if (over.length === 0) valgte.push(k)
    else if (k.entitet && over.every((v) => v.entitet?.noegle === k.entitet!.noegle)) {
      // The same person found twice ("Jonas Friis Kjærgaard" and "Kjærgaard"): one span
      // over both, so no part of the name is left behind.
      const alle = [...over, k]
      const sidste = alle.reduce((a, b) => (b.end > a.end ? b : a))
      const foerste = over[0]!
      foerste.start = Math.min(...alle.map((v) => v.start))
      foerste.end = sidste.end
      foerste.genitiv = sidste.genitiv
      for (const v of over.slice(1)) valgte.splice(valgte.indexOf(v), 1)
    }
  }
  return valgte.sort((a, b) => a.start - b.start)
}

/** Neighbouring parts of one person's name ("Jens" "Hansen") become one span. */
function flet(valgte: Kandidat[], tekst: string): Kandidat[] {
  const ud: Kandidat[] = []
  for (const k of valgte) {
    const forrige = ud[ud.length - 1]
    if (
      forrige &&
      forrige.entitet &&
      k.entitet &&
      forrige.entitet.noegle === k.entitet.noegle &&
      !forrige.genitiv &&
      /^[\s-]{1,3}$/.test(tekst.slice(forrige.end, k.start)) &&
      !tekst.slice(forrige.end, k.start).includes('\n')
    ) {
      forrige.end = k.end
      forrige.genitiv = k.genitiv
      forrige.sikkerhed = Math.max(forrige.sikkerhed, k.sikkerhed)
      forrige.prioritet = Math.max(forrige.prioritet, k.prioritet)
      continue
    }
    ud.push({ ...k })
  }
  return ud
}

function bogstav(n: number): string {
  let s = ''
  let i = n
  do {
    s = String.fromCharCode(65 + (i % 26)) + s
    i = Math.floor(i / 26) - 1
  } while (i >= 0)
  return s
}

/** Labels: parties by role (or A for the tenant, B for the landlord), others C, D, … */
function etiketter(valgte: Kandidat[], parter: readonly Entitet[], politik: Politik): Map<string, string> {
  const ud = new Map<string, string>()
  let naeste = 2 // C
  const roller = new Map<string, number>()
  for (const p of parter) roller.set(p.rolle ?? '', (roller.get(p.rolle ?? '') ?? 0) + 1)
  const brugt = new Map<string, number>()
  const foerste = new Set<string>()
  for (const p of parter) {
    const rolle = p.rolle ?? 'medpart'
    if (politik.erstatning === 'roller') {
      const nr = (brugt.get(rolle) ?? 0) + 1
      brugt.set(rolle, nr)
      ud.set(p.noegle, (roller.get(rolle) ?? 0) > 1 ? `${rolle} ${nr}` : rolle)
    } else if ((rolle === 'lejer' || rolle === 'udlejer') && !foerste.has(rolle)) {
      foerste.add(rolle)
      ud.set(p.noegle, rolle === 'lejer' ? 'A' : 'B')
    } else if (valgte.some((k) => k.entitet?.noegle === p.noegle)) {
      ud.set(p.noegle, bogstav(naeste++))
    }
  }
  for (const k of valgte) {
    const e = k.entitet
    if (e && !ud.has(e.noegle)) ud.set(e.noegle, bogstav(naeste++))
  }
  return ud
}

const ROLLEORD: Record<string, RegExp> = {
  lejer: /(?:^|[^\p{L}])(lejer(?:en)?)\s+$/iu,
  udlejer: /(?:^|[^\p{L}])(udlejer(?:en)?)\s+$/iu,
}

function navngiv(valgte: Kandidat[], tekst: string, parter: readonly Entitet[], politik: Politik): Span[] {
  const navne = etiketter(valgte, parter, politik)
  const spans: Span[] = []
  let forrigeEnd = 0
  for (const k of valgte) {
    let start = k.start
    let erstatning: string
    const label = k.entitet ? navne.get(k.entitet.noegle) : undefined
    if (label !== undefined) {
      let ord = label
      // "lejer Jens Hansen" → "lejer", not "lejer lejer".
      const rolleRe = politik.erstatning === 'roller' ? ROLLEORD[label] : undefined
      const fra = Math.max(forrigeEnd, start - 20)
      const m = rolleRe?.exec(tekst.slice(fra, start))
      if (m) {
        start = fra + m.index + m[0].indexOf(m[1]!)
        ord = m[1]!
      }
      if (k.genitiv) ord = /[\d]$/.test(ord) || /^[A-Z]+$/.test(ord) ? `${ord}'s` : `${ord}s`
      if (!m && /^\p{Ll}/u.test(ord) && erSaetningsstart(tekst, start)) ord = ord[0]!.toUpperCase() + ord.slice(1)
      // An unknown company keeps its legal form: "C ApS".
      const form = k.type === 'virksomhed' && k.entitet?.noegle.startsWith('firma:') ? selskabsformAf(tekst.slice(k.start, k.end)) : undefined
      erstatning = form ? `${ord} ${form}` : ord
    } else {
      erstatning = ERSTATNING[k.type as Exclude<SpanType, 'person'>] ?? '[anonymiseret]'
    }
    const span: Span = {
      start,
      end: k.end,
      type: k.type,
      regel: k.regel,
      sikkerhed: k.sikkerhed,
      erstatning,
      ...(k.entitet ? { entitet: k.entitet.noegle } : {}),
    }
    spans.push(span)
    forrigeEnd = k.end
  }
  return spans
}

/**
 * Applies spans (the anonymizer's own or a caseworker's edited list) to the original text.
 * Spans must lie inside the text and must not overlap; their order does not matter.
 */
export function anvendSpans(original: string, spans: readonly Pick<Span, 'start' | 'end' | 'erstatning'>[]): string {
  const sorteret = [...spans].sort((a, b) => a.start - b.start)
  let ud = ''
  let pos = 0
  for (const s of sorteret) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < pos || s.end < s.start || s.end > original.length) {
      throw new RangeError(`Ugyldigt eller overlappende span ${s.start}–${s.end} (teksten er ${original.length} tegn).`)
    }
    ud += original.slice(pos, s.start) + s.erstatning
    pos = s.end
  }
  return ud + original.slice(pos)
}
