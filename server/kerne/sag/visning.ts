// How a case reads to a person: addresses, dates, parties and code labels in Danish.
// Shared by pages, documents and e-mails so they all say the same thing.
import type { NaevnType } from '../naevn/naevn.js'
import { formaalFor, sagsomraaderFor, spoergsmaalFor, type IndbringerRolle } from './sagsomraader.js'
import { lejemaalLabel, naevnTypeFor, repraesentantTyper, rolleLabel, type LejemaalType } from './koder.js'

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

/** The tenancy's address columns, for every query that shows a case's address. */
export const adresseKolonner = ['sager.vejnavn', 'sager.husnummer', 'sager.etage', 'sager.doer', 'sager.postnr', 'sager.by'] as const

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

/** Everything the filer entered: the review page, the party's and the caseworker's case pages. */
export function sammendrag(
  sag: AdresseFelter & { indbringer_rolle: string | null; repraesentant_type: string | null; lejemaal_type: string | null; formaal: string | null; sagsomraader: string[]; beskrivelse: string | null; svar: unknown },
  parter: { rolle: string; navn: string; email: string | null; telefon: string | null }[],
  naevnNavn: string | null,
) {
  const type = sag.lejemaal_type ? naevnTypeFor(sag.lejemaal_type as LejemaalType) : null
  const svar = (sag.svar ?? {}) as Record<string, string>
  const spm = type ? spoergsmaalFor(type, sag.sagsomraader) : []
  return {
    hvem: [
      { label: 'Indbringer', vaerdi: sag.indbringer_rolle ? rolleLabel[sag.indbringer_rolle as IndbringerRolle] : 'Ikke angivet' },
      { label: 'Indbringes af', vaerdi: sag.repraesentant_type ? repraesentantTyper[sag.repraesentant_type as keyof typeof repraesentantTyper] : 'Parten selv' },
    ],
    lejemaal: [
      { label: 'Adresse', vaerdi: adresseTekst(sag) },
      { label: 'Type', vaerdi: sag.lejemaal_type ? lejemaalLabel[sag.lejemaal_type as LejemaalType] : 'Ikke angivet' },
      { label: 'Nævn', vaerdi: naevnNavn ?? 'Ikke fundet endnu' },
    ],
    parter: parter.map((p) => ({ rolle: partRolleLabel[p.rolle] ?? p.rolle, navn: p.navn, kontakt: [p.email, p.telefon].filter(Boolean).join(', ') })),
    sagen: [
      { label: 'Formål', vaerdi: type ? formaalLabel(type, sag.formaal) : 'Ikke angivet' },
      { label: 'Sagsområder', vaerdi: type && sag.sagsomraader.length ? sagsomraadeLabels(type, sag.sagsomraader).join(', ') : 'Ikke angivet' },
      ...spm.filter((s) => svar[s.felt]).map((s) => ({ label: s.label, vaerdi: svar[s.felt]! })),
    ],
    beskrivelse: (sag.beskrivelse ?? '').split(/\r?\n/).filter((l) => l.trim()),
  }
}

