// How a case reads to a person: addresses, dates, parties and code labels in Danish.
// Shared by pages, documents and e-mails so they all say the same thing.
import type { NaevnType } from '../naevn/naevn.js'
import { formaalFor, sagsomraaderFor } from './sagsomraader.js'

const datoTid = new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' })
const dato = new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' })

export function formatDatoTid(d: Date): string {
  return datoTid.format(d)
}

export function formatDato(d: Date): string {
  return dato.format(d)
}

export interface AdresseFelter {
  vejnavn: string | null
  husnummer: string | null
  etage: string | null
  doer: string | null
  postnr: string | null
  by: string | null
}

/** "Nørregade 12, 2. th., 1165 København K" */
export function adresseTekst(a: AdresseFelter): string {
  if (!a.vejnavn) return 'Ikke angivet'
  const gade = [a.vejnavn, a.husnummer].filter(Boolean).join(' ')
  const lejlighed = [a.etage ? `${a.etage}.` : '', a.doer ? `${a.doer}.` : ''].filter(Boolean).join(' ')
  const by = [a.postnr, a.by].filter(Boolean).join(' ')
  return [gade, lejlighed, by].filter(Boolean).join(', ')
}

export const partRolleLabel: Record<string, string> = {
  indbringer: 'Indbringer',
  medpart: 'Medpart',
  modpart: 'Modpart',
  repraesentant: 'Repræsentant',
}

export function sagsomraadeLabels(type: NaevnType, koder: readonly string[]): string[] {
  const all = sagsomraaderFor(type)
  return koder.map((k) => all.find((o) => o.kode === k)?.label ?? k)
}

export function formaalLabel(type: NaevnType, kode: string | null): string {
  if (!kode) return 'Ikke angivet'
  return [...formaalFor(type, 'udlejer'), ...formaalFor(type, 'lejer')].find((f) => f.kode === kode)?.label ?? kode
}
