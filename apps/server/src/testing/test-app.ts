import { mkdtemp, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { DatabaseHandle } from '@profmon/db'
import { createTestDatabase } from '@profmon/db/testing'
import pino from 'pino'
import { hashPassword } from '../access/passwords.ts'
import { createSession, SESSION_COOKIE } from '../access/sessions.ts'
import { insertUser, type RoleInput } from '../access/users.ts'
import { createApp } from '../app.ts'
import { boot, type SeedHook } from '../boot.ts'
import { REPO_ROOT } from '../config.ts'
import type { AppDeps } from '../context.ts'

/** The password of users made by {@link TestApp.createUser}. */
export const TEST_PASSWORD = 'test-password-1'

/** A response as tests read it: status, parsed JSON body, headers. */
export interface TestResponse<T> {
  status: number
  body: T
  headers: Headers
}

/** Someone calling the app: JSON body in, parsed JSON out. */
export interface Caller {
  call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<TestResponse<T>>
  /** A GET whose answer is a file (XLSX, a document): the raw response. */
  download(path: string): Promise<Response>
}

export interface TestApp extends Caller {
  app: OpenAPIHono
  deps: AppDeps
  handle: DatabaseHandle
  /** `call` (on the TestApp itself) acts as `admin`, the platform admin every fresh database gets. */
  as(login: string): Caller
  /** No session at all. */
  anonymous: Caller
  /** A user with the given roles and {@link TEST_PASSWORD}; returns the id. */
  createUser(login: string, roles: RoleInput[], name?: string): Promise<number>
  close(): Promise<void>
}

/** A folder of plugins for a test: symlinks to the named workspace plugins (and extra dirs). */
export async function pluginFolder(ids: string[], extra: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'profmon-plugins-'))
  for (const id of ids) await symlink(resolve(REPO_ROOT, 'plugins', id), join(dir, id))
  for (const [name, target] of Object.entries(extra)) await symlink(target, join(dir, name))
  return dir
}

/**
 * The real app over a fresh database (PGlite in memory, or PostgreSQL with TEST_DATABASE_URL),
 * booted with the given plugins; empty unless a seed hook is given. Requests carry a real session, made in
 * the database as a sign-in would (tests of sign-in itself go through POST /api/auth/login).
 */
export async function createTestApp(
  options: { plugins?: string[]; pluginDirs?: string[]; seed?: SeedHook } = {},
): Promise<TestApp> {
  const handle = await createTestDatabase()
  const log = pino({ level: process.env.LOG_LEVEL ?? 'silent' })
  const pluginDirs = options.pluginDirs ?? [await pluginFolder(options.plugins ?? ['deficits'])]
  const deps = await boot({ handle, pluginDirs, log, seed: options.seed })
  const app = createApp(deps)

  const caller = (cookie: () => Promise<string | undefined>): Caller => ({
    async call(method, path, body, headers = {}) {
      const session = await cookie()
      const res = await app.request(path, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(session ? { cookie: `${SESSION_COOKIE}=${session}` } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      const text = await res.text()
      return { status: res.status, body: (text ? JSON.parse(text) : null) as never, headers: res.headers }
    },
    async download(path) {
      const session = await cookie()
      return app.request(path, { headers: session ? { cookie: `${SESSION_COOKIE}=${session}` } : {} })
    },
  })
  const sessions = new Map<string, Promise<string>>()
  const sessionOf = (login: string) => {
    let token = sessions.get(login)
    if (!token) {
      token = (async () => {
        const user = await deps.db
          .selectFrom('app_user')
          .select('id')
          .where('login', '=', login)
          .executeTakeFirstOrThrow(() => new Error(`no test user "${login}"`))
        return (await createSession(deps.db, user.id, { address: null, userAgent: 'vitest' })).token
      })()
      sessions.set(login, token)
    }
    return token
  }
  const as = (login: string) => caller(() => sessionOf(login))
  return {
    app,
    deps,
    handle,
    call: as('admin').call,
    download: as('admin').download,
    as,
    anonymous: caller(async () => undefined),
    async createUser(login, roles, name = login) {
      return insertUser(deps.db, { login, name, passwordHash: await hashPassword(TEST_PASSWORD), roles })
    },
    async close() {
      await deps.jobs.stop()
      await handle.close()
    },
  }
}
