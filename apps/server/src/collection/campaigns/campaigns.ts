import { sql, type Database, type Kysely } from '@profmon/db'
import { appendAudit } from '../../audit/audit-log.ts'
import { ApiError, invalid } from '../../errors.ts'

/** A region's deadlines for one period (ISO dates), as the API shows them. */
export interface Deadlines {
  monitoringDue: string
  analysisDue: string
  measuresDue: string
  effectivenessDue: string
}

export interface CampaignView extends Deadlines {
  region: number
  period: string
  /** False while the region has not stored a campaign: the deadlines shown are the seed-004 defaults. */
  stored: boolean
}

/**
 * Seed 004's yearly cycle for a period ending in year Y: monitoring by 20 January Y, analysis by
 * 30 March Y, measures by 31 December Y, effectiveness by 31 August Y + 1 (the same rule the demo
 * generator uses).
 *
 * @example
 * defaultDeadlines('2025-08-31').monitoringDue // '2025-01-20'
 */
export function defaultDeadlines(periodEndsOn: string): Deadlines {
  const year = Number(periodEndsOn.slice(0, 4))
  return {
    monitoringDue: `${year}-01-20`,
    analysisDue: `${year}-03-30`,
    measuresDue: `${year}-12-31`,
    effectivenessDue: `${year + 1}-08-31`,
  }
}

async function periodOf(db: Kysely<Database>, code: string) {
  const period = await db
    .selectFrom('period')
    .select(['id', 'code', sql<string>`to_char(ends_on, 'YYYY-MM-DD')`.as('ends_on')])
    .where('code', '=', code)
    .executeTakeFirst()
  if (!period) throw invalid([{ path: 'period', message: `unknown period "${code}"` }])
  return period
}

/** The stored campaign of a region and period, or the seed-004 defaults marked `stored: false`. */
export async function readCampaign(db: Kysely<Database>, regionId: number, periodCode: string): Promise<CampaignView> {
  const period = await periodOf(db, periodCode)
  const row = await db
    .selectFrom('campaign')
    .select([
      sql<string>`to_char(monitoring_due, 'YYYY-MM-DD')`.as('monitoringDue'),
      sql<string>`to_char(analysis_due, 'YYYY-MM-DD')`.as('analysisDue'),
      sql<string>`to_char(measures_due, 'YYYY-MM-DD')`.as('measuresDue'),
      sql<string>`to_char(effectiveness_due, 'YYYY-MM-DD')`.as('effectivenessDue'),
    ])
    .where('region_id', '=', regionId)
    .where('period_id', '=', period.id)
    .executeTakeFirst()
  return { region: regionId, period: periodCode, ...(row ?? defaultDeadlines(period.ends_on)), stored: !!row }
}

/** Stores a region's deadlines for a period and audits the change (old → new) in the same transaction. */
export async function saveCampaign(
  db: Kysely<Database>,
  regionId: number,
  periodCode: string,
  deadlines: Deadlines,
  actor: string,
): Promise<CampaignView> {
  const before = await readCampaign(db, regionId, periodCode)
  const period = await periodOf(db, periodCode)
  if (deadlines.analysisDue < deadlines.monitoringDue)
    throw invalid([{ path: 'analysisDue', message: 'the analysis cannot be due before the monitoring' }])
  const row = {
    monitoring_due: deadlines.monitoringDue,
    analysis_due: deadlines.analysisDue,
    measures_due: deadlines.measuresDue,
    effectiveness_due: deadlines.effectivenessDue,
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('campaign')
      .values({ region_id: regionId, period_id: period.id, ...row })
      .onConflict((oc) => oc.columns(['region_id', 'period_id']).doUpdateSet(row))
      .execute()
    const { stored, region: _r, period: _p, ...old } = before
    await appendAudit(trx, [
      {
        actor,
        action: stored ? 'update' : 'create',
        entity: 'campaign',
        entityKey: `${regionId}|${periodCode}`,
        orgUnitId: regionId,
        oldValue: stored ? old : null,
        newValue: deadlines,
      },
    ])
  })
  return { region: regionId, period: periodCode, ...deadlines, stored: true }
}

/** A campaign belongs to a region: anything else is a 400 naming the field. */
export function assertRegion(unit: { id: number; level: number }): void {
  if (unit.level !== 1)
    throw new ApiError(400, 'invalid_request', `org unit ${unit.id} is not a region`, [
      { path: 'region', message: `org unit ${unit.id} is not a region` },
    ])
}
