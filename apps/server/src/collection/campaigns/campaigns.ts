import { ORG_LEVEL_DEPTH, type OrgLevel } from '@profmon/contract/levels'
import { defaultDeadlines, type Deadlines } from '@profmon/contract/rules'
import { sql, type Database, type Kysely } from '@profmon/db'
import { appendAudit } from '../../audit/audit-log.ts'
import type { Catalog } from '../../catalog/catalog.ts'
import { DomainError, invalid, type ErrorDetail } from '../../errors.ts'
import { entryDepthIn, type CollectionPlan } from './collection-plan.ts'
import { findPeriod } from '../../org/periods.ts'

export { defaultDeadlines, type Deadlines }

export interface CampaignView extends Deadlines, CollectionPlan {
  region: number
  period: string
  /** False while the region has not stored a campaign: the deadlines shown are the seed-004 defaults. */
  stored: boolean
}

/** The stored campaign of a region and period, or the seed-004 defaults marked `stored: false`. */
export async function readCampaign(db: Kysely<Database>, regionId: number, periodCode: string): Promise<CampaignView> {
  const period = await findPeriod(db, periodCode)
  const row = await db
    .selectFrom('campaign')
    .select([
      sql<string>`to_char(monitoring_due, 'YYYY-MM-DD')`.as('monitoringDue'),
      sql<string>`to_char(analysis_due, 'YYYY-MM-DD')`.as('analysisDue'),
      sql<string>`to_char(measures_due, 'YYYY-MM-DD')`.as('measuresDue'),
      sql<string>`to_char(effectiveness_due, 'YYYY-MM-DD')`.as('effectivenessDue'),
      'collected_plugins',
      'entry_levels',
      'deadlines_set',
    ])
    .where('region_id', '=', regionId)
    .where('period_id', '=', period.id)
    .executeTakeFirst()
  if (!row || !row.deadlines_set)
    return { region: regionId, period: periodCode, ...defaultDeadlines(period.endsOn), ...DEFAULTS, stored: false }
  const { collected_plugins, entry_levels, deadlines_set: _set, ...deadlines } = row
  return {
    region: regionId,
    period: periodCode,
    ...deadlines,
    plugins: collected_plugins,
    entryLevels: entry_levels as Record<string, OrgLevel>,
    stored: true,
  }
}

const DEFAULTS: CollectionPlan = { plugins: null, entryLevels: {} }

const LEVEL_TITLES: Record<number, string> = { 1: 'the region', 2: 'municipalities', 3: 'organisations' }

/**
 * Checks a campaign's collection plan against the catalog: known directions, plugin data elements,
 * level names. Levels equal to the manifest's are dropped, so the stored map holds only real moves.
 */
function normalizePlan(catalog: Catalog, plan: CollectionPlan): CollectionPlan {
  const details: ErrorDetail[] = []
  const plugins = plan.plugins === null ? null : [...new Set(plan.plugins)]
  plugins?.forEach((id, i) => {
    if (!catalog.plugins.has(id)) details.push({ path: `plugins[${i}]`, message: `unknown direction "${id}"` })
  })
  const entryLevels: Record<string, OrgLevel> = {}
  for (const [code, level] of Object.entries(plan.entryLevels)) {
    const el = catalog.elements.get(code)
    if (!el || el.owner) details.push({ path: `entryLevels.${code}`, message: `unknown data element "${code}"` })
    else if (!(level in ORG_LEVEL_DEPTH))
      details.push({ path: `entryLevels.${code}`, message: `"${level}" is not region, municipality or organization` })
    else if (el.definition.valueType === 'document')
      details.push({ path: `entryLevels.${code}`, message: `"${code}" is a document: it stays where its indicator is` })
    else if (ORG_LEVEL_DEPTH[level] !== el.entryDepth) entryLevels[code] = level
  }
  if (details.length) throw invalid(details)
  return { plugins, entryLevels }
}

/**
 * Refuses to move an element's entry level while values of it are stored at another level in the
 * region's period: both would be summed into the same subtrees. The error names the element and
 * how many values stand in the way.
 */
async function assertNoStrandedValues(
  db: Kysely<Database>,
  catalog: Catalog,
  regionPath: string,
  periodId: number,
  before: CollectionPlan,
  after: CollectionPlan,
): Promise<void> {
  const moved = [...catalog.elements.values()].filter(
    (el) => !el.owner && entryDepthIn(before, el) !== entryDepthIn(after, el),
  )
  if (!moved.length) return
  const rows = await sql<{ element_id: number; level: number; n: number }>`
    select v.element_id, o.level, count(*)::int as n
    from data_value v join org_unit o on o.id = v.org_unit_id
    where v.period_id = ${periodId} and o.path like ${`${regionPath}%`}
      and v.element_id = any(${moved.map((e) => e.id)}::int[])
    group by 1, 2
  `.execute(db)
  const details: ErrorDetail[] = []
  for (const r of rows.rows) {
    const el = catalog.elementsById.get(r.element_id)!
    if (r.level === entryDepthIn(after, el)) continue
    details.push({
      path: `entryLevels.${el.definition.code}`,
      message: `${r.n} value(s) of "${el.definition.code}" are already entered by ${LEVEL_TITLES[r.level]} in this period: delete them before moving the element's entry level`,
      values: r.n,
    })
  }
  if (details.length) throw invalid(details, details[0]!.message)
}

/**
 * Stores a region's campaign for a period — deadlines and, when given, the collection plan (left
 * out: unchanged) — and audits the change (old → new) in the same transaction.
 */
export async function saveCampaign(
  db: Kysely<Database>,
  catalog: Catalog,
  region: { id: number; path: string },
  periodCode: string,
  input: Deadlines & Partial<CollectionPlan>,
  actor: string,
): Promise<CampaignView> {
  const regionId = region.id
  const period = await findPeriod(db, periodCode)
  const deadlines: Deadlines = {
    monitoringDue: input.monitoringDue,
    analysisDue: input.analysisDue,
    measuresDue: input.measuresDue,
    effectivenessDue: input.effectivenessDue,
  }
  if (deadlines.analysisDue < deadlines.monitoringDue)
    throw invalid([{ path: 'analysisDue', message: 'the analysis cannot be due before the monitoring' }])
  return db.transaction().execute(async (trx) => {
    // The region row serialises two admins saving the same campaign (the values check reads, then writes).
    await sql`select id from org_unit where id = ${regionId} for update`.execute(trx)
    const before = await readCampaign(trx, regionId, periodCode)
    const plan = normalizePlan(catalog, {
      plugins: input.plugins === undefined ? before.plugins : input.plugins,
      entryLevels: input.entryLevels ?? before.entryLevels,
    })
    await assertNoStrandedValues(trx, catalog, region.path, period.id, before, plan)
    const row = {
      monitoring_due: deadlines.monitoringDue,
      analysis_due: deadlines.analysisDue,
      measures_due: deadlines.measuresDue,
      effectiveness_due: deadlines.effectivenessDue,
      collected_plugins: plan.plugins,
      entry_levels: JSON.stringify(plan.entryLevels),
      deadlines_set: true,
    }
    await trx
      .insertInto('campaign')
      .values({ region_id: regionId, period_id: period.id, ...row })
      .onConflict((oc) => oc.columns(['region_id', 'period_id']).doUpdateSet(row))
      .execute()
    const { stored, region: _r, period: _p, ...old } = before
    const after = { ...deadlines, ...plan }
    await appendAudit(trx, [
      {
        actor,
        action: stored ? 'update' : 'create',
        entity: 'campaign',
        entityKey: `${regionId}|${periodCode}`,
        orgUnitId: regionId,
        oldValue: stored ? old : null,
        newValue: after,
      },
    ])
    return { region: regionId, period: periodCode, ...after, stored: true }
  })
}

/** A campaign belongs to a region: anything else is a 400 naming the field. */
export function assertRegion(unit: { id: number; level: number }): void {
  if (unit.level !== 1)
    throw new DomainError('invalid', 'invalid_request', `org unit ${unit.id} is not a region`, [
      { path: 'region', message: `org unit ${unit.id} is not a region` },
    ])
}
