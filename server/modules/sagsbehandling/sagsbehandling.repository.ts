// Queries of case handling. Every query starts from sagerForPersonale, so a caseworker
// only ever sees the filed cases of the boards they work for.
import { adresseKolonner } from '../../kerne/sag/visning.js'
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/types.js'
import { personaleRoller, type Principal } from '../../kerne/access/principal.js'
import { sagerForPersonale } from '../../kerne/access/sager.js'
import { escapeLike } from '../../kerne/naevn/naevn.js'
import { erDato, idagIDanmark, type Dato } from '../../kerne/sag/frister.js'
import type { SagStatus } from '../../kerne/sag/status.js'

/** What was sent to the parties, newest first, with the document and the party's name. */
export async function udsendelserISag(db: Kysely<DB>, sagId: string) {
  return db
    .selectFrom('udsendelser')
    .innerJoin('parter', 'parter.id', 'udsendelser.part_id')
    .innerJoin('dokumenter', 'dokumenter.id', 'udsendelser.dokument_id')
    .select(['udsendelser.status', 'udsendelser.oprettet', 'udsendelser.begrundelse', 'udsendelser.sidste_fejl', 'parter.navn', 'dokumenter.id as dokument_id', 'dokumenter.filnavn'])
    .where('udsendelser.sag_id', '=', sagId)
    .orderBy('udsendelser.oprettet', 'desc')
    .execute()
}

/** The messages between the secretariat and the parties, oldest first. */
export async function beskederISag(db: Kysely<DB>, sagId: string) {
  return db
    .selectFrom('beskeder')
    .innerJoin('users as a', 'a.id', 'beskeder.afsender_id')
    .innerJoin('users as pu', 'pu.id', 'beskeder.part_user_id')
    .leftJoin('dokumenter', 'dokumenter.id', 'beskeder.dokument_id')
    .select(['beskeder.id', 'beskeder.tekst', 'beskeder.oprettet', 'beskeder.fra_sekretariat', 'a.navn as afsender', 'pu.navn as part', 'dokumenter.id as dokument_id', 'dokumenter.filnavn'])
    .where('beskeder.sag_id', '=', sagId)
    .orderBy('beskeder.oprettet')
    .execute()
}

export type Visning = 'nye' | 'mine' | 'aabne' | 'overskredne' | 'alle'
export type Sortering = 'indbragt' | '-indbragt' | 'opdateret' | '-opdateret' | 'sagsnummer'

export interface IndbakkeFilter {
  visning: Visning
  /** The day "overdue" is judged on; today in Denmark unless given. */
  idag?: Dato
  naevnId?: string
  status?: SagStatus
  omraade?: string
  sagsbehandlerId?: string
  kommunekode?: number
  fra?: string
  til?: string
  q?: string
  sort: Sortering
  limit: number
  offset: number
}

const aabne: SagStatus[] = ['indbragt', 'under_behandling', 'partshoering', 'klar_til_moede', 'paa_dagsorden']

export async function indbakke(db: Kysely<DB>, p: Principal, f: IndbakkeFilter) {
  const q = f.q?.trim()
  const idag = f.idag ?? idagIDanmark()
  const base = sagerForPersonale(db, p)
    .$if(f.visning === 'nye', (qb) => qb.where('sager.status', '=', 'indbragt').where('sager.sagsbehandler_id', 'is', null))
    .$if(f.visning === 'mine', (qb) => qb.where('sager.sagsbehandler_id', '=', p.userId).where('sager.status', 'in', aabne))
    .$if(f.visning === 'aabne', (qb) => qb.where('sager.status', 'in', aabne))
    // Overdue: a case still 'indbragt' after its stored forwarding deadline (lov om
    // boligforhold § 82, stk. 3; the same date the row shows), and an open hearing past
    // its deadline with a recipient who has not answered.
    .$if(f.visning === 'overskredne', (qb) =>
      qb.where((eb) =>
        eb.or([
          eb.and([eb('sager.status', '=', 'indbragt'), eb('sager.frist_fremsendelse', '<', idag)]),
          eb.exists(
            eb
              .selectFrom('partshoeringer as h')
              .innerJoin('partshoering_modtagere as m', 'm.partshoering_id', 'h.id')
              .select('h.id')
              .whereRef('h.sag_id', '=', 'sager.id')
              .where('h.afsluttet', 'is', null)
              .where('m.besvaret', 'is', null)
              .where('h.frist', '<', idag),
          ),
        ]),
      ),
    )
    .$if(f.naevnId !== undefined, (qb) => qb.where('sager.naevn_id', '=', f.naevnId!))
    .$if(f.status !== undefined, (qb) => qb.where('sager.status', '=', f.status!))
    .$if(f.omraade !== undefined, (qb) => qb.where(sql<boolean>`${f.omraade} = ANY(sager.sagsomraader)`))
    .$if(f.sagsbehandlerId !== undefined, (qb) => qb.where('sager.sagsbehandler_id', '=', f.sagsbehandlerId!))
    .$if(f.kommunekode !== undefined, (qb) => qb.where('sager.kommunekode', '=', f.kommunekode!))
    // A date that is not a real date (2024-13-45) filters nothing rather than failing.
    .$if(f.fra !== undefined && erDato(f.fra), (qb) => qb.where('sager.indbragt', '>=', sql<Date>`${f.fra}::date`))
    .$if(f.til !== undefined && erDato(f.til), (qb) => qb.where('sager.indbragt', '<', sql<Date>`${f.til}::date + 1`))
    .$if(Boolean(q), (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('sager.sagsnummer', 'ilike', `%${escapeLike(q!)}%`),
          eb(sql<string>`concat_ws(' ', sager.vejnavn, sager.husnummer, sager.etage, sager.doer, sager.postnr, sager.by)`, 'ilike', `%${escapeLike(q!)}%`),
          eb.exists(eb.selectFrom('parter').select('parter.id').whereRef('parter.sag_id', '=', 'sager.id').where('parter.navn', 'ilike', `%${escapeLike(q!)}%`)),
        ]),
      ),
    )
  const order = f.sort.replace('-', '') as 'indbragt' | 'opdateret' | 'sagsnummer'
  const [rows, total] = await Promise.all([
    base
      .innerJoin('naevn', 'naevn.id', 'sager.naevn_id')
      .leftJoin('users as sb', 'sb.id', 'sager.sagsbehandler_id')
      .select([
        'sager.id',
        'sager.sagsnummer',
        'sager.status',
        'sager.indbragt',
        'sager.frist_fremsendelse',
        'sager.opdateret',
        'sager.sagsomraader',
        'sager.lejemaal_type',
        ...adresseKolonner,
        'sager.gebyr_betalt',
        'sager.gebyr_kr',
        'naevn.navn as naevn_navn',
        'sb.navn as sagsbehandler',
      ])
      .select((eb) =>
        eb
          .selectFrom('parter')
          .select(sql<string>`string_agg(parter.navn, ', ' ORDER BY parter.rolle, parter.raekkefoelge)`.as('n'))
          .whereRef('parter.sag_id', '=', 'sager.id')
          .where('parter.rolle', 'in', ['indbringer', 'modpart'])
          .as('parter'),
      )
      .select((eb) =>
        eb
          .selectFrom('partshoeringer as h')
          .select((inner) => inner.fn.min<string>('h.frist').as('f'))
          .whereRef('h.sag_id', '=', 'sager.id')
          .where('h.afsluttet', 'is', null)
          .as('hoeringsfrist'),
      )
      .orderBy(`sager.${order}`, f.sort.startsWith('-') ? 'desc' : 'asc')
      .orderBy('sager.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.n) }
}

/** Caseworkers and leaders of the user's boards: who a case can be assigned to. */
export function personaleForNaevn(db: Kysely<DB>, naevnIds: string[]) {
  return db
    .selectFrom('naevn_medlemskaber')
    .innerJoin('users', 'users.id', 'naevn_medlemskaber.user_id')
    .select(['users.id', 'users.navn', 'naevn_medlemskaber.naevn_id'])
    .where('naevn_medlemskaber.naevn_id', 'in', naevnIds.length ? naevnIds : ['00000000-0000-0000-0000-000000000000'])
    .where('naevn_medlemskaber.rolle', 'in', personaleRoller)
    .where('users.aktiv', '=', true)
    .orderBy('users.navn')
    .execute()
}

export function listNotater(db: Kysely<DB>, sagId: string) {
  return db
    .selectFrom('notater')
    .innerJoin('users', 'users.id', 'notater.forfatter_id')
    .select(['notater.id', 'notater.tekst', 'notater.oprettet', 'notater.retter_notat_id', 'users.navn as forfatter'])
    .where('notater.sag_id', '=', sagId)
    .orderBy('notater.oprettet')
    .execute()
}
