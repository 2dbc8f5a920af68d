import { sql, type Database, type Kysely } from '@profmon/db'
import { hashSecret, newSecret } from './secret-token.ts'

/** Name of the session cookie (httpOnly, SameSite=Lax, Secure over https). */
export const SESSION_COOKIE = 'profmon_session'
/** A session ends after 12 hours without a request… */
export const SESSION_IDLE_SECONDS = 12 * 3600
/** …and in any case 7 days after sign-in. */
export const SESSION_MAX_SECONDS = 7 * 24 * 3600
// last_seen_at is rewritten at most once a minute: a page's burst of requests costs one UPDATE.
const TOUCH_AFTER_SECONDS = 60

const alive = sql<boolean>`s.last_seen_at > now() - make_interval(secs => ${SESSION_IDLE_SECONDS})
  and s.created_at > now() - make_interval(secs => ${SESSION_MAX_SECONDS})`

/**
 * Opens a session for a user: the token goes into the cookie, only its hash into the database,
 * so any replica can check it and the server keeps no state.
 */
export async function createSession(
  db: Kysely<Database>,
  userId: number,
  meta: { address: string | null; userAgent: string | null },
): Promise<{ token: string; sessionId: string }> {
  const { token, hash } = newSecret()
  await db
    .insertInto('user_session')
    .values({ id: hash, user_id: userId, address: meta.address, user_agent: meta.userAgent?.slice(0, 300) ?? null })
    .execute()
  return { token, sessionId: hash }
}

/**
 * The live session of a cookie token with its (active) user, sliding its idle expiry; undefined
 * when unknown, expired or the user is deactivated.
 */
export async function findSession(
  db: Kysely<Database>,
  token: string,
): Promise<{ sessionId: string; userId: number; login: string; name: string } | undefined> {
  const id = hashSecret(token)
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.id', 'u.id as user_id', 'u.login', 'u.name'])
    .select(sql<boolean>`s.last_seen_at < now() - make_interval(secs => ${TOUCH_AFTER_SECONDS})`.as('stale'))
    .where('s.id', '=', id)
    .where('u.active', '=', true)
    .where(alive)
    .executeTakeFirst()
  if (!row) return undefined
  // The idle expiry slides only when stale: most requests cost one read, not a read and a write.
  if (row.stale)
    await db
      .updateTable('user_session')
      .set({ last_seen_at: sql`now()` })
      .where('id', '=', id)
      .execute()
  return { sessionId: row.id, userId: row.user_id, login: row.login, name: row.name }
}

/** Ends one session (logout). */
export async function endSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', sessionId).execute()
}

/** Ends every session of a user but `keep` (password change, deactivation, password reset). */
export async function endSessionsOf(db: Kysely<Database>, userId: number, keep?: string): Promise<void> {
  let q = db.deleteFrom('user_session').where('user_id', '=', userId)
  if (keep !== undefined) q = q.where('id', '<>', keep)
  await q.execute()
}

/** Forgets expired sessions; called on sign-in, so the table stays the size of the live ones. */
export async function pruneSessions(db: Kysely<Database>): Promise<void> {
  await db
    .deleteFrom('user_session as s')
    .where((eb) => eb.not(alive))
    .execute()
}
