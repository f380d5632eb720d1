// Lays out a DocumentSpec as an A4 PDF with PDFKit: letterhead on the first page, the
// blocks, and a footer with the title and "Side X af Y" on every page.
//
// The output is PDF/A-2a: fonts embedded (IBM Plex Sans, the DKFDS typeface), an sRGB
// output intent and XMP metadata (PDFKit's subset option), language da-DK, and tagged:
// every piece of content sits in the structure tree (Document > H1/P/L/Table …) or is
// marked as an artifact (rules, box backgrounds, footers, repeated table headers), so
// screen readers get the text in reading order. PDF/A-2 rather than -1 because it allows
// the transparency of PNG logos.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import type { Block, DocumentSpec, HeadingBlock, KeyValueBlock, Letterhead, ListBlock, TableBlock } from './blocks.js'

type Pdf = PDFKit.PDFDocument
type Struct = PDFKit.PDFStructureElement

// createRequire resolves to node_modules/dkfds/dist/js/dkfds.min.js.
const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dkfds')), '..', 'fonts', 'IBMPlexSans', 'complete', 'ttf')
const FONTS = {
  regular: path.join(fontDir, 'IBMPlexSans-Regular.ttf'),
  bold: path.join(fontDir, 'IBMPlexSans-Bold.ttf'),
  italic: path.join(fontDir, 'IBMPlexSans-Italic.ttf'),
} as const
type FontName = keyof typeof FONTS

// The font files are read once per process, on the first document, and every document
// after that embeds (a subset of) the same bytes.
let fontData: Record<FontName, Buffer> | undefined

export function fonts(): Record<FontName, Buffer> {
  fontData ??= { regular: readFileSync(FONTS.regular), bold: readFileSync(FONTS.bold), italic: readFileSync(FONTS.italic) }
  return fontData
}

const MM = 72 / 25.4
const MARGINS = { top: 16 * MM, bottom: 20 * MM, left: 25 * MM, right: 20 * MM }
const FOOTER_BASELINE_FROM_BOTTOM = 11 * MM

const INK = '#1a1a1a'
const MUTED = '#555555'
const RULE = '#9e9e9e'
const BOX_FILL = '#f2f4f6'
const BOX_LINE = '#c6ccd2'
const HEADER_FILL = '#e4e8ec'

interface TextStyle {
  font: FontName
  size: number
  color: string
  lineGap: number
}

const BODY: TextStyle = { font: 'regular', size: 10, color: INK, lineGap: 2.5 }
const HEADING: Record<HeadingBlock['level'], TextStyle> = {
  1: { font: 'bold', size: 17, color: INK, lineGap: 1.5 },
  2: { font: 'bold', size: 12.5, color: INK, lineGap: 1.5 },
  3: { font: 'bold', size: 11, color: INK, lineGap: 1.5 },
}
const SPACE_BEFORE_HEADING: Record<HeadingBlock['level'], number> = { 1: 8, 2: 11, 3: 9 }
const SPACE_AFTER_HEADING = 6
const BLOCK_GAP = 7
const LIST_ITEM_GAP = 2
const SHORT_LIST_SHARE = 0.3
const BOX_LABEL: TextStyle = { font: 'bold', size: 10, color: INK, lineGap: 1.5 }
const BOX_VALUE: TextStyle = { font: 'regular', size: 10, color: INK, lineGap: 1.5 }
const BOX_PADDING = 8
const BOX_ROW_GAP = 2
const BOX_COLUMN_GAP = 14
const CELL: TextStyle = { font: 'regular', size: 9.5, color: INK, lineGap: 1.5 }
const CELL_HEADER: TextStyle = { font: 'bold', size: 9.5, color: INK, lineGap: 1.5 }
const CELL_PADDING_X = 5
const CELL_PADDING_Y = 3
const BOARD_NAME: TextStyle = { font: 'bold', size: 14, color: INK, lineGap: 1 }
const LETTERHEAD_LINES: TextStyle = { font: 'regular', size: 9, color: MUTED, lineGap: 1.5 }
const FOOTER: TextStyle = { font: 'regular', size: 8.5, color: MUTED, lineGap: 0 }
const LOGO_BOX = { width: 130, height: 48 }

export async function renderPdf(doc: DocumentSpec): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    lang: 'da-DK',
    displayTitle: true,
    // No default font ('' turns it off): left out, PDFKit opens Helvetica, which is not
    // embedded and so not PDF/A. Given as the TTF's path, it opened the same font as the
    // registered 'regular', and PDFKit 0.17's font() then reuses the first without
    // caching the name, so every font('regular') read and parsed the file again (three
    // quarters of the time of a decision). The fonts are registered below instead and
    // 'regular' is selected before anything is measured or drawn.
    font: '',
    info: {
      Title: doc.title,
      Author: doc.letterhead.naevnNavn,
      ...(doc.subject ? { Subject: doc.subject } : {}),
      Creator: 'Nævn',
      // PDFKit writes Creator into the XMP packet as the producer too; PDF/A wants the
      // Info dictionary and the XMP to agree, so Producer says the same.
      Producer: 'Nævn',
      // Without it PDFKit uses the current time; with it the bytes are reproducible.
      ...(doc.creationDate ? { CreationDate: doc.creationDate } : {}),
    },
  })
  escapeXmpInfo(pdf)
  for (const [name, data] of Object.entries(fonts())) pdf.registerFont(name, data)
  pdf.font('regular')

  const bytes = collect(pdf)
  const layout = new Layout(pdf)
  layout.letterhead(doc.letterhead)
  layout.blocks(doc.blocks)
  layout.footers(doc.title)
  layout.end()
  pdf.end()
  return bytes
}

function collect(pdf: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
  })
}

/**
 * PDFKit copies Title, Author and Subject into the XMP packet without XML escaping, so a
 * board name like "Lolland & Falster" would break the metadata and with it PDF/A. The
 * values are escaped for the XMP only; the Info dictionary keeps the plain text.
 */
function escapeXmpInfo(pdf: Pdf) {
  const internals = pdf as unknown as { _addInfo?: () => void; info: Record<string, unknown> }
  const addInfo = internals._addInfo
  if (typeof addInfo !== 'function') throw new Error('PDFKit changed: _addInfo is gone; check XMP escaping in server/kerne/documents/pdf.ts')
  internals._addInfo = function (this: typeof internals) {
    const info = this.info
    this.info = Object.fromEntries(Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? escapeXml(value) : value]))
    try {
      addInfo.call(this)
    } finally {
      this.info = info
    }
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

interface FontCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean
}

class Layout {
  private readonly root: Struct
  private readonly left: number
  private readonly width: number
  private readonly coverage: FontCoverage | undefined

  constructor(private readonly pdf: Pdf) {
    this.root = pdf.struct('Document')
    pdf.addStructure(this.root)
    this.left = pdf.page.margins.left
    this.width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right
    // The embedded font (fontkit) knows which characters it has; see clean().
    this.coverage = (pdf as unknown as { _font?: { font?: FontCoverage } })._font?.font
  }

  end() {
    this.root.end()
  }

  letterhead(letterhead: Letterhead) {
    const top = this.pdf.page.margins.top
    const rightWidth = 170
    const rightX = this.left + this.width - rightWidth
    const leftWidth = this.width - rightWidth - 16
    const section = this.group(this.root, 'Sect')

    this.tag(section, 'P', () => this.draw(letterhead.naevnNavn, BOARD_NAME, this.left, top, leftWidth))
    if (letterhead.adresseLinjer.length > 0) {
      const y = this.pdf.y + 3
      this.tag(section, 'P', () => this.draw(letterhead.adresseLinjer.join('\n'), LETTERHEAD_LINES, this.left, y, leftWidth))
    }
    const leftBottom = this.pdf.y

    let rightY = top
    const logo = letterhead.logo
    if (logo) {
      const x = this.left + this.width - LOGO_BOX.width
      this.tag(section, 'Figure', () => this.pdf.image(logo.data, x, top, { fit: [LOGO_BOX.width, LOGO_BOX.height], align: 'right' }), {
        alt: `Logo: ${letterhead.naevnNavn}`,
      })
      rightY = top + LOGO_BOX.height + 6
    }
    if (letterhead.kontaktLinjer.length > 0) {
      this.tag(section, 'P', () => this.draw(letterhead.kontaktLinjer.join('\n'), LETTERHEAD_LINES, rightX, rightY, rightWidth, { align: 'right' }))
      rightY = this.pdf.y
    }
    section.end()

    const ruleY = Math.max(leftBottom, rightY) + 10
    this.artifact(() => this.pdf.moveTo(this.left, ruleY).lineTo(this.left + this.width, ruleY).lineWidth(0.75).strokeColor(RULE).stroke())
    this.pdf.y = ruleY + 14
  }

  blocks(blocks: Block[]) {
    blocks.forEach((block, i) => {
      switch (block.type) {
        case 'heading':
          return this.heading(block, blocks[i + 1])
        case 'paragraph':
          return this.paragraph(block.text)
        case 'list':
          return this.list(block)
        case 'keyValue':
          return this.keyValue(block)
        case 'table':
          return this.table(block)
        case 'pageBreak':
          if (!this.atTop()) this.pdf.addPage()
          return
      }
    })
  }

  footers(title: string) {
    const { start, count } = this.pdf.bufferedPageRange()
    const numberWidth = 80
    for (let i = 0; i < count; i++) {
      this.pdf.switchToPage(start + i)
      const page = this.pdf.page
      // Writing below the bottom margin would make PDFKit start a new page.
      const bottomMargin = page.margins.bottom
      page.margins.bottom = 0
      const y = page.height - FOOTER_BASELINE_FROM_BOTTOM
      this.artifact(() => {
        this.pdf.moveTo(this.left, y - 6).lineTo(this.left + this.width, y - 6).lineWidth(0.5).strokeColor(RULE).stroke()
        this.draw(title, FOOTER, this.left, y, this.width - numberWidth - 10, { height: FOOTER.size * 1.4, ellipsis: true })
        this.draw(`Side ${i + 1} af ${count}`, FOOTER, this.left + this.width - numberWidth, y, numberWidth, { align: 'right', lineBreak: false })
      }, 'Pagination')
      page.margins.bottom = bottomMargin
    }
  }

  private heading(block: HeadingBlock, next: Block | undefined) {
    const style = HEADING[block.level]
    const before = this.atTop() ? 0 : SPACE_BEFORE_HEADING[block.level]
    const height = this.height(block.text, style, this.width)
    // Keep the heading with the start of what follows instead of alone at the bottom.
    const following = next ? this.leadHeight(next) : 0
    if (!this.fits(before + height + SPACE_AFTER_HEADING + following) && !this.atTop()) {
      this.pdf.addPage()
    } else {
      this.pdf.y += before
    }
    const y = this.pdf.y
    this.tag(this.root, `H${block.level}`, () => this.draw(block.text, style, this.left, y, this.width))
    this.pdf.y += SPACE_AFTER_HEADING
  }

  private paragraph(text: string) {
    if (text === '') return
    this.ensure(this.lineHeight(BODY))
    const y = this.pdf.y
    // Long paragraphs flow on to the next page; PDFKit carries the tag along.
    this.tag(this.root, 'P', () => this.draw(text, BODY, this.left, y, this.width))
    this.pdf.y += BLOCK_GAP - BODY.lineGap
  }

  private list(block: ListBlock) {
    const labelWidth = this.listLabelWidth(block)
    // A short list stays on one page; a long one breaks between items.
    const whole = this.listHeight(block)
    if (whole <= this.pageContentHeight() * SHORT_LIST_SHARE) this.ensure(whole)
    const list = this.group(this.root, 'L')
    block.items.forEach((text, i) => {
      this.ensure(this.lineHeight(BODY))
      const y = this.pdf.y
      const item = this.group(list, 'LI')
      this.tag(item, 'Lbl', () => this.draw(block.ordered ? `${i + 1}.` : '•', BODY, this.left, y, labelWidth, { lineBreak: false }))
      this.tag(item, 'LBody', () => this.draw(text, BODY, this.left + labelWidth, y, this.width - labelWidth))
      item.end()
      this.pdf.y += LIST_ITEM_GAP
    })
    list.end()
    this.pdf.y += BLOCK_GAP - BODY.lineGap - LIST_ITEM_GAP
  }

  private listLabelWidth(block: ListBlock): number {
    return block.ordered ? this.textWidth(`${block.items.length}.`, BODY) + 8 : 14
  }

  private listHeight(block: ListBlock): number {
    const width = this.width - this.listLabelWidth(block)
    return block.items.reduce((sum, item) => sum + this.height(item, BODY, width) + BODY.lineGap + LIST_ITEM_GAP, 0)
  }

  /** A framed box, label in bold left, value right; split between rows across pages. */
  private keyValue(block: KeyValueBlock) {
    const { labelWidth, valueX, valueWidth } = this.keyValueColumns(block)
    const heights = block.rows.map((row) =>
      Math.max(this.height(row.label, BOX_LABEL, labelWidth), this.height(row.value, BOX_VALUE, valueWidth)),
    )
    const tooTall = (i: number) => (heights[i] ?? 0) + 2 * BOX_PADDING > this.pageContentHeight()
    const list = this.group(this.root, 'L')
    let i = 0
    while (i < block.rows.length) {
      const first = heights[i] ?? 0
      if (tooTall(i)) {
        // A row taller than a whole page cannot be boxed; it flows as text instead.
        const row = block.rows[i]
        if (row) this.flowingPair(list, row.label, row.value)
        i++
        continue
      }
      this.ensure(first + 2 * BOX_PADDING)
      const available = this.spaceLeft() - 2 * BOX_PADDING
      let end = i
      let used = 0
      while (end < block.rows.length) {
        const next = used + (end > i ? BOX_ROW_GAP : 0) + (heights[end] ?? 0)
        if (next > available) break
        used = next
        end++
      }
      const boxTop = this.pdf.y
      const boxHeight = used + 2 * BOX_PADDING
      this.artifact(() => this.pdf.rect(this.left, boxTop, this.width, boxHeight).lineWidth(0.75).fillAndStroke(BOX_FILL, BOX_LINE))
      let y = boxTop + BOX_PADDING
      for (let k = i; k < end; k++) {
        const row = block.rows[k]
        if (!row) continue
        const rowY = y
        const item = this.group(list, 'LI')
        this.tag(item, 'Lbl', () => this.draw(row.label, BOX_LABEL, this.left + BOX_PADDING, rowY, labelWidth))
        this.tag(item, 'LBody', () => this.draw(row.value, BOX_VALUE, valueX, rowY, valueWidth))
        item.end()
        y += (heights[k] ?? 0) + BOX_ROW_GAP
      }
      this.pdf.y = boxTop + boxHeight
      i = end
      if (i < block.rows.length && !tooTall(i)) this.pdf.addPage()
    }
    list.end()
    this.pdf.y += BLOCK_GAP + 2
  }

  private keyValueColumns(block: KeyValueBlock) {
    const inner = this.width - 2 * BOX_PADDING
    const widest = Math.max(0, ...block.rows.map((row) => this.textWidth(row.label, BOX_LABEL)))
    const labelWidth = Math.min(Math.ceil(widest) + 1, inner * 0.38)
    return { labelWidth, valueX: this.left + BOX_PADDING + labelWidth + BOX_COLUMN_GAP, valueWidth: inner - labelWidth - BOX_COLUMN_GAP }
  }

  private flowingPair(parent: Struct, label: string, value: string) {
    const item = this.group(parent, 'LI')
    this.pdf.y += BOX_PADDING
    this.ensure(this.lineHeight(BOX_LABEL) * 2)
    const labelY = this.pdf.y
    this.tag(item, 'Lbl', () => this.draw(label, BOX_LABEL, this.left, labelY, this.width))
    const valueY = this.pdf.y
    this.tag(item, 'LBody', () => this.draw(value, BOX_VALUE, this.left, valueY, this.width))
    item.end()
    this.pdf.y += BLOCK_GAP
  }

  /** A grid with wrapped cells; rows never split, and the header row repeats on each new page. */
  private table(block: TableBlock) {
    const widths = this.columnWidths(block)
    const xs = widths.map((_, c) => this.left + widths.slice(0, c).reduce((sum, w) => sum + w, 0))
    const rowHeight = (cells: string[], style: TextStyle) =>
      Math.max(...cells.map((cell, c) => this.height(cell, style, (widths[c] ?? 0) - 2 * CELL_PADDING_X))) + 2 * CELL_PADDING_Y
    const headerHeight = rowHeight(block.columns, CELL_HEADER)
    const heights = block.rows.map((row) => rowHeight(row, CELL))

    const table = this.group(this.root, 'Table')
    const drawRow = (cells: string[], style: TextStyle, height: number, fill: string | null, row: Struct | null, cellType: 'TH' | 'TD') => {
      const y = this.pdf.y
      this.artifact(() => {
        cells.forEach((_, c) => {
          const rect = this.pdf.rect(xs[c] ?? 0, y, widths[c] ?? 0, height).lineWidth(0.5)
          if (fill) rect.fillAndStroke(fill, RULE)
          else rect.strokeColor(RULE).stroke()
        })
      })
      cells.forEach((cell, c) => {
        const draw = () => this.draw(cell, style, (xs[c] ?? 0) + CELL_PADDING_X, y + CELL_PADDING_Y, (widths[c] ?? 0) - 2 * CELL_PADDING_X)
        // A header repeated on a later page is pagination, not content a second time.
        if (row) this.tag(row, cellType, draw)
        else this.artifact(draw, 'Pagination')
      })
      this.pdf.y = y + height
    }
    const header = (repeated: boolean) => {
      const row = repeated ? null : this.group(table, 'TR')
      drawRow(block.columns, CELL_HEADER, headerHeight, HEADER_FILL, row, 'TH')
      row?.end()
    }

    const tooTall = (height: number) => headerHeight + height > this.pageContentHeight()
    const first = heights[0] ?? 0
    this.ensure(headerHeight + (tooTall(first) ? this.lineHeight(BODY) : first))
    header(false)
    let headerPage = this.pdf.page
    block.rows.forEach((cells, r) => {
      const height = heights[r] ?? 0
      const row = this.group(table, 'TR')
      if (tooTall(height)) {
        // Taller than a page even alone: the cells flow as text, each named by its column.
        this.pdf.y += CELL_PADDING_Y
        cells.forEach((cell, c) => {
          this.ensure(this.lineHeight(BODY))
          const y = this.pdf.y
          this.tag(row, 'TD', () => this.draw(`${block.columns[c] ?? ''}: ${cell}`, BODY, this.left, y, this.width))
        })
        this.pdf.y += CELL_PADDING_Y
      } else {
        if (!this.fits(height)) this.pdf.addPage()
        if (this.pdf.page !== headerPage) {
          header(true)
          headerPage = this.pdf.page
        }
        drawRow(cells, CELL, height, null, row, 'TD')
      }
      row.end()
    })
    table.end()
    this.pdf.y += BLOCK_GAP + 2
  }

  /**
   * Columns that need less than an equal share get what they need; the others share the
   * rest in proportion to their longest text. If everything fits, the table still fills
   * the width, in proportion.
   */
  private columnWidths(block: TableBlock): number[] {
    const natural = block.columns.map(
      (column, c) =>
        Math.max(this.textWidth(column, CELL_HEADER), ...block.rows.map((row) => this.textWidth(row[c] ?? '', CELL))) + 2 * CELL_PADDING_X + 1,
    )
    const total = natural.reduce((sum, w) => sum + w, 0)
    if (total <= this.width) return natural.map((w) => (w / total) * this.width)

    const widths = natural.map(() => 0)
    let remaining = this.width
    let flexible = natural.map((_, c) => c)
    for (;;) {
      const share = remaining / flexible.length
      const small = flexible.filter((c) => (natural[c] ?? 0) <= share)
      if (small.length === 0) break
      for (const c of small) {
        widths[c] = natural[c] ?? 0
        remaining -= natural[c] ?? 0
      }
      flexible = flexible.filter((c) => !small.includes(c))
    }
    const flexibleTotal = flexible.reduce((sum, c) => sum + (natural[c] ?? 0), 0)
    for (const c of flexible) widths[c] = (remaining * (natural[c] ?? 0)) / flexibleTotal
    return widths
  }

  /** How much of a block must fit under a heading for the heading to stay on this page. */
  private leadHeight(block: Block): number {
    const threeLines = 3 * this.lineHeight(BODY)
    switch (block.type) {
      case 'heading':
        return SPACE_BEFORE_HEADING[block.level] + this.height(block.text, HEADING[block.level], this.width) + SPACE_AFTER_HEADING
      case 'paragraph':
        return Math.min(this.height(block.text, BODY, this.width), threeLines)
      case 'list': {
        const whole = this.listHeight(block)
        if (whole <= this.pageContentHeight() * SHORT_LIST_SHARE) return whole
        return Math.min(this.height(block.items[0] ?? '', BODY, this.width - this.listLabelWidth(block)), threeLines)
      }
      case 'keyValue': {
        const row = block.rows[0]
        if (!row) return 0
        const { labelWidth, valueWidth } = this.keyValueColumns(block)
        return 2 * BOX_PADDING + Math.max(this.height(row.label, BOX_LABEL, labelWidth), this.height(row.value, BOX_VALUE, valueWidth))
      }
      case 'table':
        return 2 * (this.lineHeight(CELL) + 2 * CELL_PADDING_Y)
      case 'pageBreak':
        return 0
    }
  }

  // Drawing and measuring

  private use(style: TextStyle) {
    this.pdf.font(style.font).fontSize(style.size).fillColor(style.color)
  }

  private draw(text: string, style: TextStyle, x: number, y: number, width: number, options: PDFKit.Mixins.TextOptions = {}) {
    this.use(style)
    this.pdf.text(this.clean(text), x, y, { width, lineGap: style.lineGap, ...options })
  }

  /** The height text takes, from the top of the first line to the bottom of the last. */
  private height(text: string, style: TextStyle, width: number): number {
    this.use(style)
    const cleaned = this.clean(text)
    return this.pdf.heightOfString(cleaned === '' ? ' ' : cleaned, { width, lineGap: style.lineGap }) - style.lineGap
  }

  private textWidth(text: string, style: TextStyle): number {
    this.use(style)
    return this.pdf.widthOfString(this.clean(text))
  }

  private lineHeight(style: TextStyle): number {
    this.use(style)
    return this.pdf.currentLineHeight(true) + style.lineGap
  }

  /**
   * PDFKit draws a character its font lacks (an emoji, say) as .notdef: invisible, and
   * not allowed in PDF/A. Such characters become "?"; invisible format characters the
   * font lacks are dropped; control characters become spaces.
   */
  private clean(text: string): string {
    let out = ''
    for (const ch of text.normalize('NFC')) {
      const codePoint = ch.codePointAt(0) ?? 0
      if (ch === '\n') out += ch
      else if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) out += ' '
      else if (!this.coverage || this.coverage.hasGlyphForCodePoint(codePoint)) out += ch
      else if (!/\p{Cf}/u.test(ch)) out += '?'
    }
    return out
  }

  // Structure and artifacts

  /** Adds a structure element of `type` under `parent` holding what `draw` puts on the page. */
  private tag(parent: Struct, type: string, draw: () => void, options: { alt?: string } = {}) {
    const element = this.pdf.struct(type, options)
    parent.add(element)
    element.add(draw)
    element.end()
  }

  /** A structure element for children; the caller ends it. */
  private group(parent: Struct, type: string): Struct {
    const element = this.pdf.struct(type)
    parent.add(element)
    return element
  }

  private artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout') {
    this.pdf.markContent('Artifact', { type })
    this.pdf.save()
    draw()
    this.pdf.restore()
    this.pdf.endMarkedContent()
  }

  // Page space

  private bottom(): number {
    return this.pdf.page.height - this.pdf.page.margins.bottom
  }

  private spaceLeft(): number {
    return this.bottom() - this.pdf.y
  }

  private pageContentHeight(): number {
    return this.bottom() - this.pdf.page.margins.top
  }

  private fits(height: number): boolean {
    return height <= this.spaceLeft()
  }

  private atTop(): boolean {
    return this.pdf.y <= this.pdf.page.margins.top + 0.5
  }

  /** Starts a new page unless `height` fits here (or this page is still empty). */
  private ensure(height: number) {
    if (!this.fits(height) && !this.atTop()) this.pdf.addPage()
  }
}
