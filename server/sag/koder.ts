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
