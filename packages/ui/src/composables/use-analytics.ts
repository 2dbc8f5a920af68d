import { ref, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { get } from '../api/client.ts'
import { useOrgUnitStore } from '../stores/org-unit.ts'
import { usePeriodStore } from '../stores/period.ts'
import type { AnalyticsRow } from '../api/types.ts'

/**
 * Analytics rows for the current org unit and period (and the previous period, for change),
 * reloaded whenever the unit, period or arguments change. With `periods: 'all'` the rows cover
 * every period of the period store in one request (for a trend), and do not follow the chosen
 * period.
 *
 * @example
 * const { rows, previous, loading } = useAnalytics({ indicators: ['deficits.diagnosed_share'], level: 'children' })
 * const trend = useAnalytics({ indicators: ['retraining.cnppm_share'], periods: 'all' })
 */
export function useAnalytics(
  options: {
    indicators?: MaybeRefOrGetter<string[]>
    level?: MaybeRefOrGetter<'self' | 'children'>
    withPrevious?: boolean
    /** `'current'` (default): the chosen period only; `'all'`: every period (`previous` stays empty). */
    periods?: 'current' | 'all'
    /** While false nothing is requested (e.g. until the indicator list is known). */
    enabled?: MaybeRefOrGetter<boolean>
  } = {},
) {
  const units = useOrgUnitStore()
  const periods = usePeriodStore()
  const rows = ref<AnalyticsRow[]>([])
  const previous = ref<AnalyticsRow[]>([])
  const loading = ref(false)
  const error = ref<Error | null>(null)
  const all = options.periods === 'all'
  let seq = 0

  async function reload(): Promise<void> {
    const unit = units.id
    const period = periods.code
    const requested = all ? periods.periods.map((p) => p.code) : period === null ? [] : [period]
    if (unit === null || !requested.length || toValue(options.enabled) === false) return
    const mine = ++seq
    loading.value = true
    error.value = null
    const prev = !all && options.withPrevious ? periods.previous?.code : undefined
    try {
      const res = await get('/api/analytics', {
        params: {
          query: {
            orgUnit: unit,
            period: prev ? [...requested, prev] : requested,
            level: toValue(options.level) ?? 'self',
            indicator: toValue(options.indicators) ?? [],
          },
        },
      })
      if (mine !== seq) return
      rows.value = all ? res.rows : res.rows.filter((r) => r.period === period)
      previous.value = prev ? res.rows.filter((r) => r.period === prev) : []
    } catch (e) {
      if (mine === seq) error.value = e as Error
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  watch(
    () => [
      units.id,
      // A trend asks for the whole list, so choosing another period must not reload it.
      all ? periods.periods.map((p) => p.code).join(',') : periods.code,
      toValue(options.indicators)?.join(','),
      toValue(options.level),
      toValue(options.enabled),
    ],
    () => void reload(),
    { immediate: true },
  )
  return { rows, previous, loading, error, reload }
}
