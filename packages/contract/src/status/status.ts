import type { Polarity, ScoreBand, Target } from '../schema/indicator.ts'
import type { Status } from '../schema/rules.ts'

/**
 * Status of a value against a target. Higher-is-better: met when `value ≥ target`, partly
 * met when within `tolerance` below it. Lower-is-better mirrors that. No value → `no_data`;
 * no target → `null` (nothing to compare with).
 *
 * @example
 * statusOf({ value: 19, target: 12, polarity: 'higher' })                 // 'met' (seed 003, ЦНППМ)
 * statusOf({ value: 38.8, target: 30, polarity: 'lower' })                // 'not_met' (pensioners)
 * statusOf({ value: 27, target: 30, tolerance: 5, polarity: 'higher' })   // 'partly_met'
 */
export function statusOf(args: {
  value: number | null
  target: number | null | undefined
  tolerance?: number | undefined
  polarity: Polarity
}): Status | null {
  const { value, target, polarity } = args
  if (value === null) return 'no_data'
  if (target === null || target === undefined) return null
  const tolerance = args.tolerance ?? 0
  // Round away binary noise (0.1 + 0.2) so that a value equal to its target on paper is met.
  const gap = Math.round((polarity === 'higher' ? target - value : value - target) * 1e9) / 1e9
  if (gap <= 0) return 'met'
  if (gap <= tolerance) return 'partly_met'
  return 'not_met'
}

/**
 * The target in force for a period: the one for that period, else the one without a period.
 *
 * @example
 * targetFor([{ value: 10 }, { period: '2025-26', value: 20 }], '2025-26') // { period: '2025-26', value: 20 }
 */
export function targetFor(targets: readonly Target[], period: string): Target | undefined {
  return targets.find((t) => t.period === period) ?? targets.find((t) => t.period === undefined)
}

/**
 * Points for a value from scoring bands (seed 001's "количество баллов"); the first band that
 * contains the value wins (`min` inclusive, `max` exclusive). No value or no band → `null`.
 *
 * @example
 * const bands = [{ min: 30, points: 2 }, { min: 10, max: 30, points: 1 }, { max: 10, points: 0 }]
 * scoreOf(35, bands) // 2
 * scoreOf(null, bands) // null
 */
export function scoreOf(value: number | null, bands: readonly ScoreBand[] | undefined): number | null {
  if (value === null || !bands) return null
  const band = bands.find((b) => (b.min === undefined || value >= b.min) && (b.max === undefined || value < b.max))
  return band ? band.points : null
}
