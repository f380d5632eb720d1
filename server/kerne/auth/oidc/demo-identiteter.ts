// The demo MitID people and companies of the local IdP (lokal-idp.ts). The seed gives the
// demo cases' parties the same CPR and CVR numbers, and a power of attorney from a client
// to the law firm, so each demo login finds its cases in "Mine sager". All numbers are
// fictitious (the CVR numbers pass the modulus-11 check, as the forms demand).
import type { Sikringsniveau } from '../../../platform/config.js'

export interface DemoIdentitet {
  /** Persistent subject (NemLog-in: the person's or the employee's UUID). */
  subjekt: string
  navn: string
  /** What the local IdP's page tells the tester about this person. */
  beskrivelse: string
  loa: Sikringsniveau
  cpr?: string
  cvr?: string
  organisation?: string
  rettigheder?: string[]
}

export const demoCvr = {
  noerrebroEjendomme: '31256801',
  vesterbroBolig: '41782307',
  juhlAdvokater: '29601151',
} as const

export const demoCpr = {
  camilla: '1203881234',
  frederik: '0405701357',
} as const

export const demoIdentiteter: readonly DemoIdentitet[] = [
  {
    subjekt: '7f1c2a4e-1b7d-4c55-9a51-3c1b2f6d0a01',
    navn: 'Camilla Nørgaard',
    beskrivelse: 'Borger, lejer i København (har demosager)',
    loa: 'Substantial',
    cpr: demoCpr.camilla,
  },
  {
    subjekt: '7f1c2a4e-1b7d-4c55-9a51-3c1b2f6d0a02',
    navn: 'Frederik Winther',
    beskrivelse: 'Borger, privat udlejer (har demosager)',
    loa: 'High',
    cpr: demoCpr.frederik,
  },
  {
    subjekt: '7f1c2a4e-1b7d-4c55-9a51-3c1b2f6d0a03',
    navn: 'Ida Holm',
    beskrivelse: 'Borger med MitID på lavt sikringsniveau (bliver afvist)',
    loa: 'Low',
    cpr: '2202951234',
  },
  {
    subjekt: '7f1c2a4e-1b7d-4c55-9a51-3c1b2f6d0b01',
    navn: 'Mette Hansen',
    beskrivelse: 'MitID Erhverv: medarbejder hos udlejer Nørrebro Ejendomme ApS',
    loa: 'Substantial',
    cvr: demoCvr.noerrebroEjendomme,
    organisation: 'Nørrebro Ejendomme ApS',
    rettigheder: ['urn:dk:naevn:privilege:sager'],
  },
  {
    subjekt: '7f1c2a4e-1b7d-4c55-9a51-3c1b2f6d0b02',
    navn: 'Søren Juhl',
    beskrivelse: 'MitID Erhverv: advokat hos Juhl Advokater, fuldmagt fra Vesterbro Bolig A/S',
    loa: 'Substantial',
    cvr: demoCvr.juhlAdvokater,
    organisation: 'Juhl Advokater',
    rettigheder: ['urn:dk:naevn:privilege:sager'],
  },
]
