// Queries behind a decision's public page, its PDF and the law pages. Public: every
// query reads only what server/kerne/access/offentlig.ts allows.
import { sql, type Kysely } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { DB } from '../../platform/db/types.js'
import { erOffentligAfgoerelse, offentligeAfgoerelseKolonner, PUBLICERET } from '../../kerne/access/offentlig.js'

export const ANTAL_RELATEREDE = 5

/**
 * A decision's public columns (never the PDF) and, in the same round trip, a few related
 * published decisions: the same § and the same case area (either alone when the decision
 * has none of the other), newest first. The GIN indexes on statute_keys and subjects
 * serve the overlaps.
 */
export function findOffentligAfgoerelse(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('register_afgoerelser')
    .select(offentligeAfgoerelseKolonner)
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('register_afgoerelser as r')
          .select(['r.id', 'r.titel', 'r.date_of_decision', 'r.naevn_navn'])
          .where('r.status', '=', PUBLICERET)
          .whereRef('r.id', '<>', 'register_afgoerelser.id')
          .where(sql<boolean>`cardinality(register_afgoerelser.statute_keys) + cardinality(register_afgoerelser.subjects) > 0`)
          .where(sql<boolean>`(cardinality(register_afgoerelser.statute_keys) = 0 OR r.statute_keys && register_afgoerelser.statute_keys)`)
          .where(sql<boolean>`(cardinality(register_afgoerelser.subjects) = 0 OR r.subjects && register_afgoerelser.subjects)`)
          .orderBy('r.date_of_decision', 'desc')
          .orderBy('r.id', 'desc')
          .limit(ANTAL_RELATEREDE),
      ).as('relaterede'),
    )
    .where('register_afgoerelser.id', '=', id)
    .executeTakeFirst()
}

/** What a cached page is checked against: a publication, correction or withdrawal changes it. */
export function findAfgoerelseVersion(db: Kysely<DB>, id: number) {
  return db.selectFrom('register_afgoerelser').select(['status', 'opdateret', 'version']).where('id', '=', id).executeTakeFirst()
}

export function versionNoegle(r: { status: string; opdateret: Date; version: number }): string {
  return `${r.status}|${r.opdateret.getTime()}|${r.version}`
}

export type OffentligAfgoerelse = NonNullable<Awaited<ReturnType<typeof findOffentligAfgoerelse>>>

/** What the PDF download needs: the stored PDF, or what it takes to render one. */
export function findPdfKilde(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('register_afgoerelser')
    .leftJoin('naevn', 'naevn.id', 'register_afgoerelser.naevn_id')
    .select([
      'register_afgoerelser.id',
      'register_afgoerelser.status',
      'register_afgoerelser.status_begrundelse',
      'register_afgoerelser.pdf',
      'register_afgoerelser.version',
      'register_afgoerelser.opdateret',
      'register_afgoerelser.naevn_navn',
      'register_afgoerelser.kommunenavn',
      'register_afgoerelser.date_of_decision',
      'register_afgoerelser.reason_for_closing',
      'register_afgoerelser.in_favour',
      'register_afgoerelser.subject_labels',
      'register_afgoerelser.statute_keys',
      'register_afgoerelser.statutories',
      'register_afgoerelser.tekst',
      'naevn.adresse as naevn_adresse',
      'naevn.postnr as naevn_postnr',
      'naevn.by as naevn_by',
      'naevn.email as naevn_email',
      'naevn.telefon as naevn_telefon',
      'naevn.logo',
      'naevn.logo_mime',
    ])
    .where('register_afgoerelser.id', '=', id)
    .executeTakeFirst()
}

/**
 * Stores a PDF rendered on first download. Only where none is stored yet and the copy
 * is still the version it was rendered from: a republication writes its own PDF in the
 * same transaction as the new text, so after it the PDF is no longer null.
 */
export async function gemPdf(db: Kysely<DB>, id: number, version: number, pdf: Buffer): Promise<void> {
  await db.updateTable('register_afgoerelser').set({ pdf }).where('id', '=', id).where('pdf', 'is', null).where('version', '=', version).execute()
}

/** How many published decisions cite a provision (the law page links to them). */
export async function antalMedBestemmelse(db: Kysely<DB>, id: string): Promise<number> {
  const r = await db
    .selectFrom('register_afgoerelser')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(erOffentligAfgoerelse)
    .where(sql<boolean>`statute_keys @> ARRAY[${id}]::text[]`)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** The decision a decision document GUID names (GET /api/decisiondocument/:id). */
export function findDokumentAfgoerelse(db: Kysely<DB>, decisionDocumentId: string) {
  return db.selectFrom('register_afgoerelser').select(['id', 'status']).where('decision_document_id', '=', decisionDocumentId).executeTakeFirst()
}
