import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { Database, Kysely } from '@profmon/db'
import { findApiToken } from '../../access/api-tokens.ts'
import { rolesOf, type CurrentUser } from '../../access/current-user.ts'
import { Scope } from '../../access/scope.ts'
import { findSession, SESSION_COOKIE } from '../../access/sessions.ts'
import { DomainError } from '../../errors.ts'

/** What the auth middleware puts on the context: the caller and their scope. */
export interface AuthEnv {
  Variables: {
    user: CurrentUser
    scope: Scope
  }
}

/** `/api` routes open without signing in: sign-in itself, the health check and the API docs. */
export function isPublic(method: string, path: string): boolean {
  if (method === 'POST') return path === '/api/auth/login'
  if (method !== 'GET' && method !== 'HEAD') return false
  return path === '/api/health' || path === '/api/openapi.json' || path === '/api/docs' || path.startsWith('/api/docs/')
}

const unauthenticated = (message: string) => new DomainError('unauthenticated', 'unauthenticated', message)

/**
 * Identifies the caller of every `/api` request — by `Authorization: Bearer <token>` or by the
 * session cookie — and sets `c.var.user` and `c.var.scope` (the one place that decides what the
 * caller may read and write). Any other route than the public ones answers 401 without them.
 *
 * @example
 * app.use('/api/*', authenticate(db))
 * // in a route: c.var.scope.assertCanRead(unit)
 */
export function authenticate(db: Kysely<Database>): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const open = isPublic(c.req.method, c.req.path)
    const user = await identify(db, c).catch((e: unknown) => {
      if (open && e instanceof DomainError) return undefined
      throw e
    })
    if (user) {
      c.set('user', user)
      c.set('scope', new Scope(user))
    } else if (!open) {
      throw unauthenticated('sign in first (POST /api/auth/login) or send Authorization: Bearer <token>')
    }
    await next()
  }
}

async function identify(db: Kysely<Database>, c: Context): Promise<CurrentUser | undefined> {
  const authorization = c.req.header('authorization')
  if (authorization !== undefined) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1]
    const found = token ? await findApiToken(db, token) : undefined
    if (!found) throw unauthenticated('the API token is unknown or revoked')
    const roles = (await rolesOf(db, [found.userId])).get(found.userId) ?? []
    return {
      id: found.userId,
      login: found.login,
      name: found.name,
      roles,
      via: { kind: 'token', tokenId: found.tokenId },
    }
  }
  const cookie = getCookie(c, SESSION_COOKIE)
  if (!cookie) return undefined
  const session = await findSession(db, cookie)
  if (!session) throw unauthenticated('the session has expired: sign in again')
  const roles = (await rolesOf(db, [session.userId])).get(session.userId) ?? []
  return {
    id: session.userId,
    login: session.login,
    name: session.name,
    roles,
    via: { kind: 'session', sessionId: session.sessionId },
  }
}
