// Persons the case does not know (witnesses, craftsmen, neighbours, caretakers, lawyers):
// capitalised words in Danish are proper names or sentence starts, so a run of capitalised
// words is a person when it holds a common first name (Danmarks Statistik's lists), a
// common surname next to another name, or follows a title ("viceværten", "tømrer", "hr.").
// A person found once is found again by the parts of the name ("Brøndum", "Brøndums").
// "Vidne 1, Wenche Solbakken": a numbered title counts too.
import type { Leksikon } from '../leksikon.js'
import type { Partsmatcher } from './kendte-parter.js'
import { erSaetningsstart, fold, P, variantMoenster, type Entitet, type Kandidat } from './faelles.js'

const L = '\\p{L}'
// A name word: "Hansen", "Bøgelund-Hjorth", "al-Hassan", "J.K.".
const TOK = `(?:(?:al|el|ad|ar|as|at|az|ben|bin|ibn|abu|abd|ul)-\\p{Lu}\\p{Ll}+|\\p{Lu}\\p{Ll}[\\p{Ll}'’]*(?:-\\p{Lu}\\p{Ll}+)*|\\p{Lu}\\.(?:\\s?\\p{Lu}\\.)*)`
const PARTIKEL = '(?:von|van|de|der|den|af|la|le|du|da|di|zu|ten|ter|del|dos|das|bin|ibn|ben|abu)'
const RUN_RE = new RegExp(`(?<![${L}\\p{N}])${TOK}(?:\\s(?:${PARTIKEL}\\s){0,2}${TOK})*`, 'gu')
const TOK_RE = new RegExp(TOK, 'gu')

const titler = (s: string) => s.split(/\s+/).filter(Boolean).map(fold)
/** Folded titles and occupations ("viceværten", "maleren"): a name follows, they are no part of it. */
export const TITLER = new Set(
  titler(`vicevært viceværten ejendomsfunktionær ejendomsfunktionæren inspektør inspektøren varmemester varmemesteren gårdmand gårdmanden
  tømrer tømreren tømrermester tømrermesteren maler maleren malermester malermesteren murer mureren murermester elektriker elektrikeren
  vvs'er vvs'eren vvs-installatør vvs-installatøren blikkenslager blikkenslageren gulvmand gulvmanden gulvlægger håndværker håndværkeren
  entreprenør entreprenøren advokat advokaten advokatfuldmægtig advokatfuldmægtigen fuldmægtig fuldmægtigen nabo naboen genbo genboen
  underbo underboen overbo overboen vidne vidnet skønsmand skønsmanden formand formanden bestyrelsesformand bestyrelsesformanden
  næstformand næstformanden afdelingsformand afdelingsformanden kasserer kassereren administrator administratoren ejendomsadministrator direktør
  direktøren sagsbehandler sagsbehandleren ejendomsmægler ejendomsmægleren revisor revisoren søn sønnen datter datteren ægtefælle ægtefællen
  hustru hustruen kone konen samlever samleveren kæreste kæresten bror broderen søster søsteren mor moderen far faderen fremlejetager
  fremlejetageren beboer beboeren medlem ejer ejeren indehaver indehaveren repræsentant repræsentanten partsrepræsentant chauffør
  rengøringsassistent rengøringsassistenten ven vennen veninde veninden konsulent konsulenten kontaktperson kontaktpersonen medarbejder
  medarbejderen portner portneren opsynsmand opsynsmanden dommer dommeren læge lægen syns- synsmand synsmanden energikonsulent
  energikonsulenten driftschef driftschefen ejendomsinspektør ejendomsinspektøren boligsocial hr fru frk lejer lejeren udlejer udlejeren
  klager klageren indklagede nævnsmedlem nævnsmedlemmet nævnsmedlemmerne retsformand retsformanden sekretær sekretæren jurist juristen
  boligrådgiver boligrådgiveren socialrådgiver socialrådgiveren værge værgen bisidder bisidderen tolk tolken forretningsfører
  forretningsføreren afdelingsleder afdelingslederen ejendomschef ejendomschefen driftsleder driftslederen servicemedarbejder
  servicemedarbejderen ejendomsmester ejendomsmesteren byggeleder byggelederen projektleder projektlederen arkitekt arkitekten
  ingeniør ingeniøren landinspektør landinspektøren partner partneren politibetjent politibetjenten betjent betjenten
  politiassistent politiassistenten overbetjent overbetjenten kundechef kundechefen teamleder teamlederen udlejningschef
  udlejningschefen fuldmagtshaver fuldmagtshaveren
  v/ att c/o mrk`),
)
const STOP = new Set(
  titler(`den det de der dette denne disse da når hvis som men og eller at her nu så også ifølge jf iht vedr vedrørende til fra for med uden om
  over på i af ved hos mod mellem siden samt både ingen ikke alle nogle hver hun han hendes deres vi jeg du man efter under før inden
  nævnet nævnets huslejenævnet beboerklagenævnet lejers lejerens udlejers udlejerens lejerne parterne sagen ejendommen lejemålet
  lejligheden boligen afgørelse afgørelsen begrundelse sagsfremstilling klagevejledning lovgrundlag mødet besigtigelse besigtigelsen dato
  bilag kopi venlig hilsen kære formandens nævnsmedlem nævnsmedlemmer sekretariatet sekretariat tilstede til stede mødt fremmødt
  januar februar marts april maj juni juli august september oktober november december mandag tirsdag onsdag torsdag fredag lørdag søndag
  danmark dansk danske jylland sjælland fyn amager nørrebro vesterbro østerbro valby kommune kommunen region staten
  parternes påstande anbringender resultat konklusion bemærkninger oplysninger indledning baggrund sagens afgørelsesdato afsluttet
  lejeren udlejeren beboerne lejere udlejere afdelingsbestyrelsen bestyrelsen organisationsbestyrelsen boligorganisationen
  se ad anm nb ps endvidere herefter derfor desuden dog derimod således samtidig endelig ligeledes eftersom idet fordi selvom
  hverken enten ja nej tak mvh kontakt adresse telefon e-mail mail ophør fraflytning indflytning istandsættelse vedligeholdelse
  varmeregnskab vandregnskab forbedringer depositum husleje husorden fremleje klage klagen parter part`),
)
// Names in the lexicon that are also ordinary words: at a sentence start they name no one.
const ALMINDELIGE = new Set(
  titler(`hans per bo just from have lang mark frank rose storm holm lund bro dam dal skov bak berg vang sand due bay le li tang green wind
  vind slot stage falk hammer smed greve kirk gade vester bjerg brink hvid grøn høj borg lykke sonne mørk steen sten kvist munk toft dahl
  lind bang sommer hald lange beck bonde gram hein vad yde hertz ernst klein blom holt krag vedel hjort birk degn kaas rytter bager
  junker kim max mai maj ask van thi saga atlas mynte lilje iris flora liv tom jan alle line kaj frede fisker boye skytte terp staal
  ravn krog kloster`),
)

const TITEL_FOER = new RegExp(
  `(?:^|[^${L}])(?:${[...TITLER].filter((t) => !['v/', 'att', 'c/o', 'mrk'].includes(t)).sort((a, b) => b.length - a.length).map(variantMoenster).join('|')}|v/|att\\.|c/o|mrk\\.)(?:\\s+(?:nr\\.\\s*)?\\d{1,2})?(?:\\s*[,:])?\\s+(?:(?:hr|fru|frk)\\.?\\s+)?$`,
  'iu',
)

const EFTERNAVN_ENDELSE = /(?:[bcdfghjklmnpqrtvwxz]sen|esen|ssen|gaard|gard|feldt)'?s?$/u
// Two or more capitalised words inside a sentence that no list knows are a name, unless they
// look like an institution ("Dansk Standard", "Syddansk Universitet", "Det Økonomiske Råd").
const INSTITUTION_FOER = new Set(
  titler('dansk danske danmarks grønlands statens det den de kongelige nordisk nordiske europæisk europæiske international internationale syddansk københavns aarhus aalborg odense teknisk teknik social kommunal kommunale offentlig statslig'),
)
const INSTITUTION_ORD = new Set(
  titler(`universitet universitetet institut instituttet råd rådet nævn nævnet center centret centeret fond fonden hospital hospitalet skole skolen
  forsyning forsyningen politi kirke kirken sogn sogn bank banken standard statistik industri byggeri selvstyre hjemmestyre landsret
  byret kommune region erhverv forening foreningen forbund forbundet akademi akademiet kollegium museum museet teater teatret
  bibliotek biblioteket gymnasium gymnasiet tidende avis bladet posten radio tv beredskab beredskabet brandvæsen brandvæsenet
  landsforening landsorganisation ombudsmand ombudsmanden rigsombudsmand departement departementet direktorat forvaltning
  forvaltningen afdeling afdelingen administration administrationen sekretariat sekretariatet kontor kontoret enhed enheden tilsyn
  tilsynet myndighed myndigheden ret retten boligret boligretten huslejenævn beboerklagenævn rådhus rådhuset borgerservice service
  kredsret kredsretten ombudsmandia kommunia kommuneqarfik`),
)
const SELSKABSFORM_EFTER = /^\s(?:A\/S|ApS|I\/S|K\/S|P\/S|IVS|AMBA|SMBA)(?![\p{L}])/u

type Klasse = 'F' | 'E' | 'A' | 'I' | 'C' | 'S' | 'T'
interface Token {
  start: number
  end: number
  tekst: string
  klasse: Klasse
  genitiv: boolean
  part?: number
  /** A surname guessed from its ending, not from the lexicon. */
  gaettet?: boolean
}

function klassificer(t: string, sidste: boolean, leksikon: Leksikon, matcher: Partsmatcher): Omit<Token, 'start' | 'end' | 'tekst'> {
  if (t.includes('.')) return { klasse: 'I', genitiv: false }
  const f = fold(t)
  if (TITLER.has(f)) return { klasse: 'T', genitiv: false }
  if (STOP.has(f)) return { klasse: 'S', genitiv: false }
  const opslag = (k: string): Klasse | undefined => (leksikon.fornavne.has(k) ? 'F' : leksikon.efternavne.has(k) ? 'E' : undefined)
  let genitiv = false
  let k = opslag(f)
  let part = matcher.navneord.get(f)
  if (k === undefined && part === undefined && sidste && /s$/.test(f)) {
    const uden = f.replace(/'?s$/, '')
    k = opslag(uden)
    part = matcher.navneord.get(uden)
    genitiv = k !== undefined || part !== undefined
  }
  if (k && ALMINDELIGE.has(f)) return { klasse: 'A', genitiv, part }
  // A surname outside the lexicon by its ending ("Wendelboesen" no, "Thorngreensen" …):
  // patronymics in -sen and farm names in -gaard/-gård. Only inside a sentence (see behandl).
  if (k === undefined && EFTERNAVN_ENDELSE.test(f) && t.length >= 6) return { klasse: 'E', genitiv, part, gaettet: true }
  return { klasse: k ?? 'C', genitiv, part }
}

export interface UkendtFund {
  kandidater: Kandidat[]
}

export function findUkendtePersoner(tekst: string, leksikon: Leksikon, matcher: Partsmatcher): UkendtFund {
  const kandidater: Kandidat[] = []
  const entiteter = new Map<string, Entitet>()
  /** Folded single name → the unknown person it was first seen in. */
  const dele = new Map<string, Entitet>()
  const enkelte: { tok: Token; titel: boolean }[] = []
  /** Persons introduced by a title: their names beat street-like words elsewhere too. */
  const medTitel = new Set<Entitet>()
  /** Initials of unknown persons with two or more names ("JKH") → the person. */
  const initialer = new Map<string, Entitet>()

  const entitetFor = (noegle: string) => {
    let e = entiteter.get(noegle)
    if (!e) {
      e = { noegle: `ukendt:${noegle}` }
      entiteter.set(noegle, e)
    }
    return e
  }

  for (const run of tekst.matchAll(RUN_RE)) {
    const tokens: Token[] = []
    const ord = [...run[0].matchAll(TOK_RE)]
    ord.forEach((o, i) => {
      const start = run.index + o.index
      tokens.push({ start, end: start + o[0].length, tekst: o[0], ...klassificer(o[0], i === ord.length - 1, leksikon, matcher) })
    })
    // Segments between stop words and titles.
    let seg: Token[] = []
    let titelFoer = TITEL_FOER.test(tekst.slice(Math.max(0, run.index - 40), run.index))
    const luk = (naesteTitel: boolean) => {
      behandl(seg, titelFoer)
      seg = []
      titelFoer = naesteTitel
    }
    for (const t of tokens) {
      if (t.klasse === 'S' || t.klasse === 'T') luk(t.klasse === 'T')
      else seg.push(t)
    }
    luk(false)
  }

  function behandl(seg: Token[], titel: boolean) {
    // A guessed surname at a sentence start may be an ordinary word ("Krisen", "Vinduesfeldt").
    if (seg[0]?.gaettet && erSaetningsstart(tekst, seg[0].start)) seg[0] = { ...seg[0], klasse: 'C', gaettet: false }
    // A capitalised ordinary word at a sentence start is no name ("Efter", "Viceværten").
    while (seg.length > 0) {
      const f = seg[0]!
      const start = erSaetningsstart(tekst, f.start)
      const naeste = seg[1]
      if (start && f.klasse === 'C' && !titel) seg = seg.slice(1)
      else if (start && f.klasse === 'A' && !(naeste && (naeste.klasse === 'F' || naeste.klasse === 'E' || naeste.klasse === 'A'))) seg = seg.slice(1)
      else break
    }
    if (seg.length === 0) return
    const navne = seg.filter((t) => t.klasse !== 'I')
    if (navne.length === 0) return
    const harF = seg.some((t) => t.klasse === 'F' || t.klasse === 'A')
    const harE = seg.some((t) => t.klasse === 'E')
    let sikkerhed = 0
    if (titel) sikkerhed = 0.85
    else if (seg.length >= 2 && harF) sikkerhed = 0.85
    else if (seg.length >= 2 && harE) sikkerhed = 0.7
    else if (seg.length === 1 && (harF || harE)) {
      const f = fold(seg[0]!.tekst.replace(/'?s$/, ''))
      if (leksikon.bynavne.has(fold(seg[0]!.tekst)) || leksikon.bynavne.has(f)) return
      enkelte.push({ tok: seg[0]!, titel: false })
      return
    }
    if (sikkerhed === 0 && seg.length >= 2 && seg.length <= 4 && seg.every((t) => t.klasse === 'C' && t.tekst.length >= 2) && ukendtNavnepar(seg)) {
      sikkerhed = 0.5
    }
    if (sikkerhed === 0) {
      // Not a person by itself; a single name may still be a known party's.
      return
    }
    const first = seg[0]!
    const last = seg[seg.length - 1]!
    // "Udlejer: Roskilde Boligudlejning ApS" is a company, not a person after a title.
    if (SELSKABSFORM_EFTER.test(tekst.slice(last.end, last.end + 8))) return
    const parter = new Set(navne.map((t) => t.part))
    if (parter.size === 1 && first.part !== undefined) {
      kandidater.push({
        start: first.start,
        end: last.end,
        type: 'person',
        regel: 'kendt-navn-variant',
        sikkerhed: 0.9,
        prioritet: P.ukendtSomPart,
        entitet: matcher.entiteter[first.part],
        genitiv: last.genitiv,
      })
      return
    }
    const kerne = navne.map((t) => fold(last === t && t.genitiv ? t.tekst.replace(/'?s$/, '') : t.tekst))
    let e: Entitet | undefined
    if (navne.length === 1) e = dele.get(kerne[0]!)
    e ??= entitetFor(kerne.join(' '))
    // Parts that are also towns ("Roskilde") are not searched for elsewhere.
    const erBy = (k: string) => leksikon.bynavne.has(k) && !leksikon.fornavne.has(k) && !leksikon.efternavne.has(k)
    for (const k of kerne) if (!dele.has(k) && k.length >= 3 && !ALMINDELIGE.has(k) && !erBy(k)) dele.set(k, e)
    if (titel) medTitel.add(e)
    // "J.K. Hansen" … "JKH": the initials in capitals stand for the same person.
    const ini = seg.map((t) => (t.klasse === 'I' ? t.tekst.replace(/[^\p{Lu}]/gu, '') : t.tekst[0]!)).join('')
    if (ini.length >= 2 && ini.length <= 4 && /^\p{Lu}+$/u.test(ini) && !initialer.has(ini)) initialer.set(ini, e)
    kandidater.push({
      start: first.start,
      end: last.end,
      type: 'person',
      regel: titel ? 'titel-kontekst' : 'navneleksikon',
      sikkerhed,
      prioritet: titel ? P.ukendtTitel : seg.length >= 2 ? P.ukendtFlere : P.ukendtEn,
      entitet: e,
      genitiv: last.genitiv,
    })
  }

  /** "Hamid Rezaei" inside a sentence: no list knows it, but it is neither a place nor an institution. */
  function ukendtNavnepar(seg: Token[]): boolean {
    const first = seg[0]!
    const last = seg[seg.length - 1]!
    if (erSaetningsstart(tekst, first.start)) return false
    if (INSTITUTION_FOER.has(fold(first.tekst)) || seg.some((t) => INSTITUTION_ORD.has(fold(t.tekst)) || INSTITUTION_ORD.has(fold(t.tekst).replace(/s$/, '')))) return false
    // "Kommunernes Landsforening", "Nordjyllands Beredskab": a genitive first is an institution's
    // name (first names in -s, "Hans", "Lars", are in the lexicon); long compounds
    // ("Eqqartuussisuuneqarfia") are no one's name.
    if (/s$/u.test(first.tekst) || seg.some((t) => t.tekst.split('-').some((d) => d.length > 14))) return false
    const hele = fold(tekst.slice(first.start, last.end))
    if (leksikon.bynavne.has(hele) || seg.some((t) => leksikon.bynavne.has(fold(t.tekst)))) return false
    // A street, a house number or a company follows or is named.
    if (/(?:vej|gade|allé|alle|plads|stræde|torv|park|vænge|have|bakke|sti)$/u.test(hele)) return false
    const efter = tekst.slice(last.end, last.end + 12)
    if (/^\s?(?:nr\.\s?)?\d/u.test(efter) || SELSKABSFORM_EFTER.test(efter)) return false
    // "Det Økonomiske Råd": an article right before.
    if (/(?:^|[^\p{L}])(?:Det|Den|De)\s$/u.test(tekst.slice(Math.max(0, first.start - 4), first.start))) return false
    return true
  }

  // Single names: someone already seen ("Brøndum" after "Kaj Brøndum"), a known party's
  // name (left to kendte-parter), or a lexicon name on its own.
  for (const { tok } of enkelte) {
    const k = fold(tok.genitiv ? tok.tekst.replace(/'?s$/, '') : tok.tekst)
    if (tok.part !== undefined) continue
    const e = dele.get(k) ?? entitetFor(k)
    kandidater.push({
      start: tok.start,
      end: tok.end,
      type: 'person',
      regel: 'navneleksikon-enkelt',
      sikkerhed: 0.6,
      prioritet: P.ukendtEn,
      entitet: e,
      genitiv: tok.genitiv,
    })
  }

  if (initialer.size > 0) {
    const re = new RegExp(`(?<![${L}\\p{N}.])(?:${[...initialer.keys()].join('|')})(?![${L}\\p{N}])`, 'gu')
    for (const m of tekst.matchAll(re)) {
      kandidater.push({ start: m.index, end: m.index + m[0].length, type: 'person', regel: 'initialer', sikkerhed: 0.6, prioritet: P.kendtInitialer, entitet: initialer.get(m[0]) })
    }
  }

  // The parts of a name found once, wherever else they stand (capitalised).
  if (dele.size > 0) {
    const kilder = [...dele.keys()].sort((a, b) => b.length - a.length).map(variantMoenster)
    const re = new RegExp(`(?<![${L}\\p{N}])(?:${kilder.join('|')})('?s)?(?![${L}\\p{N}])`, 'giu')
    for (const m of tekst.matchAll(re)) {
      if (!/^\p{Lu}/u.test(m[0])) continue
      const genitiv = m[1] !== undefined
      const e = dele.get(fold(genitiv ? m[0].slice(0, -m[1]!.length) : m[0]))
      if (!e) continue
      const prioritet = medTitel.has(e) ? P.ukendtTitel - 1 : P.udbredt
      kandidater.push({ start: m.index, end: m.index + m[0].length, type: 'person', regel: 'udbredt-navn', sikkerhed: 0.75, prioritet, entitet: e, genitiv })
    }
  }
  return { kandidater }
}
