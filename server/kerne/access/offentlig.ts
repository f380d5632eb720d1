// What the public (no login) may see of the registers. The public copies in
// register_afgoerelser and register_huslejer are already anonymized by the publication
// worker; these rules decide which of those rows and columns a public page, export or
// statistic may show. Every public query in modules/register goes through them.
//
//   - Lists, search, exports, statistics of rents, related decisions: only rows whose
//     status is 'publiceret'. A withdrawn row (trukket_tilbage) leaves them at once.
//   - A decision's own page: a published row shows its text; a withdrawn row shows only
//     that it was withdrawn and why (the reason is written for the public by the
//     caseworker, server/kerne/sag/offentliggoerelse.ts), never its text or PDF.
//   - Never the link to the case (afgoerelse_id): the register's id is the public one.
//   - Case tables (sager, afgoerelser) reach the public only as aggregates (statistik).
import type { ExpressionBuilder } from 'kysely'
import type { DB } from '../../platform/db/types.js'

export const PUBLICERET = 'publiceret'
export const TRUKKET_TILBAGE = 'trukket_tilbage'

/** A published decision: the only kind any public list, search or export shows. */
export function erOffentligAfgoerelse(eb: ExpressionBuilder<DB, 'register_afgoerelser'>) {
  return eb('register_afgoerelser.status', '=', PUBLICERET)
}

/** A published decided rent (withdrawing the decision withdraws its rent too). */
export function erOffentligHusleje(eb: ExpressionBuilder<DB, 'register_huslejer'>) {
  return eb('register_huslejer.status', '=', PUBLICERET)
}

/**
 * The columns of register_afgoerelser a public page may read: not afgoerelse_id (the
 * case's decision), not the PDF (read only by the download) and not the search vector.
 */
export const offentligeAfgoerelseKolonner = [
  'register_afgoerelser.id',
  'register_afgoerelser.naevn_id',
  'register_afgoerelser.naevn_navn',
  'register_afgoerelser.naevn_type',
  'register_afgoerelser.kommunekode',
  'register_afgoerelser.kommunenavn',
  'register_afgoerelser.date_of_filing',
  'register_afgoerelser.date_of_decision',
  'register_afgoerelser.date_of_ruling',
  'register_afgoerelser.date_of_dismissal',
  'register_afgoerelser.serial_number',
  'register_afgoerelser.decision_document_id',
  'register_afgoerelser.reason_for_closing',
  'register_afgoerelser.in_favour',
  'register_afgoerelser.submitter',
  'register_afgoerelser.subjects',
  'register_afgoerelser.subject_labels',
  'register_afgoerelser.statutories',
  'register_afgoerelser.statute_keys',
  'register_afgoerelser.locally_inspected',
  'register_afgoerelser.general_public_interest',
  'register_afgoerelser.imposition_of_fee',
  'register_afgoerelser.titel',
  'register_afgoerelser.tekst',
  'register_afgoerelser.status',
  'register_afgoerelser.status_begrundelse',
  'register_afgoerelser.version',
  'register_afgoerelser.publiceret',
  'register_afgoerelser.opdateret',
] as const

export type OffentligVisning = 'tekst' | 'trukket_tilbage' | 'ingen'

/** What a decision's public page (and its PDF) may show of a row. */
export function offentligVisning(row: { status: string } | undefined): OffentligVisning {
  if (!row) return 'ingen'
  if (row.status === PUBLICERET) return 'tekst'
  if (row.status === TRUKKET_TILBAGE) return 'trukket_tilbage'
  return 'ingen'
}

/**
 * The decision document by its GUID (GET /api/decisiondocument/:id, the national API's
 * download): only a published decision's PDF. A withdrawn decision's document is not
 * found (404) like an unknown one: this address names a document, not a citable
 * decision, so there is no page to say why (the decision's own address answers 410).
 */
export function maaHenteAfgoerelsesdokument(row: { status: string } | undefined): boolean {
  return row?.status === PUBLICERET
}
