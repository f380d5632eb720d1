// The receipt (kvittering) a citizen gets after filing a case. The caller prepares the
// view-model (dates in Danish, amounts formatted); this module only shapes text into the
// form the template shows, so the template itself computes nothing.
import type { DocumentSpec, Letterhead } from './blocks.js'
import { renderBlocks, type RenderBlocksOptions } from './template.js'

export interface KvitteringViewModel {
  naevn: { navn: string; adresseLinjer: string[]; kontaktLinjer: string[] }
  indbringelsesnummer: string
  sagsnummer: string
  /** E.g. "21. november 2026 kl. 09.14". */
  modtaget: string
  /** "Lejer" or "Udlejer". */
  indbringerRolle: string
  repraesentant: string | null
  formaal: string
  lejemaal: { adresse: string; type: string }
  sagsomraader: string[]
  /** The filer's own text; each line becomes a paragraph. */
  beskrivelse: string
  parter: { rolle: string; navn: string }[]
  vedhaeftninger: { filnavn: string; stoerrelse: string }[]
  gebyr: { beloeb: string; tekst: string }
}

/** What templates/documents/kvittering.hbs reads. */
export interface KvitteringTemplateModel extends KvitteringViewModel {
  sagsomraaderTekst: string
  beskrivelseAfsnit: string[]
}

export const KVITTERING_TITEL = 'Kvittering for indbringelse'

export function kvitteringDocument(
  vm: KvitteringViewModel,
  options: { creationDate?: Date; logo?: Letterhead['logo']; templates?: RenderBlocksOptions } = {},
): DocumentSpec {
  const model: KvitteringTemplateModel = {
    ...vm,
    sagsomraaderTekst: vm.sagsomraader.length > 0 ? vm.sagsomraader.join(', ') : 'Ikke angivet',
    beskrivelseAfsnit: textParagraphs(vm.beskrivelse),
  }
  return {
    title: KVITTERING_TITEL,
    subject: `${KVITTERING_TITEL}, sag ${vm.sagsnummer}`,
    letterhead: {
      naevnNavn: vm.naevn.navn,
      adresseLinjer: vm.naevn.adresseLinjer,
      kontaktLinjer: vm.naevn.kontaktLinjer,
      ...(options.logo ? { logo: options.logo } : {}),
    },
    blocks: renderBlocks('kvittering', model, options.templates),
    ...(options.creationDate ? { creationDate: options.creationDate } : {}),
  }
}

/** Free text from a form: every non-blank line is a paragraph. */
export function textParagraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}
