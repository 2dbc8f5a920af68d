import { CORE_DIMENSIONS, type Dimension, type PluginManifest } from '@profmon/contract'
import type { DatabaseHandle } from '@profmon/db'

async function insertDimensions(handle: DatabaseHandle, dimensions: readonly Dimension[], pluginId: string | null) {
  for (const d of dimensions) {
    const inserted = await handle.db
      .insertInto('dimension')
      .values({ code: d.code, title: JSON.stringify(d.title), plugin_id: pluginId })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('code')
      .executeTakeFirst()
    if (!inserted) continue
    await handle.db
      .insertInto('dimension_option')
      .values(
        d.options.map((o, i) => ({ dimension_code: d.code, code: o.code, title: JSON.stringify(o.title), sort: i })),
      )
      .execute()
  }
}

/**
 * The state the server leaves after syncing a plugin, for tests: an active `plugin` row, the
 * core dimensions and the plugin's own with their options, and its data elements with the
 * element JSON (entry level, demo hints) as `definition`.
 *
 * @example
 * await syncPlugin(handle, deficits)
 */
export async function syncPlugin(handle: DatabaseHandle, manifest: PluginManifest): Promise<void> {
  await handle.db
    .insertInto('plugin')
    .values({
      id: manifest.id,
      version: manifest.version,
      title: JSON.stringify(manifest.title),
      status: 'active',
      error: null,
      manifest: JSON.stringify(manifest),
    })
    .execute()
  await insertDimensions(handle, CORE_DIMENSIONS, null)
  await insertDimensions(handle, manifest.dimensions, manifest.id)
  await handle.db
    .insertInto('data_element')
    .values(
      manifest.dataElements.map((e) => ({
        code: e.code,
        plugin_id: manifest.id,
        owner_org_unit_id: null,
        value_type: e.valueType,
        aggregation: e.aggregation,
        dimension_code: e.dimension ?? null,
        definition: JSON.stringify(e),
      })),
    )
    .execute()
}
