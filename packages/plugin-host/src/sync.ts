import {
  CORE_DATA_ELEMENTS,
  CORE_DIMENSIONS,
  pluginIdSchema,
  type Dimension,
  type PluginManifest,
} from '@profmon/contract'
import { sql, type Database, type Kysely, type Transaction } from '@profmon/db'
import type { HostLogger } from './logger.ts'
import type { DiscoveredPlugin } from './discover.ts'

async function upsertDimension(trx: Transaction<Database>, d: Dimension, pluginId: string | null): Promise<void> {
  await trx
    .insertInto('dimension')
    .values({ code: d.code, title: JSON.stringify(d.title), plugin_id: pluginId })
    .onConflict((oc) => oc.column('code').doUpdateSet({ title: JSON.stringify(d.title) }))
    .execute()
  await trx
    .insertInto('dimension_option')
    .values(
      d.options.map((o, sort) => ({ dimension_code: d.code, code: o.code, title: JSON.stringify(o.title), sort })),
    )
    .onConflict((oc) =>
      oc
        .columns(['dimension_code', 'code'])
        .doUpdateSet((eb) => ({ title: eb.ref('excluded.title'), sort: eb.ref('excluded.sort') })),
    )
    .execute()
}

async function syncManifest(trx: Transaction<Database>, m: PluginManifest): Promise<void> {
  await trx
    .insertInto('plugin')
    .values({
      id: m.id,
      version: m.version,
      title: JSON.stringify(m.title),
      status: 'active',
      error: null,
      manifest: JSON.stringify(m),
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        version: eb.ref('excluded.version'),
        title: eb.ref('excluded.title'),
        status: 'active',
        error: null,
        manifest: eb.ref('excluded.manifest'),
        updated_at: new Date(),
      })),
    )
    .execute()
  for (const d of m.dimensions) await upsertDimension(trx, d, m.id)
  // Elements and indicators of an older version stay in the tables: their data is kept.
  const taken = await trx
    .selectFrom('data_element')
    .select(['code', 'plugin_id'])
    .where(
      'code',
      'in',
      m.dataElements.map((e) => e.code),
    )
    .where((eb) => eb.or([eb('plugin_id', 'is', null), eb('plugin_id', '!=', m.id)]))
    .execute()
  if (taken.length)
    throw new Error(`data element ${taken[0]!.code} already belongs to ${taken[0]!.plugin_id ?? 'a local owner'}`)
  await trx
    .insertInto('data_element')
    .values(
      m.dataElements.map((e) => ({
        code: e.code,
        plugin_id: m.id,
        value_type: e.valueType,
        aggregation: e.aggregation,
        dimension_code: e.dimension ?? null,
        definition: JSON.stringify(e),
      })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        value_type: eb.ref('excluded.value_type'),
        aggregation: eb.ref('excluded.aggregation'),
        dimension_code: eb.ref('excluded.dimension_code'),
        definition: eb.ref('excluded.definition'),
      })),
    )
    .execute()
  await trx
    .insertInto('indicator')
    .values(m.indicators.map((i) => ({ code: i.code, plugin_id: m.id, definition: JSON.stringify(i) })))
    .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ definition: eb.ref('excluded.definition') })))
    .execute()
}

/**
 * Writes what was discovered into the database: core dimensions, each valid plugin's
 * definitions (each in its own savepoint, so one failing plugin does not stop the others), and
 * refused plugins with their reason so that the platform admin sees them.
 * Returns the manifests that are active.
 */
export async function syncPlugins(
  db: Kysely<Database>,
  found: DiscoveredPlugin[],
  log: HostLogger,
): Promise<PluginManifest[]> {
  const active: PluginManifest[] = []
  await db.transaction().execute(async (trx) => {
    for (const d of CORE_DIMENSIONS) await upsertDimension(trx, d, null)
    // Core data elements: no plugin and no owner (migration 0014 created them for the values it moved).
    await trx
      .insertInto('data_element')
      .values(
        CORE_DATA_ELEMENTS.map((e) => ({
          code: e.code,
          plugin_id: null,
          owner_org_unit_id: null,
          value_type: e.valueType,
          aggregation: e.aggregation,
          dimension_code: e.dimension ?? null,
          definition: JSON.stringify(e),
        })),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          value_type: eb.ref('excluded.value_type'),
          aggregation: eb.ref('excluded.aggregation'),
          dimension_code: eb.ref('excluded.dimension_code'),
          definition: eb.ref('excluded.definition'),
        })),
      )
      .execute()
    for (const p of found) {
      if (!p.ok) {
        if (!pluginIdSchema.safeParse(p.id).success) continue
        await trx
          .insertInto('plugin')
          .values({
            id: p.id,
            version: p.version,
            title: JSON.stringify({ ru: p.id }),
            status: p.incompatible ? 'incompatible' : 'invalid',
            error: p.error.message,
            manifest: null,
          })
          .onConflict((oc) =>
            oc.column('id').doUpdateSet({
              status: p.incompatible ? 'incompatible' : 'invalid',
              error: p.error.message,
              updated_at: new Date(),
            }),
          )
          .execute()
        continue
      }
      await sql`savepoint plugin_sync`.execute(trx)
      try {
        await syncManifest(trx, p.manifest)
        await sql`release savepoint plugin_sync`.execute(trx)
        active.push(p.manifest)
      } catch (e) {
        await sql`rollback to savepoint plugin_sync`.execute(trx)
        log.error({ plugin: p.manifest.id, err: e }, `plugin refused: ${String(e)}`)
        await trx
          .updateTable('plugin')
          .set({ status: 'invalid', error: String(e) })
          .where('id', '=', p.manifest.id)
          .execute()
      }
    }
    const present = new Set(found.map((p) => (p.ok ? p.manifest.id : p.id)))
    const stored = await trx.selectFrom('plugin').select('id').where('status', '=', 'active').execute()
    for (const { id } of stored.filter((s) => !present.has(s.id)))
      await trx
        .updateTable('plugin')
        .set({ status: 'invalid', error: 'the plugin is no longer installed' })
        .where('id', '=', id)
        .execute()
  })
  log.info({ plugins: active.map((m) => `${m.id}@${m.version}`) }, `${active.length} plugin(s) active`)
  return active
}
