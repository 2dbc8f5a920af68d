import type { Indicator } from '@profmon/contract'
import type { Database, Kysely, OrgUnit } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import type { AnalyticsRow } from '../analytics/analytics.ts'
import { analyticsAnswer } from '../analytics/answers.ts'
import { LOCAL_GROUP, LOCAL_TITLE, type Catalog } from '../catalog/catalog.ts'
import { catalogFor, revisionFor } from '../catalog/local-definitions.ts'
import { invalid } from '../errors.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { enabledPluginIds } from '../plugins/enabled.ts'

/** What the user chose to include: directions (none = all), the appendix, the child units. */
export interface ReportSections {
  plugins?: string[] | undefined
  appendix?: boolean | undefined
  /** `compact`: one comparison table; `sections`: a chapter per child unit; `none`: neither. */
  children?: 'compact' | 'sections' | 'none' | undefined
}

export interface Direction {
  id: string
  title: string
  /** The direction's indicators computed at the unit, in catalog order. */
  indicators: Indicator[]
}

/**
 * Everything the sections read, computed once per report: the unit and periods, and the rows of
 * `computeAnalytics` — the very call behind `GET /api/analytics` — for the unit (this period and
 * the previous one) and for its children (this period). Sections only pick from these rows or call
 * the analysis services (`analysisTable`, `analysisTrend`), so no figure is computed twice.
 */
export interface ReportContext {
  db: Kysely<Database>
  /** The plugin catalog; the services lay each unit's local definitions over it themselves. */
  catalog: Catalog
  scope: Scope
  unit: OrgUnit
  period: { id: number; code: string; title: string }
  previous: { id: number; code: string; title: string } | null
  directions: Direction[]
  self: readonly AnalyticsRow[]
  children: readonly AnalyticsRow[]
  childUnits: { id: number; name: string }[]
  sections: ReportSections
  /** The analytics row of an indicator at the unit (total, not an option) in a period. */
  selfRow(indicator: string, period?: string): AnalyticsRow | undefined
}

export async function loadReportContext(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  q: { orgUnit: number; period: string; sections: ReportSections },
): Promise<ReportContext> {
  const unit = await getOrgUnit(db, q.orgUnit)
  scope.assertCanRead(unit)
  const periods = await db.selectFrom('period').select(['id', 'code', 'title']).orderBy('starts_on').execute()
  const at = periods.findIndex((p) => p.code === q.period)
  if (at < 0) throw invalid([{ path: 'period', message: `unknown period "${q.period}"` }])
  const period = periods[at]!
  const previous = at > 0 ? periods[at - 1]! : null
  const codes = [period.code, ...(previous ? [previous.code] : [])]
  const [view, enabled, childUnits] = await Promise.all([
    catalogFor(db, catalog, [unit]),
    enabledPluginIds(db, catalog, regionIdOf(unit)),
    db.selectFrom('org_unit').select(['id', 'name']).where('parent_id', '=', unit.id).orderBy('name').execute(),
  ])
  // Exactly GET /api/analytics?orgUnit=&period=&period= (every indicator of the enabled directions),
  // and the children's: the endpoint's own answers, shared with it while the data is unchanged.
  const [self, children] = await Promise.all([
    analyticsAnswer(db, catalog, unit, { level: 'self', periods: codes, indicators: [] }).then((a) => a.rows),
    childUnits.length
      ? analyticsAnswer(db, catalog, unit, { level: 'children', periods: [period.code], indicators: [] }).then(
          (a) => a.rows,
        )
      : Promise.resolve([]),
  ])
  const computed = new Set(self.map((r) => r.indicator))
  const wanted = q.sections.plugins?.length ? new Set(q.sections.plugins) : null
  const unknown = q.sections.plugins?.filter((p) => p !== LOCAL_GROUP && !enabled.includes(p)) ?? []
  if (unknown.length)
    throw invalid(
      unknown.map((p) => ({
        path: 'sections.plugins',
        message: `the direction "${p}" is not enabled for this region`,
      })),
    )
  const directions: Direction[] = [...enabled, LOCAL_GROUP]
    .filter((id) => !wanted || wanted.has(id))
    .map((id) => ({
      id,
      title: id === LOCAL_GROUP ? LOCAL_TITLE.ru : (catalog.plugins.get(id)?.title.ru ?? id),
      indicators: [...view.indicators.values()]
        .filter((i) => i.pluginId === id && computed.has(i.compiled.indicator.code))
        .map((i) => (i.local ? revisionFor(i, period.code).compiled : i.compiled).indicator),
    }))
    .filter((d) => d.indicators.length > 0)
  return {
    db,
    catalog,
    scope,
    unit,
    period,
    previous,
    directions,
    self,
    children,
    childUnits,
    sections: q.sections,
    selfRow: (indicator, p = period.code) =>
      self.find((r) => r.indicator === indicator && r.period === p && r.option === null),
  }
}
