import type { AnalysisRow } from '@profmon/ui'
import { describe, expect, it } from 'vitest'
import { filterLeague, nextSort, parseSort, roundParts, sortLeague } from './league.ts'

const row = (orgUnit: number, name: string, extra: Partial<AnalysisRow>): AnalysisRow => ({
  orgUnit,
  orgUnitName: name,
  option: null,
  optionTitle: null,
  value: null,
  numerator: null,
  denominator: null,
  target: 30,
  status: 'no_data',
  score: null,
  rank: null,
  previous: null,
  change: null,
  trend: null,
  gap: null,
  gapShare: null,
  aboveParent: null,
  ...extra,
})

// Target 30 %: 12 of 20 met; 5 of 20 needs ceil(6) − 5 = 1; 1 of 20 needs 5; one school has no data.
const rows = [
  row(1, 'Школа № 1', { value: 60, numerator: 12, denominator: 20, status: 'met', rank: 1, gap: 0, trend: 'up' }),
  row(2, 'Школа № 2', {
    value: 25,
    numerator: 5,
    denominator: 20,
    status: 'partly_met',
    rank: 2,
    gap: 1,
    gapShare: 100 / 6,
    trend: 'down',
  }),
  row(3, 'Школа № 3', {
    value: 5,
    numerator: 1,
    denominator: 20,
    status: 'not_met',
    rank: 3,
    gap: 5,
    gapShare: 500 / 6,
    trend: 'flat',
  }),
  row(4, 'Детский сад', {}),
]
const names = (list: AnalysisRow[]) => list.map((r) => r.orgUnit)

describe('sortLeague', () => {
  it('puts rank 1 first and the unranked last', () => {
    expect(names(sortLeague([...rows].reverse(), { column: 'rank', direction: 'asc' }))).toEqual([1, 2, 3, 4])
  })
  it('keeps «нет данных» last in both directions', () => {
    expect(names(sortLeague(rows, { column: 'value', direction: 'asc' }))).toEqual([3, 2, 1, 4])
    expect(names(sortLeague(rows, { column: 'value', direction: 'desc' }))).toEqual([1, 2, 3, 4])
  })
  it('orders by the gap in people and by the part of the shortfall', () => {
    expect(names(sortLeague(rows, { column: 'gap', direction: 'desc' }))).toEqual([3, 2, 1, 4])
    expect(names(sortLeague(rows, { column: 'gapShare', direction: 'asc' }))).toEqual([2, 3, 1, 4])
  })
  it('orders names in Russian alphabetical order and statuses from met to not met', () => {
    expect(names(sortLeague(rows, { column: 'name', direction: 'asc' }))).toEqual([4, 1, 2, 3])
    expect(names(sortLeague(rows, { column: 'status', direction: 'desc' }))).toEqual([4, 3, 2, 1])
  })
})

describe('filterLeague', () => {
  const none = { notMet: false, worsened: false, belowParent: false }
  it('keeps every row with no filter on', () => {
    expect(filterLeague(rows, none, { polarity: 'higher', parentValue: 30 })).toHaveLength(4)
  })
  it('«только не выполнившие»: not met and partly met', () => {
    expect(names(filterLeague(rows, { ...none, notMet: true }, { polarity: 'higher', parentValue: 30 }))).toEqual([
      2, 3,
    ])
  })
  it('«только ухудшившие» reads the trend against the polarity', () => {
    expect(names(filterLeague(rows, { ...none, worsened: true }, { polarity: 'higher', parentValue: 30 }))).toEqual([2])
    expect(names(filterLeague(rows, { ...none, worsened: true }, { polarity: 'lower', parentValue: 30 }))).toEqual([1])
  })
  it('«ниже среднего»: worse than the parent, 18 of 60 = 30 %', () => {
    expect(names(filterLeague(rows, { ...none, belowParent: true }, { polarity: 'higher', parentValue: 30 }))).toEqual([
      2, 3,
    ])
    expect(names(filterLeague(rows, { ...none, belowParent: true }, { polarity: 'lower', parentValue: 30 }))).toEqual([
      1,
    ])
    expect(filterLeague(rows, { ...none, belowParent: true }, { polarity: 'higher', parentValue: null })).toEqual([])
  })
  it('combines filters', () => {
    const all = { notMet: true, worsened: true, belowParent: true }
    expect(names(filterLeague(rows, all, { polarity: 'higher', parentValue: 30 }))).toEqual([2])
  })
})

describe('sort state', () => {
  it('flips the same column and starts a new one where a reader expects', () => {
    expect(nextSort({ column: 'gap', direction: 'desc' }, 'gap')).toEqual({ column: 'gap', direction: 'asc' })
    expect(nextSort({ column: 'rank', direction: 'asc' }, 'gap')).toEqual({ column: 'gap', direction: 'desc' })
    expect(nextSort({ column: 'gap', direction: 'asc' }, 'name')).toEqual({ column: 'name', direction: 'asc' })
  })
  it('reads the URL and falls back to the rank', () => {
    expect(parseSort('gapShare.desc')).toEqual({ column: 'gapShare', direction: 'desc' })
    expect(parseSort('drop.table')).toEqual({ column: 'rank', direction: 'asc' })
    expect(parseSort(undefined)).toEqual({ column: 'rank', direction: 'asc' })
  })
})

describe('roundParts', () => {
  it('keeps the shown parts adding up to 100', () => {
    expect(roundParts([100 / 3, 100 / 3, 100 / 3])).toEqual([33.4, 33.3, 33.3])
    const sevenths = roundParts(Array.from({ length: 7 }, () => 100 / 7))
    expect(sevenths.reduce((s, p) => s! + p!, 0)).toBeCloseTo(100, 9)
  })
  it('leaves missing parts missing and exact parts exact', () => {
    expect(roundParts([null, 25, 75, null])).toEqual([null, 25, 75, null])
    expect(roundParts([])).toEqual([])
  })
})
