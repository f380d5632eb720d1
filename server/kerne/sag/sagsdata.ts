// Reads of one case that several modules show: the case row, its parties and its
// documents. Who may call them is decided before (server/kerne/access/): these take a case id
// the caller has already been allowed to see.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'

export async function hentSag(db: Kysely<DB>, sagId: string) {
  return db.selectFrom('sager').selectAll().where('id', '=', sagId).executeTakeFirstOrThrow()
}

/** The parties in the order the case lists them (role, then as entered). */
export async function parterISag(db: Kysely<DB>, sagId: string) {
  return db.selectFrom('parter').selectAll().where('sag_id', '=', sagId).orderBy('rolle').orderBy('raekkefoelge').execute()
}

export async function dokumenterISag(db: Kysely<DB>, sagId: string) {
  return db.selectFrom('dokumenter').select(['id', 'filnavn', 'kategori', 'stoerrelse', 'oprettet', 'synlig_for_parter']).where('sag_id', '=', sagId).orderBy('oprettet').execute()
}

/** One document of the case with its bytes, for a download; undefined when not the case's. */
export async function sagsdokumentMedIndhold(db: Kysely<DB>, sagId: string, dokumentId: string) {
  return db
    .selectFrom('dokumenter')
    .innerJoin('document_blobs', 'document_blobs.sha256', 'dokumenter.sha256')
    .select(['dokumenter.id', 'dokumenter.filnavn', 'dokumenter.mime', 'document_blobs.indhold'])
    .where('dokumenter.sag_id', '=', sagId)
    .where('dokumenter.id', '=', dokumentId)
    .executeTakeFirst()
}
