// The agenda (dagsorden) of a board meeting as a PDF: the board's letterhead, when and
// where the meeting is, and every item with its number, sagsnummer, address, case areas,
// parties and the secretariat's recommendation (indstilling). The caller prepares the
// view-model (dates in Danish, labels); this module only shapes the recommendation's text
// into paragraphs, so templates/documents/dagsorden.hbs computes nothing.
import type { DocumentSpec, Letterhead } from './blocks.js'
import { textParagraphs } from './kvittering.js'
import { renderBlocks, type RenderBlocksOptions } from './template.js'

export interface DagsordenViewModel {
  letterhead: Letterhead
  naevnNavn: string
  /** "tirsdag den 8. december 2026" */
  dato: string
  /** "13.00" */
  tid: string
  sted: string
  /** E.g. "Aflyst" or "Afholdt"; null for a planned meeting. */
  status: string | null
  punkter: {
    nr: number
    sagsnummer: string
    adresse: string
    sagsomraader: string
    parter: { rolle: string; navn: string }[]
    /** The caseworker's assessment; empty when none is written. */
    indstilling: string
    besigtigelse: string | null
  }[]
}

/** What templates/documents/dagsorden.hbs reads. */
export interface DagsordenTemplateModel extends Omit<DagsordenViewModel, 'letterhead' | 'punkter'> {
  punkter: (Omit<DagsordenViewModel['punkter'][number], 'indstilling'> & { indstillingAfsnit: string[] })[]
}

export const DAGSORDEN_TITEL = 'Dagsorden'

export function dagsordenDocument(vm: DagsordenViewModel, options: { creationDate?: Date; templates?: RenderBlocksOptions } = {}): DocumentSpec {
  const { letterhead, punkter, ...rest } = vm
  const model: DagsordenTemplateModel = {
    ...rest,
    punkter: punkter.map(({ indstilling, ...p }) => ({ ...p, indstillingAfsnit: textParagraphs(indstilling) })),
  }
  return {
    title: `${DAGSORDEN_TITEL} ${vm.dato}`,
    subject: `${DAGSORDEN_TITEL} for møde i ${vm.naevnNavn} ${vm.dato}`,
    letterhead,
    blocks: renderBlocks('dagsorden', model, options.templates),
    ...(options.creationDate ? { creationDate: options.creationDate } : {}),
  }
}
