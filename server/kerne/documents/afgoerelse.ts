// The board's decision (afgørelse) as a document: the PDF sent to the parties and
// archived, and the same blocks as HTML for the preview while it is drafted. The caller
// prepares the view-model (dates in Danish, the case data of the box as label and
// value); this module only shapes the caseworker's texts into paragraphs and lists and
// picks the klagevejledning that fits the board, so the template computes nothing.
//
// Sections, as in the decisions the boards send today (DOMAIN.md, "A decision"): a box
// with dates, numbers, board, tenancy and parties; AFGØRELSE; SAGSFREMSTILLING;
// LOVGRUNDLAG OG BEGRUNDELSE; KLAGEVEJLEDNING; and last the box of case data.
import { juliUdenforKlagefrist, KLAGEFRIST_UGER } from '../sag/frister.js'
import type { NaevnType } from '../naevn/naevn.js'
import type { DocumentSpec, Letterhead } from './blocks.js'
import { renderHtml } from './html.js'
import { tekstTilAfsnit } from './tekst.js'
import { renderBlocks, type RenderBlocksOptions } from './template.js'


export interface AfgoerelseViewModel {
  naevn: { navn: string; adresseLinjer: string[]; kontaktLinjer: string[] }
  /** Defaults to 'Afgørelse'. */
  titel?: string
  /** The date of the letter, in Danish ("7. december 2026"). */
  dato: string
  indbringelsesnummer: string
  /** `<kommunekode>-<indbringelsesnummer>`, e.g. "101-10005". */
  sagsnummer: string
  afgoerelsesdato: string
  lejemaalAdresse: string
  parter: { rolle: string; navn: string }[]
  /** The reusable case data, in the order given; only the rows the caller passes. */
  boks: { label: string; vaerdi: string }[]
  /** The caseworker's plain texts (tekst.ts says how they become paragraphs and lists). */
  afgoerelse: string
  sagsfremstilling: string
  begrundelse: string
  /** E.g. { label: 'Lejelovens § 19, stk. 3', overskrift: 'Forhåndsgodkendelse af leje' }. */
  lovgrundlag: { label: string; overskrift: string }[]
  klagevejledning: {
    /** When the decision was notified to the parties, in Danish; null while not yet sent. */
    meddelt: string | null
    /** The last day to bring the decision before the court (klageFristSidsteDag, in Danish), or null. */
    sidsteDag: string | null
    naevnType: NaevnType
  }
  udkast: boolean
  version: number
}

type TemplateAfsnit = { tekst: string | null; punkter: string[] | null; nummereret: string[] | null }

/** What templates/documents/afgoerelse.hbs reads. */
export interface AfgoerelseTemplateModel {
  titel: string
  udkast: boolean
  version: number
  /** Shown in the box for a final decision that corrects an earlier one. */
  versionTekst: string | null
  naevn: AfgoerelseViewModel['naevn']
  dato: string
  indbringelsesnummer: string
  sagsnummer: string
  afgoerelsesdato: string
  lejemaalAdresse: string
  parter: AfgoerelseViewModel['parter']
  afgoerelseAfsnit: TemplateAfsnit[]
  sagsfremstillingAfsnit: TemplateAfsnit[]
  begrundelseAfsnit: TemplateAfsnit[]
  /** "label – overskrift" per provision. */
  lovgrundlag: string[]
  klagevejledning: {
    /** KLAGEFRIST_UGER, so the letter and the computed last day cannot disagree. */
    uger: number
    naevnetsAfgoerelse: string
    lovhenvisning: string
    juliUdenfor: boolean
    meddelt: string | null
    sidsteDag: string | null
  }
  boks: AfgoerelseViewModel['boks']
}

export const AFGOERELSE_TITEL = 'Afgørelse'
export const UDKAST_PRAEFIKS = 'UDKAST – '

/** A decision can be brought before the boligret within 4 weeks of being notified. */
interface Klageregler {
  naevnetsAfgoerelse: string
  /** The provision the deadline stands on, as the letter cites it. */
  lovhenvisning: string
}

export const KLAGEREGLER: Readonly<Record<NaevnType, Klageregler>> = {
  // The deadline is in lov om boligforhold (LOV nr. 342 af 22/03/2022); its paragraph is
  // not in our law data (data/), so the letter names the law without a § until
  // someone has checked it against retsinformation.dk.
  huslejenaevn: { naevnetsAfgoerelse: 'Huslejenævnets afgørelse', lovhenvisning: 'lov om boligforhold' },
  // almenlejeloven § 106, stk. 1: 4 weeks after the parties were notified, "ved
  // beregningen af fristen ses der bort fra juli måned"; late filing allowed within 1
  // year of the decision.
  beboerklagenaevn: { naevnetsAfgoerelse: 'Beboerklagenævnets afgørelse', lovhenvisning: 'almenlejeloven § 106, stk. 1' },
}

export function afgoerelseTitel(vm: Pick<AfgoerelseViewModel, 'titel' | 'udkast'>): string {
  const titel = vm.titel ?? AFGOERELSE_TITEL
  return vm.udkast ? `${UDKAST_PRAEFIKS}${titel}` : titel
}

export function afgoerelseDocument(
  vm: AfgoerelseViewModel,
  options: { creationDate?: Date; logo?: Letterhead['logo']; templates?: RenderBlocksOptions } = {},
): DocumentSpec {
  const titel = afgoerelseTitel(vm)
  const regler = KLAGEREGLER[vm.klagevejledning.naevnType]
  const model: AfgoerelseTemplateModel = {
    titel,
    udkast: vm.udkast,
    version: vm.version,
    versionTekst: !vm.udkast && vm.version > 1 ? `${vm.version} (erstatter tidligere version)` : null,
    naevn: vm.naevn,
    dato: vm.dato,
    indbringelsesnummer: vm.indbringelsesnummer,
    sagsnummer: vm.sagsnummer,
    afgoerelsesdato: vm.afgoerelsesdato,
    lejemaalAdresse: vm.lejemaalAdresse,
    parter: vm.parter,
    afgoerelseAfsnit: templateAfsnit(vm.afgoerelse),
    sagsfremstillingAfsnit: templateAfsnit(vm.sagsfremstilling),
    begrundelseAfsnit: templateAfsnit(vm.begrundelse),
    lovgrundlag: vm.lovgrundlag.map(({ label, overskrift }) => (overskrift.trim() === '' ? label : `${label} – ${overskrift}`)),
    klagevejledning: {
      uger: KLAGEFRIST_UGER,
      ...regler,
      juliUdenfor: juliUdenforKlagefrist(vm.klagevejledning.naevnType),
      meddelt: vm.klagevejledning.meddelt,
      sidsteDag: vm.klagevejledning.sidsteDag,
    },
    boks: vm.boks,
  }
  return {
    title: titel,
    subject: `${titel}, sag ${vm.sagsnummer}${vm.version > 1 ? `, version ${vm.version}` : ''}`,
    letterhead: {
      naevnNavn: vm.naevn.navn,
      adresseLinjer: vm.naevn.adresseLinjer,
      kontaktLinjer: vm.naevn.kontaktLinjer,
      ...(options.logo ? { logo: options.logo } : {}),
    },
    blocks: renderBlocks('afgoerelse', model, options.templates),
    ...(options.creationDate ? { creationDate: options.creationDate } : {}),
  }
}

/** The on-screen preview: the same blocks as the PDF, as escaped HTML without inline styles. */
export function afgoerelsePreviewHtml(vm: AfgoerelseViewModel): string {
  return renderHtml(afgoerelseDocument(vm).blocks)
}

function templateAfsnit(text: string): TemplateAfsnit[] {
  return tekstTilAfsnit(text).map((afsnit) => ({
    tekst: afsnit.type === 'afsnit' ? afsnit.tekst : null,
    punkter: afsnit.type === 'punkter' ? afsnit.punkter : null,
    nummereret: afsnit.type === 'nummereret' ? afsnit.punkter : null,
  }))
}
