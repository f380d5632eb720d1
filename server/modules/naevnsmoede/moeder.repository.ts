// Queries of the meetings module. Which meetings and items a user reaches is decided in
// server/kerne/access/moeder.ts; these functions read what a page shows once that is settled.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import type { Principal } from '../../kerne/access/principal.js'
import { moederForPersonale, naevnetsDokument } from '../../kerne/access/moeder.js'
import { sagerForPersonale } from '../../kerne/access/sager.js'
import { adresseKolonner } from '../../kerne/sag/visning.js'

export interface PunktPart {
  rolle: string
  navn: string
}

export interface PunktInhabilitet {
  navn: string
  begrundelse: string | null
  erklaeret: string
}

export interface PunktBesigtigelse {
  id: string
  tidspunkt: string
  adresse: string
  resultat: string | null
  resultat_note: string | null
  brev_dokument_id: string | null
}

/** The meetings of the user's boards, newest first, with the number of items. */
export function listMoederForPersonale(db: Kysely<DB>, p: Principal) {
  return moederForPersonale(db, p)
    .innerJoin('naevn', 'naevn.id', 'moeder.naevn_id')
    .select(['moeder.id', 'moeder.starttid', 'moeder.sted', 'moeder.status', 'moeder.offentliggjort', 'naevn.navn as naevn_navn'])
    .select((eb) => eb.selectFrom('dagsordenpunkter').select((e) => e.fn.countAll<number>().as('n')).whereRef('dagsordenpunkter.moede_id', '=', 'moeder.id').as('punkter'))
    .orderBy('moeder.starttid', 'desc')
    .limit(200)
    .execute()
}

export function hentNaevn(db: Kysely<DB>, naevnId: string) {
  return db.selectFrom('naevn').select(['id', 'navn', 'adresse', 'postnr', 'by', 'email', 'telefon']).where('id', '=', naevnId).executeTakeFirstOrThrow()
}

/**
 * The items of a meeting in their order, with what the agenda shows of each case.
 * `skjulInhabilFor` leaves out the cases that user declared themselves disqualified in.
 */
/** How many items the agenda has, also those hidden from a disqualified member. */
export async function antalPunkter(db: Kysely<DB>, moedeId: string): Promise<number> {
  const r = await db.selectFrom('dagsordenpunkter').select((eb) => eb.fn.countAll<number>().as('n')).where('moede_id', '=', moedeId).executeTakeFirstOrThrow()
  return Number(r.n)
}

export function listPunkter(db: Kysely<DB>, moedeId: string, o: { skjulInhabilFor?: string } = {}) {
  return db
    .selectFrom('dagsordenpunkter')
    .innerJoin('sager', 'sager.id', 'dagsordenpunkter.sag_id')
    .leftJoin('users as sb', 'sb.id', 'sager.sagsbehandler_id')
    .leftJoin('users as uaf', 'uaf.id', 'dagsordenpunkter.udfald_af')
    .select([
      'dagsordenpunkter.id',
      'dagsordenpunkter.position',
      'dagsordenpunkter.udfald',
      'dagsordenpunkter.udfald_note',
      'dagsordenpunkter.udfald_registreret',
      'uaf.navn as udfald_af',
      'sager.id as sag_id',
      'sager.sagsnummer',
      'sager.status',
      'sager.lejemaal_type',
      'sager.sagsomraader',
      'sager.vurdering',
      'sager.beskrivelse',
      ...adresseKolonner,
      'sb.navn as sagsbehandler',
    ])
    .select((eb) => [
      eb
        .selectFrom('parter')
        .select(sql<PunktPart[]>`coalesce(json_agg(json_build_object('rolle', parter.rolle, 'navn', parter.navn) ORDER BY parter.rolle, parter.raekkefoelge), '[]'::json)`.as('x'))
        .whereRef('parter.sag_id', '=', 'sager.id')
        .as('parter'),
      eb
        .selectFrom('inhabiliteter')
        .innerJoin('users', 'users.id', 'inhabiliteter.user_id')
        .select(sql<PunktInhabilitet[]>`coalesce(json_agg(json_build_object('navn', users.navn, 'begrundelse', inhabiliteter.begrundelse, 'erklaeret', inhabiliteter.erklaeret) ORDER BY inhabiliteter.erklaeret), '[]'::json)`.as('x'))
        .whereRef('inhabiliteter.sag_id', '=', 'sager.id')
        .as('inhabiliteter'),
      eb
        .selectFrom('besigtigelser')
        .select(
          sql<PunktBesigtigelse[]>`coalesce(json_agg(json_build_object('id', besigtigelser.id, 'tidspunkt', besigtigelser.tidspunkt, 'adresse', besigtigelser.adresse, 'resultat', besigtigelser.resultat, 'resultat_note', besigtigelser.resultat_note, 'brev_dokument_id', besigtigelser.brev_dokument_id) ORDER BY besigtigelser.tidspunkt), '[]'::json)`.as('x'),
        )
        .whereRef('besigtigelser.sag_id', '=', 'sager.id')
        .whereRef('besigtigelser.moede_id', '=', 'dagsordenpunkter.moede_id')
        .as('besigtigelser'),
    ])
    .where('dagsordenpunkter.moede_id', '=', moedeId)
    .$if(o.skjulInhabilFor !== undefined, (qb) =>
      qb.where((eb) => eb.not(eb.exists(eb.selectFrom('inhabiliteter').select('inhabiliteter.sag_id').whereRef('inhabiliteter.sag_id', '=', 'dagsordenpunkter.sag_id').where('inhabiliteter.user_id', '=', o.skjulInhabilFor!)))),
    )
    .orderBy('dagsordenpunkter.position')
    .execute()
}

/** Cases of the board ready for a meeting: what the secretariat can put on the agenda. */
export function klarTilMoede(db: Kysely<DB>, p: Principal, naevnId: string) {
  return sagerForPersonale(db, p)
    .leftJoin('users as sb', 'sb.id', 'sager.sagsbehandler_id')
    .select(['sager.id', 'sager.sagsnummer', 'sager.lejemaal_type', 'sager.sagsomraader', ...adresseKolonner, 'sb.navn as sagsbehandler'])
    .where('sager.naevn_id', '=', naevnId)
    .where('sager.status', '=', 'klar_til_moede')
    .orderBy('sager.indbragt')
    .execute()
}

/** The case's documents that are the board's material, in the order they came, with their bytes. */
export function naevnetsDokumenterMedIndhold(db: Kysely<DB>, sagId: string) {
  return db
    .selectFrom('dokumenter')
    .innerJoin('document_blobs', 'document_blobs.sha256', 'dokumenter.sha256')
    .select(['dokumenter.id', 'dokumenter.filnavn', 'dokumenter.mime', 'dokumenter.kategori', 'dokumenter.oprettet', 'document_blobs.indhold'])
    .where('dokumenter.sag_id', '=', sagId)
    .where(naevnetsDokument)
    .orderBy('dokumenter.oprettet')
    .orderBy('dokumenter.id')
    .execute()
}

/** The same list without the bytes, for the members' page. */
export function naevnetsDokumenter(db: Kysely<DB>, sagId: string) {
  return db
    .selectFrom('dokumenter')
    .select(['dokumenter.id', 'dokumenter.filnavn', 'dokumenter.mime', 'dokumenter.kategori', 'dokumenter.oprettet', 'dokumenter.stoerrelse'])
    .where('dokumenter.sag_id', '=', sagId)
    .where(naevnetsDokument)
    .orderBy('dokumenter.oprettet')
    .orderBy('dokumenter.id')
    .execute()
}
