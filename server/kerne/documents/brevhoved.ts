// The board's letterhead on every document: name, postal address and contact lines.
import type { Letterhead } from './blocks.js'

export interface NaevnKontaktFelter {
  navn: string
  adresse: string
  postnr: string
  by: string
  email: string
  telefon: string
}

export function brevhoved(n: NaevnKontaktFelter): Letterhead {
  return {
    naevnNavn: n.navn,
    adresseLinjer: [n.adresse, [n.postnr, n.by].filter(Boolean).join(' ')].filter(Boolean),
    kontaktLinjer: [n.email && `E-mail: ${n.email}`, n.telefon && `Telefon: ${n.telefon}`].filter((x): x is string => Boolean(x)),
  }
}

/** The board's contact columns, for a query joined to naevn; brevhovedAf reads them back. */
export const naevnKontaktKolonner = [
  'naevn.navn as naevn_navn',
  'naevn.adresse as naevn_adresse',
  'naevn.postnr as naevn_postnr',
  'naevn.by as naevn_by',
  'naevn.email as naevn_email',
  'naevn.telefon as naevn_telefon',
] as const

export interface NaevnKontaktRaekke {
  naevn_navn: string
  naevn_adresse: string
  naevn_postnr: string
  naevn_by: string
  naevn_email: string
  naevn_telefon: string
}

/** The letterhead from a row selected with naevnKontaktKolonner. */
export function brevhovedAf(r: NaevnKontaktRaekke): Letterhead {
  return brevhoved({ navn: r.naevn_navn, adresse: r.naevn_adresse, postnr: r.naevn_postnr, by: r.naevn_by, email: r.naevn_email, telefon: r.naevn_telefon })
}
