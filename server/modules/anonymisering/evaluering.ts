// Scoring the anonymizer against hand-annotated decisions (test/anonymisering/korpus): a
// gold span is caught only when every letter and digit in it is masked; a keep span (law
// reference, authority, amount, date, area) counts only when no mask touches it. Used by
// the quality test and the benchmark.
import type { Span } from './typer.js'

export interface GuldSpan {
  readonly start: number
  readonly end: number
  /** 'partsnavn' (a party's full name), 'person', 'adresse', 'cpr', 'email', 'telefon', … */
  readonly type: string
}

export type BevarEvalType = 'lov' | 'myndighed' | 'beloeb' | 'dato' | 'areal'

export interface BevarSpan {
  readonly start: number
  readonly end: number
  readonly type: BevarEvalType
}

export interface Taelling {
  i_alt: number
  fanget: number
}

export interface Dokumentresultat {
  readonly perType: Record<string, Taelling>
  readonly bevar: Record<string, Taelling>
  readonly missede: readonly (GuldSpan & { tekst: string })[]
  readonly roerte: readonly (BevarSpan & { tekst: string })[]
}

const TEGN = /[\p{L}\p{N}]/u

export function evaluerDokument(tekst: string, guld: readonly GuldSpan[], bevar: readonly BevarSpan[], spans: readonly Pick<Span, 'start' | 'end'>[]): Dokumentresultat {
  const dækket = new Uint8Array(tekst.length + 1)
  for (const s of spans) dækket.fill(1, Math.max(0, s.start), Math.min(tekst.length, s.end))
  const perType: Record<string, Taelling> = {}
  const missede: (GuldSpan & { tekst: string })[] = []
  for (const g of guld) {
    const t = (perType[g.type] ??= { i_alt: 0, fanget: 0 })
    t.i_alt++
    let ok = true
    for (let i = g.start; i < g.end; i++) {
      if (!dækket[i] && TEGN.test(tekst[i]!)) {
        ok = false
        break
      }
    }
    if (ok) t.fanget++
    else missede.push({ ...g, tekst: tekst.slice(g.start, g.end) })
  }
  const bevarTal: Record<string, Taelling> = {}
  const roerte: (BevarSpan & { tekst: string })[] = []
  for (const b of bevar) {
    const t = (bevarTal[b.type] ??= { i_alt: 0, fanget: 0 })
    t.i_alt++
    const urørt = !spans.some((s) => s.start < b.end && b.start < s.end)
    if (urørt) t.fanget++
    else roerte.push({ ...b, tekst: tekst.slice(b.start, b.end) })
  }
  return { perType, bevar: bevarTal, missede, roerte }
}

export interface Samlet {
  /** Caught gold spans / all gold spans. */
  readonly recall: number
  readonly recallPerType: Record<string, number>
  readonly antalPerType: Record<string, number>
  /** Untouched keep spans / all keep spans. */
  readonly bevarPraecision: number
  readonly bevarPerType: Record<string, number>
  readonly guldIAlt: number
  readonly bevarIAlt: number
}

export function samlEvaluering(resultater: readonly Dokumentresultat[]): Samlet {
  const perType: Record<string, Taelling> = {}
  const bevar: Record<string, Taelling> = {}
  const læg = (mål: Record<string, Taelling>, kilde: Record<string, Taelling>) => {
    for (const [k, v] of Object.entries(kilde)) {
      const t = (mål[k] ??= { i_alt: 0, fanget: 0 })
      t.i_alt += v.i_alt
      t.fanget += v.fanget
    }
  }
  for (const r of resultater) {
    læg(perType, r.perType)
    læg(bevar, r.bevar)
  }
  const sum = (m: Record<string, Taelling>) => Object.values(m).reduce((a, t) => ({ i_alt: a.i_alt + t.i_alt, fanget: a.fanget + t.fanget }), { i_alt: 0, fanget: 0 })
  const andel = (t: Taelling) => (t.i_alt === 0 ? 1 : t.fanget / t.i_alt)
  const alle = sum(perType)
  const alleBevar = sum(bevar)
  return {
    recall: andel(alle),
    recallPerType: Object.fromEntries(Object.entries(perType).map(([k, t]) => [k, andel(t)])),
    antalPerType: Object.fromEntries(Object.entries(perType).map(([k, t]) => [k, t.i_alt])),
    bevarPraecision: andel(alleBevar),
    bevarPerType: Object.fromEntries(Object.entries(bevar).map(([k, t]) => [k, andel(t)])),
    guldIAlt: alle.i_alt,
    bevarIAlt: alleBevar.i_alt,
  }
}
