import { connect, migrateToLatest, type DatabaseHandle } from '@profmon/db'
import { createDemoUsers, createFirstAdmin, DEMO_PASSWORD, hasNoUsers } from './access/demo-users.ts'
import { Catalog } from './catalog/catalog.ts'
import { attachDemoEvidence } from './collection/evidence/demo-documents.ts'
import type { AppDeps } from './context.ts'
import type { Logger } from './logger.ts'
import { discoverPlugins } from './plugins/discover.ts'
import { syncPlugins } from './plugins/sync.ts'

export interface BootOptions {
  handle: DatabaseHandle
  pluginDirs: string[]
  log: Logger
  /** Seed the demo region (and its users) when the database has no org units yet. */
  demo: boolean
}

/**
 * Everything between "database open" and "ready to serve": migrations, plugin discovery and
 * sync, the catalog, and on first start the demo region with its users — or, without the demo, a
 * platform admin with a generated password.
 */
export async function boot({ handle, pluginDirs, log, demo }: BootOptions): Promise<AppDeps> {
  const migrated = await migrateToLatest(handle.db)
  for (const r of migrated.results ?? []) log.info({ migration: r.migrationName }, 'migration applied')
  const found = await discoverPlugins(pluginDirs, log)
  const active = await syncPlugins(handle.db, found, log)
  const catalog = await Catalog.load(handle.db, active)
  const empty = !(await handle.db.selectFrom('org_unit').select('id').limit(1).executeTakeFirst())
  let demoRegionId: number | undefined
  if (demo && empty) {
    // Loaded only when needed: the generator is a tool, not part of serving requests.
    const { generateRegion } = await import('@profmon/generator')
    log.info('empty database: creating the demo region')
    // The latest period stays open for entry for three months from today: a demo to try, not a
    // closed archive (the seed-004 deadline of 20 January may have passed).
    const openLatestUntil = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10)
    const r = await generateRegion(handle, { municipalities: 12, organizations: 200, openLatestUntil })
    log.info(
      r,
      `demo region ready: ${r.municipalities} municipalities, ${r.organizations} organisations, ${r.values} values`,
    )
    demoRegionId = r.regionId
    log.info(`demo evidence: ${await attachDemoEvidence(handle.db, catalog, r.regionId)} documents`)
  }
  if (await hasNoUsers(handle.db)) {
    if (demoRegionId !== undefined) {
      const users = await createDemoUsers(handle.db, demoRegionId)
      log.info(`demo users (password "${DEMO_PASSWORD}"): ${users.map((u) => u.login).join(', ')}`)
    } else {
      const { login, password } = await createFirstAdmin(handle.db)
      // Printed once: the database keeps only the hash.
      log.warn(
        { login, password },
        `no users yet: created the platform admin "${login}" with the password ${password} (shown only now; change it after signing in)`,
      )
    }
  }
  const pluginUiDirs = new Map(found.flatMap((p) => (p.ok && p.uiDir ? [[p.manifest.id, p.uiDir] as const] : [])))
  return { db: handle.db, engine: handle.engine, catalog, log, pluginUiDirs }
}

export async function openDatabase(url: string | undefined, dataDir: string): Promise<DatabaseHandle> {
  return connect({ url, dataDir })
}
