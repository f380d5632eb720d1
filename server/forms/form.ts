// Helpers for server-rendered forms: read fields as typed, collect Danish error
// messages per field, and hand both back to the template so nothing typed is lost.
import { Type } from 'typebox'

/** Form bodies are declared leniently (every field optional text) and checked here. */
export const FormBody = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]))
export type FormValues = Record<string, string | string[] | undefined>

export function text(body: FormValues | undefined, name: string, maxLength = 500): string {
  const value = body?.[name]
  const first = Array.isArray(value) ? value[0] : value
  return (first ?? '').trim().slice(0, maxLength)
}

export function list(body: FormValues | undefined, name: string): string[] {
  const value = body?.[name]
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter(Boolean)
}

export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export class FormErrors {
  private readonly messages: [string, string][] = []

  /** A field may have several messages (e.g. one per rejected file); it shows the first. */
  add(field: string, message: string): this {
    if (!this.messages.some(([f, m]) => f === field && m === message)) this.messages.push([field, message])
    return this
  }

  merge(fields: Record<string, string>): this {
    for (const [field, message] of Object.entries(fields)) this.add(field, message)
    return this
  }

  get any(): boolean {
    return this.messages.length > 0
  }

  /** What the templates need: a message per field and the list for the error summary. */
  toView() {
    const fejl: Record<string, string> = {}
    for (const [felt, besked] of this.messages) fejl[felt] ??= besked
    return { fejl, fejlListe: this.messages.map(([felt, besked]) => ({ felt, besked })) }
  }
}
