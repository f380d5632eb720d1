// The public copy of a decision: the approved anonymized text with the metadata that
// identifies no one, as a PDF on the board's letterhead (the register's download) and as
// sections for the register's HTML page. The anonymized text carries the decision's own
// section headings (AFGØRELSE, SAGSFREMSTILLING, …) on lines of their own.
import type { DocumentSpec, Letterhead } from './blocks.js'
import { tekstTilAfsnit } from './tekst.js'
import { renderBlocks, type RenderBlocksOptions } from './template.js'

export interface OffentligAfgoerelseViewModel {
  naevn: { navn: string; adresseLinjer: string[]; kontaktLinjer: string[] }
  /** The register's public id and citable address. */
  id: string
  url: string
  afgoerelsesdato: string
  kommune: string
  sagsomraader: string[]
  udfald: string
  medhold: string | null
  lovgrundlag: string[]
  tekst: string
}

export interface Sektion {
  overskrift: string | null
  afsnit: { tekst: string | null; punkter: string[] | null; nummereret: string[] | null }[]
}

/** A line in capitals only (letters, spaces, "OG") is a section heading. */
const OVERSKRIFT = /^[A-ZÆØÅ][A-ZÆØÅ ,–-]{3,60}$/

/** The text split at its heading lines, each part into paragraphs and lists. */
export function sektioner(tekst: string): Sektion[] {
  const ud: { overskrift: string | null; linjer: string[] }[] = [{ overskrift: null, linjer: [] }]
  for (const linje of tekst.split(/\r?\n/)) {
    if (OVERSKRIFT.test(linje.trim())) ud.push({ overskrift: linje.trim(), linjer: [] })
    else ud[ud.length - 1]!.linjer.push(linje)
  }
  return ud
    .map((s) => ({
      overskrift: s.overskrift,
      afsnit: tekstTilAfsnit(s.linjer.join('\n')).map((a) => ({
        tekst: a.type === 'afsnit' ? a.tekst : null,
        punkter: a.type === 'punkter' ? a.punkter : null,
        nummereret: a.type === 'nummereret' ? a.punkter : null,
      })),
    }))
    .filter((s) => s.overskrift !== null || s.afsnit.length > 0)
}

export const OFFENTLIG_TITEL = 'Afgørelse (anonymiseret)'

export function offentligAfgoerelseDocument(vm: OffentligAfgoerelseViewModel, options: { creationDate?: Date; logo?: Letterhead['logo']; templates?: RenderBlocksOptions } = {}): DocumentSpec {
  return {
    title: `${OFFENTLIG_TITEL} ${vm.id}`,
    subject: `${vm.naevn.navn}, ${vm.afgoerelsesdato}: ${vm.sagsomraader.join(', ') || 'afgørelse'}`,
    letterhead: { naevnNavn: vm.naevn.navn, adresseLinjer: vm.naevn.adresseLinjer, kontaktLinjer: vm.naevn.kontaktLinjer, ...(options.logo ? { logo: options.logo } : {}) },
    blocks: renderBlocks('offentlig-afgoerelse', { ...vm, titel: OFFENTLIG_TITEL, sagsomraaderTekst: vm.sagsomraader.join(', ') || 'Ikke angivet', sektioner: sektioner(vm.tekst) }, options.templates),
    ...(options.creationDate ? { creationDate: options.creationDate } : {}),
  }
}
