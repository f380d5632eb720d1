// The user's own boards as their start pages show them: name, type, their role, and
// the municipalities served.
import type { Database } from '../../platform/db/database.js'
import type { Principal } from '../access/principal.js'
import { rolleLabel } from '../brugere/brugere.js'
import { listNaevn, naevnTypeLabel } from './naevn.js'

export async function mineNaevnView(db: Database, principal: Principal, ids: string[]) {
  const boards = await listNaevn(db, { ids })
  return boards.map((b) => {
    const rolle = principal.memberships.find((m) => m.naevnId === b.id)?.rolle
    return {
      id: b.id,
      navn: b.navn,
      type: naevnTypeLabel[b.type],
      rolle: rolle ? rolleLabel[rolle] : '',
      kommuner: b.kommuner.map((k) => k.navn).join(', '),
    }
  })
}
