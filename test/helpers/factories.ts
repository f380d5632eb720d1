// Factories fill defaults around a unique id, so every test builds its own world and
// never depends on seeded rows.
import { randomBytes } from 'node:crypto'
import type { Database } from '../../server/platform/db/database.js'
import type { NaevnRolle } from '../../server/kerne/access/principal.js'
import { hashPassword } from '../../server/kerne/auth/passwords.js'
import { findNaevnForKommune, type NaevnType } from '../../server/kerne/naevn/naevn.js'

export const testPassword = 'en-lang-test-adgangskode'
let passwordHash: Promise<string> | undefined

export function uid(): string {
  return randomBytes(4).toString('hex')
}

export async function createNaevn(db: Database, o: { type?: NaevnType; navn?: string; kommunekoder?: number[] } = {}) {
  const type = o.type ?? 'huslejenaevn'
  const row = await db
    .insertInto('naevn')
    .values({ type, navn: o.navn ?? `Testnævn ${uid()}` })
    .returning(['id', 'navn', 'type'])
    .executeTakeFirstOrThrow()
  for (const kommunekode of o.kommunekoder ?? []) {
    await db.insertInto('naevn_kommuner').values({ naevn_id: row.id, naevn_type: type, kommunekode }).execute()
  }
  return row
}

export async function createUser(
  db: Database,
  o: { navn?: string; email?: string; admin?: boolean; aktiv?: boolean; medlemskaber?: { naevnId: string; rolle: NaevnRolle }[] } = {},
) {
  passwordHash ??= hashPassword(testPassword)
  const id = uid()
  const row = await db
    .insertInto('users')
    .values({
      navn: o.navn ?? `Testbruger ${id}`,
      email: o.email ?? `bruger-${id}@test.invalid`,
      password_hash: await passwordHash,
      is_admin: o.admin ?? false,
      aktiv: o.aktiv ?? true,
    })
    .returning(['id', 'email', 'navn'])
    .executeTakeFirstOrThrow()
  for (const m of o.medlemskaber ?? []) {
    await db.insertInto('naevn_medlemskaber').values({ user_id: row.id, naevn_id: m.naevnId, rolle: m.rolle }).execute()
  }
  return { ...row, password: testPassword }
}

/** The board serving a municipality: the existing one, or a new one for it. */
export async function naevnFor(db: Database, kommunekode: number, type: NaevnType = 'huslejenaevn') {
  return (await findNaevnForKommune(db, type, kommunekode)) ?? createNaevn(db, { type, kommunekoder: [kommunekode] })
}
