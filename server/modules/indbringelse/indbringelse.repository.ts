// Queries of the filing module. Handles come first, so each runs inside or outside a
// transaction. Which cases a user may touch is decided in server/kerne/access/sager.ts.
import { adresseKolonner } from '../../kerne/sag/visning.js'
import { sql, type Kysely } from 'kysely'
import { synligForParterne } from '../../kerne/access/dokumenter.js'
import type { DB } from '../../platform/db/types.js'
import type { Principal } from '../../kerne/access/principal.js'
import { parterBrugerenTalerFor, sagerSomPart, sagForPart } from '../../kerne/access/sager.js'
import { NotFoundError } from '../../platform/errors.js'
import { escapeLike, isUuid } from '../../kerne/naevn/naevn.js'
import type { SagStatus } from '../../kerne/sag/status.js'

export async function opretKladde(db: Kysely<DB>, userId: string): Promise<string> {
  const row = await db.insertInto('sager').values({ oprettet_af: userId }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export function listParter(db: Kysely<DB>, sagId: string) {
  return db.selectFrom('parter').selectAll().where('sag_id', '=', sagId).orderBy('rolle').orderBy('raekkefoelge').execute()
}

/** A case's documents; with forParter (the parties the user speaks for), only those they may see. */
export function listDokumenter(db: Kysely<DB>, sagId: string, o: { forParter?: readonly string[] } = {}) {
  const forParter = o.forParter
  return db
    .selectFrom('dokumenter')
    .select(['id', 'filnavn', 'mime', 'stoerrelse', 'kategori', 'oprettet', 'uploadet_af'])
    .where('sag_id', '=', sagId)
    .$if(forParter !== undefined, (qb) => qb.where(synligForParterne(forParter ?? [])))
    .orderBy('oprettet')
    .execute()
}

/** One document of a case with its bytes, if the user may see it as a party; otherwise NotFound. */
export async function dokumentForPart(db: Kysely<DB>, p: Principal, sagId: string, dokumentId: string) {
  const sag = await sagForPart(db, p, sagId)
  const dok = isUuid(dokumentId) ? await findDokumentForParter(db, sag.id, dokumentId, await parterBrugerenTalerFor(db, p, sag.id)) : undefined
  if (!dok) throw new NotFoundError('DokumentIkkeFundet', 'Dokumentet findes ikke.')
  return dok
}

function findDokumentForParter(db: Kysely<DB>, sagId: string, dokumentId: string, forParter: readonly string[]) {
  return db
    .selectFrom('dokumenter')
    .innerJoin('document_blobs', 'document_blobs.sha256', 'dokumenter.sha256')
    .select(['dokumenter.id', 'dokumenter.filnavn', 'dokumenter.mime', 'dokumenter.kategori', 'document_blobs.indhold'])
    .where('dokumenter.sag_id', '=', sagId)
    .where('dokumenter.id', '=', dokumentId)
    .where(synligForParterne(forParter))
    .executeTakeFirst()
}

export type SagGruppe = 'alle' | 'kladder' | 'aabne' | 'afsluttede'
const gruppeStatus: Record<Exclude<SagGruppe, 'alle'>, SagStatus[]> = {
  kladder: ['kladde'],
  aabne: ['indbragt', 'under_behandling', 'partshoering', 'klar_til_moede', 'paa_dagsorden'],
  afsluttede: ['afgjort', 'afsluttet', 'henlagt', 'afvist', 'forlig'],
}

/** The user's cases as a party or representative, newest first, with search and pages. */
export async function listMineSager(db: Kysely<DB>, p: Principal, o: { q?: string; gruppe: SagGruppe; limit: number; offset: number }) {
  const q = o.q?.trim()
  const base = sagerSomPart(db, p)
    .$if(o.gruppe !== 'alle', (qb) => qb.where('sager.status', 'in', gruppeStatus[o.gruppe as Exclude<SagGruppe, 'alle'>]))
    .$if(Boolean(q), (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('sager.sagsnummer', 'ilike', `%${escapeLike(q!)}%`),
          eb(sql<string>`concat_ws(' ', sager.vejnavn, sager.husnummer, sager.etage, sager.doer, sager.postnr, sager.by)`, 'ilike', `%${escapeLike(q!)}%`),
          eb.exists(
            eb.selectFrom('parter').select('parter.id').whereRef('parter.sag_id', '=', 'sager.id').where('parter.navn', 'ilike', `%${escapeLike(q!)}%`),
          ),
        ]),
      ),
    )
  const [rows, total] = await Promise.all([
    base
      .leftJoin('naevn', 'naevn.id', 'sager.naevn_id')
      .select([
        'sager.id',
        'sager.status',
        'sager.sagsnummer',
        ...adresseKolonner,
        'sager.trin',
        'sager.opdateret',
        'sager.indbragt',
        'naevn.navn as naevn_navn',
      ])
      .select((eb) =>
        eb
          .selectFrom('beskeder')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('beskeder.sag_id', '=', 'sager.id')
          .where('beskeder.fra_sekretariat', '=', true)
          .where('beskeder.part_user_id', '=', p.userId)
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('beskeder_laest').select('beskeder_laest.besked_id').whereRef('beskeder_laest.besked_id', '=', 'beskeder.id').where('beskeder_laest.user_id', '=', p.userId))),
          )
          .as('ulaeste'),
      )
      .orderBy('sager.opdateret', 'desc')
      .limit(o.limit)
      .offset(o.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.n) }
}

export function listBeskeder(db: Kysely<DB>, sagId: string, userId: string) {
  return db
    .selectFrom('beskeder')
    .innerJoin('users', 'users.id', 'beskeder.afsender_id')
    .leftJoin('dokumenter', 'dokumenter.id', 'beskeder.dokument_id')
    .leftJoin('beskeder_laest', (join) => join.onRef('beskeder_laest.besked_id', '=', 'beskeder.id').on('beskeder_laest.user_id', '=', userId))
    .select([
      'beskeder.id',
      'beskeder.tekst',
      'beskeder.oprettet',
      'beskeder.fra_sekretariat',
      'beskeder.afsender_id',
      'users.navn as afsender',
      'dokumenter.id as dokument_id',
      'dokumenter.filnavn as dokument_filnavn',
      'beskeder_laest.laest',
    ])
    .where('beskeder.sag_id', '=', sagId)
    // A party reads its own conversation with the secretariat, not another party's.
    .where('beskeder.part_user_id', '=', userId)
    .orderBy('beskeder.oprettet')
    .execute()
}

export async function markerLaest(db: Kysely<DB>, sagId: string, userId: string): Promise<void> {
  await db
    .insertInto('beskeder_laest')
    .columns(['besked_id', 'user_id'])
    .expression((eb) =>
      eb
        .selectFrom('beskeder')
        .select(['beskeder.id', eb.val(userId).as('user_id')])
        .where('beskeder.sag_id', '=', sagId)
        .where('beskeder.part_user_id', '=', userId)
        .where('beskeder.afsender_id', '!=', userId),
    )
    .onConflict((oc) => oc.columns(['besked_id', 'user_id']).doNothing())
    .execute()
}
