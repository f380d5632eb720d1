// The legal basis (lovgrundlag) a decision cites: law, chapter and §, chosen from the
// texts of lejeloven, almenlejeloven and almenboligloven in the reference data
// (*_paragraffer.csv and love_kapitler.csv; see data/README.md section 3 for the versions
// and what they do not incorporate). The case worker searches by § number or by words;
// the decision stores the stable id and the national API export gets the statutory.
import { readCsv } from '../referencedata/csv.js'
import { cachedPerDir } from '../referencedata/cache.js'

export type LovKode = 'lejeloven' | 'almenlejeloven' | 'almenboligloven'

/** In the order a case worker meets them: private lease first. */
export const lovKoder: readonly LovKode[] = Object.freeze(['lejeloven', 'almenlejeloven', 'almenboligloven'])

const lovLabels: Record<LovKode, string> = {
  lejeloven: 'Lejeloven',
  almenlejeloven: 'Almenlejeloven',
  almenboligloven: 'Almenboligloven',
}

const filer: Record<LovKode, string> = {
  lejeloven: 'lejeloven_paragraffer.csv',
  almenlejeloven: 'almenlejeloven_paragraffer.csv',
  almenboligloven: 'almenboligloven_paragraffer.csv',
}

export interface Bestemmelse {
  /**
   * Stable: `<lov>:§<paragraf>`, the paragraph lower-case without spaces ('lejeloven:§106',
   * 'almenboligloven:§75a', 'almenboligloven:§65-67' for a repealed range). A provision
   * outside the chapter structure (an amending act's appended commencement §, which
   * shares its number with a real §) is `<lov>:uden-kapitel:§<paragraf>`.
   */
  readonly id: string
  readonly lov: LovKode
  /** The document the text comes from, e.g. 'Lov om leje (LOV nr. 341 af 22. marts 2022)'. */
  readonly lovTitel: string
  /** '1', '5a', …; '' for a provision outside the chapter structure. */
  readonly kapitel: string
  /** Only lejeloven kapitel 1 has a sourced title (data/README.md); null otherwise. */
  readonly kapitelOverskrift: string | null
  /** As the law writes it: '106', '86 a', '65-67', '96 k-o'. */
  readonly paragraf: string
  /** A short heading derived from the text: its first sentence, or about 100 characters cut at a word with '…'. */
  readonly overskrift: string
  /** The whole paragraph, all its Stk., as published. */
  readonly tekst: string
}

export interface Lov {
  readonly lov: LovKode
  readonly titel: string
}

export interface Kapitel {
  readonly kapitel: string
  readonly overskrift: string | null
}

export interface SoegOptions {
  readonly lov?: string
  /** Default 20. */
  readonly limit?: number
}

export interface LovIndex {
  /** By id; case and spaces in the id are forgiven ('Lejeloven:§ 106'). */
  hent(id: string): Bestemmelse | undefined
  love(): readonly Lov[]
  /** The law's chapters in order; [] for an unknown law. */
  kapitler(lov: string): readonly Kapitel[]
  /** The law's provisions in the law's order, optionally one chapter's; [] for an unknown law. */
  bestemmelser(lov: string, kapitel?: string): readonly Bestemmelse[]
  /**
   * '§ 106', '106', '106 a', 'lejeloven 106', 'lejelovens § 106, stk. 2': provisions with that
   * number (exact before prefix: '10' gives § 10 and then §§ 100-109, 10 a). Words
   * ('depositum tilbagebetaling'): provisions whose text or chapter title contains them,
   * most query words first. A law's name in the query narrows to that law; the name alone
   * lists the law. Numbers count as § numbers when the query has a § or no other words.
   */
  soeg(q: string, o?: SoegOptions): Bestemmelse[]
}

export interface Statutory {
  /** The law's code, e.g. 'lejeloven'. */
  readonly lawId: string
  /** The document title, with its version. */
  readonly lawText: string
  /** null for a provision outside the chapter structure. */
  readonly chapterId: string | null
  /** The chapter's title, or 'Kapitel N' where none is sourced. */
  readonly chapterText: string | null
  /** The § as the law writes it: '106', '86 a'. */
  readonly sectionId: string
  /** '§ 106. ' and the short heading. */
  readonly sectionText: string
}

export function erLovKode(lov: string): lov is LovKode {
  return Object.hasOwn(lovLabels, lov)
}

export function lovLabel(lov: LovKode): string {
  return lovLabels[lov]
}

/** '§ 106', '§ 86 a', '§§ 65-67'. */
export function paragrafLabel(b: Pick<Bestemmelse, 'paragraf'>): string {
  return `${b.paragraf.includes('-') ? '§§' : '§'} ${b.paragraf}`
}

/** 'Lejeloven § 106 (kapitel 13)', 'Lejeloven § 1 (kapitel 1: Anvendelsesområde m.v.)'. */
export function formatBestemmelse(b: Bestemmelse): string {
  const kapitel = b.kapitel === '' ? 'uden for kapitelinddelingen' : `kapitel ${b.kapitel}${b.kapitelOverskrift ? `: ${b.kapitelOverskrift}` : ''}`
  return `${lovLabel(b.lov)} ${paragrafLabel(b)} (${kapitel})`
}

/** The national API's statutory vocabulary (DOMAIN.md: statutories). */
export function tilStatutory(b: Bestemmelse): Statutory {
  return {
    lawId: b.lov,
    lawText: b.lovTitel,
    chapterId: b.kapitel === '' ? null : b.kapitel,
    chapterText: b.kapitel === '' ? null : (b.kapitelOverskrift ?? `Kapitel ${b.kapitel}`),
    sectionId: b.paragraf,
    sectionText: `${paragrafLabel(b)}. ${b.overskrift}`,
  }
}

/** Read once per process and directory (see cachedPerDir). */
export const loadLovgrundlag: (dir: string) => Promise<LovIndex> = cachedPerDir(buildIndex)

/** A provision as loaded, with what the search needs precomputed. */
interface Post {
  readonly b: Bestemmelse
  readonly noegle: string
  readonly fra: ParagrafNr
  readonly til: ParagrafNr
  /** Lower-case text and chapter title, for word search. */
  readonly soegetekst: string
  readonly overskriftLower: string
  readonly ord: ReadonlySet<string>
}

async function buildIndex(dir: string): Promise<LovIndex> {
  const [kapitelRows, ...lovRows] = await Promise.all([readCsv(dir, 'love_kapitler.csv'), ...lovKoder.map((lov) => readCsv(dir, filer[lov]))])

  const titler = new Map<LovKode, string>()
  const kapitlerPrLov = new Map<LovKode, Kapitel[]>(lovKoder.map((lov) => [lov, []]))
  for (const r of kapitelRows) {
    const lov = r.lov ?? ''
    if (!erLovKode(lov)) continue
    if (!titler.has(lov)) titler.set(lov, lovTitel(r.dokument ?? ''))
    kapitlerPrLov.get(lov)!.push(Object.freeze({ kapitel: (r.kapitel ?? '').trim(), overskrift: (r.kapiteloverskrift ?? '').trim() || null }))
  }

  const poster: Post[] = []
  const byId = new Map<string, Post>()
  lovKoder.forEach((lov, i) => {
    const titel = titler.get(lov) ?? lovLabel(lov)
    const overskrifter = new Map(kapitlerPrLov.get(lov)!.map((k) => [k.kapitel, k.overskrift]))
    for (const r of lovRows[i]!) {
      if ((r.lov ?? lov) !== lov) throw new Error(`${filer[lov]}: row for ${r.lov} in the file of ${lov}`)
      const noegle = (r.paragraf ?? '').toLowerCase().replace(/\s+/g, '')
      const interval = parseInterval(noegle)
      if (!interval) throw new Error(`${filer[lov]}: paragraf '${r.paragraf}' is not a § number`)
      const kapitel = (r.kapitel ?? '').trim()
      const tekst = (r.tekst ?? '').trim()
      const { label, rest } = splitPrefix(tekst)
      const b: Bestemmelse = Object.freeze({
        id: `${lov}:${kapitel === '' ? 'uden-kapitel:' : ''}§${noegle}`,
        lov,
        lovTitel: titel,
        kapitel,
        kapitelOverskrift: overskrifter.get(kapitel) ?? null,
        paragraf: label ?? noegle.replace(/(\d)([a-zæøå])/g, '$1 $2'),
        overskrift: lavOverskrift(rest),
        tekst,
      })
      // Two rows with one id would make a stored lovgrundlag ambiguous: refuse the data.
      if (byId.has(b.id)) throw new Error(`${filer[lov]}: two provisions with id ${b.id}`)
      const soegetekst = `${tekst}\n${b.kapitelOverskrift ?? ''}`.toLowerCase()
      const post: Post = { b, noegle, ...interval, soegetekst, overskriftLower: b.overskrift.toLowerCase(), ord: new Set(soegetekst.match(/[\p{L}\p{N}]+/gu) ?? []) }
      poster.push(post)
      byId.set(b.id, post)
    }
  })

  const love: readonly Lov[] = Object.freeze(lovKoder.map((lov) => Object.freeze({ lov, titel: titler.get(lov) ?? lovLabel(lov) })))
  const lovOrden = (lov: LovKode) => lovKoder.indexOf(lov)

  return Object.freeze({
    hent(id: string): Bestemmelse | undefined {
      if (typeof id !== 'string') return undefined
      const key = id.toLowerCase().replace(/\s+/g, '')
      return byId.get(key)?.b
    },
    love: () => love,
    kapitler(lov: string): readonly Kapitel[] {
      return erLovKode(lov) ? Object.freeze([...kapitlerPrLov.get(lov)!]) : []
    },
    bestemmelser(lov: string, kapitel?: string): readonly Bestemmelse[] {
      return poster.filter((p) => p.b.lov === lov && (kapitel === undefined || p.b.kapitel === kapitel)).map((p) => p.b)
    },
    soeg(q: string, o: SoegOptions = {}): Bestemmelse[] {
      const limit = o.limit === undefined || !Number.isFinite(o.limit) ? 20 : Math.max(0, Math.floor(o.limit))
      if (typeof q !== 'string' || limit === 0) return []
      if (o.lov !== undefined && !erLovKode(o.lov)) return []
      const query = parseQuery(q)
      let iLove = query.love
      if (o.lov !== undefined) iLove = iLove.size === 0 || iLove.has(o.lov) ? new Set([o.lov]) : new Set()
      else if (iLove.size === 0) iLove = new Set(lovKoder)
      if (iLove.size === 0) return []
      const kandidater = poster.filter((p) => iLove.has(p.b.lov))

      if (query.paragraffer.length === 0 && query.ord.length === 0) {
        // Only a law's name: list that law.
        return query.love.size > 0 ? kandidater.slice(0, limit).map((p) => p.b) : []
      }

      const valgt = new Set<Post>()
      const resultat: Post[] = []
      const tilfoej = (ps: Post[]) => {
        for (const p of ps) {
          if (!valgt.has(p)) {
            valgt.add(p)
            resultat.push(p)
          }
        }
      }

      if (query.paragraffer.length > 0) {
        const ordTraef = (p: Post) => query.ord.filter((w) => traeffer(p, w)).length
        const exact = kandidater.filter((p) => query.paragraffer.some((n) => daekker(p, n)))
        const prefix = kandidater
          .filter((p) => query.paragraffer.some((n) => p.noegle.startsWith(n.tekst)))
          .sort((a, b) => sammenlign(a.fra, b.fra) || lovOrden(a.b.lov) - lovOrden(b.b.lov))
        // Stable sort: the law's order stays within equal word counts.
        tilfoej(exact.sort((a, b) => ordTraef(b) - ordTraef(a)))
        tilfoej(prefix.sort((a, b) => ordTraef(b) - ordTraef(a)))
      }

      if (query.ord.length > 0) {
        const scored = kandidater
          .map((p) => {
            const fundne = query.ord.filter((w) => traeffer(p, w))
            return {
              p,
              antal: fundne.length,
              iOverskrift: fundne.filter((w) => p.overskriftLower.includes(w)).length,
              forekomster: fundne.reduce((sum, w) => sum + forekomster(p.soegetekst, w), 0),
            }
          })
          .filter((s) => s.antal > 0)
          .sort((a, b) => b.antal - a.antal || b.iOverskrift - a.iOverskrift || b.forekomster - a.forekomster)
        tilfoej(scored.map((s) => s.p))
      }

      return resultat.slice(0, limit).map((p) => p.b)
    },
  })
}

// love_kapitler.csv's dokument carries a provenance note after the title
// ('…(LOV nr. 341 af 22. marts 2022), tekst som udstedt'); the title ends at its ')'.
function lovTitel(dokument: string): string {
  const slut = dokument.lastIndexOf(')')
  return (slut >= 0 && dokument.slice(slut + 1).trim().startsWith(',') ? dokument.slice(0, slut + 1) : dokument).trim()
}

/** '§ 86 a. Den midlertidige …' → label '86 a' and the rest; '§§ 65-67. (Ophævet)' → '65-67'. */
function splitPrefix(tekst: string): { label: string | undefined; rest: string } {
  const m = /^§§?\s*(\d+(?:\s?[a-zæøå])?(?:\s*-\s*(?:\d+)?(?:\s?[a-zæøå])?)?)\.\s*/u.exec(tekst)
  if (!m) return { label: undefined, rest: tekst }
  return { label: m[1]!.replace(/\s*-\s*/g, '-'), rest: tekst.slice(m[0].length) }
}

const maksOverskrift = 100

// Words after which a full stop does not end the sentence even before a capital.
const forkortelser = new Set(['jf', 'nr', 'stk', 'pkt', 'ca', 'bl.a', 'f.eks', 'evt', 'mio', 'mia'])

function lavOverskrift(rest: string): string {
  const tekst = rest.replace(/\s+/g, ' ').trim()
  const saetning = foersteSaetning(tekst)
  if (saetning.length <= maksOverskrift) return saetning
  let cut = tekst.slice(0, maksOverskrift + 1)
  const ws = cut.lastIndexOf(' ')
  cut = ws > 0 ? cut.slice(0, ws) : cut.slice(0, maksOverskrift)
  // Do not leave a dangling '§', 'stk.', comma or opening bracket before the '…'. A
  // hyphen stays: 'byggestøtte-, kollegiestøtte' shortens to 'byggestøtte- …'.
  for (;;) {
    const trimmed = cut.replace(/[\s,;:(–]+$/u, '').replace(/(?:^|\s)(?:§§?|stk\.|nr\.|jf\.)$/u, '')
    if (trimmed === cut) break
    cut = trimmed
  }
  return `${cut} …`
}

function foersteSaetning(tekst: string): string {
  const re = /\.(?=\s+[A-ZÆØÅ§]|\s*$)/gu
  for (let m = re.exec(tekst); m; m = re.exec(tekst)) {
    const foer = /([\p{L}.]+)$/u.exec(tekst.slice(0, m.index))?.[1]?.toLowerCase()
    if (foer && forkortelser.has(foer)) continue
    return tekst.slice(0, m.index + 1)
  }
  return tekst
}

interface ParagrafNr {
  readonly nr: number
  readonly bogstav: string
}

/** '106' → 106–106; '96k-o' → 96 k–96 o; '145-146a' → 145–146 a. */
function parseInterval(noegle: string): { fra: ParagrafNr; til: ParagrafNr } | undefined {
  const m = /^(\d+)([a-zæøå]?)(?:-(\d*)([a-zæøå]?))?$/u.exec(noegle)
  if (!m) return undefined
  const fra = { nr: Number(m[1]), bogstav: m[2]! }
  if (m[3] === undefined) return { fra, til: fra }
  return { fra, til: { nr: m[3] === '' ? fra.nr : Number(m[3]), bogstav: m[4]! } }
}

function sammenlign(a: ParagrafNr, b: ParagrafNr): number {
  return a.nr - b.nr || (a.bogstav < b.bogstav ? -1 : a.bogstav > b.bogstav ? 1 : 0)
}

interface ParagrafRef extends ParagrafNr {
  /** Compact, for prefix matching: '106a'. */
  readonly tekst: string
}

function daekker(p: Post, n: ParagrafRef): boolean {
  return sammenlign(p.fra, n) <= 0 && sammenlign(n, p.til) <= 0
}

function traeffer(p: Post, w: string): boolean {
  // A number as a word must be the whole number ('3' must not hit '30' or '1993').
  return /^\d+$/.test(w) ? p.ord.has(w) : p.soegetekst.includes(w)
}

function forekomster(tekst: string, w: string): number {
  let n = 0
  for (let i = tekst.indexOf(w); i >= 0; i = tekst.indexOf(w, i + w.length)) n++
  return n
}

const lovNavn = /(?<![\p{L}\p{N}])(almenlejelov|almenboliglov|lejelov)(?:en|ens|s)?(?![\p{L}\p{N}])/gu
const lovNavnKode: Record<string, LovKode> = { lejelov: 'lejeloven', almenlejelov: 'almenlejeloven', almenboliglov: 'almenboligloven' }

// Words nearly every provision contains: they would only drown the words that matter.
const fyldord = new Set(['og', 'af', 'til', 'for', 'om', 'på', 'med', 'er', 'at', 'den', 'det', 'de', 'en', 'et', 'der', 'som', 'ved', 'eller', 'fra', 'kan', 'skal', 'jf', 'stk', 'nr', 'pkt'])

interface Query {
  readonly love: ReadonlySet<LovKode>
  readonly paragraffer: readonly ParagrafRef[]
  readonly ord: readonly string[]
}

function parseQuery(q: string): Query {
  let s = q.normalize('NFC').toLowerCase()
  const love = new Set<LovKode>()
  s = s.replace(lovNavn, (_, navn: string) => {
    love.add(lovNavnKode[navn]!)
    return ' '
  })
  // 'stk. 2', 'nr. 3', '2. pkt.' point inside a §: they are not § numbers of their own.
  s = s.replace(/(?<![\p{L}\p{N}])(?:stk|nr|pkt|litra)\.?\s*\d+\.?/gu, ' ').replace(/\d+\.\s*pkt\.?/gu, ' ')

  const tokens: string[] = s.match(/§|\d+(?:\s?[a-zæøå](?![\p{L}\p{N}]))?|[\p{L}\p{N}]+/gu) ?? []
  const tal = tokens.filter((t) => /^\d/.test(t))
  const ord = [...new Set(tokens.filter((t) => t !== '§' && !/^\d/.test(t) && t.length >= 2 && !fyldord.has(t)))]
  if (tokens.includes('§') || ord.length === 0) {
    const paragraffer = tal.map((t) => {
      const m = /^(\d+)\s?([a-zæøå]?)$/u.exec(t)!
      return { nr: Number(m[1]), bogstav: m[2]!, tekst: `${m[1]}${m[2]}` }
    })
    return { love, paragraffer, ord }
  }
  // Words and bare numbers ('depositum 3 måneder'): the numbers are words too.
  return { love, paragraffer: [], ord: [...new Set([...ord, ...tal.map((t) => t.replace(/\D.*$/u, ''))])] }
}
