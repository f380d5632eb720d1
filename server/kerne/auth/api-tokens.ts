// Bearer tokens for lawyers' and associations' systems: tied to a user, shown once,
// stored only as a SHA-256 hash, revocable. A token acts with its user's rights.
import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.js'
import { NotFoundError } from '../../platform/errors.js'

const prefix = 'naevn_'

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function opretToken(db: Database, userId: string, navn: string): Promise<{ id: string; token: string }> {
  const token = `${prefix}${randomBytes(32).toString('base64url')}`
  const row = await db.insertInto('api_tokens').values({ user_id: userId, navn, token_hash: hashToken(token) }).returning('id').executeTakeFirstOrThrow()
  return { id: row.id, token }
}

/** The user id of a live token whose user is active, or null. */
export async function brugerForToken(db: Database, token: string): Promise<{ userId: string; tokenId: string } | null> {
  if (!token.startsWith(prefix) || token.length > 200) return null
  const row = await db
    .updateTable('api_tokens')
    .set({ sidst_brugt: sql`now()` })
    .from('users')
    .whereRef('users.id', '=', 'api_tokens.user_id')
    .where('api_tokens.token_hash', '=', hashToken(token))
    .where('api_tokens.tilbagekaldt', 'is', null)
    .where('users.aktiv', '=', true)
    .returning(['api_tokens.user_id', 'api_tokens.id'])
    .executeTakeFirst()
  return row ? { userId: row.user_id, tokenId: row.id } : null
}

export function listTokens(db: Database, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'navn', 'oprettet', 'sidst_brugt', 'tilbagekaldt'])
    .where('user_id', '=', userId)
    .orderBy('oprettet', 'desc')
    .execute()
}

export async function tilbagekaldToken(db: Database, userId: string, tokenId: string): Promise<void> {
  const row = await db
    .updateTable('api_tokens')
    .set({ tilbagekaldt: sql`now()` })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst()
  if (!row) throw new NotFoundError('NoegleIkkeFundet', 'API-nøglen findes ikke.')
}
