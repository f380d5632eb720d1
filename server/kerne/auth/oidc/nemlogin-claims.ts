// NemLog-in's claims, read in one place so a board can adjust the mapping to its broker.
//
// NemLog-in's OIDC interface carries the OIOSAML 3 attribute names as claim names
// (https://data.gov.dk/model/core/...): CPR for a citizen, CVR and organisation name for a
// MitID Erhverv identity, the NSIS assurance level, names, and the employee's rights as
// base64 of NemLog-in's privilege list (OIOSAML 3 "bpp"). The local IdP (lokal-idp.ts)
// issues exactly these claims. Where a broker differs (e.g. a commercial broker's
// "cprNumberIdentifier"), change the names below; nothing else reads claims.
import { validateCpr, validateCvr } from '../../identitet/cpr.js'
import type { Sikringsniveau } from '../../../platform/config.js'

export const claim = {
  cpr: 'https://data.gov.dk/model/core/eid/cprNumber',
  loa: 'https://data.gov.dk/concept/core/nsis/loa',
  fuldtNavn: 'https://data.gov.dk/model/core/eid/fullName',
  fornavn: 'https://data.gov.dk/model/core/eid/firstName',
  efternavn: 'https://data.gov.dk/model/core/eid/lastName',
  cvr: 'https://data.gov.dk/model/core/eid/professional/cvr',
  organisation: 'https://data.gov.dk/model/core/eid/professional/orgName',
  rettigheder: 'https://data.gov.dk/model/core/eid/privilegesIntermediate',
} as const

/** NSIS levels in rising order; the claim carries the name, some brokers the full URI. */
const niveauer: readonly Sikringsniveau[] = ['Low', 'Substantial', 'High']

export interface EidIdentitet {
  /** The identity provider's persistent subject (a person's or an employee's UUID). */
  subjekt: string
  navn: string
  loa: Sikringsniveau | null
  cpr: string | null
  /** Set for a MitID Erhverv identity: the company it acts for. */
  cvr: string | null
  organisation: string | null
  /** Privileges granted for that CVR (NemLog-in's rights, "rettigheder"). */
  rettigheder: string[]
}

export type Fortolkning = { ok: true; identitet: EidIdentitet } | { ok: false; grund: 'mangler_subjekt' | 'mangler_navn' | 'ugyldigt_cpr' | 'ugyldigt_cvr' | 'hverken_cpr_eller_cvr' }

function tekst(claims: Record<string, unknown>, navn: string): string | null {
  const v = claims[navn]
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null
}

export function loaAf(claims: Record<string, unknown>): Sikringsniveau | null {
  const raw = tekst(claims, claim.loa)
  if (!raw) return null
  const navn = raw.slice(raw.lastIndexOf('/') + 1)
  return niveauer.find((n) => n.toLowerCase() === navn.toLowerCase()) ?? null
}

/** True when the level is at least the required one. An unknown level is never enough. */
export function loaRaekker(loa: Sikringsniveau | null, kraevet: Sikringsniveau): boolean {
  return loa !== null && niveauer.indexOf(loa) >= niveauer.indexOf(kraevet)
}

/**
 * NemLog-in's privilege list (base64 of XML): <PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:NNNNNNNN">
 * with <Privilege> elements. Only the privileges for the CVR the employee acts for count.
 */
export function rettighederFor(base64: string | null, cvr: string): string[] {
  if (!base64) return []
  let xml: string
  try {
    xml = Buffer.from(base64, 'base64').toString('utf8')
  } catch {
    return []
  }
  const rettigheder: string[] = []
  for (const gruppe of xml.matchAll(/<(?:\w+:)?PrivilegeGroup\b[^>]*Scope="([^"]*)"[^>]*>([\s\S]*?)<\/(?:\w+:)?PrivilegeGroup>/g)) {
    if (!gruppe[1]?.endsWith(`:${cvr}`)) continue
    for (const p of (gruppe[2] ?? '').matchAll(/<(?:\w+:)?Privilege\b[^>]*>([^<]*)<\/(?:\w+:)?Privilege>/g)) rettigheder.push((p[1] ?? '').trim())
  }
  return rettigheder.filter(Boolean)
}

/** Reads the ID token's claims. CPR and CVR are validated as the forms validate them. */
export function fortolkClaims(claims: Record<string, unknown>): Fortolkning {
  const subjekt = tekst(claims, 'sub')
  if (!subjekt) return { ok: false, grund: 'mangler_subjekt' }
  const navn = tekst(claims, claim.fuldtNavn) ?? [tekst(claims, claim.fornavn), tekst(claims, claim.efternavn)].filter(Boolean).join(' ')
  if (!navn) return { ok: false, grund: 'mangler_navn' }
  const cprRaw = tekst(claims, claim.cpr)
  const cvrRaw = tekst(claims, claim.cvr)
  let cpr: string | null = null
  let cvr: string | null = null
  if (cprRaw) {
    const r = validateCpr(cprRaw)
    if (!r.ok) return { ok: false, grund: 'ugyldigt_cpr' }
    cpr = r.cpr
  }
  if (cvrRaw) {
    const r = validateCvr(cvrRaw)
    if (!r.ok) return { ok: false, grund: 'ugyldigt_cvr' }
    cvr = r.cvr
  }
  if (!cpr && !cvr) return { ok: false, grund: 'hverken_cpr_eller_cvr' }
  return {
    ok: true,
    identitet: {
      subjekt,
      navn,
      loa: loaAf(claims),
      // A MitID Erhverv identity acts for its company: a CPR the broker adds does not make it a private person.
      cpr: cvr ? null : cpr,
      cvr,
      organisation: cvr ? tekst(claims, claim.organisation) : null,
      rettigheder: cvr ? rettighederFor(tekst(claims, claim.rettigheder), cvr) : [],
    },
  }
}
