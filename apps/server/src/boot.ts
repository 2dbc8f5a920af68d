import { connect, migrateToLatest, type DatabaseHandle } from '@profmon/db'
import { Catalog } from './catalog/catalog.ts'
import type { AppDeps } from './context.ts'
import type { Logger } from './logger.ts'
import { discoverPlugins } from './plugins/discover.ts'
import { syncPlugins } from './plugins/sync.ts'

export interface BootOptions {
  handle: DatabaseHandle
  pluginDirs: string[]
  log: Logger
  /** Seed the demo region when the database has no org units yet. */
  demo: boolean
}

/**
 * Everything between "database open" and "ready to serve": migrations, plugin discovery and
 * sync, the catalog, and the demo region on first start.
 */
export async function boot({ handle, pluginDirs, log, demo }: BootOptions): Promise<AppDeps> {
  const migrated = await migrateToLatest(handle.db)
  for (const r of migrated.results ?? []) log.info({ migration: r.migrationName }, 'migration applied')
  const found = await discoverPlugins(pluginDirs, log)
  const active = await syncPlugins(handle.db, found, log)
  const catalog = await Catalog.load(handle.db, active)
  const empty = !(await handle.db.selectFrom('org_unit').select('id').limit(1).executeTakeFirst())
  if (demo && empty) {
    // Loaded only when needed: the generator is a tool, not part of serving requests.
    const { generateRegion } = await import('@profmon/generator')
    log.info('empty database: creating the demo region')
    const r = await generateRegion(handle, { municipalities: 12, organizations: 200 })
    log.info(
      r,
      `demo region ready: ${r.municipalities} municipalities, ${r.organizations} organisations, ${r.values} values`,
    )
  }
  const pluginUiDirs = new Map(found.flatMap((p) => (p.ok && p.uiDir ? [[p.manifest.id, p.uiDir] as const] : [])))
  return { db: handle.db, engine: handle.engine, catalog, log, pluginUiDirs }
}

export async function openDatabase(url: string | undefined, dataDir: string): Promise<DatabaseHandle> {
  return connect({ url, dataDir })
}
