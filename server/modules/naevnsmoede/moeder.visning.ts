// How meetings read to a person: dates and times in Danish, statuses and outcomes as
// labels, and the agenda items as the pages and the agenda PDF show them.
import { naevnTypeFor, type LejemaalType } from '../../kerne/sag/koder.js'
import { adresseTekst, partRolleLabel, sagsomraadeLabels, type AdresseFelter } from '../../kerne/sag/visning.js'
import type { PunktBesigtigelse, PunktPart } from './moeder.repository.js'

const TZ = 'Europe/Copenhagen'
const ugedag = new Intl.DateTimeFormat('da-DK', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TZ })
const klokken = new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit', timeZone: TZ })
const iso = new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: TZ })

/** "tirsdag den 8. december 2026", "13.00", and the form values "2026-12-08" and "13:00". */
export function moedeTid(t: Date) {
  const [isoDato = '', isoTid = ''] = iso.format(t).split(' ')
  const dato = ugedag.format(t)
  const tid = klokken.format(t)
  return { dato, tid, datoTid: `${dato} kl. ${tid}`, isoDato, isoTid }
}

export const moedeStatusLabel: Record<string, string> = { planlagt: 'Planlagt', afholdt: 'Afholdt', aflyst: 'Aflyst' }

export const udfaldLabel: Record<string, string> = {
  afgjort: 'Afgjort',
  udsat: 'Udsat',
  mere_information: 'Kræver flere oplysninger',
}

export function omraaderTekst(s: { lejemaal_type: string | null; sagsomraader: string[] }): string {
  if (!s.lejemaal_type || s.sagsomraader.length === 0) return 'Ikke angivet'
  return sagsomraadeLabels(naevnTypeFor(s.lejemaal_type as LejemaalType), s.sagsomraader).join(', ')
}

export function parterVisning(parter: PunktPart[] | null) {
  return (parter ?? []).map((x) => ({ rolle: partRolleLabel[x.rolle] ?? x.rolle, navn: x.navn }))
}

export function besigtigelseTekst(b: PunktBesigtigelse): string {
  const t = moedeTid(new Date(b.tidspunkt))
  const resultat = b.resultat === 'afholdt' ? ' – afholdt' : b.resultat === 'ikke_afholdt' ? ' – ikke afholdt' : ''
  return `${t.datoTid}, ${b.adresse}${resultat}`
}

export function adresse(a: AdresseFelter): string {
  return adresseTekst(a)
}
