// The rules of who may see and do what. Every module asks here; nothing else encodes
// roles. A refusal is always reported as absence (NotFoundError → 404).
import { NotFoundError } from '../../platform/errors.js'
import { personaleRoller, type NaevnRolle, type Principal } from './principal.js'

const staffRoles: readonly NaevnRolle[] = personaleRoller

export function isAdmin(p: Principal | null): boolean {
  return p?.isAdmin === true
}

/** Boards whose secretariat the user works in (caseworker or head). */
export function staffNaevnIds(p: Principal | null): string[] {
  return (p?.memberships ?? []).filter((m) => staffRoles.includes(m.rolle)).map((m) => m.naevnId)
}

/** Boards the user sits on as chair or member. */
export function boardMemberNaevnIds(p: Principal | null): string[] {
  return (p?.memberships ?? []).filter((m) => m.rolle === 'naevnsmedlem').map((m) => m.naevnId)
}

export function isLeaderOf(p: Principal | null, naevnId: string): boolean {
  return (p?.memberships ?? []).some((m) => m.naevnId === naevnId && m.rolle === 'sekretariatsleder')
}

// ─── The head of a secretariat's decisions, each named for what it allows ───────────

/** Assign a case of the board to someone other than oneself (anyone may take a case). */
export function mayAssignOthers(p: Principal | null, naevnId: string): boolean {
  return isLeaderOf(p, naevnId)
}

/** See who opened the board's cases and documents (the access log, per case and per person). */
export function mayReadAccessLog(p: Principal | null, naevnId: string): boolean {
  return isLeaderOf(p, naevnId)
}

/** Propose, approve or refuse deleting the board's closed cases after their retention. */
export function mayDecideDeletion(p: Principal | null, naevnId: string): boolean {
  return isLeaderOf(p, naevnId)
}

/** See the leaders' overview and statistics of the board. */
export function mayViewLeaderOverview(p: Principal | null, naevnId: string): boolean {
  return isLeaderOf(p, naevnId)
}

/** Change the board's own settings (contact details, anonymization policy, retention). */
export function mayConfigureNaevn(p: Principal | null, naevnId: string): boolean {
  return isAdmin(p) || isLeaderOf(p, naevnId)
}

/**
 * See a party's CPR number (masked to the birth date): only someone who acts as that party
 * (server/kerne/access/sager.ts, handlerSomPart). Staff see that one is registered, never the number.
 */
export function maySeeCpr(partId: string, parterJegHandlerSom: readonly string[]): boolean {
  return parterJegHandlerSom.includes(partId)
}

/** Boards whose page (details, secretariat, members) the user may open. */
export function visibleNaevnIds(p: Principal | null): string[] {
  return (p?.memberships ?? []).map((m) => m.naevnId)
}

export function mayViewNaevn(p: Principal | null, naevnId: string): boolean {
  return isAdmin(p) || visibleNaevnIds(p).includes(naevnId)
}

export type StartPage = '/admin' | '/sagsbehandling' | '/naevnsportal' | '/mine-sager'

/** Where a user lands after login: the most demanding role first. */
export function startPageFor(p: Principal): StartPage {
  if (p.isAdmin) return '/admin'
  if (staffNaevnIds(p).length > 0) return '/sagsbehandling'
  if (boardMemberNaevnIds(p).length > 0) return '/naevnsportal'
  return '/mine-sager'
}

export function assertAdmin(p: Principal | null): asserts p is Principal {
  if (!isAdmin(p)) throw new NotFoundError('SideIkkeFundet', 'Siden findes ikke.')
}

export function assertStaff(p: Principal | null): asserts p is Principal {
  if (staffNaevnIds(p).length === 0) throw new NotFoundError('SideIkkeFundet', 'Siden findes ikke.')
}

export function assertBoardMember(p: Principal | null): asserts p is Principal {
  if (boardMemberNaevnIds(p).length === 0) throw new NotFoundError('SideIkkeFundet', 'Siden findes ikke.')
}

/** Boards whose secretariat the user heads. */
export function ledteNaevnIds(p: Principal | null): string[] {
  return [...new Set((p?.memberships ?? []).map((m) => m.naevnId))].filter((id) => isLeaderOf(p, id))
}

/** Leaders' pages (overview, statistics): anyone else is told the page does not exist. */
export function assertSekretariatsleder(p: Principal | null): asserts p is Principal {
  if (ledteNaevnIds(p).length === 0) throw new NotFoundError('SideIkkeFundet', 'Siden findes ikke.')
}

export function assertMayViewNaevn(p: Principal | null, naevnId: string): void {
  if (!mayViewNaevn(p, naevnId)) throw new NotFoundError('NaevnIkkeFundet', 'Nævnet findes ikke.')
}

/** A board's own settings (e.g. its anonymization policy): the head of its secretariat or an admin. */
export function assertMayConfigureNaevn(p: Principal | null, naevnId: string): asserts p is Principal {
  if (!mayConfigureNaevn(p, naevnId)) throw new NotFoundError('NaevnIkkeFundet', 'Nævnet findes ikke.')
}

/** Password and second-factor pages: only for accounts with a password (a MitID user has none). */
export function assertAdgangskodeKonto(p: Principal | null): asserts p is Principal {
  if (!p?.harAdgangskode) throw new NotFoundError('SideIkkeFundet', 'Siden findes ikke.')
}

/** The e-mail page for notices: only for accounts that logged in with MitID (NemLog-in sends no address). */
export function assertMitidKonto(p: Principal | null): asserts p is Principal {
  if (!p?.eid) throw new NotFoundError('SideIkkeFundet', 'Siden findes ikke.')
}
