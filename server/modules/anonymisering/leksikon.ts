// The anonymizer's lexicon, from the reference data (see data/README.md): the 500 most
// common Danish first names for men and women and surnames (Danmarks Statistik, January
// 2023), real street names, postal codes with their towns, and the municipalities. This is
// the only file of the anonymizer that reads files: anonymiser() itself is pure.
import { readCsv } from '../../kerne/referencedata/csv.js'
import { cachedPerDir } from '../../kerne/referencedata/cache.js'
import { fold } from './regler/faelles.js'

export interface Leksikon {
  /** Folded (see fold) first names. */
  readonly fornavne: ReadonlySet<string>
  /** Folded surnames. */
  readonly efternavne: ReadonlySet<string>
  /** Lower-cased first word → the lower-cased street names that start with it, longest first. */
  readonly vejnavne: ReadonlyMap<string, readonly string[]>
  /** Postal code → its name, e.g. '2200' → 'København N'. */
  readonly postnumre: ReadonlyMap<string, string>
  /** Folded names of towns and municipalities, and their first words ('odense', 'odense c'). */
  readonly bynavne: ReadonlySet<string>
}

export interface LeksikonKilder {
  readonly fornavne: readonly string[]
  readonly efternavne: readonly string[]
  readonly vejnavne: readonly string[]
  readonly postnumre: readonly { readonly postnr: string; readonly navn: string }[]
  readonly kommuner?: readonly string[]
}

const GROENLAND: readonly (readonly [string, string])[] = [
  ['3900', 'Nuuk'], ['3905', 'Nuussuaq'], ['3910', 'Kangerlussuaq'], ['3911', 'Sisimiut'], ['3912', 'Maniitsoq'], ['3913', 'Tasiilaq'],
  ['3915', 'Kulusuk'], ['3919', 'Alluitsup Paa'], ['3920', 'Qaqortoq'], ['3921', 'Narsaq'], ['3922', 'Nanortalik'], ['3923', 'Narsarsuaq'],
  ['3924', 'Ikerasassuaq'], ['3930', 'Kangilinnguit'], ['3932', 'Arsuk'], ['3940', 'Paamiut'], ['3950', 'Aasiaat'], ['3951', 'Qasigiannguit'],
  ['3952', 'Ilulissat'], ['3953', 'Qeqertarsuaq'], ['3955', 'Kangaatsiaq'], ['3961', 'Uummannaq'], ['3962', 'Upernavik'], ['3964', 'Qaarsut'],
  ['3970', 'Pituffik'], ['3971', 'Qaanaaq'], ['3980', 'Ittoqqortoormiit'], ['3985', 'Constable Pynt'],
]

/** Builds the lexicon from lists (tests build small ones; indlaesLeksikon reads the CSVs). */
export function lavLeksikon(kilder: LeksikonKilder): Leksikon {
  const vejnavne = new Map<string, string[]>()
  for (const navn of kilder.vejnavne) {
    const lower = navn.trim().toLowerCase()
    if (lower.length < 3) continue
    const first = lower.split(/\s+/)[0]!
    const list = vejnavne.get(first) ?? []
    list.push(lower)
    vejnavne.set(first, list)
  }
  for (const list of vejnavne.values()) list.sort((a, b) => b.length - a.length)

  const postnumre = new Map<string, string>()
  const bynavne = new Set<string>()
  const addBy = (navn: string) => {
    const f = fold(navn)
    if (!f) return
    bynavne.add(f)
    bynavne.add(f.split(' ')[0]!)
  }
  for (const { postnr, navn } of kilder.postnumre) {
    if (!/^\d{4}$/.test(postnr)) continue
    postnumre.set(postnr, navn)
    addBy(navn)
  }
  for (const k of kilder.kommuner ?? []) addBy(k)
  // Greenland's postal codes (Tusass), which the Danish list does not hold.
  for (const [postnr, navn] of GROENLAND) {
    if (postnumre.has(postnr)) continue
    postnumre.set(postnr, navn)
    addBy(navn)
  }
  // Greenland's municipalities and districts, which the Danish list does not hold either.
  for (const navn of ['Sermersooq', 'Qeqqata', 'Avannaata', 'Kujalleq', 'Qeqertalik', 'Tunu', 'Kitaa', 'Avanersuaq', 'Grønland', 'Kalaallit Nunaat']) addBy(navn)

  return Object.freeze({
    fornavne: new Set(kilder.fornavne.map(fold).filter(Boolean)),
    efternavne: new Set(kilder.efternavne.map(fold).filter(Boolean)),
    vejnavne,
    postnumre,
    bynavne,
  })
}

/**
 * Reads the lexicon from the reference-data directory (config.referenceDataDir), once per
 * process and directory (see cachedPerDir).
 */
export const indlaesLeksikon: (dir: string) => Promise<Leksikon> = cachedPerDir(async (dir) => {
  const [maend, kvinder, efternavne, vejnavne, postnumre, kommuner] = await Promise.all([
    readCsv(dir, 'fornavne_maend.csv'),
    readCsv(dir, 'fornavne_kvinder.csv'),
    readCsv(dir, 'efternavne.csv'),
    readCsv(dir, 'vejnavne.csv'),
    readCsv(dir, 'postnumre.csv'),
    readCsv(dir, 'kommuner.csv'),
  ])
  return lavLeksikon({
    fornavne: [...maend, ...kvinder].map((r) => r.navn ?? ''),
    efternavne: efternavne.map((r) => r.navn ?? ''),
    vejnavne: vejnavne.map((r) => r.vejnavn ?? ''),
    postnumre: postnumre.map((r) => ({ postnr: r.postnr ?? '', navn: r.navn ?? '' })),
    kommuner: kommuner.map((r) => r.kommunenavn ?? ''),
  })
})
