import { mkdtemp, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { DatabaseHandle } from '@profmon/db'
import { createTestDatabase } from '@profmon/db/testing'
import pino from 'pino'
import { createApp } from '../app.ts'
import { boot } from '../boot.ts'
import { REPO_ROOT } from '../config.ts'
import type { AppDeps } from '../context.ts'

export interface TestApp {
  app: OpenAPIHono
  deps: AppDeps
  handle: DatabaseHandle
  /** `fetch` against the app: JSON body in, parsed JSON out. */
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>
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
 * booted with the given plugins; no demo unless asked.
 */
export async function createTestApp(
  options: { plugins?: string[]; pluginDirs?: string[]; demo?: boolean } = {},
): Promise<TestApp> {
  const handle = await createTestDatabase()
  const log = pino({ level: process.env.LOG_LEVEL ?? 'silent' })
  const pluginDirs = options.pluginDirs ?? [await pluginFolder(options.plugins ?? ['deficits'])]
  const deps = await boot({ handle, pluginDirs, log, demo: options.demo ?? false })
  const app = createApp(deps)
  return {
    app,
    deps,
    handle,
    async call(method, path, body) {
      const res = await app.request(path, {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      })
      const text = await res.text()
      return { status: res.status, body: (text ? JSON.parse(text) : null) as never }
    },
    close: () => handle.close(),
  }
}
