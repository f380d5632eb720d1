// The anonymizer's vocabulary: what the case knows, what a board's policy chooses, and the
// spans the anonymizer proposes (offsets into the ORIGINAL text, so the caseworker's review
// screen can add, remove and edit them and re-apply them with anvendSpans).

export type Rolle = 'lejer' | 'udlejer' | 'medpart' | 'repræsentant'

/** A party as the case knows it; only role and name are required. Also the CLI's JSON. */
export interface KendtPart {
  readonly role: Rolle
  readonly name: string
  readonly address?: string
  readonly cpr?: string
  readonly cvr?: string
  readonly email?: string
  readonly phone?: string
}

export interface SagsViden {
  readonly parties: readonly KendtPart[]
  readonly lejemaalAdresse?: string
}

export interface Politik {
  /** 'roller': lejer, udlejer, …; 'bogstaver': A (lejer), B (udlejer), C, D, … */
  readonly erstatning: 'roller' | 'bogstaver'
  /** "[adresse], 2200 København N" instead of "[adresse]" (default: no, the whole address goes). */
  readonly bevarPostnummerOgBy: boolean
  /**
   * Legal persons (A/S, ApS, boligselskaber, …) stay, also a landlord company that is a party
   * (default: no, they become their role, "udlejer", or a letter, "C ApS").
   */
  readonly bevarVirksomhedsnavne: boolean
  /** Other authorities' case numbers (regular-expression sources); they are masked. */
  readonly andreSagsnumre: readonly string[]
}

export const standardPolitik: Politik = Object.freeze({
  erstatning: 'roller',
  bevarPostnummerOgBy: false,
  bevarVirksomhedsnavne: false,
  andreSagsnumre: Object.freeze([]) as readonly string[],
})

export type SpanType =
  | 'person'
  | 'adresse'
  | 'cpr'
  | 'cvr'
  | 'telefon'
  | 'email'
  | 'iban'
  | 'konto'
  | 'nummerplade'
  | 'sagsnummer'
  | 'virksomhed'

export interface Span {
  readonly start: number
  readonly end: number
  readonly type: SpanType
  /** The rule that found it, e.g. 'kendt-navn', 'cpr-moenster' (for the review screen and tuning). */
  readonly regel: string
  /** 0..1: how sure the rule is. */
  readonly sikkerhed: number
  /** The text that replaces original[start, end). */
  readonly erstatning: string
  /** Same value = same person or party in this decision (e.g. 'part:0', 'ukendt:2'). */
  readonly entitet?: string
}

export interface Anonymisering {
  readonly tekst: string
  readonly spans: readonly Span[]
  /** What was recognised but kept by the policy or as public (see Bevaret). */
  readonly bevaret?: readonly Bevaret[]
}

/** What the anonymizer never masks; only the first five are scored as "keep" in evaluering.ts. */
export type BevarType =
  | 'lov'
  | 'myndighed'
  | 'beloeb'
  | 'dato'
  | 'areal'
  | 'sagsnummer'
  | 'organisation'
  | 'virksomhed'
  | 'vejnavn'
  | 'postby'

/**
 * Something the anonymizer saw and left in the text on purpose, with the reason, so the
 * review screen can show what the policy kept ("Bevaret med vilje") and the caseworker can
 * mask it after all. Offsets into the original text, like Span.
 */
export interface Bevaret {
  readonly start: number
  readonly end: number
  readonly type: BevarType
  /** Why it stays, in Danish for the review screen, e.g. "Nævnets politik bevarer udlejers virksomhedsnavn". */
  readonly grund: string
}
