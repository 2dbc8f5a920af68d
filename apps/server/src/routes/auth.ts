import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { rolesOf, homeUnitId, meOf } from '../access/current-user.ts'
import { loginRetryAfter, recordLoginAttempt } from '../access/login-attempts.ts'
import { hashPassword, passwordProblem, verifyPassword } from '../access/passwords.ts'
import {
  createSession,
  endSession,
  endSessionsOf,
  pruneSessions,
  SESSION_COOKIE,
  SESSION_MAX_SECONDS,
} from '../access/sessions.ts'
import { normalizeLogin } from '../access/users.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { AppDeps } from '../context.ts'
import { DomainError, errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { clientAddress, isHttps } from '../middleware/auth/client.ts'
import { meSchema } from './schemas.ts'

const me = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['auth'],
  summary: 'The signed-in user with their roles; regionId is the region of the first role',
  responses: {
    200: { description: 'The caller', content: { 'application/json': { schema: meSchema } } },
    ...errorResponses(401),
  },
})

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Sign in: sets the session cookie (httpOnly, SameSite=Lax) and answers like /api/auth/me',
  security: [],
  description:
    'At most 5 failures per account and 20 per client address in 15 minutes; beyond that 429 with Retry-After.',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              login: z.string().min(1).max(200).openapi({ example: 'mun1' }),
              password: z.string().min(1).max(1024).openapi({ example: 'demo' }),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: meSchema } } },
    ...errorResponses(400, 401, 429),
  },
})

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'Sign out: ends this session and clears the cookie',
  responses: { 204: { description: 'Signed out' }, ...errorResponses(401, 403) },
})

const password = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags: ['auth'],
  summary: 'Change your password; every other session of yours ends, and this one gets a new cookie',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) })
            .strict(),
        },
      },
    },
  },
  responses: { 204: { description: 'Changed' }, ...errorResponses(400, 401, 403, 429) },
})

const tooMany = (seconds: number) =>
  new DomainError(
    'rate_limited',
    'too_many_attempts',
    `too many failed sign-ins: try again in ${Math.ceil(seconds / 60)} min`,
    [],
    {
      'Retry-After': String(seconds),
    },
  )

/** The session cookie: HTTP-only, same-site, secure behind HTTPS, as long-lived as the session. */
function setSessionCookie(c: Context, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    maxAge: SESSION_MAX_SECONDS,
  })
}

/** Sign-in, sign-out, the caller, password change. */
export function authRoutes({ db, trustProxy = 0 }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(me, (c) => c.json(meOf(c.var.user), 200))
    .openapi(login, async (c) => {
      const body = c.req.valid('json')
      const name = normalizeLogin(body.login)
      const address = clientAddress(c, trustProxy)
      const wait = await loginRetryAfter(db, name, address)
      if (wait !== undefined) throw tooMany(wait)
      const user = await db
        .selectFrom('app_user')
        .select(['id', 'login', 'name', 'password_hash', 'active'])
        .where('login', '=', name)
        .executeTakeFirst()
      // The hash is checked even for an unknown or inactive user: the answer takes as long either way.
      const ok = (await verifyPassword(user?.password_hash, body.password)) && user?.active === true
      await recordLoginAttempt(db, { login: name, address, success: ok })
      if (!ok || !user) throw new DomainError('unauthenticated', 'unauthenticated', 'wrong login or password')
      await pruneSessions(db)
      const { token } = await createSession(db, user.id, { address, userAgent: c.req.header('user-agent') ?? null })
      setSessionCookie(c, token)
      const roles = (await rolesOf(db, [user.id])).get(user.id) ?? []
      return c.json(meOf({ id: user.id, login: user.login, name: user.name, roles }), 200)
    })
    .openapi(logout, async (c) => {
      const via = c.var.user.via
      if (via.kind === 'session') await endSession(db, via.sessionId)
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) })
      return c.body(null, 204)
    })
    .openapi(password, async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json')
      const user = c.var.user
      const address = clientAddress(c, trustProxy)
      // A stolen session must not become a way to guess the password: same limits as sign-in.
      const wait = await loginRetryAfter(db, user.login, address)
      if (wait !== undefined) throw tooMany(wait)
      const row = await db
        .selectFrom('app_user')
        .select('password_hash')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow()
      const ok = await verifyPassword(row.password_hash, currentPassword)
      if (!ok) {
        await recordLoginAttempt(db, { login: user.login, address, success: false })
        throw new DomainError('invalid', 'invalid_request', 'the current password is wrong', [
          { path: 'currentPassword', message: 'wrong password' },
        ])
      }
      const problem = passwordProblem(newPassword, user.login)
      if (problem)
        throw new DomainError('invalid', 'invalid_request', `the new password: ${problem}`, [
          { path: 'newPassword', message: problem },
        ])
      const hash = await hashPassword(newPassword)
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('app_user')
          .set({ password_hash: hash, updated_at: new Date() })
          .where('id', '=', user.id)
          .execute()
        // Every session ends, this one too: a signed-in browser gets a new session cookie below,
        // so a cookie copied before the change is worth nothing after it.
        await endSessionsOf(trx, user.id)
        await appendAudit(trx, [
          {
            actor: user.login,
            action: 'password_change',
            entity: 'user',
            entityKey: String(user.id),
            orgUnitId: homeUnitId(user.roles),
          },
        ])
      })
      if (user.via.kind === 'session') {
        const { token } = await createSession(db, user.id, { address, userAgent: c.req.header('user-agent') ?? null })
        setSessionCookie(c, token)
      }
      return c.body(null, 204)
    })
}
