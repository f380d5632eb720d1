// Deadlines (frister) counted on the Danish calendar: working days, public holidays and
// the board's own deadlines. Everything here is arithmetic on calendar dates, never on
// instants: a deadline is a day ("fristen udløber mandag den 6. april 2026"), and doing
// the sums on Date objects would let a daylight-saving change or a server in another
// time zone move it by a day. An instant becomes a date once, in fraDate.
//
// The public holidays come from the package date-holidays (its rules for DK: Easter by
// computus, store bededag only before 2024); the names and the closing days of the
// public offices are ours, as they are what a letter to a party must say.
import Holidays from 'date-holidays'
import type { NaevnType } from '../naevn/naevn.js'

/** A calendar date as 'YYYY-MM-DD' (no time, no zone). */
export type Dato = string

/** A day of the year as 'MM-DD', for closing days that fall on the same date every year. */
export type MaanedDag = string

export type Helligdag = { dato: Dato; navn: string }

/**
 * Grundlovsdag (5 June), juleaftensdag (24 December) and nytårsaftensdag (31 December)
 * are not public holidays, but the public offices that host the boards' secretariats
 * are closed: the collective agreements of public employees give 24 and 31 December off
 * and grundlovsdag off (at least from noon), so nobody can receive, answer or act on a
 * filing that day. The rent laws already treat grundlovsdag like a holiday when a
 * deadline expires (lejeloven § 58, stk. 4, and § 182, stk. 2; almenlejeloven § 44,
 * stk. 2, and § 90, stk. 2). Moving a deadline past these days only ever gives a party
 * more time, never less, so they count as non-working days unless a caller says
 * otherwise (`{ ekstraLukkedage: false }`, or its own list of 'MM-DD').
 */
export const standardEkstraLukkedage: readonly MaanedDag[] = Object.freeze(['06-05', '12-24', '12-31'])

const ekstraLukkedagNavne: Readonly<Record<MaanedDag, string>> = Object.freeze({
  '06-05': 'grundlovsdag',
  '12-24': 'juleaftensdag',
  '12-31': 'nytårsaftensdag',
})

export type FristOptions = {
  /**
   * Extra closing days besides the public holidays: true (the default) for
   * standardEkstraLukkedage, false for none, or a board's own list of 'MM-DD'.
   */
  ekstraLukkedage?: boolean | readonly MaanedDag[]
}

/** lov om boligforhold § 82, stk. 3: the board sends the filing to the other party no later than 1 week after receiving it. */
export const UGER_TIL_ANDEN_PART = 1

/** lov om boligforhold § 82, stk. 3: the other party has 2 weeks to comment; the board can extend. */
export const UGER_TIL_SVAR = 2

const ugedage = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'] as const
const maaneder = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'] as const

// The names as they are written in Danish prose (and in the law: "2. påskedag"), keyed
// by the package's Danish name so that a holiday the package adds later still counts as
// a non-working day, under its own name, instead of being dropped.
const helligdagNavne: Readonly<Record<string, string>> = Object.freeze({
  'nytårsdag': 'nytårsdag',
  'skærtorsdag': 'skærtorsdag',
  'langfredag': 'langfredag',
  'påskedag': 'påskedag',
  'anden påskedag': '2. påskedag',
  // Abolished as a public holiday from 2024 by lov om konsekvenser ved afskaffelsen af
  // store bededag som helligdag (L 13, adopted 28 February 2023); the package knows it.
  'store bededag': 'store bededag',
  'kristi himmelfartsdag': 'Kristi himmelfartsdag',
  'pinsedag': 'pinsedag',
  'anden pinsedag': '2. pinsedag',
  'juledag': 'juledag',
  'anden juledag': '2. juledag',
})

const DAG_MS = 86_400_000
const datoMoenster = /^(\d{4})-(\d{2})-(\d{2})$/
const maanedDagMoenster = /^(\d{2})-(\d{2})$/

// Dates are held internally as whole days since 1970-01-01; UTC has no daylight saving,
// so adding 1 is always exactly one calendar day.
function dagnummer(dato: Dato): number {
  const m = datoMoenster.exec(dato)
  if (!m) throw new RangeError(`Ugyldig dato: ${JSON.stringify(dato)} (forventet ÅÅÅÅ-MM-DD)`)
  const [aar, maaned, dag] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(aar, maaned - 1, dag)
  const d = new Date(ms)
  // Date.UTC rolls 30 February over into March; a deadline must never do that silently.
  if (d.getUTCFullYear() !== aar || d.getUTCMonth() !== maaned - 1 || d.getUTCDate() !== dag) {
    throw new RangeError(`Ugyldig dato: ${dato}`)
  }
  return ms / DAG_MS
}

function fraDagnummer(n: number): Dato {
  return new Date(n * DAG_MS).toISOString().slice(0, 10)
}

function ugedag(n: number): number {
  return new Date(n * DAG_MS).getUTCDay()
}

function kraevHeltal(vaerdi: number, navn: string): void {
  if (!Number.isInteger(vaerdi) || vaerdi < 0) throw new RangeError(`${navn} skal være et helt tal ≥ 0, fik ${vaerdi}`)
}

/** Whether a value is a valid calendar date 'YYYY-MM-DD'. */
export function erDato(value: unknown): value is Dato {
  if (typeof value !== 'string') return false
  try {
    dagnummer(value)
    return true
  } catch {
    return false
  }
}

const kalender = new Holidays('DK', { languages: ['da'], types: ['public'] })
const helligdageCache = new Map<number, readonly Helligdag[]>()

/** The Danish public holidays (helligdage) of a year, in date order, with their Danish names. */
export function helligdage(aar: number): readonly Helligdag[] {
  if (!Number.isInteger(aar)) throw new RangeError(`Ugyldigt år: ${aar}`)
  let liste = helligdageCache.get(aar)
  if (!liste) {
    liste = Object.freeze(
      kalender
        .getHolidays(aar, 'da')
        .filter((h) => h.type === 'public')
        .map((h) => Object.freeze({ dato: h.date.slice(0, 10), navn: helligdagNavne[h.name.toLowerCase()] ?? h.name }))
        .sort((a, b) => (a.dato < b.dato ? -1 : a.dato > b.dato ? 1 : 0)),
    )
    helligdageCache.set(aar, liste)
  }
  return liste
}

function lukkedageListe(opts: FristOptions | undefined): readonly MaanedDag[] {
  const valg = opts?.ekstraLukkedage ?? true
  if (valg === true) return standardEkstraLukkedage
  if (valg === false) return []
  for (const md of valg) {
    if (!maanedDagMoenster.test(md)) throw new RangeError(`Ugyldig lukkedag: ${JSON.stringify(md)} (forventet MM-DD)`)
  }
  return valg
}

/** The extra closing days of a year that are not public holidays (by default grundlovsdag, juleaftensdag, nytårsaftensdag). */
export function ekstraLukkedage(aar: number, opts?: FristOptions): readonly Helligdag[] {
  const aarTekst = String(aar).padStart(4, '0')
  return lukkedageListe(opts)
    .map((md) => ({ dato: `${aarTekst}-${md}`, navn: ekstraLukkedagNavne[md] ?? 'lukkedag' }))
    .filter((l) => erDato(l.dato))
    .sort((a, b) => (a.dato < b.dato ? -1 : a.dato > b.dato ? 1 : 0))
}

function erArbejdsdagNr(n: number, opts: FristOptions | undefined): boolean {
  const dag = ugedag(n)
  if (dag === 0 || dag === 6) return false
  const dato = fraDagnummer(n)
  const aar = Number(dato.slice(0, 4))
  if (helligdage(aar).some((h) => h.dato === dato)) return false
  return !lukkedageListe(opts).includes(dato.slice(5))
}

/** A working day: Monday to Friday, not a public holiday, and (by default) not an extra closing day. */
export function erArbejdsdag(dato: Dato, opts?: FristOptions): boolean {
  return erArbejdsdagNr(dagnummer(dato), opts)
}

function naesteArbejdsdagNr(n: number, opts: FristOptions | undefined): number {
  let d = n
  while (!erArbejdsdagNr(d, opts)) d += 1
  return d
}

/**
 * The date itself when it is a working day, else the next working day: a deadline
 * ending on a non-working day moves to the next working day (DOMAIN.md, as lejeloven
 * § 182, stk. 2, does for its own deadline).
 */
export function naesteArbejdsdag(dato: Dato, opts?: FristOptions): Dato {
  return fraDagnummer(naesteArbejdsdagNr(dagnummer(dato), opts))
}

/**
 * The n-th working day after the date (counting starts the next day, so Friday + 1 is
 * Monday). n = 0 gives the date itself, moved to the next working day if it is not one.
 */
export function tilfoejArbejdsdage(dato: Dato, n: number, opts?: FristOptions): Dato {
  kraevHeltal(n, 'Antal arbejdsdage')
  let d = dagnummer(dato)
  if (n === 0) return fraDagnummer(naesteArbejdsdagNr(d, opts))
  let talt = 0
  while (talt < n) {
    d += 1
    if (erArbejdsdagNr(d, opts)) talt += 1
  }
  return fraDagnummer(d)
}

/** The same weekday the given number of weeks later, moved to the next working day if that is not one. */
export function tilfoejUger(dato: Dato, uger: number, opts?: FristOptions): Dato {
  kraevHeltal(uger, 'Antal uger')
  return fraDagnummer(naesteArbejdsdagNr(dagnummer(dato) + 7 * uger, opts))
}

/**
 * The last day on which the board must send the filing to the other party: 1 week after
 * the board received it (lov om boligforhold § 82, stk. 3), moved to a working day.
 */
export function fristForAndenPart(modtaget: Dato, opts?: FristOptions): Dato {
  return tilfoejUger(modtaget, UGER_TIL_ANDEN_PART, opts)
}

/**
 * The forwarding deadline of a filing received at an instant: fristForAndenPart from the
 * Danish date it arrived. Stored on the case when it is filed (sager.frist_fremsendelse),
 * where the inbox row and every overdue filter read it.
 */
export function fremsendelsesfrist(indbragt: Date, opts?: FristOptions): Dato {
  return fristForAndenPart(fraDate(indbragt), opts)
}

/** Today's date in Denmark: the one "today" that deadlines are compared with. */
export function idagIDanmark(nu: Date = new Date()): Dato {
  return fraDate(nu)
}

/** The weeks a party has to bring a decision before the boligret (DOMAIN.md). */
export const KLAGEFRIST_UGER = 4

/**
 * Whether the days of July are left out when the klagefrist is counted: for a
 * beboerklagenævn they are (almenlejeloven § 106, stk. 1: "ved beregningen af fristen
 * ses der bort fra juli måned"); for a huslejenævn they are not.
 */
export function juliUdenforKlagefrist(naevnType: NaevnType): boolean {
  return naevnType === 'beboerklagenaevn'
}

/**
 * The last day to bring the decision before the boligret: 4 weeks after it was
 * notified to the parties, moved to the next working day when that day is not one
 * (grundlovsdag, 24 and 31 December count as closed, which only ever gives a party more
 * time). For a beboerklagenævn the days of July do not count.
 */
export function klagefristSidsteDag(meddelt: Dato, naevnType: NaevnType = 'huslejenaevn', opts?: FristOptions): Dato {
  if (!juliUdenforKlagefrist(naevnType)) return tilfoejUger(meddelt, KLAGEFRIST_UGER, opts)
  let dag = tilDate(meddelt)
  let talt = 0
  while (talt < KLAGEFRIST_UGER * 7) {
    dag = new Date(dag.getTime() + DAG_MS)
    if (dag.getUTCMonth() !== 6) talt += 1
  }
  return naesteArbejdsdag(fraDate(dag, 'UTC'), opts)
}

/**
 * The retention limit: cases closed before this date have been kept `aar` years
 * (29 February goes to 28 February in a year without it).
 */
export function aarFoer(idag: Dato, aar: number): Dato {
  const [y, m, d] = idag.split('-').map(Number) as [number, number, number]
  const dag = Math.min(d, new Date(Date.UTC(y - aar, m, 0)).getUTCDate())
  return new Date(Date.UTC(y - aar, m - 1, dag)).toISOString().slice(0, 10)
}

/**
 * The other party's deadline to comment: 2 weeks after the board sent the filing
 * (lov om boligforhold § 82, stk. 3), moved to a working day. The board can extend it,
 * hence the number of weeks.
 */
export function svarfrist(afsendt: Dato, uger: number = UGER_TIL_SVAR, opts?: FristOptions): Dato {
  return tilfoejUger(afsendt, uger, opts)
}

/**
 * The number of working days after `fra` up to and including `til` ("arbejdsdage
 * tilbage" until a deadline); 0 when `til` is not after `fra`, as nothing is left.
 */
export function arbejdsdageMellem(fra: Dato, til: Dato, opts?: FristOptions): number {
  const start = dagnummer(fra)
  const slut = dagnummer(til)
  let antal = 0
  for (let d = start + 1; d <= slut; d += 1) {
    if (erArbejdsdagNr(d, opts)) antal += 1
  }
  return antal
}

const formatere = new Map<string, Intl.DateTimeFormat>()

/** The calendar date of an instant in a time zone, by default the Danish date (Europe/Copenhagen). */
export function fraDate(d: Date, tz: string = 'Europe/Copenhagen'): Dato {
  if (Number.isNaN(d.getTime())) throw new RangeError('Ugyldigt tidspunkt')
  let f = formatere.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })
    formatere.set(tz, f)
  }
  const dele = Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]))
  return `${String(dele.year).padStart(4, '0')}-${dele.month}-${dele.day}`
}

/**
 * The date as a Date at midnight UTC: the form a date-only value takes in JavaScript.
 * Copenhagen is ahead of UTC, so fraDate gives the same date back in either zone. It
 * is not the moment a deadline expires (the end of that day in Denmark).
 */
export function tilDate(dato: Dato): Date {
  return new Date(dagnummer(dato) * DAG_MS)
}

const timeIKoebenhavn = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' })

/** The last second of the date in Denmark (23:59:59 Copenhagen time, summer or winter): when a deadline expires. */
export function fristUdloeber(dato: Dato): Date {
  // Read as summer time (UTC+2), the instant is 23 o'clock in Copenhagen only if summer time applies.
  const sommer = new Date(`${dato}T23:59:59+02:00`)
  return timeIKoebenhavn.format(sommer) === '23' ? sommer : new Date(`${dato}T23:59:59+01:00`)
}

/** The date in Danish prose, e.g. "mandag den 6. april 2026". */
export function formatDansk(dato: Dato): string {
  const n = dagnummer(dato)
  const d = new Date(n * DAG_MS)
  return `${ugedage[d.getUTCDay()]} den ${d.getUTCDate()}. ${maaneder[d.getUTCMonth()]} ${d.getUTCFullYear()}`
}
