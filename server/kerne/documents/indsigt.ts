// The index of an access-request export (templates/documents/indsigt.hbs): every file in
// the ZIP and every data item, case by case. The caller (server/modules/gdpr/indsigt.ts) hands
// over the collected data; here it becomes the template's view-model, in Danish.
import type { DocumentSpec, Letterhead } from './blocks.js'
import { renderBlocks, type RenderBlocksOptions } from './template.js'

export const INDSIGT_TITEL = 'Indsigt i personoplysninger'

export interface IndsigtPunkt {
  label: string
  tekst: string
}

export interface IndsigtTemplateModel {
  naevnNavn: string
  udarbejdet: string
  udarbejdetAf: string
  soegning: string
  antalSager: number
  antalFiler: number
  filer: { sti: string; beskrivelse: string; stoerrelse: string }[]
  brugerkonti: string[]
  sager: { sagsnummer: string; status: string; indbragt: string; adresse: string; punkter: IndsigtPunkt[] }[]
}

export function indsigtDocument(
  vm: IndsigtTemplateModel,
  options: { letterhead: Letterhead; creationDate?: Date; templates?: RenderBlocksOptions },
): DocumentSpec {
  return {
    title: INDSIGT_TITEL,
    subject: `${INDSIGT_TITEL}, ${vm.naevnNavn}`,
    letterhead: options.letterhead,
    blocks: renderBlocks('indsigt', vm, options.templates),
    ...(options.creationDate ? { creationDate: options.creationDate } : {}),
  }
}

const kb = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 })

export function filstoerrelse(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${kb.format(bytes / 1024)} kB`
  return `${kb.format(bytes / 1024 / 1024)} MB`
}
