import { describe, expect, it } from 'vitest'
import {
  approvesAt,
  canWriteAt,
  canWriteSomewhere,
  checkTarget,
  checkValue,
  defaultDeadlines,
  entryLock,
  isLaxerTarget,
  measureVerdictOf,
  parseNumberText,
  scoreFromBands,
  verdictOf,
} from './index.ts'
import { inSubtree, levelAtDepth, parentPath } from '../levels/index.ts'

const coordinator = [{ role: 'municipal_coordinator' as const, orgUnit: { path: '/1/5/' } }]
const platform = [{ role: 'platform_admin' as const, orgUnit: null }]
const analyst = [{ role: 'analyst' as const, orgUnit: { path: '/1/' } }]

describe('org levels and paths', () => {
  it('places units by materialized path', () => {
    expect(inSubtree({ path: '/1/5/123/' }, { path: '/1/5/' })).toBe(true)
    expect(inSubtree({ path: '/1/50/' }, { path: '/1/5/' })).toBe(false)
    expect(parentPath('/1/5/123/')).toBe('/1/5/')
    expect(parentPath('/1/')).toBe('/')
    expect(levelAtDepth(2)).toBe('municipality')
    expect(levelAtDepth(4)).toBeUndefined()
  })
})

describe('who may do what', () => {
  it('lets a coordinator enter data in the municipality, not in a sibling', () => {
    expect(canWriteAt(coordinator, { path: '/1/5/123/' }, 'data')).toBe(true)
    expect(canWriteAt(coordinator, { path: '/1/6/124/' }, 'data')).toBe(false)
    expect(canWriteAt(coordinator, { path: '/1/5/' }, 'targets')).toBe(true)
    expect(canWriteAt(coordinator, { path: '/1/' }, 'targets')).toBe(false)
    expect(canWriteAt(platform, { path: '/9/' }, 'plugins')).toBe(true)
    expect(canWriteSomewhere(analyst, 'data')).toBe(false)
    expect(canWriteSomewhere(coordinator, 'definitions')).toBe(true)
  })

  it('makes the level above the approver; a region only by a platform admin', () => {
    expect(approvesAt(coordinator, { path: '/1/5/123/' })).toBe(true)
    expect(approvesAt(coordinator, { path: '/1/5/' })).toBe(false)
    expect(approvesAt([{ role: 'region_admin', orgUnit: { path: '/1/' } }], { path: '/1/' })).toBe(false)
    expect(approvesAt(platform, { path: '/1/' })).toBe(true)
  })
})

describe('entry locks', () => {
  it('locks the submitter by state first, then by deadline; never the approver', () => {
    expect(entryLock({ state: 'submitted', approver: false, deadlinePassed: true })).toBe('state')
    expect(entryLock({ state: 'returned', approver: false, deadlinePassed: true })).toBe('deadline')
    expect(entryLock({ state: undefined, approver: false, deadlinePassed: false })).toBeNull()
    expect(entryLock({ state: 'approved', approver: true, deadlinePassed: true })).toBeNull()
  })
})

describe('value checks', () => {
  const count = { valueType: 'integer' as const, min: 0, max: 10 }
  it('returns codes with parameters', () => {
    expect(checkValue(count, 3)).toEqual({ ok: true, value: 3 })
    expect(checkValue(count, null)).toEqual({ ok: true, value: null })
    expect(checkValue(count, 2.5)).toEqual({ ok: false, problem: { code: 'expected_integer', value: 2.5 } })
    expect(checkValue(count, -1)).toEqual({ ok: false, problem: { code: 'below_min', value: -1, min: 0 } })
    expect(checkValue(count, 11)).toEqual({ ok: false, problem: { code: 'above_max', value: 11, max: 10 } })
    expect(checkValue(count, '3')).toEqual({ ok: false, problem: { code: 'expected_number', got: '3' } })
    expect(checkValue({ valueType: 'boolean' }, 1)).toEqual({ ok: true, value: true })
    expect(checkValue({ valueType: 'boolean' }, 'да')).toMatchObject({ ok: false })
    expect(checkValue({ valueType: 'document' }, 'x')).toEqual({ ok: false, problem: { code: 'document' } })
  })
  it('reads numbers typed the Russian way', () => {
    expect(parseNumberText('1 000,5')).toBe(1000.5)
    expect(parseNumberText('-2.25')).toBe(-2.25)
    expect(parseNumberText('12a')).toBeUndefined()
    expect(parseNumberText('')).toBeUndefined()
  })
})

describe('default deadlines (seed 004)', () => {
  it('follows the period end year', () => {
    expect(defaultDeadlines('2025-08-31')).toEqual({
      monitoringDue: '2025-01-20',
      analysisDue: '2025-03-30',
      measuresDue: '2025-12-31',
      effectivenessDue: '2026-08-31',
    })
  })
})

describe('targets', () => {
  it('keeps a share target within 0…100 % and tolerance and gap non-negative', () => {
    expect(checkTarget({ kind: 'share' }, { value: 30, tolerance: 5, effectiveGap: 1 })).toEqual([])
    expect(checkTarget({ kind: 'share' }, { value: 120, tolerance: -1, effectiveGap: -0.5 })).toEqual([
      { code: 'outside_bounds', field: 'value', value: 120, min: 0, max: 100 },
      { code: 'negative', field: 'tolerance', value: -1 },
      { code: 'negative', field: 'effectiveGap', value: -0.5 },
    ])
    expect(checkTarget({ kind: 'count' }, { value: 1200 })).toEqual([])
  })

  it('wants score bands ascending, non-empty and not overlapping', () => {
    const ok = [
      { min: null, max: 20, score: 0 },
      { min: 20, max: 30, score: 1 },
      { min: 30, max: null, score: 2 },
    ]
    expect(checkTarget({ kind: 'share' }, { value: 30, scoreBands: ok })).toEqual([])
    expect(scoreFromBands(19.9, ok)).toBe(0)
    expect(scoreFromBands(20, ok)).toBe(1)
    expect(scoreFromBands(null, ok)).toBeNull()
    const overlap = [
      { min: 0, max: 25, score: 0 },
      { min: 20, max: 100, score: 1 },
    ]
    expect(checkTarget({ kind: 'share' }, { value: 30, scoreBands: overlap })).toEqual([
      { code: 'bands_overlap', field: 'scoreBands[1]', previousMax: 25, min: 20 },
    ])
    const unordered = [
      { min: 50, max: 100, score: 1 },
      { min: 0, max: 50, score: 0 },
    ]
    expect(checkTarget({ kind: 'share' }, { value: 30, scoreBands: unordered })[0]?.code).toBe('bands_unordered')
    expect(checkTarget({ kind: 'share' }, { value: 30, scoreBands: [{ min: 40, max: 10, score: 1 }] })[0]?.code).toBe(
      'band_empty',
    )
  })

  it('calls a target laxer by polarity', () => {
    expect(isLaxerTarget('higher', 25, 30)).toBe(true)
    expect(isLaxerTarget('higher', 30, 30)).toBe(false)
    expect(isLaxerTarget('lower', 35, 30)).toBe(true)
    expect(isLaxerTarget('lower', 25, 30)).toBe(false)
  })
})

describe('effectiveness verdicts', () => {
  const judge = (
    baseline: number | null,
    after: number | null,
    expected: number | null,
    polarity: 'higher' | 'lower' = 'higher',
    effectiveGap = 1,
  ) => verdictOf({ baseline, after, expected, polarity, effectiveGap })

  it('is effective when the expected value is reached, whatever the move', () => {
    expect(judge(20, 30, 30)).toBe('effective')
    expect(judge(35, 34, 30)).toBe('effective')
    expect(judge(12, 10, 10, 'lower')).toBe('effective')
  })
  it('weighs the move against the effective gap, by polarity', () => {
    expect(judge(20, 21.5, 30)).toBe('effective')
    expect(judge(20, 21, 30)).toBe('partly')
    expect(judge(20, 20.3, 30)).toBe('partly')
    expect(judge(20, 20, 30)).toBe('not_effective')
    expect(judge(20, 18, 30)).toBe('not_effective')
    expect(judge(15, 13, 10, 'lower')).toBe('effective')
    expect(judge(15, 14.5, 10, 'lower')).toBe('partly')
    expect(judge(15, 16, 10, 'lower')).toBe('not_effective')
    expect(judge(0.1 + 0.2, 1.3, null, 'higher', 1)).toBe('partly')
  })
  it('says no data, never zero, when a value is missing', () => {
    expect(judge(null, 30, 30)).toBe('no_data')
    expect(judge(20, null, 30)).toBe('no_data')
    expect(judge(0, 0, 30)).toBe('not_effective')
  })
  it('combines indicators into the measure verdict', () => {
    expect(measureVerdictOf([])).toBe('no_data')
    expect(measureVerdictOf(['no_data', 'no_data'])).toBe('no_data')
    expect(measureVerdictOf(['effective', 'no_data'])).toBe('effective')
    expect(measureVerdictOf(['not_effective', 'not_effective'])).toBe('not_effective')
    expect(measureVerdictOf(['effective', 'not_effective'])).toBe('partly')
    expect(measureVerdictOf(['partly'])).toBe('partly')
  })
})
