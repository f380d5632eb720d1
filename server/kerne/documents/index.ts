// Documents: Handlebars template → blocks → PDF (archived) or HTML (preview).
export type {
  Block,
  DocumentSpec,
  HeadingBlock,
  HeadingLevel,
  KeyValueBlock,
  KeyValueRow,
  Letterhead,
  ListBlock,
  PageBreakBlock,
  ParagraphBlock,
  TableBlock,
} from './blocks.js'
export { DocumentTemplateError, documentTemplatesDir, renderBlocks, type RenderBlocksOptions } from './template.js'
export { renderPdf } from './pdf.js'
export { escapeHtml, renderHtml } from './html.js'
export { KVITTERING_TITEL, kvitteringDocument, textParagraphs, type KvitteringTemplateModel, type KvitteringViewModel } from './kvittering.js'
export * from './afgoerelse.js'
export { tekstTilAfsnit, validerTekst, type Afsnit } from './tekst.js'
