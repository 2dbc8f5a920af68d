import { sql, type Database, type Kysely } from '@profmon/db'
import { hashSecret, newSecret } from './secret-token.ts'

/** Prefix of API tokens: recognisable in a leaked config or a secret scanner. */
export const TOKEN_PREFIX = 'pm_'
const TOUCH_AFTER_SECONDS = 60

export interface ApiTokenView {
  id: number
  name: string
  createdAt: string
  lastUsedAt: string | null
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

/** Creates a personal token; the token itself is returned this once and never stored. */
export async function createApiToken(
  db: Kysely<Database>,
  userId: number,
  name: string,
): Promise<ApiTokenView & { token: string }> {
  const { token, hash } = newSecret(TOKEN_PREFIX)
  const row = await db
    .insertInto('api_token')
    .values({ user_id: userId, name, token_hash: hash })
    .returning(['id', 'name', 'created_at'])
    .executeTakeFirstOrThrow()
  return { id: row.id, name: row.name, createdAt: iso(row.created_at)!, lastUsedAt: null, token }
}

/** The user of a live (not revoked) token of an active user, recording its use; or undefined. */
export async function findApiToken(
  db: Kysely<Database>,
  token: string,
): Promise<{ tokenId: number; userId: number; login: string; name: string } | undefined> {
  const row = await db
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select(['t.id', 'u.id as user_id', 'u.login', 'u.name'])
    .select(
      sql<boolean>`(t.last_used_at is null or t.last_used_at < now() - make_interval(secs => ${TOUCH_AFTER_SECONDS}))`.as(
        'stale',
      ),
    )
    .where('t.token_hash', '=', hashSecret(token))
    .where('t.revoked_at', 'is', null)
    .where('u.active', '=', true)
    .executeTakeFirst()
  if (!row) return undefined
  // Written only when stale: most requests cost one read, not a read and a write.
  if (row.stale)
    await db
      .updateTable('api_token')
      .set({ last_used_at: sql`now()` })
      .where('id', '=', row.id)
      .execute()
  return { tokenId: row.id, userId: row.user_id, login: row.login, name: row.name }
}

/** A user's live tokens, newest first. */
export async function listApiTokens(db: Kysely<Database>, userId: number): Promise<ApiTokenView[]> {
  const rows = await db
    .selectFrom('api_token')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('id', 'desc')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: iso(r.created_at)!, lastUsedAt: iso(r.last_used_at) }))
}

/** Revokes one of the user's own tokens; undefined when it is not theirs or already revoked. */
export async function revokeApiToken(
  db: Kysely<Database>,
  userId: number,
  id: number,
): Promise<{ id: number; name: string } | undefined> {
  return db
    .updateTable('api_token')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name'])
    .executeTakeFirst()
}
