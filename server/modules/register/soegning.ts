// The afgørelsesregister's search: the one function every public page and the open API
// call. Free text in websearch syntax ("quotes", OR, -word) with Danish stemming, the
// filters of the national API, facet counts beside each filter (each computed with the
// other filters applied), a page of hits ordered by relevance or date (ties broken on
// id, so pages are stable) with a highlighted excerpt on the returned page only.
//
// Only published rows (status 'publiceret') are ever returned or counted.
//
// Invalid input never reaches PostgreSQL: a bad date, board id, municipality code,
// board type, sort order or page throws ValidationError (400) with a Danish message.
// Free text cannot be invalid: websearch_to_tsquery accepts anything. A text of only
// stop words ("og", "i") has nothing to search for and finds nothing.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { ValidationError } from '../../platform/errors.js'
import { afslutningsaarsager, medholdKoder } from '../../kerne/sag/koder.js'
import { lovLabel, erLovKode } from '../../kerne/sag/lovgrundlag.js'
import * as repo from './soegning.repository.js'

export type NaevnTypeKode = 'RENT_BOARD' | 'RESIDENT_COMPLAINTS_BOARD'

export interface SoegeFiltre {
  /** Free text, websearch syntax: "quotes", OR, -word (websearch_to_tsquery('danish', q)). */
  q?: string
  naevnType?: NaevnTypeKode
  /** uuid */
  naevnId?: string
  kommunekode?: number
  /** A case-area code (register_afgoerelser.subjects). */
  emne?: string
  /** reason_for_closing code */
  udfald?: string
  /** in_favour code */
  medhold?: string
  /** date_of_decision >= (YYYY-MM-DD) */
  fra?: string
  /** date_of_decision <= (YYYY-MM-DD) */
  til?: string
  /** 'lejeloven' (a whole law) or 'lejeloven:§106' (one provision): statute_keys. */
  lov?: string
}

export interface SoegeParametre extends SoegeFiltre {
  sortering: 'relevans' | 'dato'
  /** 1-based */
  side: number
  /** ≤ 50 */
  perSide: number
}

export interface Facet {
  vaerdi: string
  label: string
  antal: number
}

export interface Soegehit {
  id: number
  titel: string
  naevnNavn: string
  naevnType: NaevnTypeKode
  kommunenavn: string
  dateOfDecision: string
  reasonForClosing: string
  inFavour: string
  subjectLabels: string[]
  /** HTML-escaped text with <mark>…</mark> around matches. */
  uddrag: string
}

export interface Soegeresultat {
  total: number
  /** True when total is an estimate (the match set is larger than the exact-count threshold). */
  totalErEstimat: boolean
  hits: Soegehit[]
  facetter: { naevnType: Facet[]; naevn: Facet[]; kommune: Facet[]; emne: Facet[]; udfald: Facet[]; medhold: Facet[]; lov: Facet[]; aar: Facet[] }
  /** True when the facet counts are estimates (scaled from a sample) rather than exact. */
  facetterErEstimat: boolean
}

export const MAKS_PER_SIDE = 50
/** Like a search engine's result window: deeper pages are refused, narrow the search instead. */
export const MAKS_RESULTATVINDUE = 10_000
/** Facet values returned per dimension (most frequent first). */
const MAKS_FACETVAERDIER = 50

const naevnTypeLabels: Record<NaevnTypeKode, string> = { RENT_BOARD: 'Huslejenævn', RESIDENT_COMPLAINTS_BOARD: 'Beboerklagenævn' }
const udfaldLabels: Record<string, string> = { NOT_SET: 'Ikke angivet', ...afslutningsaarsager }
const medholdLabels: Record<string, string> = { NOT_SET: 'Ikke angivet', ...medholdKoder }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DATO = /^(\d{4})-(\d{2})-(\d{2})$/
const KODE = /^[A-Za-z0-9_æøåÆØÅ-]{1,80}$/
const LOV = /^[a-z]{1,40}(:[a-z0-9§ .:-]{1,60})?$/i

function gyldigDato(s: string): boolean {
  const m = DATO.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const dt = new Date(Date.UTC(y, mo - 1, d))
  return y >= 1900 && y <= 2999 && dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d
}

const tomTilUndefined = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim())

/** Checks the parameters; throws ValidationError listing every bad one at once. */
export function valider(p: SoegeParametre): { filtre: Omit<repo.Filtre, 'tsquery'> & { q?: string }; limit: number; offset: number } {
  const fejl: Record<string, string> = {}
  const q = tomTilUndefined(p.q)
  if (q !== undefined && q.length > 500) fejl.q = 'Søgeteksten må højst være 500 tegn.'
  const naevnType = tomTilUndefined(p.naevnType)
  if (naevnType !== undefined && !(naevnType in naevnTypeLabels)) fejl.naevnType = 'Nævnstypen findes ikke.'
  const naevnId = tomTilUndefined(p.naevnId)
  if (naevnId !== undefined && !UUID.test(naevnId)) fejl.naevnId = 'Nævnet findes ikke.'
  const kommunekode = p.kommunekode
  if (kommunekode !== undefined && (!Number.isInteger(kommunekode) || kommunekode < 0 || kommunekode > 9999)) fejl.kommunekode = 'Kommunekoden skal være et tal mellem 0 og 9999.'
  const emne = tomTilUndefined(p.emne)
  if (emne !== undefined && !KODE.test(emne)) fejl.emne = 'Sagsområdet findes ikke.'
  const udfald = tomTilUndefined(p.udfald)
  if (udfald !== undefined && !KODE.test(udfald)) fejl.udfald = 'Udfaldet findes ikke.'
  const medhold = tomTilUndefined(p.medhold)
  if (medhold !== undefined && !KODE.test(medhold)) fejl.medhold = 'Medhold findes ikke.'
  const fra = tomTilUndefined(p.fra)
  if (fra !== undefined && !gyldigDato(fra)) fejl.fra = 'Fra-datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).'
  const til = tomTilUndefined(p.til)
  if (til !== undefined && !gyldigDato(til)) fejl.til = 'Til-datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).'
  const lov = tomTilUndefined(p.lov)?.toLowerCase().replace(/\s+/g, '')
  if (lov !== undefined && !LOV.test(lov)) fejl.lov = 'Lovgrundlaget skal være en lov (lejeloven) eller en bestemmelse (lejeloven:§106).'
  if (p.sortering !== 'relevans' && p.sortering !== 'dato') fejl.sortering = 'Sorteringen skal være relevans eller dato.'
  if (!Number.isInteger(p.side) || p.side < 1) fejl.side = 'Siden skal være et helt tal fra 1.'
  if (!Number.isInteger(p.perSide) || p.perSide < 1 || p.perSide > MAKS_PER_SIDE) fejl.perSide = `Antal pr. side skal være mellem 1 og ${MAKS_PER_SIDE}.`
  else if (Number.isInteger(p.side) && p.side * p.perSide > MAKS_RESULTATVINDUE) fejl.side = `Der kan højst bladres til resultat nr. ${MAKS_RESULTATVINDUE.toLocaleString('da-DK')}; indsnævr søgningen.`
  const felter = Object.keys(fejl)
  if (felter.length > 0) throw new ValidationError('UgyldigSoegning', Object.values(fejl).join(' '), fejl)
  return {
    filtre: { q, naevnType, naevnId: naevnId?.toLowerCase(), kommunekode, emne, udfald, medhold, fra, til, lov },
    limit: p.perSide,
    offset: (p.side - 1) * p.perSide,
  }
}

// The repository escapes &, < and > before ts_headline (whose parser would drop tags);
// escaping < and > again here is a no-op that keeps this function safe on its own.
const escapeHtml = (s: string) => s.replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** ts_headline's output (marks as control characters, text already escaped) as HTML with <mark>. */
export function uddragHtml(headline: string): string {
  let html = ''
  let inde = false
  for (const del of headline.split(new RegExp(`([${repo.MARK_START}${repo.MARK_SLUT}])`))) {
    if (del === repo.MARK_START) {
      if (!inde) html += '<mark>'
      inde = true
    } else if (del === repo.MARK_SLUT) {
      if (inde) html += '</mark>'
      inde = false
    } else html += escapeHtml(del)
  }
  return inde ? `${html}</mark>` : html
}

function lovFacetLabel(noegle: string): string {
  const [lov, ...rest] = noegle.split(':')
  const navn = lov && erLovKode(lov) ? lovLabel(lov) : (lov ?? noegle)
  const paragraf = rest.filter((r) => r !== 'uden-kapitel').join(' ').replace(/^§/, '§ ')
  return paragraf ? `${navn} ${paragraf}` : navn
}

const ingenFacetter = (): Soegeresultat['facetter'] => ({ naevnType: [], naevn: [], kommune: [], emne: [], udfald: [], medhold: [], lov: [], aar: [] })

/**
 * The bounds that keep a search's cost independent of how many decisions it matches
 * (README, "Søgning i afgørelsesregistret"). Tests lower them to see the estimates.
 */
export interface Soegegraenser {
  /** Up to this many matches everything is exact: count, facets, relevance order. */
  eksaktGraense: number
  /** Relevance ranks at most this many matches, the newest (≥ eksaktGraense). */
  kandidater: number
  /** An estimate is made from at least about this many sampled matches. */
  stikproeve: number
}

export const standardGraenser: Soegegraenser = Object.freeze({ eksaktGraense: 500, kandidater: 500, stikproeve: 500 })

/**
 * Counts (and facets) of the rows matching f: exact when they are at most
 * eksaktGraense, else estimated from the sample buckets (a hash of the id, 0–1023) below a bound that
 * grows until the sample holds enough matches. Each step reads a bounded number of rows.
 */
async function optaelBegraenset(db: Kysely<DB>, f: repo.Filtre, dims: readonly repo.Dimension[], undtagen: repo.FilterNavn | undefined, g: Soegegraenser) {
  const loft = g.stikproeve * 8
  // First one bucket of 1024: a few hundred rows at most, whatever the query. When it
  // says the matches are clearly too many to count, counting them is skipped (for a word
  // in every decision, even reading the text index's list of matches costs ≈60 ns each).
  let o = await repo.optael(db, f, { undtagen, dims, loft, spandeUnder: 1 })
  if (o.antal * repo.SPANDE <= 4 * g.eksaktGraense) {
    const eksakt = await repo.optael(db, f, { undtagen, dims, loft: g.eksaktGraense + 1, spandeUnder: repo.SPANDE })
    if (eksakt.antal <= g.eksaktGraense) return { ...eksakt, estimat: false }
  }
  // Too many to count: a sample. Each step widens it by what the last one found, aiming
  // at `stikproeve` matches.
  for (;;) {
    if (o.antal >= g.stikproeve / 2 || o.antal >= loft || o.spandeUnder >= repo.SPANDE) {
      if (o.spandeUnder >= repo.SPANDE && o.antal < loft) return { ...o, estimat: false }
      const skala = repo.SPANDE / o.spandeUnder
      const skaler = (n: number) => Math.max(1, Math.round(n * skala))
      const facetter: typeof o.facetter = {}
      for (const [d, v] of Object.entries(o.facetter) as [repo.Dimension, repo.FacetRaekke[]][]) facetter[d] = v.map((x) => ({ ...x, antal: skaler(x.antal) }))
      // Never below the exact-count threshold: the matches are known to be more.
      return { antal: Math.max(g.eksaktGraense + 1, skaler(o.antal)), spandeUnder: o.spandeUnder, facetter, estimat: true }
    }
    const spande = Math.min(repo.SPANDE, Math.max(o.spandeUnder * 2, Math.ceil((o.spandeUnder * g.stikproeve) / Math.max(o.antal, 1))))
    o = await repo.optael(db, f, { undtagen, dims, loft, spandeUnder: spande })
  }
}

/** Beyond this many rows the window would cost more than it saves (a scan of the date index). */
const MAKS_VINDUE = 20_000

/**
 * The page's ids. A large match set (an estimated count) with free text is read within
 * a window of the newest decisions that should hold about twice the rows the page needs
 * (the candidates for relevance, offset + limit by date); if it holds too few, again
 * without the window.
 */
async function sideIds(db: Kysely<DB>, f: repo.Filtre, sortering: 'relevans' | 'dato', limit: number, offset: number, antal: number, estimat: boolean, g: Soegegraenser): Promise<number[]> {
  const o = { sortering, limit, offset, kandidater: g.kandidater }
  if (f.tsquery !== undefined && estimat) {
    const behov = sortering === 'relevans' ? g.kandidater : offset + limit
    // Newest decisions (of all) that should hold twice the rows needed, at the matches' rate.
    const vindue = Math.ceil((2 * behov * (await repo.antalIRegistret(db))) / Math.max(antal, 1))
    const vindueFra = vindue <= MAKS_VINDUE ? await repo.datoForNyeste(db, vindue) : undefined
    if (vindueFra !== undefined) {
      const ids = await repo.sideIds(db, { ...f, vindueFra }, o)
      if (ids.length === limit || (sortering === 'relevans' && offset >= g.kandidater)) return ids
    }
  }
  return repo.sideIds(db, f, o)
}

const aktiveFiltre = (f: repo.Filtre): repo.FilterNavn[] =>
  (
    [
      ['naevnType', f.naevnType],
      ['naevnId', f.naevnId],
      ['kommunekode', f.kommunekode],
      ['emne', f.emne],
      ['udfald', f.udfald],
      ['medhold', f.medhold],
      ['dato', f.fra ?? f.til],
      ['lov', f.lov],
    ] as const
  )
    .filter(([, v]) => v !== undefined)
    .map(([n]) => n)

const alleDimensioner = ['naevnType', 'naevn', 'kommune', 'emne', 'udfald', 'medhold', 'lov', 'aar'] as const satisfies readonly repo.Dimension[]

export async function soeg(db: Kysely<DB>, p: SoegeParametre, graenser: Partial<Soegegraenser> = {}): Promise<Soegeresultat> {
  const g = { ...standardGraenser, ...graenser }
  g.kandidater = Math.max(g.kandidater, g.eksaktGraense)
  const { filtre, limit, offset } = valider(p)
  const { q, ...rest } = filtre
  const f: repo.Filtre = { ...rest }
  if (q !== undefined) {
    const tsquery = await repo.tilTsquery(db, q)
    if (tsquery === '') return { total: 0, totalErEstimat: false, hits: [], facetter: ingenFacetter(), facetterErEstimat: false }
    f.tsquery = tsquery
  }

  // A facet whose own filter is set is counted without it (the other filters applied);
  // the others come from the result set itself.
  const aktive = aktiveFiltre(f)
  const egne = alleDimensioner.filter((d) => aktive.includes(repo.dimensionensFilter[d]))
  const faelles = alleDimensioner.filter((d) => !egne.includes(d))
  const hovedP = optaelBegraenset(db, f, faelles, undefined, g)
  const [hovedtal, side, ...separate] = await Promise.all([
    hovedP,
    // The page after the count: its size decides the date window.
    hovedP.then((t) => sideIds(db, f, p.sortering, limit, offset, t.antal, t.estimat, g)),
    ...egne.map((d) => optaelBegraenset(db, f, [d], repo.dimensionensFilter[d], g)),
  ])
  const rows = await repo.hits(db, side, f.tsquery)
  const facetter = ingenFacetter()
  const saml = (d: repo.Dimension, raekker: repo.FacetRaekke[] = []) => {
    facetter[d] = raekker
      .sort((a, b) => b.antal - a.antal || (a.vaerdi < b.vaerdi ? -1 : 1))
      .slice(0, MAKS_FACETVAERDIER)
      .map((r) => ({ vaerdi: r.vaerdi, label: facetLabel(d, r), antal: r.antal }))
  }
  for (const d of faelles) saml(d, hovedtal.facetter[d])
  egne.forEach((d, i) => saml(d, separate[i]?.facetter[d]))
  return {
    total: hovedtal.antal,
    totalErEstimat: hovedtal.estimat,
    hits: rows.map((r) => ({
      id: r.id,
      titel: r.titel,
      naevnNavn: r.naevn_navn,
      naevnType: r.naevn_type as NaevnTypeKode,
      kommunenavn: r.kommunenavn,
      dateOfDecision: r.date_of_decision,
      reasonForClosing: r.reason_for_closing,
      inFavour: r.in_favour,
      subjectLabels: r.subject_labels,
      uddrag: uddragHtml(r.uddrag),
    })),
    facetter,
    facetterErEstimat: hovedtal.estimat || separate.some((s) => s.estimat),
  }
}

function facetLabel(navn: keyof Soegeresultat['facetter'], r: repo.FacetRaekke): string {
  switch (navn) {
    case 'naevnType':
      return naevnTypeLabels[r.vaerdi as NaevnTypeKode] ?? r.vaerdi
    case 'udfald':
      return udfaldLabels[r.vaerdi] ?? r.vaerdi
    case 'medhold':
      return medholdLabels[r.vaerdi] ?? r.vaerdi
    case 'lov':
      return lovFacetLabel(r.vaerdi)
    default:
      return r.label
  }
}
