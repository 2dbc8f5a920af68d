import type { Database, Kysely } from '@profmon/db'
import type { StoredPeriod } from './periods.ts'

/**
 * Deadlines of the yearly cycle (seed 004) for a period ending in year Y (2024-25 → 2025):
 * monitoring by 20 January Y, analysis by 30 March Y, measures by 31 December Y,
 * effectiveness by 31 August Y + 1.
 *
 * @example
 * campaignDeadlines('2025-08-31').monitoring_due // '2025-01-20'
 */
export function campaignDeadlines(endsOn: string) {
  const year = Number(endsOn.slice(0, 4))
  return {
    monitoring_due: `${year}-01-20`,
    analysis_due: `${year}-03-30`,
    measures_due: `${year}-12-31`,
    effectiveness_due: `${year + 1}-08-31`,
  }
}

/** One campaign per period for the region, with the seed-004 deadlines. */
export async function insertCampaigns(
  db: Kysely<Database>,
  regionId: number,
  periods: readonly StoredPeriod[],
  openLatestUntil?: string,
): Promise<void> {
  if (periods.length === 0) return
  const latest = [...periods].sort((a, b) => a.endsOn.localeCompare(b.endsOn)).at(-1)!
  const deadlines = (p: StoredPeriod) => {
    const d = campaignDeadlines(p.endsOn)
    if (p !== latest || !openLatestUntil || d.monitoring_due >= openLatestUntil) return d
    // Extended entry: monitoring (and the later steps) move past the given date.
    const later = (date: string) => (date < openLatestUntil ? openLatestUntil : date)
    return {
      monitoring_due: openLatestUntil,
      analysis_due: later(d.analysis_due),
      measures_due: later(d.measures_due),
      effectiveness_due: later(d.effectiveness_due),
    }
  }
  await db
    .insertInto('campaign')
    .values(periods.map((p) => ({ region_id: regionId, period_id: p.id, ...deadlines(p) })))
    .onConflict((oc) => oc.columns(['region_id', 'period_id']).doNothing())
    .execute()
}
