// Addresses: the parties' own streets (from the case, in any written form, also without a
// house number), and any Danish or Greenlandic address: a street name (a known street from
// the lexicon, a street-like word: -vej, -gade, -allé, … or "… Vej", "… Boulevard", or any
// capitalised name when a house number and a known postal code follow) with house number,
// floor and door, and the postal code and town that belong to it (kept only when the policy
// says so). A street name alone is masked too ("H.C. Andersens Boulevard" is a street, not
// the tenant Andersen), and so is a matrikel number ("matr.nr. 12ab Horsens Bygrunde").
import type { Leksikon } from '../leksikon.js'
import type { Politik, SagsViden } from '../typer.js'
import { erSaetningsstart, fold, P, variantMoenster, type Kandidat, type Zone } from './faelles.js'

const L = '\\p{L}'
const STAERK =
  'vej|vejen|gade|gaden|allé|alle|alléen|alleen|stræde|strædet|straede|plads|pladsen|vænget|vænge|parken|boulevard|torv|torvet|stien|sti|kaj|kajen|brygge|bryggen|bakken|toften|haven|vangen|engen|marken|lunden|skrænten|hegnet|løkken|sletten|passage|gyde|dalen|højen|krogen|tofte|kvarter|kvarteret'
const SVAG = 'park|have|høj|vang|dal|holm|lund|bjerg|mark|eng|bro|strand|toft|ager|skov|skoven|hegn|løkke|bakke|vænge'
const SEPARAT =
  'Vej|Vejen|Gade|Allé|Alle|Stræde|Plads|Boulevard|Torv|Vænge|Vænget|Park|Parken|Have|Haven|Bakke|Bakken|Sti|Stien|Kaj|Brygge|Landevej|Tværvej|Tværgade|Vang|Vangen|Passage|Gyde|Hegn|Toft|Toften|Strandvej|Kongevej|Kanal|Stræde|Kvarter'
const TOK = `(?:\\p{Lu}\\.(?:\\s?\\p{Lu}\\.)*|\\p{Lu}[${L}'’]*(?:-\\p{Lu}?[${L}]+)*\\.?)`
const VEJ_RE = new RegExp(
  `(?<![${L}\\p{N}])(?:(?:${TOK}\\s){0,2}\\p{Lu}[${L}'’-]*?(?:(${STAERK})s?|(${SVAG}))|(?:${TOK}\\s){1,3}(?:${SEPARAT}))(?![${L}\\p{N}])`,
  'gu',
)
// Capitalised words that start a sentence or name a thing, never part of a street name.
const IKKE_VEJ = new Set(
  'ejendommen lejemålet lejligheden boligen adressen beliggende lejer lejeren udlejer udlejeren nævnet den det de der i på til fra hos ved af og om efter da når hvis som men under indtil vedr vedrørende beboer beboeren naboen afdelingen afdeling bygningen opgangen huset lejerne parterne sagen klager klageren indklagede adresse bopæl flyttede bor boede ejendom lejemål'.split(
    ' ',
  ),
)

const HUSNR_RE = new RegExp(`\\s(?:nr\\.\\s?)?\\d{1,3}(?:[A-Za-z]|\\s[A-Z])?(?![${L}\\p{N}])(?:\\s?[-–]\\s?\\d{1,3}[A-Za-z]?(?![${L}\\p{N}]))?(?![.,]\\d)`, 'uy')
// A side: "tv", "th", "mf", also "t.v." and "t.h.".
const SIDE = '(?:tv|th|mf|t\\.\\s?v|t\\.\\s?h|m\\.\\s?f)\\.?'
const ETAGE_RE = [
  new RegExp(`(?:,\\s?|\\s)(?:st\\.?|stuen|kld\\.?|kl\\.?(?!\\s?\\d)|kælder(?:en)?|parterre)(?:,?\\s?${SIDE})?(?![${L}\\p{N}])`, 'iuy'),
  new RegExp(`(?:,\\s?|\\s)\\d{1,2}\\.?\\s?(?:sal|etage|${SIDE})\\.?(?:,?\\s?${SIDE})?(?![${L}\\p{N}])`, 'iuy'),
  // A bare floor right before the postal code ("Vestergade 31, 1., 8600 Silkeborg") or at
  // the end of the address ("Vestergade 12, 2." at the end of a line or before a comma).
  new RegExp(`,\\s?\\d{1,2}\\.(?=,?\\s\\d{4}\\s\\p{Lu}|[ \\t]*(?:\\n|$)|,)`, 'uy'),
]
const DOER_RE = new RegExp(`(?:,\\s?|\\s)(?:dør|lejl\\.|lejlighed|lejl|værelse|vær\\.|rum)\\s?(?:nr\\.\\s?)?\\d{1,4}[A-Za-z]?(?![\\p{N}])`, 'uy')
const POSTBY_RE = new RegExp(`(,?[ \\t]*\\n?[ \\t]*)(?:DK-)?(\\d{4})\\s(\\p{Lu}[${L}.-]*)`, 'uy')
const BY_EFTER_RE = new RegExp(`^(,\\s?)(\\p{Lu}[${L}-]+(?:\\s(?:C|K|N|NV|NØ|S|SV|SØ|V|Ø))?)(?![${L}\\p{N}])(?!\\s?\\d)`, 'u')
const BYDEL_RE = new RegExp(`\\s(?:C|K|N|NV|NØ|S|SV|SØ|V|Ø)(?![${L}])`, 'uy')
const STORT_ORD_RE = new RegExp(`(?<![${L}\\p{N}])\\p{Lu}[${L}'’.-]*`, 'gu')
// Street-like names that are streets even at a sentence start.
const ALENE_RE = /(?:vej|vejen|gade|gaden|allé|alle|stræde|strædet|straede|boulevard|torv|torvet|passage|gyde|\s\p{Lu}[\p{L}]*)$/u
// One to three capitalised words right before a house number (the postal code decides).
const NAVN_FOER_NR_RE = new RegExp(`(?<![${L}\\p{N}.])\\p{Lu}[${L}'’-]+(?:\\s\\p{Lu}[${L}'’.-]*){0,2}(?=\\s(?:nr\\.\\s?)?\\d{1,3}(?![.,]?\\d))`, 'gu')
// "Lejemålet er beliggende …", "bor på …", "c/o …": what follows is an address.
const KONTEKST_FOER_RE =
  /(?:beliggende|beliggenhed|adressen|adresse|bopæl|bopælsadresse|bor|boede|bosat|boende|flyttede|flyttet|fraflyttede|fraflyttet|indflyttede|lejemålet|lejligheden|ejendommen|ejendommene|huset|rækkehuset|c\/o)(?:\s+(?:på|i|til|fra|ind\s+i|ud\s+af|beliggende))?[\s:,]*$/iu
const harKontekst = (tekst: string, pos: number) => KONTEKST_FOER_RE.test(tekst.slice(Math.max(0, pos - 45), pos))
// "Ved Stranden 5", "Over Bækken 2": a capitalised preposition inside a sentence opens a street name.
const FORLED = new Set(['ved', 'over', 'under', 'bag', 'mellem', 'neden', 'oven'])
// A name (a house, a farm, a Greenlandic building) right before a postal code and its town:
// "Illu Qaqortoq, 3920 Qaqortoq", "Lille Havgaard, 7400 Herning".
const NAVN_FOER_POSTNR_RE = new RegExp(`(?<![${L}\\p{N}.])\\p{Lu}[${L}'’-]+(?:\\s\\p{Lu}[${L}'’.-]*){0,2}(?=,[ \\t]*\\n?[ \\t]*(?:DK-)?\\d{4}\\s\\p{Lu})`, 'gu')
const POSTNR_LINJE_RE = /(?<=^|\n)[ \t]*(?=\d{4}\s\p{Lu})/gu
// Greenlandic building numbers: "B-1234", "B 1234".
const BYGNINGSNR_RE = /(?<![\p{L}\p{N}])B[-\s]?\d{1,4}[A-Za-z]?(?![\p{L}\p{N}]|-\d)/gu
// A neighbour's flat by its number alone: "naboen i nr. 16", "underboen i nr. 14, 1. th.".
const NR_ALENE_RE = /(?<![\p{L}])(?:i|på|fra|ved|til)\s(?:nr\.|nummer)\s?\d{1,3}[A-Za-z]?(?![\p{L}\p{N}]|[.,]\d)/gu
const NABO_RE = /(?:nabo|genbo|underbo|overbo|opgang|beboer|lejligheden|lejemålet|huset|ejendommen|bor|boede)/iu
const POSTBOKS_RE = /(?<![\p{L}])(?:Postboks|Box|P\.O\. Box)\s\d{1,5}(?![\p{N}])/gu
// "matr.nr. 12ab", "matrikel nr. 5 cx, Horsens Bygrunde", "matr. nr. 1234 a Vejle Markjorder".
const MATRIKEL_RE = new RegExp(
  `(?<![${L}])(?:matr(?:ikel)?\\.?\\s?-?(?:nr\\.?|nummer)?|matrikelnr\\.?|matrikelnummer|ejendomsnummer|ejendomsnr\\.?|ejd\\.\\s?nr\\.?)\\s?[:.]?\\s?\\d+\\s?[a-zæøå]{0,3}(?![${L}\\p{N}])(?:,?\\s(?:\\p{Lu}[${L}-]*\\s){0,3}(?:By|Bygrunde|Markjorder|Kvarter|Sogn|Ejerlav|Hovedgård|Gård|Overdrev|Mark)(?![${L}]))?`,
  'giu',
)

function sticky(re: RegExp, tekst: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos
  return re.exec(tekst)
}

interface Hale {
  /** End of the house number, or undefined when none follows. */
  nummer?: number
  /** End of floor/door: 'etage' when one was given. */
  etage?: number
  postby?: { start: number; end: number; kendt: boolean; navnPasser?: boolean }
}

/** What follows a street name at pos: number, floor, door, postal code and town. */
function laesHale(tekst: string, pos: number, leksikon: Leksikon): Hale {
  const hale: Hale = {}
  let p = pos
  const nr = sticky(HUSNR_RE, tekst, p)
  if (nr) {
    p += nr[0].length
    hale.nummer = p
    for (const re of ETAGE_RE) {
      const m = sticky(re, tekst, p)
      if (m) {
        p += m[0].length
        hale.etage = p
        break
      }
    }
    const doer = sticky(DOER_RE, tekst, p)
    if (doer) {
      p += doer[0].length
      hale.etage = p
    }
  }
  const pb = sticky(POSTBY_RE, tekst, p)
  if (pb) {
    const postnr = pb[2]!
    const navn = leksikon.postnumre.get(postnr)
    const byStart = p + pb[0].length - pb[3]!.length
    let end = p + pb[0].length
    let navnPasser = false
    if (navn && tekst.slice(byStart, byStart + navn.length).toLowerCase() === navn.toLowerCase() && !/[\p{L}]/u.test(tekst[byStart + navn.length] ?? '')) {
      end = byStart + navn.length
      navnPasser = true
    } else {
      // A trailing period ends the sentence, it is not part of the town.
      const fuld = end
      while (end > byStart && tekst[end - 1] === '.') end--
      // "Kbh. Ø": the district after an abbreviated town.
      const bydel = sticky(BYDEL_RE, tekst, end) ?? (fuld > end ? sticky(BYDEL_RE, tekst, fuld) : null)
      if (bydel) end = (bydel.index ?? end) + bydel[0].length
    }
    hale.postby = { start: p + pb[1]!.length, end, kendt: navn !== undefined, navnPasser }
  } else if (hale.nummer !== undefined) {
    // "Thorvaldsensvej 4, 1. tv., Frederiksberg C": a known town after a comma, no postal code.
    const by = BY_EFTER_RE.exec(tekst.slice(p, p + 60))
    if (by && (leksikon.bynavne.has(fold(by[2]!)) || leksikon.bynavne.has(fold(by[2]!.split(' ')[0]!)))) {
      hale.postby = { start: p + by[1]!.length, end: p + by[0].length, kendt: true, navnPasser: true }
    }
  }
  return hale
}

/** The street name of an address as the case holds it ("Nørrebrogade 12, 3. tv." → "Nørrebrogade"). */
export function vejnavnAf(adresse: string): string | undefined {
  const uden = adresse.trim().replace(/^(?:ejendommen|adressen|lejemålet)\s+/i, '')
  const m = /^(.*?[\p{L}.])\s*(?:,\s*)?(?:nr\.\s*)?\d/u.exec(uden)
  const navn = (m ? m[1]! : uden.split(',')[0]!).trim()
  return navn.length >= 4 && /\p{L}{3}/u.test(navn) ? navn : undefined
}

const kendteVejeCache = new Map<string, RegExp | null>()
function kendteVejeRe(viden: SagsViden): RegExp | null {
  const navne = new Set<string>()
  for (const a of [viden.lejemaalAdresse, ...viden.parties.map((p) => p.address)]) {
    const navn = a ? vejnavnAf(a) : undefined
    if (navn) navne.add(navn)
  }
  const key = [...navne].sort().join('\u0000')
  let re = kendteVejeCache.get(key)
  if (re === undefined) {
    re = navne.size === 0 ? null : new RegExp(`(?<![${L}\\p{N}])(?:${[...navne].sort((a, b) => b.length - a.length).map(variantMoenster).join('|')})(?![${L}\\p{N}])`, 'giu')
    if (kendteVejeCache.size > 500) kendteVejeCache.clear()
    kendteVejeCache.set(key, re)
  }
  return re
}

export interface Adressefund {
  kandidater: Kandidat[]
  vejzoner: Zone[]
}

export function findAdresser(tekst: string, viden: SagsViden, leksikon: Leksikon, politik: Politik): Adressefund {
  const kandidater: Kandidat[] = []
  const vejzoner: Zone[] = []

  const adresse = (start: number, vejEnd: number, hale: Hale, regel: string, sikkerhed: number, prioritet: number) => {
    let end = Math.max(vejEnd, hale.nummer ?? 0, hale.etage ?? 0)
    if (hale.postby && !politik.bevarPostnummerOgBy) end = hale.postby.end
    // Kept by the policy: a zone that vetoes nothing (priority 0), for the review screen.
    else if (hale.postby) vejzoner.push({ start: hale.postby.start, end: hale.postby.end, type: 'postby', prioritet: 0 })
    kandidater.push({ start, end, type: 'adresse', regel, sikkerhed, prioritet, trimbar: true })
  }

  const kendte = kendteVejeRe(viden)
  if (kendte) {
    kendte.lastIndex = 0
    for (const m of tekst.matchAll(kendte)) {
      const end = m.index + m[0].length
      adresse(m.index, end, laesHale(tekst, end, leksikon), 'kendt-adresse', 0.95, P.kendtAdresse)
    }
  }

  for (const m of tekst.matchAll(VEJ_RE)) {
    let start = m.index
    const end = m.index + m[0].length
    // Drop leading words that are not part of the name ("Ejendommen Vestergade",
    // "Hansen. Vestergade").
    const ord = m[0].split(' ')
    let i = 0
    for (let j = 0; j < ord.length - 1; j++) {
      const w = ord[j]!
      const bare = w.replace(/\.$/, '').toLowerCase()
      const slutter = w.endsWith('.') && !/^(?:\p{Lu}\.)+$/u.test(w) && !/^(?:gl|st|ll|skt|dr|ny|sdr|nr|øster|vester|kgs|\d{1,2})\.$/i.test(w)
      if (j === 0 && FORLED.has(bare) && /^\p{Lu}/u.test(w) && !erSaetningsstart(tekst, m.index)) continue
      if (IKKE_VEJ.has(bare) || slutter) i = j + 1
    }
    if (i >= ord.length) continue
    for (let j = 0; j < i; j++) start += ord[j]!.length + 1
    const svag = m[2] !== undefined && m[1] === undefined
    const hale = laesHale(tekst, end, leksikon)
    if (hale.nummer === undefined) {
      // A street name alone: masked unless it opens a sentence with a word that is mostly an
      // ordinary noun ("Baghaven", "Parkeringspladsen").
      if (!svag && (ALENE_RE.test(tekst.slice(start, end)) || !erSaetningsstart(tekst, start))) {
        kandidater.push({ start, end, type: 'adresse', regel: 'vejnavn-alene', sikkerhed: 0.7, prioritet: P.vejnavn })
      }
      continue
    }
    if (svag && hale.etage === undefined && hale.postby === undefined && !harKontekst(tekst, start)) continue
    adresse(start, end, hale, 'adresse-moenster', hale.postby ? 0.92 : 0.85, P.adresse)
  }

  // Any capitalised name with a house number and a known postal code: "Aqqusinersuaq 12,
  // 3900 Nuuk", "Strandlyst 4, 1. tv., 4000 Roskilde".
  for (const m of tekst.matchAll(NAVN_FOER_NR_RE)) {
    const end = m.index + m[0].length
    const hale = laesHale(tekst, end, leksikon)
    if (hale.nummer === undefined) continue
    let start = m.index
    const ord = m[0].split(' ')
    for (let j = 0; j < ord.length - 1 && IKKE_VEJ.has(ord[j]!.replace(/[.:]$/, '').toLowerCase()); j++) {
      if (j === 0 && FORLED.has(ord[0]!.toLowerCase()) && !erSaetningsstart(tekst, m.index)) break
      start += ord[j]!.length + 1
    }
    if (IKKE_VEJ.has(tekst.slice(start, end).toLowerCase())) continue
    // With a known postal code or a floor, or after "beliggende", "bor på", "lejemålet" …
    if (!(hale.postby?.kendt || hale.etage !== undefined || harKontekst(tekst, start))) continue
    adresse(start, end, hale, 'adresse-postnummer', 0.88, P.adresse)
  }
  for (const m of tekst.matchAll(NAVN_FOER_POSTNR_RE)) {
    const end = m.index + m[0].length
    const hale = laesHale(tekst, end, leksikon)
    if (!hale.postby?.navnPasser) continue
    let start = m.index
    const ord = m[0].split(' ')
    for (let j = 0; j < ord.length - 1 && IKKE_VEJ.has(ord[j]!.replace(/[.:]$/, '').toLowerCase()); j++) start += ord[j]!.length + 1
    const navn = tekst.slice(start, end)
    // A person's name before a postal code (a letter's address block) is left to the name rules.
    if (IKKE_VEJ.has(navn.toLowerCase()) || leksikon.fornavne.has(fold(navn.split(' ')[0]!)) || leksikon.bynavne.has(fold(navn))) continue
    adresse(start, end, hale, 'husnavn-postnummer', 0.8, P.adresse)
  }
  // The last line of an address block on its own: "8000 Aarhus C".
  for (const m of tekst.matchAll(POSTNR_LINJE_RE)) {
    const hale = laesHale(tekst, m.index, leksikon)
    if (hale.postby?.navnPasser && /^[ \t.]*(?:\n|$)/.test(tekst.slice(hale.postby.end, hale.postby.end + 5))) {
      adresse(hale.postby.start, hale.postby.start, hale, 'postnummer-linje', 0.7, P.adresse)
    }
  }
  for (const m of tekst.matchAll(BYGNINGSNR_RE)) {
    const end = m.index + m[0].length
    const hale = laesHale(tekst, end, leksikon)
    if (!(hale.postby?.kendt || harKontekst(tekst, m.index))) continue
    adresse(m.index, end, hale, 'bygningsnummer', 0.8, P.adresse)
  }
  for (const m of tekst.matchAll(NR_ALENE_RE)) {
    if (!NABO_RE.test(tekst.slice(Math.max(0, m.index - 60), m.index))) continue
    const start = m.index + m[0].indexOf(' ') + 1
    const end = m.index + m[0].length
    const hale = laesHale(tekst, end, leksikon)
    adresse(start, Math.max(end, hale.etage ?? 0), { ...hale, nummer: end }, 'nabo-nummer', 0.7, P.adresse)
  }
  for (const m of tekst.matchAll(POSTBOKS_RE)) {
    const end = m.index + m[0].length
    adresse(m.index, end, laesHale(tekst, end, leksikon), 'postboks', 0.85, P.adresse)
  }
  for (const m of tekst.matchAll(MATRIKEL_RE)) {
    let end = m.index + m[0].length
    // "matr.nr. 12ab Nuuk": a town after the number belongs to it.
    const by = /^,?\s(\p{Lu}[\p{L}-]+)/u.exec(tekst.slice(end, end + 40))
    if (by && leksikon.bynavne.has(fold(by[1]!))) end += by[0].length
    kandidater.push({ start: m.index, end, type: 'adresse', regel: 'matrikel', sikkerhed: 0.9, prioritet: P.adresse })
  }

  // Real street names from the lexicon, when a house number follows.
  for (const m of tekst.matchAll(STORT_ORD_RE)) {
    const navne = leksikon.vejnavne.get(m[0].replace(/[.,]$/, '').toLowerCase())
    if (!navne) continue
    for (const navn of navne) {
      const end = m.index + navn.length
      if (tekst.slice(m.index, end).toLowerCase() !== navn || /[\p{L}\p{N}]/u.test(tekst[end] ?? '')) continue
      const hale = laesHale(tekst, end, leksikon)
      if (hale.nummer !== undefined) adresse(m.index, end, hale, 'vejnavn-leksikon', 0.85, P.adresse)
      break
    }
  }
  return { kandidater, vejzoner }
}
