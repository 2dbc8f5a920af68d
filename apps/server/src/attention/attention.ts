import { sql, type Database, type Kysely, type OrgUnit } from '@profmon/db'
import { ORG_LEVEL_DEPTH } from '@profmon/contract/levels'
import type { Scope } from '../access/scope.ts'
import { computeAnalytics } from '../analytics/analytics.ts'
import type { Catalog } from '../catalog/catalog.ts'
import { catalogFor } from '../catalog/local-definitions.ts'
import { readCampaign } from '../collection/campaigns/campaigns.ts'
import { completeness } from '../collection/workflow/completeness.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { findPeriod } from '../org/periods.ts'
import { enabledPluginIds } from '../plugins/enabled.ts'
import { gapOf } from '@profmon/contract/rules'
import { dataQuality } from '../quality/data-quality.ts'
import { visibleTo } from '../recommendations/visibility.ts'

/** What needs attention. The shell words each kind from its parameters; the server sends no sentences. */
export type AttentionKind =
  | 'deadline'
  | 'not_submitted'
  | 'indicator_not_met'
  | 'recommendations_to_acknowledge'
  | 'recommendations_unacknowledged'
  | 'data_quality'
  | 'measures_due'
  | 'measures_overdue'
  | 'deadline_passed'

export type Severity = 'high' | 'medium' | 'low'
type Param = string | number | null

export interface AttentionItem {
  kind: AttentionKind
  severity: Severity
  /** A message code (`attention.<kind>`) the shell translates with `detail` as its parameters. */
  title: string
  detail: Record<string, Param>
  /** A shell route with its query. */
  link: string
  /** ISO date of a deadline. */
  due?: string
}

/** How many not-met indicators to list, largest gap first. */
const TOP_INDICATORS = 5
const STAGES = ['monitoring', 'analysis', 'measures', 'effectiveness'] as const
const STAGE_PAGE = { monitoring: 'entry', analysis: 'analysis', measures: 'measures', effectiveness: 'effectiveness' }

/** Reminders come 14 and 3 days before a deadline (seed 004's deadlines), and when it has passed. */
const REMIND_DAYS = 14
const URGENT_DAYS = 3
const severityOf = (daysLeft: number): Severity =>
  daysLeft <= URGENT_DAYS ? 'high' : daysLeft <= REMIND_DAYS ? 'medium' : 'low'

const DAY = 86_400_000
const today = () => new Date().toISOString().slice(0, 10)
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY)
const query = (params: Record<string, string | number>) =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')

/**
 * What the unit's people should look at now, most urgent first: the campaign's next deadline,
 * children that have not submitted, indicators not met with the largest gap (people for a share),
 * recommendations waiting for acknowledgement, and the data-quality flags of the subtree (advisory).
 * The caller must read the unit.
 *
 * @example
 * await needsAttention(db, catalog, scope, { orgUnit: 5, period: '2025-26' })
 * // [{ kind: 'deadline', severity: 'high', title: 'attention.deadline', detail: { stage: 'monitoring', daysLeft: 3 }, … }]
 */
export async function needsAttention(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  input: { orgUnit: number; period: string; now?: string },
): Promise<AttentionItem[]> {
  const unit = await getOrgUnit(db, input.orgUnit)
  scope.assertCanRead(unit)
  const period = await findPeriod(db, input.period)
  const on = input.now ?? today()
  const where = { unit: unit.id, period: period.code }
  const campaign = await readCampaign(db, regionIdOf(unit), period.code)

  const items: AttentionItem[] = []
  const next = STAGES.map((stage) => ({ stage, due: campaign[`${stage}Due`] })).find((s) => s.due >= on)
  if (next) {
    const daysLeft = daysBetween(on, next.due)
    items.push({
      kind: 'deadline',
      severity: severityOf(daysLeft),
      title: 'attention.deadline',
      detail: { stage: next.stage, daysLeft, stored: campaign.stored ? 1 : 0 },
      link: `/${STAGE_PAGE[next.stage]}?${query(where)}`,
      due: next.due,
    })
  }
  items.push(...(await passedStages(db, catalog, unit, period, campaign, on)))
  items.push(...(await measureReminders(db, unit, period.id, period.code, on)))
  const monitoringOverdue = campaign.monitoringDue < on
  items.push(...(await notSubmitted(db, catalog, unit, period.code, campaign.plugins, monitoringOverdue)))
  items.push(...(await notMet(db, catalog, unit, period.code)))
  items.push(...(await awaitingAcknowledgement(db, scope, unit, period.id, period.code)))
  items.push(...(await qualityFlags(db, catalog, scope, unit, period.code)))
  const rank: Record<Severity, number> = { high: 0, medium: 1, low: 2 }
  return items.sort((a, b) => rank[a.severity] - rank[b.severity])
}

/**
 * The campaign's stages whose deadline has passed with their records missing at the unit (a region
 * or a municipality): analysis without a published conclusion in some collected direction, no
 * measures planned, measures of the period without an effectiveness comment.
 */
async function passedStages(
  db: Kysely<Database>,
  catalog: Catalog,
  unit: OrgUnit,
  period: { id: number; code: string },
  campaign: Awaited<ReturnType<typeof readCampaign>>,
  on: string,
): Promise<AttentionItem[]> {
  if (unit.level >= ORG_LEVEL_DEPTH.organization) return []
  const items: AttentionItem[] = []
  const passed = (stage: 'analysis' | 'measures' | 'effectiveness', missing: number) =>
    items.push({
      kind: 'deadline_passed',
      severity: 'high',
      title: 'attention.deadline_passed',
      detail: { stage, missing },
      link: `/${STAGE_PAGE[stage]}?${query({ unit: unit.id, period: period.code })}`,
      due: campaign[`${stage}Due`],
    })
  if (campaign.analysisDue < on) {
    const enabled = await enabledPluginIds(db, catalog, regionIdOf(unit))
    const plugins = campaign.plugins ? enabled.filter((p) => campaign.plugins!.includes(p)) : enabled
    const published = await db
      .selectFrom('conclusion')
      .select('plugin_id')
      .where('org_unit_id', '=', unit.id)
      .where('period_id', '=', period.id)
      .where('published_at', 'is not', null)
      .execute()
    const missing = plugins.filter((p) => !published.some((c) => c.plugin_id === p)).length
    if (missing) passed('analysis', missing)
  }
  const measures = await db
    .selectFrom('measure as m')
    .leftJoin('effectiveness_comment as c', 'c.measure_id', 'm.id')
    .select([sql<number>`count(*)::int`.as('planned'), sql<number>`count(c.measure_id)::int`.as('commented')])
    .where('m.org_unit_id', '=', unit.id)
    .where('m.period_id', '=', period.id)
    .where('m.status', 'in', ['planned', 'in_progress', 'done'])
    .executeTakeFirstOrThrow()
  if (campaign.measuresDue < on && measures.planned === 0) passed('measures', 1)
  if (campaign.effectivenessDue < on && measures.commented < measures.planned)
    passed('effectiveness', measures.planned - measures.commented)
  return items
}

/**
 * Measures of the unit due within 14 days (one item per due date: high within 3) and overdue ones;
 * and for the approving level, each child unit's overdue measures.
 */
async function measureReminders(
  db: Kysely<Database>,
  unit: OrgUnit,
  periodId: number,
  period: string,
  on: string,
): Promise<AttentionItem[]> {
  const rows = await db
    .selectFrom('measure as m')
    .innerJoin('org_unit as o', 'o.id', 'm.org_unit_id')
    .select([
      'o.id as unit',
      'o.name',
      sql<string>`to_char(m.due_on, 'YYYY-MM-DD')`.as('due'),
      (eb) => eb.fn.countAll<string>().as('n'),
    ])
    .where('m.period_id', '=', periodId)
    .where('m.status', 'in', ['planned', 'in_progress'])
    .where((eb) => eb.or([eb('o.id', '=', unit.id), eb('o.parent_id', '=', unit.id)]))
    .where(sql<boolean>`m.due_on <= ${on}::date + ${REMIND_DAYS}::int`)
    .groupBy(['o.id', 'o.name', 'm.due_on'])
    .orderBy('m.due_on')
    .execute()
  const items: AttentionItem[] = []
  const overdue = new Map<number, { name: string; count: number }>()
  for (const r of rows) {
    const count = Number(r.n)
    if (r.due < on) {
      const known = overdue.get(r.unit) ?? { name: r.name, count: 0 }
      known.count += count
      overdue.set(r.unit, known)
    } else if (r.unit === unit.id) {
      const daysLeft = daysBetween(on, r.due)
      items.push({
        kind: 'measures_due',
        severity: severityOf(daysLeft),
        title: 'attention.measures_due',
        detail: { count, daysLeft },
        link: `/measures?${query({ unit: unit.id, period })}`,
        due: r.due,
      })
    }
  }
  for (const [id, { name, count }] of overdue)
    items.push({
      kind: 'measures_overdue',
      severity: 'high',
      title: 'attention.measures_overdue',
      detail: { count, orgUnitName: id === unit.id ? null : name },
      link: `/measures?${query({ unit: id, period, overdue: 'true' })}`,
    })
  // Own overdue first, then the children's.
  return items.sort((a, b) => Number(a.detail.orgUnitName != null) - Number(b.detail.orgUnitName != null))
}

async function notSubmitted(
  db: Kysely<Database>,
  catalog: Catalog,
  unit: OrgUnit,
  period: string,
  collected: string[] | null,
  overdue: boolean,
): Promise<AttentionItem[]> {
  if (unit.level >= ORG_LEVEL_DEPTH.organization) return []
  const enabled = await enabledPluginIds(db, catalog, regionIdOf(unit))
  const plugins = collected ? enabled.filter((p) => collected.includes(p)) : enabled
  const out: AttentionItem[] = []
  for (const plugin of plugins) {
    const { counts } = await completeness(db, catalog, unit, period, plugin)
    if (!counts.notSubmitted) continue
    out.push({
      kind: 'not_submitted',
      severity: overdue ? 'high' : 'medium',
      title: 'attention.not_submitted',
      detail: { plugin, notSubmitted: counts.notSubmitted, returned: counts.returned, total: counts.total },
      link: `/entry?${query({ unit: unit.id, period, plugin })}`,
    })
  }
  return out
}

async function notMet(db: Kysely<Database>, catalog: Catalog, unit: OrgUnit, period: string): Promise<AttentionItem[]> {
  const view = await catalogFor(db, catalog, [unit])
  const rows = await computeAnalytics(db, view, { unit, level: 'self', periods: [period], indicators: [] })
  return (
    rows
      .filter((r) => r.option === null && r.status === 'not_met')
      .map((r) => {
        const ind = view.indicators.get(r.indicator)!
        const def = ind.compiled.indicator
        return { r, plugin: ind.pluginId, gap: gapOf(r, def), people: def.kind === 'share' }
      })
      // People first (shares), then the largest gap.
      .sort((a, b) => Number(b.people) - Number(a.people) || (b.gap ?? 0) - (a.gap ?? 0))
      .slice(0, TOP_INDICATORS)
      .map(({ r, plugin, gap, people }) => ({
        kind: 'indicator_not_met' as const,
        severity: 'medium' as const,
        title: 'attention.indicator_not_met',
        detail: {
          indicator: r.indicator,
          plugin,
          value: r.value,
          target: r.target,
          gap,
          gapUnit: people ? 'people' : 'value',
        },
        link: `/analysis?${query({ unit: unit.id, period, plugin, indicator: r.indicator })}`,
      }))
  )
}

async function awaitingAcknowledgement(
  db: Kysely<Database>,
  scope: Scope,
  unit: OrgUnit,
  periodId: number,
  period: string,
): Promise<AttentionItem[]> {
  const school = unit.level >= ORG_LEVEL_DEPTH.organization
  let q = db
    .selectFrom('recommendation as r')
    .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
    .innerJoin('org_unit as w', 'w.id', 'r.owner_org_unit_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('r.period_id', '=', periodId)
    .where('r.state', '=', 'published')
    .where(visibleTo(scope))
  // A school: what was published to it; above: what it (or a unit below) published and nobody acknowledged yet.
  q = school ? q.where('r.org_unit_id', '=', unit.id) : q.where('w.path', 'like', `${unit.path}%`)
  const count = Number((await q.executeTakeFirstOrThrow()).n)
  if (!count) return []
  const kind = school ? 'recommendations_to_acknowledge' : 'recommendations_unacknowledged'
  return [
    {
      kind,
      severity: school ? 'medium' : 'low',
      title: `attention.${kind}`,
      detail: { count },
      link: `/recommendations?${query({ unit: unit.id, period, state: 'published', ...(school ? {} : { includeDescendants: 'true' }) })}`,
    },
  ]
}

/** The subtree's data-quality flags by reason, one advisory item linking to the analysis page's quality tab. */
async function qualityFlags(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  unit: OrgUnit,
  period: string,
): Promise<AttentionItem[]> {
  const { flags } = await dataQuality(db, catalog, scope, { orgUnit: unit.id, period })
  if (!flags.length) return []
  const counts = { missing: 0, late: 0, outlier: 0, jump: 0, disagreed: 0 }
  for (const f of flags) counts[f.reason]++
  return [
    {
      kind: 'data_quality',
      severity: 'low',
      title: 'attention.data_quality',
      detail: { total: flags.length, ...counts },
      link: `/analysis?${query({ unit: unit.id, period, tab: 'quality' })}`,
    },
  ]
}
