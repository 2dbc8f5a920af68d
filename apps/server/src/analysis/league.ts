import type { Polarity } from '@profmon/contract'

/** Which way a value moved between two periods; `flat` within the effective gap. */
export type Trend = 'up' | 'down' | 'flat'

const clean = (v: number) => Math.round(v * 1e9) / 1e9

/**
 * Each lagging row's part of the total shortfall, in percent: its gap over the sum of the lagging
 * rows' gaps (they add up to 100). Rows without a gap (met, no target, no data) get null.
 *
 * @example
 * gapShares([3, 1, 0, null]) // [75, 25, null, null]
 */
export function gapShares(gaps: readonly (number | null)[]): (number | null)[] {
  const total = gaps.reduce<number>((s, g) => s + (g !== null && g > 0 ? g : 0), 0)
  return gaps.map((g) => (g !== null && g > 0 && total > 0 ? Math.round((g / total) * 100 * 1e6) / 1e6 : null))
}

/**
 * Ranks values, 1 the best by polarity; equal values share a rank and the next one skips (1, 2,
 * 2, 4). Rows without data are not ranked.
 *
 * @example
 * rankRows([24, null, 40, 24], 'higher') // [2, null, 1, 2]
 * rankRows([24, null, 40, 24], 'lower')  // [1, null, 3, 1]
 */
export function rankRows(values: readonly (number | null)[], polarity: Polarity): (number | null)[] {
  const better = (a: number, b: number) => (polarity === 'higher' ? a > b : a < b)
  return values.map((v) => {
    if (v === null) return null
    return 1 + values.filter((o) => o !== null && clean(o) !== clean(v) && better(o, v)).length
  })
}

/**
 * The change of a value against the previous period, `null` when either is missing.
 *
 * @example
 * changeOf(24, 20.5) // 3.5
 */
export function changeOf(value: number | null, previous: number | null): number | null {
  return value === null || previous === null ? null : clean(value - previous)
}

/**
 * The direction of a change: `up` or `down` only beyond the effective gap (the smallest change
 * that counts as a move, 1 p.p. for a share by default), else `flat`; null without a change.
 *
 * @example
 * trendOf(1.5, 1) // 'up'
 * trendOf(-1, 1)  // 'flat': exactly one point is no move yet
 */
export function trendOf(change: number | null, effectiveGap: number): Trend | null {
  if (change === null) return null
  if (Math.abs(change) <= effectiveGap) return 'flat'
  return change > 0 ? 'up' : 'down'
}

/**
 * Whether a value is better than a reference (the parent's) by polarity; null when either is missing.
 *
 * @example
 * betterThan(24, 20, 'higher') // true
 */
export function betterThan(value: number | null, reference: number | null, polarity: Polarity): boolean | null {
  if (value === null || reference === null) return null
  return polarity === 'higher' ? value > reference : value < reference
}
