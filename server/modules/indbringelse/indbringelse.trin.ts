// The filing wizard's steps: what each asks, and the Danish validation of what was
// typed. Pure functions: form values in, clean data or field errors out.
import { FormErrors, emailPattern, feltLaengdeFejl, list, text, type FormValues } from '../../platform/forms/form.js'
import { validateCpr, validateCvr } from '../../kerne/identitet/cpr.js'
import type { PostnummerIndex } from '../../kerne/referencedata/postnumre.js'
import type { NaevnType } from '../../kerne/naevn/naevn.js'
import { repraesentantTyper, type LejemaalType, type RepraesentantType } from '../../kerne/sag/koder.js'
import { spoergsmaalFor, validateFormaal, validateSagsomraader, type IndbringerRolle } from '../../kerne/sag/sagsomraader.js'
import { maksTegn, tekstGraenser } from '../../platform/forms/graenser.js'

export const trin = [
  { nr: 1, slug: 'hvem', titel: 'Hvem er du?' },
  { nr: 2, slug: 'lejemaal', titel: 'Lejemålet' },
  { nr: 3, slug: 'parter', titel: 'Parterne' },
  { nr: 4, slug: 'sagen', titel: 'Hvad drejer sagen sig om?' },
  { nr: 5, slug: 'bilag', titel: 'Bilag' },
  { nr: 6, slug: 'gebyr', titel: 'Gebyr' },
  { nr: 7, slug: 'indsend', titel: 'Gennemse og indsend' },
] as const
export type TrinSlug = (typeof trin)[number]['slug']

export function trinAf(slug: string) {
  return trin.find((t) => t.slug === slug)
}


type Result<T> = { ok: true; data: T } | { ok: false; errors: FormErrors }

// ─── Step 1 ───────────────────────────────────────────────────────────────
export interface Hvem {
  indbringerRolle: IndbringerRolle
  repraesentantType: RepraesentantType | null
}

export function parseHvem(body: FormValues | undefined): Result<Hvem> {
  const errors = new FormErrors()
  const rolle = text(body, 'indbringer_rolle')
  const forHvem = text(body, 'for_hvem')
  const type = text(body, 'repraesentant_type')
  if (rolle !== 'lejer' && rolle !== 'udlejer') errors.add('indbringer_rolle', 'Vælg, om sagen indbringes af lejer eller udlejer.')
  if (forHvem !== 'selv' && forHvem !== 'repraesentant') errors.add('for_hvem', 'Vælg, om du indbringer for dig selv eller som repræsentant.')
  if (forHvem === 'repraesentant' && !Object.hasOwn(repraesentantTyper, type)) errors.add('repraesentant_type', 'Vælg, hvilken slags repræsentant du er.')
  errors.merge(feltLaengdeFejl(body))
  if (errors.any) return { ok: false, errors }
  return {
    ok: true,
    data: { indbringerRolle: rolle as IndbringerRolle, repraesentantType: forHvem === 'repraesentant' ? (type as RepraesentantType) : null },
  }
}

// ─── Step 2 ───────────────────────────────────────────────────────────────
export interface Lejemaal {
  vejnavn: string
  husnummer: string
  etage: string
  doer: string
  postnr: string
  by: string
  lejemaalType: LejemaalType
  kommunekode: number
}

export interface LejemaalParse {
  result: Result<Lejemaal>
  /** The municipalities to choose between when the postal code spans several. */
  kommuneValg: { kommunekode: number; navn: string }[]
}

export function parseLejemaal(body: FormValues | undefined, postnumre: PostnummerIndex): LejemaalParse {
  const errors = new FormErrors()
  const v = {
    vejnavn: text(body, 'vejnavn', 100),
    husnummer: text(body, 'husnummer', 10),
    etage: text(body, 'etage', 10),
    doer: text(body, 'doer', 10),
    postnr: text(body, 'postnr', 4),
    by: text(body, 'by', 60),
  }
  const type = text(body, 'lejemaal_type')
  if (v.vejnavn.length < 2) errors.add('vejnavn', 'Skriv vejnavnet.')
  if (!/^\d{1,3}[A-Za-zÆØÅæøå]?$/.test(v.husnummer)) errors.add('husnummer', 'Skriv husnummeret, fx 12 eller 12B.')
  let kommuneValg: { kommunekode: number; navn: string }[] = []
  let kommunekode: number | undefined
  const postnr = postnumre.lookup(v.postnr)
  if (!/^\d{4}$/.test(v.postnr)) errors.add('postnr', 'Postnummeret skal være fire cifre.')
  else if (!postnr) errors.add('postnr', `Postnummeret ${v.postnr} findes ikke. Tjek det og prøv igen.`)
  else {
    if (!v.by) v.by = postnr.navn
    kommuneValg = postnr.kommuner.map((k) => ({ kommunekode: k.kommunekode, navn: k.navn }))
    if (kommuneValg.length === 1) kommunekode = kommuneValg[0]!.kommunekode
    else {
      const valgt = Number(text(body, 'kommunekode'))
      if (kommuneValg.some((k) => k.kommunekode === valgt)) kommunekode = valgt
      else errors.add('kommunekode', `Postnummer ${v.postnr} dækker flere kommuner. Vælg den kommune, lejemålet ligger i.`)
    }
  }
  if (type !== 'privat' && type !== 'almen') errors.add('lejemaal_type', 'Vælg, om lejemålet er privat udlejet eller en almen bolig.')
  errors.merge(feltLaengdeFejl(body))
  if (errors.any || kommunekode === undefined) return { result: { ok: false, errors }, kommuneValg }
  return { result: { ok: true, data: { ...v, lejemaalType: type as LejemaalType, kommunekode } }, kommuneValg }
}

// ─── Step 3 ───────────────────────────────────────────────────────────────
export interface PartInput {
  navn: string
  cpr: string | null
  cvr: string | null
  /** The masked CPR shown back to the filer: sent unchanged means "keep the stored one". */
  beholdCpr: boolean
  email: string
  telefon: string
  adresse: string
  postnr: string
  by: string
}

export interface Parter {
  mig: PartInput
  klient: PartInput | null
  medparter: PartInput[]
  modpart: PartInput
}

export const antalMedpartFelter = 3

function parsePart(body: FormValues | undefined, prefix: string, errors: FormErrors, o: { navnPaakraevet: boolean; emailPaakraevet: boolean; navnFejl: string }): PartInput {
  const p = {
    navn: text(body, `${prefix}_navn`, 200),
    id: text(body, `${prefix}_cprcvr`, 20),
    email: text(body, `${prefix}_email`, 254),
    telefon: text(body, `${prefix}_telefon`, 30),
    adresse: text(body, `${prefix}_adresse`, 200),
    postnr: text(body, `${prefix}_postnr`, 4),
    by: text(body, `${prefix}_by`, 60),
  }
  if (o.navnPaakraevet && p.navn.length < 2) errors.add(`${prefix}_navn`, o.navnFejl)
  if (o.emailPaakraevet && !p.email) errors.add(`${prefix}_email`, 'Skriv en e-mailadresse, så nævnet kan kontakte dig.')
  if (p.email && !emailPattern.test(p.email)) errors.add(`${prefix}_email`, 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.')
  if (p.postnr && !/^\d{4}$/.test(p.postnr)) errors.add(`${prefix}_postnr`, 'Postnummeret skal være fire cifre.')
  if (p.telefon && !/^[+\d][\d ]{7,15}$/.test(p.telefon)) errors.add(`${prefix}_telefon`, 'Skriv telefonnummeret med cifre, fx 12 34 56 78.')
  let cpr: string | null = null
  let cvr: string | null = null
  let beholdCpr = false
  const digits = p.id.replace(/[\s-]/g, '')
  if (/^\d{6}-?x{4}$/i.test(p.id.replace(/\s/g, ''))) beholdCpr = true
  else if (digits.length === 8) {
    const r = validateCvr(digits)
    if (r.ok) cvr = r.cvr
    else errors.add(`${prefix}_cprcvr`, r.fejl)
  } else if (p.id) {
    const r = validateCpr(p.id)
    if (r.ok) cpr = r.cpr
    else errors.add(`${prefix}_cprcvr`, r.fejl)
  }
  return { navn: p.navn, cpr, cvr, beholdCpr, email: p.email, telefon: p.telefon, adresse: p.adresse, postnr: p.postnr, by: p.by }
}

export function parseParter(body: FormValues | undefined, repraesentant: boolean): Result<Parter> {
  const errors = new FormErrors()
  const mig = parsePart(body, 'mig', errors, { navnPaakraevet: true, emailPaakraevet: true, navnFejl: 'Skriv dit navn (eller din organisations navn).' })
  const klient = repraesentant
    ? parsePart(body, 'klient', errors, { navnPaakraevet: true, emailPaakraevet: false, navnFejl: 'Skriv navnet på den, du repræsenterer.' })
    : null
  const medparter: PartInput[] = []
  for (let i = 1; i <= antalMedpartFelter; i++) {
    const felt = `medpart${i}`
    const anyValue = ['navn', 'cprcvr', 'email'].some((f) => text(body, `${felt}_${f}`))
    if (!anyValue) continue
    medparter.push(parsePart(body, felt, errors, { navnPaakraevet: true, emailPaakraevet: false, navnFejl: 'Skriv medpartens navn, eller tøm felterne.' }))
  }
  const modpart = parsePart(body, 'modpart', errors, { navnPaakraevet: true, emailPaakraevet: false, navnFejl: 'Skriv navnet på modparten (fx udlejer, boligselskab eller lejer).' })
  errors.merge(feltLaengdeFejl(body))
  if (errors.any) return { ok: false, errors }
  return { ok: true, data: { mig, klient, medparter, modpart } }
}

// ─── Step 4 ───────────────────────────────────────────────────────────────
export interface Sagen {
  sagsomraader: string[]
  formaal: string
  beskrivelse: string
  svar: Record<string, string>
}

export function parseSagen(body: FormValues | undefined, type: NaevnType, rolle: IndbringerRolle): Result<Sagen> {
  const errors = new FormErrors()
  const sagsomraader = list(body, 'sagsomraader')
  const formaal = text(body, 'formaal')
  const beskrivelse = text(body, 'beskrivelse', tekstGraenser.beskrivelse)
  const formaalFejl = validateFormaal(type, rolle, formaal)
  if (formaalFejl) errors.add('formaal', formaalFejl)
  const omraadeFejl = validateSagsomraader(type, rolle, sagsomraader, formaalFejl ? undefined : formaal)
  if (omraadeFejl) errors.add('sagsomraader', omraadeFejl)
  if (beskrivelse.length < 20) errors.add('beskrivelse', 'Beskriv sagen med mindst et par sætninger: hvad er uenigheden, og hvad ønsker du, at nævnet tager stilling til?')
  if (beskrivelse.length > tekstGraenser.beskrivelse) errors.add('beskrivelse', `Beskrivelsen må højst være ${maksTegn('beskrivelse')} tegn. Læg længere tekster ved som bilag.`)
  const svar: Record<string, string> = {}
  for (const s of spoergsmaalFor(type, omraadeFejl ? [] : sagsomraader)) {
    const value = text(body, `svar_${s.felt}`, 200)
    if (!value) {
      if (s.paakraevet) errors.add(`svar_${s.felt}`, `Besvar: ${s.label}`)
      continue
    }
    if (s.type === 'dato' && !gyldigDato(value)) errors.add(`svar_${s.felt}`, `Skriv datoen som dd-mm-åååå: ${s.label}`)
    else if (s.type === 'beloeb' && !/^\d{1,3}(\.?\d{3})*(,\d{1,2})?$/.test(value)) errors.add(`svar_${s.felt}`, `Skriv beløbet i kroner, fx 8.500: ${s.label}`)
    svar[s.felt] = value
  }
  errors.merge(feltLaengdeFejl(body))
  if (errors.any) return { ok: false, errors }
  return { ok: true, data: { sagsomraader, formaal, beskrivelse, svar } }
}

/** dd-mm-åååå (also with . or /), or åååå-mm-dd from a date field; the date must exist. */
export function gyldigDato(value: string): boolean {
  const m = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(value) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [d, mo, y] = value.includes('-') && m[1]!.length === 4 ? [Number(m[3]), Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y > 1900
}
