import { computed, type MaybeRefOrGetter } from 'vue'
import { useAnalytics } from './use-analytics.ts'

/**
 * The totals (no breakdown rows) of indicators for the current org unit in every reporting
 * period, for a trend line; reloaded when the unit, the period list or the indicators change.
 *
 * @example
 * const trend = useTrend(['retraining.pedagogical_share', 'retraining.cnppm_share'])
 * trend.rows.value.find((r) => r.indicator === 'retraining.cnppm_share' && r.period === '2024-25')?.value
 */
export function useTrend(indicators: MaybeRefOrGetter<string[]>) {
  const { rows, loading, error, reload } = useAnalytics({ indicators, periods: 'all' })
  return { rows: computed(() => rows.value.filter((r) => r.option === null)), loading, error, reload }
}
