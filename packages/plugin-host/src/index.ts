import type { Database, Kysely } from '@profmon/db'
import type { PluginManifest } from '@profmon/contract'
import { discoverPlugins, type DiscoveredPlugin } from './discover.ts'
import type { HostLogger } from './logger.ts'
import { syncPlugins } from './sync.ts'

export { discoverPlugins, type DiscoveredPlugin } from './discover.ts'
export { syncPlugins } from './sync.ts'
export { consoleLogger, type HostLogger } from './logger.ts'
export { pluginRoots, WORKSPACE_PLUGINS } from './plugin-roots.ts'

/**
 * The valid manifests among discovered plugins, in navigation order (`order`, then id).
 *
 * @example
 * manifestsOf(await discoverPlugins(pluginRoots(), consoleLogger)).map((m) => m.id) // ['deficits', …]
 */
export function manifestsOf(found: DiscoveredPlugin[]): PluginManifest[] {
  return found.flatMap((p) => (p.ok ? [p.manifest] : [])).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
}

/**
 * Discovery and catalog sync in one step, as the server does it at start: returns what was found
 * (with UI folders and refusals) and the manifests now active in the database.
 *
 * @example
 * const { active } = await installPlugins(db, pluginRoots(), log)
 */
export async function installPlugins(
  db: Kysely<Database>,
  roots: string[],
  log: HostLogger,
): Promise<{ found: DiscoveredPlugin[]; active: PluginManifest[] }> {
  const found = await discoverPlugins(roots, log)
  return { found, active: await syncPlugins(db, found, log) }
}
