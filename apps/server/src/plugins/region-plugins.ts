import { remoteNameOf } from '@profmon/contract/plugin'
import type { Database, Kysely } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { Catalog } from '../catalog/catalog.ts'
import { DomainError } from '../errors.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { enabledPluginIds } from './enabled.ts'

/**
 * The region a plugin request is about: the given one (which must be a region the caller works
 * in), else the caller's home region, else (a platform admin bound to nothing) the first region.
 */
export async function regionFor(
  db: Kysely<Database>,
  scope: Scope,
  region: number | undefined,
): Promise<number | undefined> {
  if (region === undefined) {
    const home = scope.homeRegionId()
    if (home !== undefined) return home
    const first = await db
      .selectFrom('org_unit')
      .select('id')
      .where('parent_id', 'is', null)
      .orderBy('id')
      .executeTakeFirst()
    return first?.id
  }
  const unit = await getOrgUnit(db, region)
  if (unit.parent_id !== null)
    throw new DomainError('invalid', 'invalid_request', `org unit ${region} is not a region`, [
      { path: 'region', message: 'not a region' },
    ])
  scope.assertCanSeeRegion(unit.id)
  return regionIdOf(unit)
}

/** The region's enabled plugins as the shell registers them: manifest summary and federated UI. */
export async function enabledPlugins(db: Kysely<Database>, catalog: Catalog, scope: Scope, region?: number) {
  const regionId = await regionFor(db, scope, region)
  const ids = regionId === undefined ? [] : await enabledPluginIds(db, catalog, regionId)
  return ids.map((id) => {
    const m = catalog.plugins.get(id)!
    // Listed whenever the manifest declares a UI: a missing build then shows as that plugin's
    // error card in the shell, not as a silently absent view.
    const hasUi = Boolean(m.ui)
    return {
      id,
      version: m.version,
      title: m.title,
      shortTitle: m.shortTitle ?? null,
      description: m.description ?? null,
      order: m.order,
      indicators: m.indicators.length,
      dataElements: m.dataElements.length,
      remoteEntry: hasUi ? `/plugins/${id}/remoteEntry.js` : null,
      remoteName: hasUi ? remoteNameOf(id) : null,
      exposes: hasUi ? (m.ui?.exposes ?? []) : [],
    }
  })
}

/**
 * Installed plugins with the region's switch; refused plugins and their errors only for a
 * platform admin (the platform's business, not a region's).
 */
export async function installedPlugins(db: Kysely<Database>, catalog: Catalog, scope: Scope, region?: number) {
  const regionId = await regionFor(db, scope, region)
  let query = db.selectFrom('plugin').selectAll().orderBy('id')
  if (!scope.isPlatformAdmin) query = query.where('status', '=', 'active')
  const rows = await query.execute()
  const on = regionId === undefined ? undefined : new Set(await enabledPluginIds(db, catalog, regionId))
  return rows.map((p) => ({
    id: p.id,
    version: p.version,
    title: p.title as { ru: string; en?: string },
    status: p.status as 'active' | 'incompatible' | 'invalid',
    error: p.error,
    enabled: on ? on.has(p.id) : null,
  }))
}

/** Switches a direction on or off for a region (its data is kept), audited; region admins. */
export async function setPluginEnabled(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  target: { region: number; plugin: string; enabled: boolean },
): Promise<{ plugin: string; enabled: boolean }> {
  const { plugin, enabled: on } = target
  const regionId = (await regionFor(db, scope, target.region))!
  scope.assertCanWrite(await getOrgUnit(db, regionId), 'plugins', 'id')
  if (!catalog.plugins.has(plugin))
    throw new DomainError('not_found', 'not_found', `plugin "${plugin}" is not installed or not active`, [
      { path: 'plugin', message: 'not installed' },
    ])
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('region_plugin')
      .select('enabled')
      .where('region_id', '=', regionId)
      .where('plugin_id', '=', plugin)
      .executeTakeFirst()
    await trx
      .insertInto('region_plugin')
      .values({ region_id: regionId, plugin_id: plugin, enabled: on })
      .onConflict((oc) => oc.columns(['region_id', 'plugin_id']).doUpdateSet({ enabled: on, updated_at: new Date() }))
      .execute()
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: on ? 'enable' : 'disable',
        entity: 'region_plugin',
        entityKey: `${regionId}|${plugin}`,
        orgUnitId: regionId,
        oldValue: before?.enabled ?? true,
        newValue: on,
      },
    ])
  })
  return { plugin, enabled: on }
}
