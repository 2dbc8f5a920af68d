import { sql, type Database, type Kysely, type OrgUnit } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import type { Catalog } from '../catalog/catalog.ts'
import { invalid } from '../errors.ts'
import { getOrgUnit, pathIds, regionIdOf } from '../org/org-units.ts'
import { findPeriod, neighbourPeriods, type PeriodRef } from '../org/periods.ts'
import { enabledPluginIds } from '../plugins/enabled.ts'

/** The nine components of the management cycle (seed 003), in their order. */
export const CYCLE_COMPONENTS = [
  'goals',
  'indicators',
  'collection',
  'monitoring',
  'analysis',
  'recommendations',
  'measures',
  'decisions',
  'effectiveness',
] as const

export type CycleComponent = (typeof CYCLE_COMPONENTS)[number]

/** What a component's presence rests on: how many records (of how many expected) and where to see them. */
export interface CycleEvidence {
  count: number
  /** For monitoring: how many units were expected to submit; for effectiveness: measures to comment. */
  of: number | null
  /** The shell page that shows the records. */
  href: string
}

export interface CycleDirection {
  plugin: string
  components: { component: CycleComponent; present: boolean; evidence: CycleEvidence }[]
  /** Present components in percent of the nine. */
  score: number
}

export interface CycleView {
  orgUnit: number
  orgUnitName: string
  period: string
  directions: CycleDirection[]
  score: number
  /** With `level=children`: the same for each child unit, side by side. */
  children?: { orgUnit: number; orgUnitName: string; directions: CycleDirection[]; score: number }[]
}

const percent = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0)

/** Records keyed by unit and direction; a `null` direction (cross-cutting) counts for every direction. */
class Tally {
  private readonly counts = new Map<string, number>()
  add(unit: number, plugin: string | null, n = 1) {
    const key = `${unit}|${plugin ?? '*'}`
    this.counts.set(key, (this.counts.get(key) ?? 0) + n)
  }
  get(unit: number, plugin: string): number {
    return (this.counts.get(`${unit}|${plugin}`) ?? 0) + (this.counts.get(`${unit}|*`) ?? 0)
  }
}

/**
 * The management cycle at a glance for units (one, or a region's children) in a period: per
 * enabled direction, each of the nine components present or missing from the records themselves
 * — stored targets, the direction's indicators, the region's collection plan, approved
 * submissions of the whole subtree, a published conclusion, published recommendations, planned
 * measures with a responsible, registered decisions, and commented effectiveness of the previous
 * period's measures — with the count behind each.
 */
async function cycleOf(
  db: Kysely<Database>,
  catalog: Catalog,
  units: OrgUnit[],
  period: PeriodRef,
  previous: PeriodRef | undefined,
): Promise<Map<number, CycleDirection[]>> {
  const out = new Map<number, CycleDirection[]>()
  if (!units.length) return out
  const regionId = regionIdOf(units[0]!)
  const ids = units.map((u) => u.id)
  const plugins = (await enabledPluginIds(db, catalog, regionId)).filter((p) => catalog.plugins.has(p)).sort()
  const pluginOfIndicator = (code: string) => catalog.indicators.get(code)?.pluginId ?? null
  const ancestors = [...new Set(units.flatMap((u) => pathIds(u.path)))]

  const [targets, campaign, submissions, conclusions, recommendations, measures, decisions, previousMeasures] =
    await Promise.all([
      db
        .selectFrom('target')
        .select(['org_unit_id', 'indicator_code'])
        .where('period_id', '=', period.id)
        .where('org_unit_id', 'in', ancestors)
        .execute(),
      db
        .selectFrom('campaign')
        .select('collected_plugins')
        .where('region_id', '=', regionId)
        .where('period_id', '=', period.id)
        .executeTakeFirst(),
      // Per unit of interest: its subtree's entry units (below the region) and how many of them
      // approved each direction.
      sql<{ unit: number; plugin: string | null; approved: number; total: number }>`
        select u.id as unit, s.plugin_id as plugin,
               count(*) filter (where s.state = 'approved')::int as approved,
               (select count(*)::int from org_unit x where x.path like u.path || '%' and x.level > 1) as total
        from org_unit u
        join org_unit o on o.path like u.path || '%' and o.level > 1
        left join submission s on s.org_unit_id = o.id and s.period_id = ${period.id}
        where u.id in (${sql.join(ids)})
        group by u.id, u.path, s.plugin_id`.execute(db),
      db
        .selectFrom('conclusion')
        .select(['org_unit_id', 'plugin_id'])
        .where('period_id', '=', period.id)
        .where('org_unit_id', 'in', ids)
        .where('published_at', 'is not', null)
        .execute(),
      db
        .selectFrom('recommendation')
        .select(['owner_org_unit_id', 'plugin_id', 'indicators'])
        .where('period_id', '=', period.id)
        .where('owner_org_unit_id', 'in', ids)
        .where('state', 'in', ['published', 'acknowledged'])
        .execute(),
      db
        .selectFrom('measure')
        .select(['id', 'org_unit_id', 'plugin_id'])
        .where('period_id', '=', period.id)
        .where('org_unit_id', 'in', ids)
        .where('status', 'in', ['planned', 'in_progress', 'done'])
        .where((eb) => eb.or([eb('responsible_name', 'is not', null), eb('responsible_user_id', 'is not', null)]))
        .execute(),
      db
        .selectFrom('decision')
        .select(['org_unit_id', 'measures', 'indicators'])
        .where('period_id', '=', period.id)
        .where('org_unit_id', 'in', ids)
        .execute(),
      previous
        ? db
            .selectFrom('measure as m')
            .leftJoin('effectiveness_comment as c', 'c.measure_id', 'm.id')
            .select(['m.org_unit_id', 'm.plugin_id', sql<boolean>`c.measure_id is not null`.as('commented')])
            .where('m.period_id', '=', previous.id)
            .where('m.org_unit_id', 'in', ids)
            .where('m.status', 'in', ['planned', 'in_progress', 'done'])
            .execute()
        : [],
    ])

  const goals = new Map<number, Set<string>>()
  for (const t of targets) {
    const plugin = pluginOfIndicator(t.indicator_code)
    if (!plugin) continue
    const set = goals.get(t.org_unit_id) ?? new Set<string>()
    set.add(`${plugin}|${t.indicator_code}`)
    goals.set(t.org_unit_id, set)
  }
  const collected = campaign ? (campaign.collected_plugins ?? plugins) : []
  const approvals = new Map<string, { approved: number; total: number }>()
  const totals = new Map<number, number>()
  for (const r of submissions.rows) {
    totals.set(r.unit, r.total)
    if (r.plugin) approvals.set(`${r.unit}|${r.plugin}`, { approved: r.approved, total: r.total })
  }
  const analysis = new Tally()
  for (const c of conclusions) analysis.add(c.org_unit_id, c.plugin_id)
  const recs = new Tally()
  for (const r of recommendations) {
    const linked = new Set([r.plugin_id, ...r.indicators.map(pluginOfIndicator)].filter((p) => p !== null))
    if (linked.size) for (const p of linked) recs.add(r.owner_org_unit_id, p)
    else recs.add(r.owner_org_unit_id, null)
  }
  const planned = new Tally()
  const measurePlugin = new Map<number, string | null>()
  for (const m of measures) {
    planned.add(m.org_unit_id, m.plugin_id)
    measurePlugin.set(m.id, m.plugin_id)
  }
  const linkedMeasureIds = [...new Set(decisions.flatMap((d) => d.measures))].filter((id) => !measurePlugin.has(id))
  if (linkedMeasureIds.length)
    for (const m of await db
      .selectFrom('measure')
      .select(['id', 'plugin_id'])
      .where('id', 'in', linkedMeasureIds)
      .execute())
      measurePlugin.set(m.id, m.plugin_id)
  const decided = new Tally()
  for (const d of decisions) {
    const linked = [...d.measures.map((id) => measurePlugin.get(id) ?? null), ...d.indicators.map(pluginOfIndicator)]
    // Unlinked, or linked to a cross-cutting measure: the decision concerns every direction.
    if (!linked.length || linked.includes(null)) decided.add(d.org_unit_id, null)
    else for (const p of new Set(linked)) decided.add(d.org_unit_id, p)
  }
  const judgedBefore = new Tally()
  const commented = new Tally()
  for (const m of previousMeasures) {
    judgedBefore.add(m.org_unit_id, m.plugin_id)
    if (m.commented) commented.add(m.org_unit_id, m.plugin_id)
  }

  const q = (unit: OrgUnit, extra = '') => `?unit=${unit.id}&period=${encodeURIComponent(period.code)}${extra}`
  for (const unit of units) {
    const unitGoals = pathIds(unit.path).flatMap((id) => [...(goals.get(id) ?? [])])
    const directions = plugins.map((plugin): CycleDirection => {
      const indicatorCount = [...catalog.indicators.values()].filter((i) => !i.local && i.pluginId === plugin).length
      const goalCount = new Set(unitGoals.filter((g) => g.startsWith(`${plugin}|`))).size
      const approval = approvals.get(`${unit.id}|${plugin}`) ?? { approved: 0, total: totals.get(unit.id) ?? 0 }
      const before = judgedBefore.get(unit.id, plugin)
      const withComments = commented.get(unit.id, plugin)
      const p = `&plugin=${encodeURIComponent(plugin)}`
      const parts: Record<CycleComponent, { present: boolean; evidence: CycleEvidence }> = {
        goals: {
          present: goalCount > 0,
          evidence: { count: goalCount, of: indicatorCount, href: `/goals${q(unit, p)}` },
        },
        indicators: {
          present: indicatorCount > 0,
          evidence: { count: indicatorCount, of: null, href: `/analysis${q(unit, p)}` },
        },
        collection: {
          present: collected.includes(plugin),
          evidence: { count: campaign ? 1 : 0, of: null, href: `/entry${q(unit, p)}` },
        },
        monitoring: {
          present: approval.total > 0 && approval.approved === approval.total,
          evidence: { count: approval.approved, of: approval.total, href: `/entry${q(unit, p)}` },
        },
        analysis: {
          present: analysis.get(unit.id, plugin) > 0,
          evidence: {
            count: analysis.get(unit.id, plugin),
            of: null,
            href: `/analysis${q(unit, `${p}&tab=conclusion`)}`,
          },
        },
        recommendations: {
          present: recs.get(unit.id, plugin) > 0,
          evidence: { count: recs.get(unit.id, plugin), of: null, href: `/recommendations${q(unit, p)}` },
        },
        measures: {
          present: planned.get(unit.id, plugin) > 0,
          evidence: { count: planned.get(unit.id, plugin), of: null, href: `/measures${q(unit, p)}` },
        },
        decisions: {
          present: decided.get(unit.id, plugin) > 0,
          evidence: { count: decided.get(unit.id, plugin), of: null, href: `/decisions${q(unit)}` },
        },
        effectiveness: {
          present: before > 0 && withComments === before,
          evidence: {
            count: withComments,
            of: before,
            href: previous
              ? `/effectiveness?unit=${unit.id}&period=${encodeURIComponent(previous.code)}`
              : `/effectiveness${q(unit)}`,
          },
        },
      }
      const components = CYCLE_COMPONENTS.map((component) => ({ component, ...parts[component] }))
      return {
        plugin,
        components,
        score: percent(components.filter((c) => c.present).length, components.length),
      }
    })
    out.set(unit.id, directions)
  }
  return out
}

const overall = (directions: CycleDirection[]) =>
  percent(
    directions.reduce((n, d) => n + d.components.filter((c) => c.present).length, 0),
    directions.reduce((n, d) => n + d.components.length, 0),
  )

/**
 * The cycle view of an org unit and period (`level: 'self'`), and with `level: 'children'` the
 * same for each child unit side by side — a region's municipalities × directions × components.
 *
 * @example
 * const view = await cycleView(db, catalog, scope, { orgUnit: region.id, period: '2025-26', level: 'children' })
 * view.children![0].directions[0].components[6] // { component: 'measures', present: true, evidence: { count: 2, … } }
 */
export async function cycleView(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  q: { orgUnit: number; period: string; level?: 'self' | 'children' | undefined },
): Promise<CycleView> {
  const unit = await getOrgUnit(db, q.orgUnit)
  scope.assertCanRead(unit)
  const period = await findPeriod(db, q.period)
  const { previous } = await neighbourPeriods(db, period)
  const children =
    q.level === 'children'
      ? await db
          .selectFrom('org_unit')
          .selectAll()
          .where('parent_id', '=', unit.id)
          .orderBy(sql`name collate "und-x-icu"`)
          .execute()
      : []
  if (q.level === 'children' && !children.length)
    throw invalid([{ path: 'level', message: `org unit ${unit.id} has no child units` }])
  const byUnit = await cycleOf(db, catalog, [unit, ...children], period, previous)
  const directions = byUnit.get(unit.id)!
  return {
    orgUnit: unit.id,
    orgUnitName: unit.name,
    period: period.code,
    directions,
    score: overall(directions),
    ...(q.level === 'children'
      ? {
          children: children.map((c) => {
            const ds = byUnit.get(c.id)!
            return { orgUnit: c.id, orgUnitName: c.name, directions: ds, score: overall(ds) }
          }),
        }
      : {}),
  }
}
