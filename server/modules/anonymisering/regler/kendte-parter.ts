// The parties the case knows: their full names and every part of them (first name alone,
// surname alone, genitive "Hansens", initials "H.H."/"HH", "J. Hansen", double surnames
// "Hansen-Berg"/"Hansen Berg", "von"/"de" particles), with æ/ae, ø/oe, å/aa written either
// way. Full names match in any case; a single name only when it is capitalised, so the
// tenant "Bo" does not mask "bo i lejligheden".
import type { KendtPart, Politik, Rolle, SagsViden } from '../typer.js'
import { erVirksomhedsnavn } from './bevar.js'
import { fold, P, variantMoenster, type Kandidat, type Entitet } from './faelles.js'

const L = '\\p{L}'
const PARTIKLER = new Set(['von', 'van', 'de', 'der', 'den', 'af', 'la', 'le', 'du', 'da', 'di', 'zu', 'ten', 'ter', 'del'])
const SELSKABSFORM_RE = /\s+(?:A\/S|ApS|I\/S|K\/S|P\/S|IVS|A\.m\.b\.a\.|AMBA|SMBA)$/i

type Slags = 'fuld' | 'del' | 'initialer' | 'virksomhed'
interface Variant {
  partIndex: number
  slags: Slags
  genitiv: boolean
  enkelt: boolean
}

export interface Partsmatcher {
  readonly re: RegExp | null
  readonly initialRe: RegExp | null
  readonly varianter: ReadonlyMap<string, Variant>
  /** Folded single name → the party it belongs to (first party when several share it). */
  readonly navneord: ReadonlyMap<string, number>
  readonly entiteter: readonly Entitet[]
}

function genitiver(v: string): string[] {
  return /[sxz]$/i.test(v) ? [`${v}'`, `${v}'s`] : [`${v}s`, `${v}'s`]
}

function personVarianter(navn: string): { tekst: string; slags: Slags; enkelt: boolean }[] {
  const ud: { tekst: string; slags: Slags; enkelt: boolean }[] = []
  const tokens = navn.trim().split(/\s+/).filter(Boolean)
  const kerne = tokens.filter((t) => !PARTIKLER.has(t.toLowerCase()))
  if (kerne.length === 0) return ud
  ud.push({ tekst: tokens.join(' '), slags: 'fuld', enkelt: tokens.length === 1 })
  // The surname with its particles: "von Holstein".
  let s = tokens.length - 1
  while (s > 0 && PARTIKLER.has(tokens[s - 1]!.toLowerCase())) s--
  const efternavn = tokens.slice(s).join(' ')
  const fornavn = kerne[0]!
  if (kerne.length >= 2) {
    ud.push({ tekst: `${fornavn} ${efternavn}`, slags: 'fuld', enkelt: false })
    ud.push({ tekst: `${efternavn}, ${tokens.slice(0, s).join(' ')}`, slags: 'fuld', enkelt: false })
    if (s < tokens.length - 1) ud.push({ tekst: efternavn, slags: 'del', enkelt: false })
    // Given names as initials before the surname: "J. Hansen", "J.P. Hansen".
    const givne = kerne.slice(0, -1).map((t) => t[0]!.toUpperCase())
    ud.push({ tekst: `${givne[0]}. ${efternavn}`, slags: 'fuld', enkelt: false })
    if (givne.length > 1) {
      ud.push({ tekst: `${givne.join('.')}. ${efternavn}`, slags: 'fuld', enkelt: false })
      ud.push({ tekst: `${givne.join('. ')}. ${efternavn}`, slags: 'fuld', enkelt: false })
    }
  }
  for (const t of kerne) {
    const dele = t.split(/[-‐–]/).filter((d) => d.length >= 2)
    if (t.length >= 2) ud.push({ tekst: t, slags: 'del', enkelt: true })
    if (dele.length > 1) for (const d of dele) ud.push({ tekst: d, slags: 'del', enkelt: true })
  }
  return ud
}

function initialVarianter(navn: string): string[] {
  const kerne = navn
    .trim()
    .split(/\s+/)
    .filter((t) => t && !PARTIKLER.has(t.toLowerCase()))
  if (kerne.length < 2) return []
  const alle = kerne.map((t) => t[0]!.toUpperCase())
  const lister = [alle]
  if (alle.length > 2) lister.push([alle[0]!, alle[alle.length - 1]!])
  const ud: string[] = []
  for (const b of lister) ud.push(`${b.join('.')}.`, `${b.join('. ')}.`, b.join(''))
  return ud
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

const cache = new Map<string, Partsmatcher>()

export function partsmatcher(viden: SagsViden, politik: Politik): Partsmatcher {
  const key = `${politik.bevarVirksomhedsnavne}\u0001${viden.parties.map((p) => `${p.role}\u0000${p.name}`).join('\u0001')}`
  let m = cache.get(key)
  if (!m) {
    m = bygMatcher(viden.parties, politik)
    if (cache.size > 500) cache.clear()
    cache.set(key, m)
  }
  return m
}

function bygMatcher(parter: readonly KendtPart[], politik: Politik): Partsmatcher {
  const varianter = new Map<string, Variant>()
  const navneord = new Map<string, number>()
  const kilder = new Set<string>()
  const initialKilder = new Set<string>()
  const entiteter: Entitet[] = parter.map((p, i) => ({ noegle: `part:${i}`, rolle: p.role as Rolle, partIndex: i }))

  const tilfoej = (tekst: string, v: Omit<Variant, 'genitiv'>) => {
    for (const [t, genitiv] of [[tekst, false] as const, ...genitiver(tekst).map((g) => [g, true] as const)]) {
      for (const k of new Set([fold(t), fold(t).replace(/-/g, ' ')])) {
        const findes = varianter.get(k)
        // A full name beats a part; the first party keeps a name that two share.
        if (!findes || (findes.slags !== 'fuld' && v.slags === 'fuld')) varianter.set(k, { ...v, genitiv })
      }
      kilder.add(t)
    }
  }

  parter.forEach((part, i) => {
    const navn = part.name?.trim()
    if (!navn) return
    if (erVirksomhedsnavn(navn)) {
      if (politik.bevarVirksomhedsnavne) return
      tilfoej(navn, { partIndex: i, slags: 'virksomhed', enkelt: false })
      const kort = navn.replace(SELSKABSFORM_RE, '')
      if (kort !== navn && kort.includes(' ')) tilfoej(kort, { partIndex: i, slags: 'virksomhed', enkelt: false })
      return
    }
    for (const v of personVarianter(navn)) {
      tilfoej(v.tekst, { partIndex: i, slags: v.slags, enkelt: v.enkelt })
      if (v.enkelt && !navneord.has(fold(v.tekst))) navneord.set(fold(v.tekst), i)
    }
    for (const ini of initialVarianter(navn)) {
      for (const t of [ini, `${ini}'s`]) {
        if (!varianter.has(`ini:${t}`)) varianter.set(`ini:${t}`, { partIndex: i, slags: 'initialer', genitiv: t !== ini, enkelt: false })
        initialKilder.add(t)
      }
    }
  })

  const sorter = (s: Set<string>) => [...s].sort((a, b) => b.length - a.length)
  const re = kilder.size ? new RegExp(`(?<![${L}\\p{N}])(?:${sorter(kilder).map(variantMoenster).join('|')})(?![${L}\\p{N}])`, 'giu') : null
  const initialRe = initialKilder.size ? new RegExp(`(?<![${L}\\p{N}.])(?:${sorter(initialKilder).map(escape).join('|')})(?![${L}\\p{N}])`, 'gu') : null
  return { re, initialRe, varianter, navneord, entiteter }
}

const PRIORITET: Record<Slags, number> = { fuld: P.kendtNavn, virksomhed: P.kendtNavn, del: P.kendtDel, initialer: P.kendtInitialer }
const SIKKERHED: Record<Slags, number> = { fuld: 0.97, virksomhed: 0.95, del: 0.85, initialer: 0.75 }

export function findKendteParter(tekst: string, matcher: Partsmatcher): Kandidat[] {
  const ud: Kandidat[] = []
  if (matcher.re) {
    matcher.re.lastIndex = 0
    for (const m of tekst.matchAll(matcher.re)) {
      const v = matcher.varianter.get(fold(m[0]))
      if (!v) continue
      // A single name counts only when capitalised ("Bo", not "bo").
      if (v.enkelt && !/^\p{Lu}/u.test(m[0])) continue
      ud.push({
        start: m.index,
        end: m.index + m[0].length,
        type: v.slags === 'virksomhed' ? 'virksomhed' : 'person',
        regel: `kendt-${v.slags === 'fuld' ? 'navn' : v.slags === 'del' ? 'navnedel' : 'virksomhed'}`,
        sikkerhed: SIKKERHED[v.slags],
        prioritet: PRIORITET[v.slags],
        entitet: matcher.entiteter[v.partIndex],
        genitiv: v.genitiv,
      })
    }
  }
  if (matcher.initialRe) {
    matcher.initialRe.lastIndex = 0
    for (const m of tekst.matchAll(matcher.initialRe)) {
      const v = matcher.varianter.get(`ini:${m[0]}`)
      if (!v) continue
      ud.push({
        start: m.index,
        end: m.index + m[0].length,
        type: 'person',
        regel: 'kendt-initialer',
        sikkerhed: SIKKERHED.initialer,
        prioritet: PRIORITET.initialer,
        entitet: matcher.entiteter[v.partIndex],
        genitiv: v.genitiv,
      })
    }
  }
  return ud
}
