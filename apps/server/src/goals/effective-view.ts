import type { Database, Kysely } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import type { Catalog } from '../catalog/catalog.ts'
import { catalogFor, revisionFor } from '../catalog/local-definitions.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { findPeriod } from '../org/periods.ts'
import { enabledPluginIds } from '../plugins/enabled.ts'
import { loadTargetResolver, type EffectiveTarget } from './effective-targets.ts'

/** One indicator's target in force at a unit, as `GET /api/targets/effective` shows it. */
export type EffectiveTargetView = EffectiveTarget & { indicator: string }

/**
 * The target in force at an org unit and period for every indicator visible there (the enabled
 * directions' and the local ones the unit sees), after plugin default → region → municipality →
 * organisation. Indicators without any target are left out.
 *
 * @example
 * await effectiveTargets(db, catalog, scope, { orgUnit: munA.id, period: '2025-26' })
 * // [{ indicator: 'deficits.diagnosed_share', value: 40, source: 'municipality', sourceOrgUnit: munA.id, … }]
 */
export async function effectiveTargets(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  where: { orgUnit: number; period: string },
): Promise<EffectiveTargetView[]> {
  const unit = await getOrgUnit(db, where.orgUnit)
  scope.assertCanRead(unit)
  const [period, view, enabled] = await Promise.all([
    findPeriod(db, where.period),
    catalogFor(db, catalog, [unit]),
    enabledPluginIds(db, catalog, regionIdOf(unit)),
  ])
  const on = new Set(enabled)
  const indicators = [...view.indicators.values()].filter((i) => i.local || on.has(i.pluginId))
  const resolve = await loadTargetResolver(
    db,
    [unit],
    [period],
    indicators.map((i) => i.compiled.indicator.code),
  )
  return indicators.flatMap((ind) => {
    const def = (ind.local ? revisionFor(ind, period.code).compiled : ind.compiled).indicator
    const t = resolve(def, unit, period)
    return t ? [{ indicator: def.code, ...t }] : []
  })
}
