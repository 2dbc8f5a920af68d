import { defaultDeadlines } from '@profmon/contract/rules'
import type { Database, Kysely } from '@profmon/db'
import type { StoredPeriod } from './periods.ts'

/** The seed-004 deadlines of a period (the contract's rule) as campaign columns. */
function campaignDeadlines(endsOn: string) {
  const d = defaultDeadlines(endsOn)
  return {
    monitoring_due: d.monitoringDue,
    analysis_due: d.analysisDue,
    measures_due: d.measuresDue,
    effectiveness_due: d.effectivenessDue,
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
