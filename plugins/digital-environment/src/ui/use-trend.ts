import { api, query, useOrgUnitStore, usePeriodStore, type AnalyticsRow } from '@profmon/ui'
import { ref, watch } from 'vue'

/**
 * Rows of the current unit for every reporting period (oldest first), for a trend line.
 * `useAnalytics` covers only the current and the previous period, so this asks the analytics API
 * for all period codes in one request.
 */
export function useTrend(indicators: string[]) {
  const units = useOrgUnitStore()
  const periods = usePeriodStore()
  const rows = ref<AnalyticsRow[]>([])
  const loading = ref(false)
  const error = ref<Error | null>(null)
  let seq = 0

  watch(
    () => [units.id, periods.periods.map((p) => p.code).join(',')] as const,
    async ([unit]) => {
      const codes = periods.periods.map((p) => p.code)
      if (unit === null || !codes.length) return
      const mine = ++seq
      loading.value = true
      error.value = null
      try {
        const res = await api<{ rows: AnalyticsRow[] }>(
          'GET',
          `/api/analytics?${query({ orgUnit: unit, period: codes, indicator: indicators })}`,
        )
        if (mine === seq) rows.value = res.rows.filter((r) => r.option === null)
      } catch (e) {
        if (mine === seq) error.value = e as Error
      } finally {
        if (mine === seq) loading.value = false
      }
    },
    { immediate: true },
  )
  return { rows, loading, error }
}
