// Demo and reference data. Idempotent: every row is keyed by something natural
// (kommunekode, board type + municipality, e-mail), so a second run adds nothing.
import { sql } from 'kysely'
import type { Database } from '../../server/platform/db/database.js'
import type { NaevnRolle } from '../../server/kerne/access/principal.js'
import { hashPassword } from '../../server/kerne/auth/passwords.js'
import { findNaevnForKommune, naevnTyper, sammenlaegNaevn, type NaevnType } from '../../server/kerne/naevn/naevn.js'
import { readKommuner } from '../../server/kerne/referencedata/kommuner.js'
import type { Config } from '../../server/platform/config.js'
import { seedDemoSager } from './demo-sager.js'
import { seedDemoMoeder } from './demo-moeder.js'

export const demoPassword = 'demo-adgangskode'

export interface Sammenlaegning {
  type: NaevnType
  /** The first municipality's board absorbs the others'. */
  kommunekoder: number[]
}

export interface SeedOptions {
  referenceDataDir: string
  demo: boolean
  sammenlaegninger?: Sammenlaegning[]
  /** Needed for the demo cases (their parties' CPR numbers are encrypted like real ones). */
  config?: Config
}

export interface DemoLogin {
  rolle: string
  email: string
  navn: string
  naevn: string
}

/** "huslejenaevn:265,269" → { type, kommunekoder } */
export function parseSammenlaegning(spec: string): Sammenlaegning {
  const [type, codes] = spec.split(':')
  const kommunekoder = (codes ?? '').split(',').map((c) => Number(c.trim()))
  if (!naevnTyper.includes(type as NaevnType) || kommunekoder.length < 2 || kommunekoder.some((k) => !Number.isInteger(k))) {
    throw new Error(`Ugyldig sammenlægning "${spec}": brug fx huslejenaevn:265,269`)
  }
  return { type: type as NaevnType, kommunekoder }
}

const naevnPrefix: Record<NaevnType, string> = { huslejenaevn: 'Huslejenævnet i', beboerklagenaevn: 'Beboerklagenævnet i' }

export async function seed(db: Database, options: SeedOptions): Promise<{ nyeNaevn: number; logins: DemoLogin[]; demoSager: number; demoMoeder: number }> {
  const kommuner = await readKommuner(options.referenceDataDir)
  await db
    .insertInto('kommuner')
    .values(kommuner.map((k) => ({ kommunekode: k.kommunekode, navn: k.navn, regionskode: k.regionskode, regionsnavn: k.regionsnavn })))
    .onConflict((oc) =>
      oc.column('kommunekode').doUpdateSet((eb) => ({ navn: eb.ref('excluded.navn'), regionskode: eb.ref('excluded.regionskode'), regionsnavn: eb.ref('excluded.regionsnavn') })),
    )
    .execute()

  // One board of each type per municipality, unless one already serves it (possibly a
  // merged board).
  let nyeNaevn = 0
  await db.transaction().execute(async (trx) => {
    await sql`LOCK TABLE naevn_kommuner IN SHARE ROW EXCLUSIVE MODE`.execute(trx)
    const served = new Set(
      (await trx.selectFrom('naevn_kommuner').select(['naevn_type', 'kommunekode']).execute()).map((r) => `${r.naevn_type}:${r.kommunekode}`),
    )
    for (const type of naevnTyper) {
      for (const k of kommuner) {
        if (served.has(`${type}:${k.kommunekode}`)) continue
        const naevn = await trx
          .insertInto('naevn')
          .values({ type, navn: `${naevnPrefix[type]} ${k.officieltNavn || k.navn}` })
          .returning('id')
          .executeTakeFirstOrThrow()
        await trx.insertInto('naevn_kommuner').values({ naevn_id: naevn.id, naevn_type: type, kommunekode: k.kommunekode }).execute()
        nyeNaevn++
      }
    }
  })

  for (const s of options.sammenlaegninger ?? []) {
    const boards = await Promise.all(s.kommunekoder.map((k) => findNaevnForKommune(db, s.type, k)))
    if (boards.some((b) => !b)) throw new Error(`Sammenlægning ${s.type}:${s.kommunekoder.join(',')}: ukendt kommunekode`)
    const [target, ...rest] = boards.map((b) => b!.id)
    const sources = [...new Set(rest)].filter((id) => id !== target)
    if (sources.length > 0) await sammenlaegNaevn(db, target!, sources, null)
  }

  const logins = options.demo ? await seedDemoUsers(db) : []
  const demoSager = options.demo && options.config ? await seedDemoSager(db, options.config) : 0
  // After the demo cases, and on its own key (a board without meetings), so a database seeded before meetings existed gets them too.
  const demoMoeder = options.demo && options.config ? await seedDemoMoeder(db, options.config) : 0
  return { nyeNaevn, logins, demoSager, demoMoeder }
}

interface DemoUser {
  email: string
  navn: string
  admin?: boolean
  rolle?: NaevnRolle
  naevn?: { type: NaevnType; kommunekode: number }
}

const kbh = { type: 'huslejenaevn', kommunekode: 101 } as const
const aarhus = { type: 'beboerklagenaevn', kommunekode: 751 } as const

const demoUsers: DemoUser[] = [
  { email: 'admin@demo.naevn.dk', navn: 'Anne Admin', admin: true },
  { email: 'leder.kbh@demo.naevn.dk', navn: 'Lene Holm', rolle: 'sekretariatsleder', naevn: kbh },
  { email: 'sagsbehandler1.kbh@demo.naevn.dk', navn: 'Søren Dahl', rolle: 'sagsbehandler', naevn: kbh },
  { email: 'sagsbehandler2.kbh@demo.naevn.dk', navn: 'Maja Krogh', rolle: 'sagsbehandler', naevn: kbh },
  { email: 'formand.kbh@demo.naevn.dk', navn: 'Peter Vinther', rolle: 'naevnsmedlem', naevn: kbh },
  { email: 'lejerside.kbh@demo.naevn.dk', navn: 'Hanne Bach', rolle: 'naevnsmedlem', naevn: kbh },
  { email: 'udlejerside.kbh@demo.naevn.dk', navn: 'Jens Lund', rolle: 'naevnsmedlem', naevn: kbh },
  { email: 'leder.aarhus@demo.naevn.dk', navn: 'Karen Skov', rolle: 'sekretariatsleder', naevn: aarhus },
  { email: 'sagsbehandler1.aarhus@demo.naevn.dk', navn: 'Mads Friis', rolle: 'sagsbehandler', naevn: aarhus },
  { email: 'sagsbehandler2.aarhus@demo.naevn.dk', navn: 'Ida Berg', rolle: 'sagsbehandler', naevn: aarhus },
  { email: 'formand.aarhus@demo.naevn.dk', navn: 'Ole Juhl', rolle: 'naevnsmedlem', naevn: aarhus },
  { email: 'lejerside.aarhus@demo.naevn.dk', navn: 'Rikke Thomsen', rolle: 'naevnsmedlem', naevn: aarhus },
  { email: 'udlejerside.aarhus@demo.naevn.dk', navn: 'Bent Mortensen', rolle: 'naevnsmedlem', naevn: aarhus },
  { email: 'lejer@demo.naevn.dk', navn: 'Camilla Nørgaard', },
  { email: 'udlejer@demo.naevn.dk', navn: 'Frederik Winther' },
]

// Contact details of the two demo boards, so letters and receipts carry a letterhead.
// Only filled in where empty: an administrator's own edits stay.
const demoKontakt = [
  { ...kbh, adresse: 'Rådhuspladsen 1', postnr: '1599', by: 'København V', email: 'huslejenaevn@demo.naevn.dk', telefon: '33 66 33 66' },
  { ...aarhus, adresse: 'Rådhuspladsen 2', postnr: '8000', by: 'Aarhus C', email: 'beboerklagenaevn@demo.naevn.dk', telefon: '89 40 20 00' },
]

async function seedDemoKontakt(db: Database): Promise<void> {
  for (const k of demoKontakt) {
    const naevn = await findNaevnForKommune(db, k.type, k.kommunekode)
    if (!naevn) continue
    await db
      .updateTable('naevn')
      .set({ adresse: k.adresse, postnr: k.postnr, by: k.by, email: k.email, telefon: k.telefon })
      .where('id', '=', naevn.id)
      .where('adresse', '=', '')
      .execute()
  }
}

async function seedDemoUsers(db: Database): Promise<DemoLogin[]> {
  await seedDemoKontakt(db)
  const passwordHash = await hashPassword(demoPassword)
  const logins: DemoLogin[] = []
  for (const u of demoUsers) {
    await db
      .insertInto('users')
      .values({ email: u.email, navn: u.navn, password_hash: passwordHash, is_admin: u.admin ?? false })
      .onConflict((oc) => oc.column('email').doNothing())
      .execute()
    let naevnNavn = ''
    if (u.naevn && u.rolle) {
      const naevn = await findNaevnForKommune(db, u.naevn.type, u.naevn.kommunekode)
      if (!naevn) throw new Error(`Demo: intet nævn for ${u.naevn.type} ${u.naevn.kommunekode}`)
      naevnNavn = naevn.navn
      const user = await db.selectFrom('users').select('id').where('email', '=', u.email).executeTakeFirstOrThrow()
      await db
        .insertInto('naevn_medlemskaber')
        .values({ user_id: user.id, naevn_id: naevn.id, rolle: u.rolle })
        .onConflict((oc) => oc.columns(['user_id', 'naevn_id']).doNothing())
        .execute()
    }
    logins.push({ rolle: u.admin ? 'admin' : (u.rolle ?? 'borger'), email: u.email, navn: u.navn, naevn: naevnNavn })
  }
  return logins
}
