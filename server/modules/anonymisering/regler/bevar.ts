// Keep rules: what a published decision must keep (DOMAIN.md, "Publication": laws,
// authorities, amounts, dates and areas stay) and, when the policy says so, legal persons.
// A keep zone vetoes every weaker mask it overlaps: "12 345 678 kr." is not a phone number,
// "Qeqqata Kommunia" and "Boligretten i Horsens" are authorities, not persons or towns.
// Case numbers are no longer kept: they lead to the named file (moenstre.ts masks them).
import type { BevarType, Politik } from '../typer.js'
import { P, type Zone } from './faelles.js'

const L = '\\p{L}'
const FOER = `(?<![${L}\\p{N}])`
const EFTER = `(?![${L}\\p{N}])`
const MAANED = '(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan\\.|feb\\.|febr\\.|mar\\.|apr\\.|aug\\.|sep\\.|sept\\.|okt\\.|nov\\.|dec\\.)'
export const DATO_KILDE =
  `(?:\\d{1,2}\\.\\s?${MAANED}(?:\\s\\d{4})?|${MAANED}\\s\\d{4}|\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2})`
const TAL = '(?:\\d{1,3}(?:[. \\u00a0]\\d{3})+(?:,\\d{1,2}|,-)?|\\d+(?:,\\d{1,2}|,-)?)'
const VALUTA = '(?:kroner|kr\\.?|DKK|mio\\.\\s?kr\\.?|mia\\.\\s?kr\\.?|øre)'

const STK = '(?:,?\\s?stk\\.\\s?\\d+(?:\\s?(?:,|og|-|–)\\s?\\d+)*)'
const NR = '(?:,?\\s?nr\\.\\s?\\d+(?:\\s?(?:,|og|-|–)\\s?\\d+)*)'
const PKT = '(?:,?\\s?\\d+\\.\\s?(?:pkt\\.|punktum))'
const PARAGRAF = `§§?\\s?\\d+\\s?[a-z]?(?![${L}])(?:\\s?(?:,|og|-|–|til)\\s?\\d+\\s?[a-z]?(?![${L}]))*`
const LOVNAVN = `(?:[${L}-]*lov(?:en|ens)|lov om (?:leje af almene boliger|leje|boligforhold|almene boliger(?: m\\.v\\.)?|midlertidig regulering af boligforholdene|byfornyelse[${L} ]*?))`

interface Regel {
  re: RegExp
  type: BevarType
  prioritet: number
}

const faste: Regel[] = [
  { type: 'dato', re: new RegExp(`${FOER}${DATO_KILDE}${EFTER}`, 'giu'), prioritet: P.bevarFast },
  {
    type: 'beloeb',
    re: new RegExp(`(?<![${L}\\p{N}.,])(?:(?:kr\\.|DKK)\\s?${TAL}|${TAL}\\s?${VALUTA}(?![${L}])|${TAL}\\s?%)`, 'gu'),
    prioritet: P.bevarFast,
  },
  {
    type: 'areal',
    re: new RegExp(`(?<![${L}\\p{N}.,])\\d+(?:[.,]\\d+)?\\s?(?:m²|m2|kvm\\.?|kvadratmeter|etagekvadratmeter|etage-m²)(?![${L}\\p{N}])`, 'giu'),
    prioritet: P.bevarFast,
  },
  {
    type: 'lov',
    re: new RegExp(`(?:(?:${LOVNAVN})\\s)?${PARAGRAF}${STK}?${PKT}?${NR}?(?:,?\\s(?:i\\s)?${LOVNAVN})?`, 'giu'),
    prioritet: P.bevarFast,
  },
  { type: 'lov', re: new RegExp(`${FOER}stk\\.\\s?\\d+(?:\\s?(?:,|og|-|–)\\s?\\d+)*${PKT}?${NR}?`, 'giu'), prioritet: P.bevarFast },
  {
    type: 'lov',
    re: new RegExp(`${FOER}(?:LOV|LBK|BEK|lov|lovbekendtgørelse|bekendtgørelse|bkg\\.|cirkulære)\\s(?:nr\\.\\s?)\\d+(?:\\s+af\\s+${DATO_KILDE})?`, 'giu'),
    prioritet: P.bevarFast,
  },
  { type: 'lov', re: new RegExp(`${FOER}${LOVNAVN}${EFTER}`, 'giu'), prioritet: P.bevarFast },
  { type: 'lov', re: new RegExp(`${FOER}kapitel\\s\\d+\\s?[a-z]?${EFTER}`, 'giu'), prioritet: P.bevarFast },
]

// A town after "i", "for" or "på": one capitalised word, maybe hyphenated, maybe "Kommune".
const BY = `\\p{Lu}[${L}]+(?:-\\p{Lu}[${L}]+)*(?:\\s(?:Kommune|Kommunes|[A-ZÆØ]{1,2}(?![${L}])))?`
const NAEVN =
  '(?:[Hh]uslejenævnet|[Bb]eboerklagenævnet|[Hh]uslejenævn|[Bb]eboerklagenævn|[Bb]oligretten|Byretten|Retten|Fogedretten|Skifteretten|Det fælles huslejenævn|Det fælles beboerklagenævn|Ankenævnet|Nævnet)'
const MYNDIGHEDER = [
  'Ankestyrelsen', 'Højesteret', 'Østre Landsret', 'Vestre Landsret', 'Tinglysningsretten', 'Sø- og Handelsretten', 'Landsbyggefonden',
  'Grundejernes Investeringsfond', 'Byggeskadefonden', 'Datatilsynet', 'Folketingets Ombudsmand', 'Ombudsmanden', 'Skattestyrelsen',
  'Udbetaling Danmark', 'Social- og Boligstyrelsen', 'Bolig- og Planstyrelsen', 'Transport- og Boligministeriet', 'Indenrigs- og Boligministeriet',
  'Social-, Bolig- og Ældreministeriet', 'Boligministeriet', 'Erhvervsstyrelsen', 'Domstolsstyrelsen', 'Forbrugerombudsmanden', 'Nævnenes Hus',
  'Kommunalbestyrelsen', 'Borgerrepræsentationen', 'Teknik- og Miljøforvaltningen', 'Socialforvaltningen', 'Beskæftigelses- og Integrationsforvaltningen',
  'Beredskabet', 'Politiet', 'Københavns Politi', 'Arbejdstilsynet', 'Huslejenævnene', 'Beboerklagenævnene', 'Sikkerhedsstyrelsen', 'Energistyrelsen',
  // Greenland: the municipalities, the government and the courts.
  'Kommuneqarfik Sermersooq', 'Qeqqata Kommunia', 'Avannaata Kommunia', 'Kommune Kujalleq', 'Kommune Qeqertalik', 'Naalakkersuisut',
  'Grønlands Selvstyre', 'Grønlands Landsret', 'Retten i Grønland', 'Inatsisartut', 'Inatsisartutip Ombudsmandia', 'Nunatta Eqqartuussisuuneqarfia',
  'Namminersorlutik Oqartussat', 'Departementet for Boliger og Infrastruktur', 'Departementet for Boliger', 'Ombudsmanden for Inatsisartut', 'Landsretten', 'Byretten', 'Boligretten', 'Fogedretten',
  'Folketingets Ombudsmand', 'Folketinget', 'Rigsombudsmanden', 'BBR', 'BBR-registret', 'BBR-meddelelsen', 'Bygnings- og Boligregistret',
  'Tinglysningen', 'Matrikelstyrelsen', 'Geodatastyrelsen', 'Klimadatastyrelsen', 'Landsskatteretten', 'Skatteankestyrelsen', 'Kammeradvokaten',
  'Statsforvaltningen', 'Familieretshuset', 'Rigspolitiet', 'Anklagemyndigheden', 'Procesbevillingsnævnet', 'Den Uvildige Konsulentordning på Energiområdet',
]
const ORGANISATIONER = [
  'Lejernes Landsorganisation', 'LLO', 'Danske Lejere', 'Ejendomsforeningen Danmark', 'BL – Danmarks Almene Boliger', 'BL', 'Danmarks Almene Boliger',
  'Boligselskabernes Landsforening', 'Andelsboligforeningernes Fællesrepræsentation', 'ABF', 'Dansk Byggeri', 'TEKNIQ', 'HOFOR', 'Dansk Fjernvarme',
  'Advokatsamfundet', 'Lejerforeningen', 'Lejerrådgivningen', 'Ejendom Danmark',
]
const liste = (navne: string[]) => navne.sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')

const myndigheder: Regel[] = [
  {
    type: 'myndighed',
    re: new RegExp(`${FOER}${NAEVN}(?:\\s(?:i|for|på)\\s${BY}(?:\\s(?:og|samt)\\s(?:i\\s|på\\s)?${BY})?)?${EFTER}`, 'gu'),
    prioritet: P.bevarFast,
  },
  { type: 'myndighed', re: new RegExp(`${FOER}\\p{Lu}[${L}-]*\\s(?:Kommune|Kommunes|Kommunia|Regionskommune|Byret|Byrets|Kredsret|Kredsrets)${EFTER}`, 'gu'), prioritet: P.bevarFast },
  { type: 'myndighed', re: new RegExp(`${FOER}(?:Kredsretten|Retten)\\s(?:i|på)\\s${BY}${EFTER}`, 'gu'), prioritet: P.bevarFast },
  // Greenland's district courts by their district: "Kredsret Sermersooq", "Kredsretten Qeqqata".
  { type: 'myndighed', re: new RegExp(`${FOER}(?:Kredsretten|Kredsret)\\s\\p{Lu}[${L}]+(?:s|['’]s?)?${EFTER}`, 'gu'), prioritet: P.bevarFast },
  // Ministries, agencies, directorates and tribunals by their ending: "Social-, Bolig- og
  // Ældreministeriet", "Bolig- og Planstyrelsen", "Ankestyrelsen", "Energiklagenævnet".
  {
    type: 'myndighed',
    re: new RegExp(
      `${FOER}(?:\\p{Lu}[${L}]*-,?\\s)*(?:og\\s)?\\p{Lu}[${L}]*(?:ministeriet|ministeriets|ministeren|styrelsen|styrelsens|direktoratet|direktoratets|tilsynet|tilsynets|klagenævnet|ankenævnet|ankenævnets|klagenævnets|ombudsmanden|ombudsmandens|forvaltningen|forvaltningens)${EFTER}`,
      'gu',
    ),
    prioritet: P.bevarFast,
  },
  { type: 'myndighed', re: new RegExp(`${FOER}(?:Retten|Byretten)\\s(?:i|på)\\s${BY}${EFTER}`, 'gu'), prioritet: P.bevarFast },
  { type: 'myndighed', re: new RegExp(`${FOER}Region\\s\\p{Lu}[${L}]+${EFTER}`, 'gu'), prioritet: P.bevarFast },
  // Also in the genitive: "Østre Landsrets dom", "Kommuneqarfik Sermersooqs afgørelse".
  { type: 'myndighed', re: new RegExp(`${FOER}(?:${liste(MYNDIGHEDER)})(?:s|['’]s?)?${EFTER}`, 'gu'), prioritet: P.bevarFast },
  { type: 'organisation', re: new RegExp(`${FOER}(?:${liste(ORGANISATIONER)})(?:s|['’]s?)?${EFTER}`, 'gu'), prioritet: P.bevarFast },
]

const SELSKABSFORM =
  '(?:A/S|ApS|I/S|K/S|P/S|IVS|AS|GmbH|Ltd\\.?|Limited|Inc\\.?|LLC|B\\.V\\.|BV|Oy|A\\.m\\.b\\.a\\.|AMBA|a\\.m\\.b\\.a\\.|SMBA|S\\.m\\.b\\.a\\.|F\\.m\\.b\\.a\\.|FMBA)'
// A name word: "Nørrebro", "H.C.", "Domea.dk", "&", "9" ("Nord." at a sentence end is not followed).
const NAVNEORD = `(?:\\p{Lu}\\.(?:\\s?\\p{Lu}\\.)*|\\p{Lu}[${L}'’-]*(?:\\.\\p{Ll}+)*|&|\\d+[A-Za-z]?)`
const FORENINGER =
  '(?:Boligselskabet|Boligforeningen|Andelsboligforeningen|Andelsforeningen|Ejerforeningen|Ejendomsselskabet|Administrationsselskabet|Advokatfirmaet|Advokatfirma|Boligorganisationen|Andelsselskabet|Selskabet|Interessentskabet|Fonden|Stiftelsen|Tømrerfirmaet|Malerfirmaet|Murerfirmaet|VVS-firmaet|Kollegiet|Boligkontoret|Ejendomskontoret|Udlejningskontoret|Grundejerforeningen|Antenneforeningen|Beboerforeningen|Ejerlejlighedsforeningen|Aktieselskabet|Anpartsselskabet|Kommanditselskabet|Partnerselskabet|A/B|E/F)'
const BRANCHER =
  '(?:Ejendomme|Ejendomsadministration|Administration|Boligadministration|Ejendomsservice|Holding|Invest|Byg|VVS|Entreprise|Gruppen|Bolig|Boliger|Udlejning|Ejendomsinvest|Properties|Real Estate|Advokater|Advokatpartnerselskab|Rengøring|Malerfirma|Tømrerfirma|Ejendomsselskab|Ejendomsudvikling|Byggeselskab|Ejendomspartner|Entreprenørforretning|Malerforretning|Murerforretning|Skadeservice|Rengøringsservice|Bygningsservice|Boligservice|Consult|Group|Partners|Capital|Development|Management|Ejendomsinvest|Investering|Udlejningsselskab)'
const STORE_UDLEJERE = [
  'Lejerbo', 'KAB', 'AAB', 'fsb', 'FSB', 'DEAS', 'Domea', 'Domea\\.dk', 'Boligkontoret Danmark', 'Civica', 'Bo-Vest', 'Heimstaden', 'Akelius', 'Newsec',
  'Cobblestone', 'Kereby', 'Taurus', 'Boligselskabet Sjælland', 'Himmerland Boligforening', 'Arbejdernes Boligselskab', 'Vesterbro Boligforening',
  'Boligforeningen 3B', 'AKB', 'SAB', 'Bonava', 'PFA Ejendomme', 'Danica Ejendomme', 'Nrep', 'NREP', 'Aberdeen', 'Patrizia', 'Balder', 'Velliv',
  'Ejendomsselskabet Norden', 'Boligselskabet AKB', 'Nuna Ejendomme', 'INI', 'A/S Boligselskabet Inissiat', 'Inissiat', 'Iserit', 'Iserit A/S',
  // Firms a housing case names: meter readers, administrators, builders and consultants,
  // insurers, banks and mortgage lenders.
  'Brunata', 'Techem', 'Ista', 'Minol', 'Clorius', 'Cejka', 'Colliers', 'Datea', 'COWI', 'Rambøll', 'NIRAS', 'Sweco', 'Danakon', 'Polygon',
  'Belfor', 'ISS', 'Coor', 'Nybolig', 'EDC', 'Danbolig', 'Tryg', 'Topdanmark', 'Codan', 'Alm\\. Brand', 'Gjensidige', 'Danske Bank', 'Nordea',
  'Jyske Bank', 'Sydbank', 'Nykredit', 'Spar Nord', 'Arbejdernes Landsbank', 'Realkredit Danmark', 'Totalkredit', 'BRFkredit', 'DLR Kredit',
  'Grønlandsbanken', 'BankNordik',
].join('|')
/** "af 1945", "af 1. maj 2001": the founding date in a company's name. */
const STIFTET = `(?:\\d{1,2}\\.\\s?${MAANED}\\s)?\\d{4}`
const AFDELING = `(?:,?\\s(?:afdeling|afd\\.)\\s(?:nr\\.\\s?)?(?:\\d+[A-Za-z]?|\\p{Lu}[${L}-]+)(?:\\s\\p{Lu}[${L}-]+)?)?`
const KAPITAL = `\\p{Lu}[${L}'’.-]*`
/** A capitalised name word without a trailing period ("Madsen." ends a sentence). */
const NAVN = `\\p{Lu}[${L}'’-]*`
/**
 * Names of legal persons: "Ejendomsselskabet Nørrebro ApS", "Ådalsvej 9 ApS", "Boligselskabet
 * Sjælland, afdeling 12", "Herning Boligforening", "Hansen Ejendomme", "Hansen & Søn",
 * "Brdr. Madsen", "Rent & Pænt Silkeborg v/ Dorthe Madsen".
 */
export const VIRKSOMHED_RE = new RegExp(
  [
    // The legal form first: "K/S Ådalsvej 9", "A/B Solbakken", "E/F Strandgade 5", "IVS Lejebolig".
    `${FOER}(?:K/S|P/S|I/S|A/S|A/B|E/F|AB|EF|IVS|ApS)\\s${NAVN}(?:\\s(?:${NAVN}|\\d+[A-Za-z]?)){0,3}(?![${L}])(?:\\sv/\\s?${NAVN}(?:\\s${NAVN}){0,3})?`,
    `${FOER}(?:${NAVNEORD}\\s|af\\s${STIFTET}\\s){0,4}${SELSKABSFORM}(?![${L}])(?:\\sv/\\s?${NAVN}(?:\\s${NAVN}){0,3})?`,
    `${FOER}${FORENINGER}(?:\\s(?:af\\s${STIFTET}|(?:for|til|af|i)\\s${NAVNEORD}|${NAVNEORD})){1,4}(?:\\s${SELSKABSFORM})?${AFDELING}`,
    // "Kjærsgaard-fonden", "Ole Hansens Fond".
    `${FOER}(?:\\p{Lu}[${L}]*\\s)?\\p{Lu}[${L}]*-[Ff]ond(?:en|et)?${EFTER}`,
    `${FOER}${KAPITAL}(?:\\s${KAPITAL}){0,2}s\\s(?:Fond|Legat|Stiftelse)${EFTER}`,
    // "Ringgården, afdeling 4": a name with its afdeling is a housing organisation's.
    `${FOER}\\p{Lu}[${L}-]{3,}(?:\\s\\p{Lu}[${L}-]+)?,?\\s(?:afdeling|afd\\.)\\s(?:nr\\.\\s?)?\\d+[A-Za-z]?${EFTER}`,
    `${FOER}[A-ZÆØÅ]{2,6}-afdeling\\s\\p{Lu}[${L}-]+`,
    // "AAB afdeling 42", "KAB, afd. Ellemarken": an acronym with its afdeling.
    `${FOER}[A-ZÆØÅ]{2,6},?\\s(?:afdeling|afd\\.)\\s(?:nr\\.\\s?)?(?:\\d+[A-Za-z]?|\\p{Lu}[${L}-]+)(?:\\s\\p{Lu}[${L}-]+)?`,
    // Large landlords and administrators known by name alone.
    `${FOER}(?:${STORE_UDLEJERE})${AFDELING}${EFTER}`,
    `${FOER}(?:[A-ZÆØÅ]{2,6}\\s[–-]\\s)?(?:(?:${KAPITAL}\\s){1,3}(?:\\p{Lu}[${L}-]*)?|(?:${KAPITAL}\\s){0,3}\\p{Lu}[${L}-]*)(?:[Bb]oligforening|[Bb]oligselskab|[Aa]ndelsboligforening|[Bb]oligorganisation)(?:en|et)?(?:\\s(?:af\\s\\d{4}|\\d+[A-Za-z]?))?${AFDELING}${EFTER}`,
    `${FOER}${KAPITAL}(?:\\s${KAPITAL}){0,2}\\s(?:&|og)\\s(?:Søn|Sønner|Co\\.?|Partnere|Datter|Døtre)(?:\\s${SELSKABSFORM})?(?![${L}])`,
    `${FOER}(?:Brdr\\.|Brødrene)\\s${NAVN}(?:\\s(?!${SELSKABSFORM}(?![${L}]))${NAVN})?(?:\\s${SELSKABSFORM})?(?![${L}/])`,
    `${FOER}(?:${NAVN}|&)(?:\\s(?:${NAVN}|&)){0,4}\\sv/\\s?${NAVN}(?:\\s${NAVN}){0,3}(?![${L}])`,
    `${FOER}\\p{Lu}[${L}-]*(?:\\s\\p{Lu}[${L}-]*){0,2}\\s${BRANCHER}(?:\\s${SELSKABSFORM})?${EFTER}${AFDELING}`,
  ].join('|'),
  'gu',
)

export function erVirksomhedsnavn(navn: string): boolean {
  VIRKSOMHED_RE.lastIndex = 0
  const m = VIRKSOMHED_RE.exec(navn.trim())
  VIRKSOMHED_RE.lastIndex = 0
  // Also "KAB-afdeling Ellemarken", "Herning Boligforening", "Boligforeningen 3B".
  return m !== null || /(?:boligselskab|boligforening|andelsbolig|ejendomsselskab|ejerforening|kommune|fond|afdeling|administration|ejendomme|udlejning|bolig(?:er)?(?![\p{L}]))/iu.test(navn)
}

/** Ordinary "and"/"&" may end a company match by accident ("… ApS og"): trim them. */
function trimVirksomhed(tekst: string, start: number, end: number): number {
  let e = end
  for (;;) {
    const m = /(?:\s(?:og|&))+$/u.exec(tekst.slice(start, e))
    if (!m) return e
    e -= m[0].length
  }
}

export function findBevarZoner(tekst: string, politik: Politik): Zone[] {
  const zoner: Zone[] = []
  const kør = (regel: Regel) => {
    regel.re.lastIndex = 0
    for (const m of tekst.matchAll(regel.re)) {
      const start = m.index
      zoner.push({ start, end: start + m[0].length, type: regel.type, prioritet: regel.prioritet })
    }
  }
  for (const r of faste) kør(r)
  for (const r of myndigheder) kør(r)
  if (politik.bevarVirksomhedsnavne) {
    for (const v of findVirksomheder(tekst)) zoner.push({ ...v, type: 'virksomhed', prioritet: P.virksomhed })
  }
  return zoner
}

// Capitalised words before a company name that are not part of it ("Udlejer Hansen ApS",
// "Derfor Hansen & Søn"): roles, sentence openers, titles.
const IKKE_FIRMA = new Set(
  'udlejer udlejeren lejer lejeren administrator administratoren ejer ejeren parterne nævnet huslejenævnet beboerklagenævnet derfor endvidere herefter desuden da når hvis men og & den det de der i på til fra hos ved af om efter under selskabet firmaet virksomheden indklagede klager klageren repræsentant repræsentanten advokat advokaten v/ att. c/o vedr. sagen mod igen også samt både senere dernæst først så her nu dog heller hverken enten eller ifølge jf. se'.split(' '),
)

/** Company names to mask when the policy does not keep them (they become their role or "C ApS"). */
export function findVirksomheder(tekst: string): { start: number; end: number }[] {
  const ud: { start: number; end: number }[] = []
  for (const m of tekst.matchAll(VIRKSOMHED_RE)) {
    let start = m.index
    let end = trimVirksomhed(tekst, m.index, m.index + m[0].length)
    // The genitive belongs to the name: "Jensen Ejendomme ApS's", "Skadeservice A/S'".
    const gen = /^(?:['’]s?)(?![\p{L}\p{N}])/u.exec(tekst.slice(end, end + 3))
    if (gen) end += gen[0].length
    // Drop leading words that are no part of the name.
    for (;;) {
      const ord = /^(\S+)\s/u.exec(tekst.slice(start, end))
      if (!ord || !IKKE_FIRMA.has(ord[1]!.toLowerCase().replace(/:$/, ''))) break
      // "Selskabet af 12. marts 2005" is the whole name.
      if (/^af\s\d/u.test(tekst.slice(start + ord[0].length, end))) break
      start += ord[0].length
    }
    if (end - start >= 3) ud.push({ start, end })
  }
  return ud
}

/** The legal form at the end of a company name ("ApS", "A/S"), for its replacement "C ApS". */
export function selskabsformAf(navn: string): string | undefined {
  return new RegExp(`\\s(${SELSKABSFORM})(?:['’]s?)?$`, 'u').exec(navn)?.[1]
}
