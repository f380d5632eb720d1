// Code lists of a case that every module shows: who files, the kind of tenancy, the
// kind of representative, and which board type a tenancy belongs to.
import type { NaevnType } from '../naevn/naevn.js'
import type { IndbringerRolle } from './sagsomraader.js'

export const rolleLabel: Record<IndbringerRolle, string> = { lejer: 'Lejer', udlejer: 'Udlejer' }

export const lejemaalLabel = { privat: 'Privat udlejning', almen: 'Almen bolig (social boligsektor)' } as const
export type LejemaalType = keyof typeof lejemaalLabel

/** Private tenancies go to the huslejenævn, social housing to the beboerklagenævn. */
export function naevnTypeFor(lejemaal: LejemaalType): NaevnType {
  return lejemaal === 'almen' ? 'beboerklagenaevn' : 'huslejenaevn'
}

export const repraesentantTyper = {
  advokat: 'Advokat',
  lejerforening: 'Lejerforening eller beboerorganisation',
  administrator: 'Administrator',
  andet: 'Anden repræsentant',
} as const
export type RepraesentantType = keyof typeof repraesentantTyper

// ─── Decisions: the national huslejenaevn.dk API's values, with Danish labels ──────
export const afslutningsaarsager = {
  IN_FAVOUR: 'Afsluttet med afgørelse om medhold',
  IN_PARTIAL_FAVOUR: 'Afsluttet med afgørelse om delvist medhold',
  REJECTED: 'Afvist',
  DISMISSED: 'Henlagt',
  SETTLEMENT: 'Forlig',
} as const
export type Afslutningsaarsag = keyof typeof afslutningsaarsager

export const medholdKoder = { TENANT: 'Lejer', LANDLORD: 'Udlejer', SHARED: 'Delt' } as const
export type Medhold = keyof typeof medholdKoder

export const besigtigelseKoder = { HELD: 'Afholdt', NOT_HELD: 'Ikke afholdt' } as const

export const huslejemetoder = {
  BASED_ON_EXPENSES: 'Omkostningsbestemt husleje',
  BASED_ON_COMPARABLE_RENTS: 'Det lejedes værdi (sammenligningslejemål)',
  BASED_ON_FREE_MARKET_PRICE: 'Markedsleje',
} as const
export const huslejekategorier = { MONTHLY_RENT: 'Månedlig husleje', ANNUAL_RENT_PER_SQUARE_METERS: 'Årlig leje pr. m²' } as const
export const huslejeangivelser = { TENANCY_SPECIFIC_RENT: 'Husleje for det konkrete lejemål', EXAMPLE_RENT: 'Eksempelhusleje' } as const

/** The case status a final decision leads to, by its closing reason. */
export function statusForAfslutning(a: Afslutningsaarsag): 'afgjort' | 'afvist' | 'henlagt' | 'forlig' {
  return a === 'REJECTED' ? 'afvist' : a === 'DISMISSED' ? 'henlagt' : a === 'SETTLEMENT' ? 'forlig' : 'afgjort'
}
