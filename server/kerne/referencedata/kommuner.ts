import { readCsv } from './csv.js'

export interface Kommune {
  kommunekode: number
  navn: string
  /** PostNord's addressing name, e.g. "Københavns Kommune". */
  officieltNavn: string
  regionskode: number
  regionsnavn: string
}

export async function readKommuner(dir: string): Promise<Kommune[]> {
  const rows = await readCsv(dir, 'kommuner.csv')
  return rows.map((r) => ({
    kommunekode: Number(r.kommunekode),
    navn: r.kommunenavn ?? '',
    officieltNavn: r.kommunenavn_postnord ?? '',
    regionskode: Number(r.regionskode),
    regionsnavn: r.regionsnavn ?? '',
  }))
}
