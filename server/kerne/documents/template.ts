// Document templates: templates/documents/<name>.hbs renders a prepared view-model into a
// tiny XML-like markup, which is parsed here into blocks (blocks.ts). The markup:
//
//   <h1>…</h1> <h2>…</h2> <h3>…</h3>      headings
//   <p>…</p>                              paragraph
//   <ul><li>…</li></ul>, <ol>…</ol>       bulleted / numbered list
//   <kv><row label="…">…</row></kv>       the framed box of case data
//   <table><col>…</col>…<tr><td>…</td>…</tr>…</table>
//   <pagebreak/>
//
// Text holds no tags; runs of whitespace become one space, so templates can be indented
// freely. Handlebars' own escaping stays on (never triple-stash): user data cannot open a
// tag, and the entities it writes are decoded back to text here. Anything unexpected
// throws, naming the template: a document is rendered whole or not at all.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import Handlebars from 'handlebars'
import { templatesDir } from '../../platform/config.js'
import type { Block, HeadingLevel, KeyValueRow } from './blocks.js'

export const documentTemplatesDir = path.join(templatesDir, 'documents')

export interface RenderBlocksOptions {
  /** Where <name>.hbs lives; tests point this at their own fixtures. */
  templatesDir?: string
}

export class DocumentTemplateError extends Error {
  constructor(
    readonly template: string,
    problem: string,
    options?: { cause: unknown },
  ) {
    super(`Document template "${template}": ${problem}`, options)
    this.name = 'DocumentTemplateError'
  }
}

// An environment of our own, so helpers registered for the web pages never reach documents.
const handlebars = Handlebars.create()
const compiled = new Map<string, Handlebars.TemplateDelegate>()

/** Renders templates/documents/<templateName>.hbs with the view-model and parses the result. */
export function renderBlocks(templateName: string, viewModel: object, options: RenderBlocksOptions = {}): Block[] {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(templateName)) {
    throw new DocumentTemplateError(templateName, 'a template name is lowercase letters, digits and "-"')
  }
  const file = path.join(options.templatesDir ?? documentTemplatesDir, `${templateName}.hbs`)
  let markup: string
  try {
    markup = compiledTemplate(file)(viewModel)
  } catch (err) {
    throw new DocumentTemplateError(templateName, err instanceof Error ? err.message : String(err), { cause: err })
  }
  return new MarkupParser(tokenize(markup, templateName), templateName).document()
}

function compiledTemplate(file: string): Handlebars.TemplateDelegate {
  let template = compiled.get(file)
  if (!template) {
    // strict: a field missing from the view-model throws instead of printing nothing.
    template = handlebars.compile(readFileSync(file, 'utf8'), { strict: true })
    compiled.set(file, template)
  }
  return template
}

// The entities Handlebars' escapeExpression writes.
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
  '&#x3D;': '=',
  '&#x60;': '`',
}

function decode(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#x27|#x3D|#x60);/g, (entity) => ENTITIES[entity] ?? entity)
}

type Token =
  | { kind: 'text'; text: string; line: number }
  | { kind: 'open'; name: string; attributes: Map<string, string>; selfClosing: boolean; line: number }
  | { kind: 'close'; name: string; line: number }

type OpenToken = Extract<Token, { kind: 'open' }>

const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z]+="[^"<>]*")*)\s*(\/?)>/y
const ATTRIBUTE = /([a-z]+)="([^"]*)"/g

function tokenize(markup: string, template: string): Token[] {
  const tokens: Token[] = []
  let pos = 0
  let line = 1
  while (pos < markup.length) {
    const lt = markup.indexOf('<', pos)
    const textEnd = lt === -1 ? markup.length : lt
    if (textEnd > pos) {
      const text = markup.slice(pos, textEnd)
      tokens.push({ kind: 'text', text, line })
      line += countNewlines(text)
    }
    if (lt === -1) break
    TAG.lastIndex = lt
    const match = TAG.exec(markup)
    if (!match) {
      const snippet = markup.slice(lt, lt + 30).split('\n')[0]
      throw new DocumentTemplateError(template, `malformed tag "${snippet}" (line ${line})`)
    }
    const [whole, slash, name = '', attributeText = '', selfClosing] = match
    if (slash) {
      if (attributeText || selfClosing) throw new DocumentTemplateError(template, `malformed closing tag </${name}> (line ${line})`)
      tokens.push({ kind: 'close', name, line })
    } else {
      const attributes = new Map<string, string>()
      for (const [, key = '', value = ''] of attributeText.matchAll(ATTRIBUTE)) attributes.set(key, decode(value))
      tokens.push({ kind: 'open', name, attributes, selfClosing: selfClosing === '/', line })
    }
    line += countNewlines(whole)
    pos = TAG.lastIndex
  }
  return tokens
}

function countNewlines(text: string): number {
  let n = 0
  for (const ch of text) if (ch === '\n') n++
  return n
}

const HEADINGS: Record<string, HeadingLevel> = { h1: 1, h2: 2, h3: 3 }

/** Recursive descent over the tokens; each method reads one element and what it may hold. */
class MarkupParser {
  private pos = 0

  constructor(
    private readonly tokens: Token[],
    private readonly template: string,
  ) {}

  document(): Block[] {
    const blocks: Block[] = []
    for (let token = this.nextElementToken('the document'); token; token = this.nextElementToken('the document')) {
      if (token.kind === 'close') this.fail(`</${token.name}> has no opening tag`, token)
      blocks.push(this.block(token))
    }
    return blocks
  }

  private block(open: OpenToken): Block {
    const level = HEADINGS[open.name]
    if (level) return { type: 'heading', level, text: this.text(open) }
    switch (open.name) {
      case 'p':
        return { type: 'paragraph', text: this.text(open) }
      case 'ul':
      case 'ol':
        this.attributes(open)
        return { type: 'list', ordered: open.name === 'ol', items: this.children(open, 'li', (li) => this.text(li)) }
      case 'kv':
        this.attributes(open)
        return { type: 'keyValue', rows: this.children(open, 'row', (row) => this.keyValueRow(row)) }
      case 'table':
        return this.table(open)
      case 'pagebreak':
        if (!open.selfClosing) this.fail('write <pagebreak/>', open)
        this.attributes(open)
        return { type: 'pageBreak' }
      default:
        return this.fail(this.isKnown(open.name) ? `<${open.name}> is not allowed here` : `unknown tag <${open.name}>`, open)
    }
  }

  private keyValueRow(row: OpenToken): KeyValueRow {
    const label = this.attributes(row, 'label').get('label')
    if (label === undefined) this.fail('<row> needs a label="…"', row)
    return { label: collapse(label), value: this.text(row) }
  }

  private table(open: OpenToken): Block {
    this.attributes(open)
    const columns: string[] = []
    const rows: string[][] = []
    for (;;) {
      const token = this.nextElementToken('<table>')
      if (!token) return this.fail('<table> is never closed', open)
      if (token.kind === 'close' && token.name === 'table') break
      if (token.kind === 'open' && token.name === 'col') {
        if (rows.length > 0) this.fail('every <col> comes before the first <tr>', token)
        columns.push(this.text(token))
      } else if (token.kind === 'open' && token.name === 'tr') {
        this.attributes(token)
        const cells = this.children(token, 'td', (td) => this.text(td))
        if (cells.length !== columns.length) this.fail(`a <tr> has ${cells.length} cells but the table has ${columns.length} columns`, token)
        rows.push(cells)
      } else {
        this.fail(`<table> may only hold <col> and <tr>, found ${describe(token)}`, token)
      }
    }
    if (columns.length === 0) this.fail('a <table> needs at least one <col>', open)
    return { type: 'table', columns, rows }
  }

  /** Reads child elements named `childName` up to the closing tag of `open`. */
  private children<T>(open: OpenToken, childName: string, read: (child: OpenToken) => T): T[] {
    if (open.selfClosing) this.fail(`<${open.name}/> cannot be empty-closed`, open)
    const result: T[] = []
    for (;;) {
      const token = this.nextElementToken(`<${open.name}>`)
      if (!token) return this.fail(`<${open.name}> is never closed`, open)
      if (token.kind === 'close' && token.name === open.name) return result
      if (token.kind !== 'open' || token.name !== childName) {
        this.fail(`<${open.name}> may only hold <${childName}>, found ${describe(token)}`, token)
      }
      result.push(read(token))
    }
  }

  /** Reads the text of a text element (h1, p, li, td, …) up to its closing tag. */
  private text(open: OpenToken): string {
    if (open.name !== 'row') this.attributes(open)
    if (open.selfClosing) this.fail(`<${open.name}/> cannot be empty-closed`, open)
    let text = ''
    for (;;) {
      const token = this.tokens[this.pos++]
      if (!token) return this.fail(`<${open.name}> is never closed`, open)
      if (token.kind === 'text') text += token.text
      else if (token.kind === 'close' && token.name === open.name) return decode(collapse(text))
      else if (token.kind === 'close') this.fail(`</${token.name}> closes <${open.name}>`, token)
      else this.fail(`<${token.name}> is not allowed inside <${open.name}>`, token)
    }
  }

  /** The next tag, skipping whitespace; text outside a text element is an error. */
  private nextElementToken(where: string): Exclude<Token, { kind: 'text' }> | undefined {
    for (;;) {
      const token = this.tokens[this.pos++]
      if (!token) return undefined
      if (token.kind !== 'text') return token
      if (token.text.trim() !== '') this.fail(`text "${abbreviate(token.text)}" directly inside ${where}; put it in <p> or another text element`, token)
    }
  }

  private attributes(open: OpenToken, ...allowed: string[]): Map<string, string> {
    for (const name of open.attributes.keys()) {
      if (!allowed.includes(name)) this.fail(`<${open.name}> has no attribute "${name}"`, open)
    }
    return open.attributes
  }

  private isKnown(name: string): boolean {
    return name in HEADINGS || ['p', 'ul', 'ol', 'li', 'kv', 'row', 'table', 'col', 'tr', 'td', 'pagebreak'].includes(name)
  }

  private fail(problem: string, token: Token): never {
    throw new DocumentTemplateError(this.template, `${problem} (line ${token.line})`)
  }
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function describe(token: Token): string {
  if (token.kind === 'open') return `<${token.name}>`
  if (token.kind === 'close') return `</${token.name}>`
  return 'text'
}

function abbreviate(text: string): string {
  const collapsed = collapse(text)
  return collapsed.length > 30 ? `${collapsed.slice(0, 30)}…` : collapsed
}
