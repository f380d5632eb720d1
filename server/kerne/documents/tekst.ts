// A caseworker's plain text (the decision, the account of the case, the reasons) shaped
// into paragraphs and lists for a document. The text is never HTML: it is written in a
// textarea and stays text all the way (the template escapes it, the PDF draws it), so a
// "<b>" typed by someone is refused by validerTekst rather than silently shown or obeyed.
//
// The rules, chosen to match how people type in a plain textarea:
// - a blank line (or a line of only spaces) ends a paragraph or list;
// - a line starting "- ", "* " or "• " is a bullet; "1. " or "2) " a numbered item;
//   consecutive items of the same kind form one list;
// - an indented line right after an item continues that item;
// - any other line break inside a paragraph is a soft break and becomes a space (a
//   textarea wraps long lines itself, so a hard break mid-paragraph is usually a line
//   copied from an e-mail or a PDF);
// - runs of spaces and tabs become one space.
// Numbered items are renumbered from 1 by the document: the numbers typed only say
// "this is a numbered list".

export type Afsnit =
  | { type: 'afsnit'; tekst: string }
  | { type: 'punkter'; punkter: string[] }
  | { type: 'nummereret'; punkter: string[] }

type ListeType = 'punkter' | 'nummereret'

const PUNKT = /^[-*•][ \t]+(.*)$/
const TOMT_PUNKT = /^[-*•]$/
// At most three digits, so a line opening with a year ("2026. Lejen …") is not a list.
const NUMMER = /^\d{1,3}[.)][ \t]+(.*)$/
const INDRYKKET = /^[ \t]+\S/

/** Splits plain text into paragraphs, bulleted lists and numbered lists. */
export function tekstTilAfsnit(text: string): Afsnit[] {
  const result: Afsnit[] = []
  // The open block: a paragraph's lines, or a list whose last item may still grow.
  let open = null as { type: 'afsnit'; linjer: string[] } | { type: ListeType; punkter: string[][] } | null

  const afslut = () => {
    if (open?.type === 'afsnit') {
      const tekst = samle(open.linjer)
      if (tekst !== '') result.push({ type: 'afsnit', tekst })
    } else if (open) {
      const punkter = open.punkter.map(samle).filter((punkt) => punkt !== '')
      if (punkter.length > 0) result.push({ type: open.type, punkter })
    }
    open = null
  }

  for (const raw of text.normalize('NFC').split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const line = raw.replace(/[ \t\f\v\u00a0]+$/, '')
    const trimmed = line.trimStart()
    if (trimmed === '') {
      afslut()
      continue
    }
    const item = listepunkt(trimmed)
    if (item) {
      if (open?.type !== item.type) {
        afslut()
        open = { type: item.type, punkter: [] }
      }
      open.punkter.push([item.tekst])
    } else if (open && open.type !== 'afsnit' && INDRYKKET.test(line)) {
      open.punkter.at(-1)?.push(trimmed)
    } else {
      if (open?.type !== 'afsnit') {
        afslut()
        open = { type: 'afsnit', linjer: [] }
      }
      open.linjer.push(trimmed)
    }
  }
  afslut()
  return result
}

function listepunkt(trimmed: string): { type: ListeType; tekst: string } | null {
  if (TOMT_PUNKT.test(trimmed)) return { type: 'punkter', tekst: '' }
  const punkt = PUNKT.exec(trimmed)
  if (punkt) return { type: 'punkter', tekst: punkt[1] ?? '' }
  const nummer = NUMMER.exec(trimmed)
  if (nummer) return { type: 'nummereret', tekst: nummer[1] ?? '' }
  return null
}

function samle(lines: string[]): string {
  return lines
    .join(' ')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .trim()
}

// Something that looks like a tag: "<" directly followed by a letter, "/", "!" or "?",
// up to the next ">". "husleje < 5.000 kr. > 4.000 kr." and "<3" are not tags.
const HTML_TAG = /<[/!?]?[A-Za-z][^<>]*>|<![^<>]*>|<\?[^<>]*>/

const tal = new Intl.NumberFormat('da-DK')

/**
 * Checks a caseworker's text before it is saved: null when it is fine, else the
 * message (in Danish) to show next to the field. Length counts characters as a
 * person does (a line break is one, "é" is one), not UTF-16 code units.
 */
export function validerTekst(text: string, maxLength: number): string | null {
  const length = [...text.replace(/\r\n/g, '\n').normalize('NFC')].length
  if (length > maxLength) {
    return `Teksten er for lang: den må højst være ${tal.format(maxLength)} tegn, men er ${tal.format(length)} tegn.`
  }
  if (HTML_TAG.test(text)) return 'Teksten må ikke indeholde HTML'
  return null
}
