// Postal codes and the municipalities they cover, from the reference data
// (postnumre.csv and postnummer_kommune.csv, PostNord Oct 2020; see data/README.md).
// A case goes to the board of the municipality where the tenancy lies, and a postal code
// can span several municipalities (238 do): then the filer must choose one.
import { readCsv } from './csv.js'
import { cachedPerDir } from './cache.js'

export interface PostnummerKommune {
  readonly kommunekode: number
  readonly navn: string
}

export interface Postnummer {
  readonly postnr: string
  readonly navn: string
  /**
   * The municipalities the code covers, by name. Several: the filer picks one. Empty
   * only for the four DAWA-only codes (1212, 1431, 1461, 1465) that the PostNord
   * relation does not cover: the caller must then let the filer pick any municipality.
   */
  readonly kommuner: readonly PostnummerKommune[]
}

export interface PostnummerIndex {
  /** The postal code, or undefined when it is not exactly four digits or not known. */
  lookup(postnr: string): Postnummer | undefined
  readonly size: number
}

const postnrPattern = /^\d{4}$/

/** Read once per process and directory (see cachedPerDir). */
export const loadPostnumre: (dir: string) => Promise<PostnummerIndex> = cachedPerDir(buildIndex)

async function buildIndex(dir: string): Promise<PostnummerIndex> {
  const [postnumre, relation] = await Promise.all([readCsv(dir, 'postnumre.csv'), readCsv(dir, 'postnummer_kommune.csv')])

  const kommunerByPostnr = new Map<string, PostnummerKommune[]>()
  for (const r of relation) {
    // 411 Christiansø/Ertholmene is paired with 3760 Gudhjem but is not a municipality
    // and has no board (data/README.md).
    if (r.er_kommune !== 'true') continue
    const postnr = r.postnr ?? ''
    const list = kommunerByPostnr.get(postnr) ?? []
    list.push(Object.freeze({ kommunekode: Number(r.kommunekode), navn: r.kommunenavn ?? '' }))
    kommunerByPostnr.set(postnr, list)
  }

  const byPostnr = new Map<string, Postnummer>()
  for (const r of postnumre) {
    const postnr = r.postnr ?? ''
    if (!postnrPattern.test(postnr)) continue
    const kommuner = (kommunerByPostnr.get(postnr) ?? []).sort((a, b) => a.navn.localeCompare(b.navn, 'da'))
    byPostnr.set(postnr, Object.freeze({ postnr, navn: r.navn ?? '', kommuner: Object.freeze(kommuner) }))
  }

  return Object.freeze({
    lookup(postnr: string): Postnummer | undefined {
      if (typeof postnr !== 'string') return undefined
      const key = postnr.trim()
      return postnrPattern.test(key) ? byPostnr.get(key) : undefined
    },
    size: byPostnr.size,
  })
}
