// Reading a rendered page's forms the way a browser submits them, for tests that post
// through Agent: the field names a form really sends must be the ones its route reads.

/** The names of the fields (input, select, textarea) of every form posting to `action`, CSRF token left out. */
export function formFields(html: string, action: string): string[] {
  const names = new Set<string>()
  const forms = html.matchAll(/<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)
  for (const [, formAction, body] of forms) {
    if (formAction !== action) continue
    for (const [, name] of body!.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g)) if (name !== '_csrf') names.add(name!)
  }
  return [...names].sort()
}
