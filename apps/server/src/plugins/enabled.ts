import type { Database, Kysely } from '@profmon/db'
import type { Catalog } from '../catalog/catalog.ts'

/**
 * Ids of the active plugins enabled for a region, in navigation order. A plugin with no
 * region_plugin row is enabled: new installations are on until a region admin turns them off.
 */
export async function enabledPluginIds(db: Kysely<Database>, catalog: Catalog, regionId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('region_plugin')
    .select(['plugin_id', 'enabled'])
    .where('region_id', '=', regionId)
    .execute()
  const off = new Set(rows.filter((r) => !r.enabled).map((r) => r.plugin_id))
  return [...catalog.plugins.keys()].filter((id) => !off.has(id))
}
