import { describe, expect, it } from 'vitest'
import { isJump, isLate, median, outliers, robustZ } from './checks.ts'

describe('data-quality checks', () => {
  it('calls a jump only beyond half the previous value and 5', () => {
    expect(isJump(30, 12)).toBe(true) // +18 = +150 %
    expect(isJump(3, 1)).toBe(false) // +200 % but only 2 people
    expect(isJump(60, 45)).toBe(false) // +15 is +33 %
    expect(isJump(20, 50)).toBe(true) // −30 = −60 %
    expect(isJump(8, 0)).toBe(true)
  })

  it('scores values robustly: one planted value stands out, ordinary ones do not', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
    // median 10.5, deviations 0.5 0.5 1.5 0.5 1.5 489.5 → MAD 1, σ ≈ 1.4826
    const z = robustZ([10, 11, 9, 10, 12, 500])
    expect(z[0]).toBeCloseTo(0.5 / 1.4826, 6)
    expect(z[5]).toBeCloseTo(489.5 / 1.4826, 6)
    expect(outliers([10, 11, 9, 10, 12, 500])).toEqual({ median: 10.5, indexes: [5] })
    // 50 × the peers' 20 among 20, 22, 18, 21, 19, 20
    expect(outliers([20, 22, 18, 21, 19, 1000, 20]).indexes).toEqual([5])
    expect(outliers([20, 22, 18, 21, 19, 25, 30]).indexes).toEqual([])
    expect(outliers([1, 1000]).indexes).toEqual([]) // too few peers to say
  })

  it('falls back to the mean deviation when most peers are equal, and flags nothing when all are', () => {
    // MAD 0 (five 10s): mean deviation (40 + 0…)/6 × 1.2533 stands in
    expect(outliers([10, 10, 10, 10, 10, 50]).indexes).toEqual([5])
    expect(outliers([7, 7, 7, 7, 7]).indexes).toEqual([])
    // Counts grow with size: a big school among smaller ones is no slip (z 3.7 on values, 1.9 on
    // logarithms); the same school's count with an extra zero is (z 52 and 5.9).
    expect(outliers([9, 4, 15, 12, 6, 20, 11, 36]).indexes).toEqual([])
    expect(outliers([9, 4, 15, 12, 6, 20, 11, 360]).indexes).toEqual([7])
    // One teacher of a subject where the peers have none stands out in z, not in people.
    expect(outliers([0, 0, 0, 0, 0, 1]).indexes).toEqual([])
  })

  it('calls a direction late when submitted after the deadline or not by it', () => {
    expect(isLate({ deadline: '2026-01-20', submittedOn: '2026-01-25', today: '2026-03-01' })).toBe(true)
    expect(isLate({ deadline: '2026-01-20', submittedOn: '2026-01-20', today: '2026-03-01' })).toBe(false)
    expect(isLate({ deadline: '2026-01-20', submittedOn: null, today: '2026-01-21' })).toBe(true)
    expect(isLate({ deadline: '2026-01-20', submittedOn: null, today: '2026-01-10' })).toBe(false)
  })
})
