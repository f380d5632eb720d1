// The block structure every document is made of. A template renders to these blocks
// (template.ts); the same blocks lay out as PDF (pdf.ts) and as the HTML preview
// (html.ts), so what a user sees on screen is what the letter says.

export type HeadingLevel = 1 | 2 | 3

export interface HeadingBlock {
  type: 'heading'
  level: HeadingLevel
  text: string
}

export interface ParagraphBlock {
  type: 'paragraph'
  text: string
}

export interface ListBlock {
  type: 'list'
  ordered: boolean
  items: string[]
}

export interface KeyValueRow {
  label: string
  value: string
}

/** The framed box of case data (sagsnummer, modtaget, …). */
export interface KeyValueBlock {
  type: 'keyValue'
  rows: KeyValueRow[]
}

export interface TableBlock {
  type: 'table'
  columns: string[]
  /** Every row has exactly one cell per column. */
  rows: string[][]
}

export interface PageBreakBlock {
  type: 'pageBreak'
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | KeyValueBlock | TableBlock | PageBreakBlock

export interface Letterhead {
  naevnNavn: string
  adresseLinjer: string[]
  kontaktLinjer: string[]
  logo?: { data: Buffer; mime: 'image/png' | 'image/jpeg' }
}

export interface DocumentSpec {
  /** PDF title (shown by viewers instead of the file name) and the footer text. */
  title: string
  letterhead: Letterhead
  blocks: Block[]
  /** Fixes the PDF's creation date; with it, the same spec always gives the same bytes. */
  creationDate?: Date
  subject?: string
}
