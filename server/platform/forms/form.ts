// Helpers for server-rendered forms: read fields as typed, collect Danish error
// messages per field, and hand both back to the template so nothing typed is lost.
import { Type } from 'typebox'
import { ValidationError } from '../errors.js'
import { tekstGraenser } from './graenser.js'

/** Form bodies are declared leniently (every field optional text) and checked here. */
export const FormBody = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]))
export type FormValues = Record<string, string | string[] | undefined>

// The fields of a body that were longer than their limit, as text() read them. Keyed by the
// body object, so the check needs nothing but the body the route already has.
const forLange = new WeakMap<object, Map<string, { maks: number; laengde: number }>>()

/**
 * A field's text, trimmed and whole: never shortened. A text longer than maxLength is
 * recorded against the body; the route refuses it with feltLaengdeFejl/kontrollerFeltLaengder,
 * re-rendering the form with everything typed.
 */
export function text(body: FormValues | undefined, name: string, maxLength: number = tekstGraenser.kort): string {
  const value = body?.[name]
  const first = Array.isArray(value) ? value[0] : value
  const clean = (first ?? '').trim()
  if (body && clean.length > maxLength) {
    const felter = forLange.get(body) ?? new Map()
    felter.set(name, { maks: maxLength, laengde: clean.length })
    forLange.set(body, felter)
  }
  return clean
}

/** A Danish error per field that text() found too long in this body (empty when none). */
export function feltLaengdeFejl(body: unknown): Record<string, string> {
  const felter = body && typeof body === 'object' ? forLange.get(body) : undefined
  const fejl: Record<string, string> = {}
  for (const [felt, { maks, laengde }] of felter ?? []) {
    fejl[felt] = `Teksten er for lang: den må højst være ${maks.toLocaleString('da-DK')} tegn, og den er ${laengde.toLocaleString('da-DK')}. Forkort den, eller læg den ved som bilag.`
  }
  return fejl
}

/** The too-long fields as a form's errors (a service's refusal), or null when all fit. */
export function forLangeFelter(body: unknown): { errors: FormErrors } | null {
  const fejl = feltLaengdeFejl(body)
  return Object.keys(fejl).length > 0 ? { errors: new FormErrors().merge(fejl) } : null
}

/** Throws a ValidationError naming every field text() found too long in this body. */
export function kontrollerFeltLaengder(body: unknown): void {
  const fejl = feltLaengdeFejl(body)
  const felter = Object.keys(fejl)
  if (felter.length > 0) throw new ValidationError('TekstForLang', fejl[felter[0]!]!, fejl)
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
