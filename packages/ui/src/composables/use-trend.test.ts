import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useOrgUnitStore } from '../stores/org-unit.ts'
import { usePeriodStore } from '../stores/period.ts'
import type { AnalyticsRow, Period } from '../api/types.ts'
import { useAnalytics } from './use-analytics.ts'
import { useTrend } from './use-trend.ts'

const period = (code: string): Period => ({ code, title: code, startsOn: '', endsOn: '' })
const row = (period: string, value: number, option: string | null = null): AnalyticsRow => ({
  indicator: 'r.share',
  orgUnit: 7,
  period,
  option,
  numerator: null,
  denominator: null,
  value,
  target: null,
  status: null,
  score: null,
})
const ROWS = [row('2023-24', 40), row('2024-25', 55), row('2024-25', 90, 'math'), row('2025-26', 60)]

/** The analytics API as a plain function: it answers every request with ROWS and records the query. */
let requests: URLSearchParams[] = []
beforeEach(() => {
  setActivePinia(createPinia())
  requests = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      requests.push(new URL(request.url).searchParams)
      return new Response(JSON.stringify({ rows: ROWS }), { status: 200 })
    }),
  )
})
afterEach(() => vi.unstubAllGlobals())

function atUnit(codes: string[], current: string | null) {
  useOrgUnitStore().unit = {
    id: 7,
    name: 'M',
    shortName: null,
    level: 2,
    kind: 'm',
    path: '1.7',
    parentId: 1,
    childCount: 0,
  }
  const periods = usePeriodStore()
  periods.periods = codes.map(period)
  periods.code = current
  return periods
}

describe('useTrend', () => {
  it('asks for every period in one request and keeps the totals', async () => {
    atUnit(['2023-24', '2024-25', '2025-26'], '2025-26')
    const trend = useTrend(['r.share'])
    await flushPromises()
    expect(requests).toHaveLength(1)
    expect(requests[0]!.getAll('period')).toEqual(['2023-24', '2024-25', '2025-26'])
    expect(requests[0]!.getAll('indicator')).toEqual(['r.share'])
    expect(trend.rows.value.map((r) => [r.period, r.value])).toEqual([
      ['2023-24', 40],
      ['2024-25', 55],
      ['2025-26', 60],
    ])
  })

  it('waits for the period list and does not reload when another period is chosen', async () => {
    const periods = atUnit([], null)
    useTrend(['r.share'])
    await flushPromises()
    expect(requests).toHaveLength(0)
    periods.periods = ['2024-25', '2025-26'].map(period)
    await flushPromises()
    expect(requests.map((q) => q.getAll('period'))).toEqual([['2024-25', '2025-26']])
    periods.code = '2024-25'
    await flushPromises()
    expect(requests).toHaveLength(1)
  })
})

describe('useAnalytics', () => {
  it('keeps the chosen period and the previous one apart by default', async () => {
    atUnit(['2023-24', '2024-25', '2025-26'], '2025-26')
    const { rows, previous } = useAnalytics({ indicators: ['r.share'], withPrevious: true })
    await flushPromises()
    expect(requests[0]!.getAll('period')).toEqual(['2025-26', '2024-25'])
    expect(rows.value.map((r) => r.value)).toEqual([60])
    expect(previous.value.map((r) => r.value)).toEqual([55, 90])
  })
})
