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
