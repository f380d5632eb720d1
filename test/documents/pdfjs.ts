// Reading PDFs back the way a viewer does, with pdfjs: text per page, metadata, structure.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export async function openPdf(bytes: Buffer) {
  // pdfjs takes ownership of (detaches) the array it is given, so it gets a copy.
  return getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise
}

/** The text of each page, items joined by spaces, in drawing order. */
export async function pageTexts(bytes: Buffer): Promise<string[]> {
  const pdf = await openPdf(bytes)
  try {
    const texts: string[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n)
      const content = await page.getTextContent()
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
    }
    return texts
  } finally {
    await pdf.destroy()
  }
}

/** The whole text, pages separated by newlines. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pageTexts(Buffer.from(bytes))).join('\n')
}

type StructNode = { role?: string; alt?: string; children?: unknown[] }

/** Every structure role (H1, P, Table, …) in the page's structure tree. */
export function structRoles(node: unknown): string[] {
  const { role, children } = node as StructNode
  return [...(role ? [role] : []), ...(children ?? []).flatMap(structRoles)]
}

/** The first structure node with the role, depth first. */
export function findNode(node: unknown, role: string): StructNode | undefined {
  const current = node as StructNode
  if (current.role === role) return current
  for (const child of current.children ?? []) {
    const found = findNode(child, role)
    if (found) return found
  }
  return undefined
}
