// The notice of an inspection (besigtigelse) of the tenancy, sent to each party as a
// letter: when and where the board comes, and for which meeting. The caller prepares
// the view-model (dates in Danish); templates/documents/besigtigelse.hbs computes nothing.
import type { DocumentSpec, Letterhead } from './blocks.js'
import { renderBlocks, type RenderBlocksOptions } from './template.js'

export interface BesigtigelseViewModel {
  letterhead: Letterhead
  naevnNavn: string
  /** The letter's date, "3. december 2026". */
  dato: string
  sagsnummer: string
  lejemaal: string
  /** "tirsdag den 8. december 2026 kl. 10.00" */
  tidspunkt: string
  sted: string
  /** The meeting the case is on, "tirsdag den 8. december 2026". */
  moededato: string
  modtagere: string[]
  kontakt: string
}

export const BESIGTIGELSE_TITEL = 'Besigtigelse af lejemålet'

export function besigtigelseDocument(vm: BesigtigelseViewModel, options: { creationDate?: Date; templates?: RenderBlocksOptions } = {}): DocumentSpec {
  const { letterhead, ...model } = vm
  return {
    title: BESIGTIGELSE_TITEL,
    subject: `${BESIGTIGELSE_TITEL}, sag ${vm.sagsnummer}`,
    letterhead,
    blocks: renderBlocks('besigtigelse', model, options.templates),
    ...(options.creationDate ? { creationDate: options.creationDate } : {}),
  }
}
