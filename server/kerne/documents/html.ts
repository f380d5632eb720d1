// The on-screen preview of a document: the same blocks as the PDF, as semantic HTML with
// DKFDS classes. Every text is escaped here, and there are no inline styles (the pages
// run under a strict Content-Security-Policy); the page that shows the preview supplies
// the surrounding layout.
import type { Block, KeyValueBlock, ListBlock, TableBlock } from './blocks.js'

export function renderHtml(blocks: Block[]): string {
  return blocks.map(blockHtml).join('\n')
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`
    case 'list':
      return listHtml(block)
    case 'keyValue':
      return keyValueHtml(block)
    case 'table':
      return tableHtml(block)
    case 'pageBreak':
      // Marks where the printed letter turns the page; screens keep flowing.
      return '<hr class="dokument-sideskift" aria-hidden="true">'
  }
}

function listHtml(block: ListBlock): string {
  const tag = block.ordered ? 'ol' : 'ul'
  return `<${tag}>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</${tag}>`
}

function keyValueHtml(block: KeyValueBlock): string {
  const rows = block.rows.map((row) => `<dt>${escapeHtml(row.label)}</dt><dd>${escapeHtml(row.value)}</dd>`).join('')
  return `<dl class="naevn-fakta">${rows}</dl>`
}

function tableHtml(block: TableBlock): string {
  const head = block.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('')
  const body = block.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('')
  return `<div class="table--responsive-scroll"><table class="table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for use in HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch)
}
