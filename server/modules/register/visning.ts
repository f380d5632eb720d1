// How the registers' codes and numbers read on the public pages: the national API's
// codes (DOMAIN.md) with the Danish labels of server/kerne/sag/koder.ts, dates and amounts in
// Danish. Shared by the register's pages and downloads so they say the same thing.
import { afslutningsaarsager, besigtigelseKoder, huslejekategorier, huslejemetoder, medholdKoder } from '../../kerne/sag/koder.js'

export const naevnTypeKoder = { RENT_BOARD: 'Huslejenævn', RESIDENT_COMPLAINTS_BOARD: 'Beboerklagenævn' } as const
export type NaevnTypeKode = keyof typeof naevnTypeKoder

const IKKE_ANGIVET = 'Ikke angivet'

const opslag = (tabel: Record<string, string>) => (kode: string | null | undefined): string => (kode && Object.hasOwn(tabel, kode) ? tabel[kode]! : IKKE_ANGIVET)

export const naevnTypeTekst = opslag(naevnTypeKoder)
export const udfaldTekst = opslag(afslutningsaarsager)
export const medholdTekst = opslag(medholdKoder)
export const besigtigelseTekst = opslag(besigtigelseKoder)
export const metodeTekst = opslag(huslejemetoder)
export const jaNejTekst = opslag({ YES: 'Ja', NO: 'Nej' })
export const indbringerTekst = opslag({ TENANT: 'Lejer', LANDLORD: 'Udlejer' })

export { afslutningsaarsager, huslejekategorier, huslejemetoder, medholdKoder }

const datoFormat = new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeZone: 'UTC' })
const kortDatoFormat = new Intl.DateTimeFormat('da-DK', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })

/** '2026-11-20' → '20. november 2026'; a calendar date, so no time zone can shift it. */
export function datoTekst(iso: string | null | undefined): string {
  if (!iso) return IKKE_ANGIVET
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`)
  return Number.isNaN(d.getTime()) ? IKKE_ANGIVET : datoFormat.format(d)
}

/** '2026-11-20' → '20.11.2026' (tables). */
export function kortDato(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`)
  return Number.isNaN(d.getTime()) ? '' : kortDatoFormat.format(d)
}

const heltal = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 })
const toDecimaler = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 0, maximumFractionDigits: 2 })

export function talTekst(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '' : heltal.format(n)
}

export function beloebTekst(n: number | string | null | undefined): string {
  const x = typeof n === 'string' ? Number(n) : n
  return x === null || x === undefined || !Number.isFinite(x) ? '' : `${toDecimaler.format(x)} kr.`
}

/** A heading of the decision text in capitals ('LOVGRUNDLAG OG BEGRUNDELSE') as a page heading. */
export function overskriftTekst(s: string): string {
  const lower = s.toLocaleLowerCase('da-DK')
  return lower.charAt(0).toLocaleUpperCase('da-DK') + lower.slice(1)
}
