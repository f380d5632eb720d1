// How long a free text may be, per kind of text: one definition read by the routes (which
// refuse a longer text with a field error and keep it), the services that check it again,
// and the templates, whose text areas say the limit ({{maksTegn 'brev'}}).
export const tekstGraenser = {
  /** A short single-line field (a name, a subject, a reason picked from a list). */
  kort: 500,
  /** A reason given with a decision, a status change, a cancellation or a refusal. */
  begrundelse: 2000,
  /** The caseworker's letter to a party (server/modules/sagsbehandling). */
  brev: 30_000,
  /** What the parties are asked to comment on in a hearing. */
  hoeringsbesked: 20_000,
  /** A party's answer to a hearing. */
  hoeringssvar: 20_000,
  /** A message between a party and the secretariat. */
  besked: 5000,
  /** A caseworker's message to a party. */
  beskedTilPart: 10_000,
  /** The caseworker's internal assessment. */
  vurdering: 50_000,
  /** An internal case note. */
  notat: 20_000,
  /** A board member's private note. */
  medlemsnote: 20_000,
  /** The filer's description of the case in the wizard. */
  beskrivelse: 10_000,
  /** A section of a decision (afgørelse, sagsfremstilling, begrundelse). */
  afgoerelsesafsnit: 60_000,
  /** The result note of a meeting item or an inspection. */
  moedenote: 5000,
} as const

export type TekstGraense = keyof typeof tekstGraenser

/** "30.000": a limit as the pages write it. */
export function maksTegn(graense: TekstGraense): string {
  return tekstGraenser[graense].toLocaleString('da-DK')
}
