import { describe, expect, it } from 'vitest'
import { gapOf } from '@profmon/contract/rules'
import { betterThan, changeOf, gapShares, rankRows, trendOf } from './league.ts'

const share = { kind: 'share' as const, polarity: 'higher' as const }

describe('gap to target', () => {
  it('counts the people still missing for a share (seed 003: diagnostics ≥ 30 %)', () => {
    // target 30 %, 12 of 50 diagnosed → ceil(15) − 12 = 3 people
    expect(gapOf({ target: 30, numerator: 12, denominator: 50, value: 24 }, share)).toBe(3)
    // 30 % of 47 = 14.1 → 15 people needed, 10 have it → 5
    expect(gapOf({ target: 30, numerator: 10, denominator: 47, value: 21.3 }, share)).toBe(5)
    // met: 16 of 50 is 32 % → 0
    expect(gapOf({ target: 30, numerator: 16, denominator: 50, value: 32 }, share)).toBe(0)
    // 10 % of 70 = 7.000000000000001 in binary → still 7 people, 6 have it → 1
    expect(gapOf({ target: 10, numerator: 6, denominator: 70, value: 8.6 }, share)).toBe(1)
  })

  it('counts the surplus to shed when lower is better', () => {
    // pensioners ≤ 30 %: 19 of 49 → floor(14.7) = 14 allowed → 5 too many
    expect(
      gapOf({ target: 30, numerator: 19, denominator: 49, value: 38.8 }, { kind: 'share', polarity: 'lower' }),
    ).toBe(5)
    expect(
      gapOf({ target: 30, numerator: 10, denominator: 49, value: 20.4 }, { kind: 'share', polarity: 'lower' }),
    ).toBe(0)
  })

  it('gives the difference for counts and values, and nothing without target or data', () => {
    expect(
      gapOf({ target: 12, numerator: null, denominator: null, value: 9 }, { kind: 'count', polarity: 'higher' }),
    ).toBe(3)
    expect(
      gapOf({ target: 2, numerator: null, denominator: null, value: 5 }, { kind: 'count', polarity: 'lower' }),
    ).toBe(3)
    expect(gapOf({ target: null, numerator: 1, denominator: 2, value: 50 }, share)).toBeNull()
    expect(gapOf({ target: 30, numerator: null, denominator: null, value: null }, share)).toBeNull()
  })
})

describe('parts of the shortfall', () => {
  it('shares the total gap among the lagging rows only, adding up to 100', () => {
    // munA lacks 26 people, munB 1, munC meets its target, munD has no data: 26/27 and 1/27.
    const shares = gapShares([26, 1, 0, null])
    expect(shares[0]).toBeCloseTo(96.296296, 5)
    expect(shares[1]).toBeCloseTo(3.703704, 5)
    expect(shares.slice(2)).toEqual([null, null])
    expect(shares[0]! + shares[1]!).toBeCloseTo(100, 5)
    expect(gapShares([0, null])).toEqual([null, null])
  })
})

describe('rank, change and trend', () => {
  it('ranks the best first by polarity, ties alike, no data unranked', () => {
    expect(rankRows([24, null, 40, 24, 10], 'higher')).toEqual([2, null, 1, 2, 4])
    expect(rankRows([24, null, 40, 24, 10], 'lower')).toEqual([2, null, 4, 2, 1])
  })

  it('calls a move only beyond the effective gap', () => {
    expect(changeOf(24, 20.5)).toBe(3.5)
    expect(changeOf(24, null)).toBeNull()
    expect(trendOf(3.5, 1)).toBe('up')
    expect(trendOf(-1, 1)).toBe('flat')
    expect(trendOf(-1.2, 1)).toBe('down')
    expect(trendOf(0.4, 0)).toBe('up')
    expect(trendOf(null, 1)).toBeNull()
    expect(betterThan(24, 20, 'lower')).toBe(false)
    expect(betterThan(null, 20, 'higher')).toBeNull()
  })
})
