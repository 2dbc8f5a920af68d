import { connect, migrateToLatest, type DatabaseHandle } from '@profmon/db'
import { installPlugins } from '@profmon/plugin-host'
import { createFirstAdmin, hasNoUsers } from './access/first-admin.ts'
import { Catalog } from './catalog/catalog.ts'
import type { AppDeps } from './context.ts'
import { JobQueue } from './jobs/queue.ts'
import type { Logger } from './logger.ts'

/** What a {@link SeedHook} works with: the open database, the plugin catalog, the logger. */
export interface SeedContext {
  handle: DatabaseHandle
  catalog: Catalog
  log: Logger
}

/**
 * Fills an empty database (no org units yet) before the server serves, e.g. the demo region and
 * its users. The composition root passes it in: the server itself ships no demo data.
 */
export type SeedHook = (ctx: SeedContext) => Promise<void>

export interface BootOptions {
  handle: DatabaseHandle
  pluginDirs: string[]
  log: Logger
  /** Runs once when the database has no org units yet; without it the database starts empty. */
  seed?: SeedHook | undefined
}

/**
 * Everything between "database open" and "ready to serve": migrations, plugin discovery and
 * sync, the catalog, the seed hook on an empty database — and, when that leaves no users, a
 * platform admin with a generated password.
 */
export async function boot(options: BootOptions): Promise<AppDeps> {
  // Replicas starting together on one PostgreSQL boot one after the other: on an empty
  // database only the first seeds it and creates the platform admin; the others find them.
  return withBootLock(options.handle, () => bootAlone(options))
}

/** Any 64-bit number of our own: the advisory lock replicas take while booting. */
const BOOT_LOCK = 7_146_237_001

async function withBootLock<T>(handle: DatabaseHandle, fn: () => Promise<T>): Promise<T> {
  // PGlite is one process's (its DATA_DIR is locked): nothing to wait for.
  if (handle.engine !== 'postgres') return fn()
  const client = await handle.pool.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [BOOT_LOCK])
    try {
      return await fn()
    } finally {
      await client.query('select pg_advisory_unlock($1)', [BOOT_LOCK])
    }
  } finally {
    client.release()
  }
}

async function bootAlone({ handle, pluginDirs, log, seed }: BootOptions): Promise<AppDeps> {
  const migrated = await migrateToLatest(handle.db)
  for (const r of migrated.results ?? []) log.info({ migration: r.migrationName }, 'migration applied')
  const { found, active } = await installPlugins(handle.db, pluginDirs, log)
  const catalog = await Catalog.load(handle.db, active)
  const empty = !(await handle.db.selectFrom('org_unit').select('id').limit(1).executeTakeFirst())
  if (seed && empty) await seed({ handle, catalog, log })
  if (await hasNoUsers(handle.db)) {
    const { login, password } = await createFirstAdmin(handle.db)
    // Printed once: the database keeps only the hash.
    log.warn(
      { login, password },
      `no users yet: created the platform admin "${login}" with the password ${password} (shown only now; change it after signing in)`,
    )
  }
  const pluginUiDirs = new Map(found.flatMap((p) => (p.ok && p.uiDir ? [[p.manifest.id, p.uiDir] as const] : [])))
  return {
    db: handle.db,
    engine: handle.engine,
    catalog,
    log,
    pluginUiDirs,
    jobs: new JobQueue(handle, log),
    readReplica: handle.readReplica,
  }
}

/** PostgreSQL at `url` (with its hot standby at `readUrl` for reads), else PGlite in `dataDir`. */
export async function openDatabase(
  url: string | undefined,
  dataDir: string,
  readUrl?: string | undefined,
): Promise<DatabaseHandle> {
  return connect({ url, dataDir, readUrl })
}
