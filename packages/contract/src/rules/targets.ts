import type { IndicatorKind, Polarity } from '../schema/indicator.ts'

// Float noise must not turn 30 % of 10 (3.0000000000000004) into 4 people.
const clean = (v: number) => Math.round(v * 1e6) / 1e6

/**
 * What is still missing to meet a target, 0 when met, null without a target or data (and for
 * presence, which has no amount). For a share it is in people (design: "gap to target in people"):
 * `ceil(target/100 × Σden) − Σnum` still missing, or for a lower-is-better share
 * `Σnum − floor(target/100 × Σden)` too many; for counts and values the difference in the
 * indicator's own unit.
 *
 * @example
 * gapOf({ numerator: 12, denominator: 50, value: 24, target: 30 }, { kind: 'share', polarity: 'higher' }) // ceil(15) − 12 = 3
 */
export function gapOf(
  row: { numerator: number | null; denominator: number | null; value: number | null; target: number | null },
  indicator: { kind: IndicatorKind; polarity: Polarity },
): number | null {
  if (row.target === null || row.value === null || indicator.kind === 'presence') return null
  if (indicator.kind === 'share') {
    if (row.numerator === null || row.denominator === null) return null
    const atTarget = clean((row.target / 100) * row.denominator)
    const gap =
      indicator.polarity === 'lower' ? row.numerator - Math.floor(atTarget) : Math.ceil(atTarget) - row.numerator
    return Math.max(0, clean(gap))
  }
  const gap = indicator.polarity === 'lower' ? row.value - row.target : row.target - row.value
  return Math.max(0, clean(gap))
}

/**
 * A band of values that earns a score on a target (`min` inclusive, `max` exclusive; `null` is an
 * open end). Bands are listed in ascending order and do not overlap.
 *
 * @example
 * const bands: TargetScoreBand[] = [{ min: null, max: 20, score: 0 }, { min: 20, max: 30, score: 1 }, { min: 30, max: null, score: 2 }]
 */
export interface TargetScoreBand {
  min: number | null
  max: number | null
  score: number
}

/**
 * A target as it is set on an org unit: value, tolerance, score bands, effective gap.
 *
 * @example
 * const goal: TargetInput = { value: 30, tolerance: 5, scoreBands: null, effectiveGap: 1 }
 */
export interface TargetInput {
  value: number
  tolerance?: number | null | undefined
  scoreBands?: readonly TargetScoreBand[] | null | undefined
  effectiveGap?: number | null | undefined
}

/**
 * Why a target does not fit its indicator, as a code with the field and parameters; each surface
 * words it.
 *
 * @example
 * const p: TargetProblem = { code: 'outside_bounds', field: 'value', value: 120, min: 0, max: 100 }
 */
export type TargetProblem =
  | { code: 'outside_bounds'; field: string; value: number; min: number; max: number }
  | { code: 'negative'; field: string; value: number }
  | { code: 'band_empty'; field: string; min: number; max: number }
  | { code: 'bands_unordered'; field: string }
  | { code: 'bands_overlap'; field: string; previousMax: number; min: number }
  | { code: 'laxer'; field: 'value'; value: number; reference: number; polarity: Polarity }

/**
 * The values a target of an indicator kind may take: a share 0…100 %, a presence 0 (no) or 1
 * (yes); counts and values are not bounded.
 *
 * @example
 * targetBounds('share') // { min: 0, max: 100 }
 */
export function targetBounds(kind: IndicatorKind): { min: number; max: number } | undefined {
  if (kind === 'share') return { min: 0, max: 100 }
  if (kind === 'presence') return { min: 0, max: 1 }
  return undefined
}

/**
 * The smallest change that counts as a move when no target says otherwise: 1 percentage point
 * for a share; any change for counts and values.
 *
 * @example
 * defaultEffectiveGap('share') // 1
 */
export function defaultEffectiveGap(kind: IndicatorKind): number {
  return kind === 'share' ? 1 : 0
}

/**
 * Whether a target is laxer than a reference target: lower for a higher-is-better indicator,
 * higher for a lower-is-better one. An equal target is not laxer.
 *
 * @example
 * isLaxerTarget('higher', 25, 30) // true: a municipality aiming at 25 % under the region's 30 %
 * isLaxerTarget('lower', 25, 30)  // false: fewer pensioners is stricter
 */
export function isLaxerTarget(polarity: Polarity, value: number, reference: number): boolean {
  return polarity === 'higher' ? value < reference : value > reference
}

/**
 * Checks a target against its indicator: the value within the kind's bounds, tolerance and
 * effective gap not negative, score bands each non-empty, in ascending order and not overlapping.
 * An empty list means the target fits.
 *
 * @example
 * checkTarget({ kind: 'share' }, { value: 120, tolerance: -1 })
 * // [{ code: 'outside_bounds', field: 'value', … }, { code: 'negative', field: 'tolerance', value: -1 }]
 */
export function checkTarget(indicator: { kind: IndicatorKind }, target: TargetInput): TargetProblem[] {
  const problems: TargetProblem[] = []
  const bounds = targetBounds(indicator.kind)
  if (bounds && (target.value < bounds.min || target.value > bounds.max))
    problems.push({ code: 'outside_bounds', field: 'value', value: target.value, ...bounds })
  for (const field of ['tolerance', 'effectiveGap'] as const) {
    const v = target[field]
    if (v !== null && v !== undefined && v < 0) problems.push({ code: 'negative', field, value: v })
  }
  const bands = target.scoreBands ?? []
  bands.forEach((band, i) => {
    const field = `scoreBands[${i}]`
    if (band.min !== null && band.max !== null && band.min >= band.max)
      problems.push({ code: 'band_empty', field, min: band.min, max: band.max })
    if (i === 0) return
    const previous = bands[i - 1]!
    // Only the first band may be open below and only the last open above.
    if (band.min === null || previous.max === null) problems.push({ code: 'bands_unordered', field })
    else if (previous.min !== null && band.min < previous.min) problems.push({ code: 'bands_unordered', field })
    else if (band.min < previous.max)
      problems.push({ code: 'bands_overlap', field, previousMax: previous.max, min: band.min })
  })
  return problems
}

/**
 * The score of a value from a target's bands: the band containing it (`min` inclusive, `max`
 * exclusive); `null` without a value or a band.
 *
 * @example
 * scoreFromBands(25, [{ min: null, max: 20, score: 0 }, { min: 20, max: null, score: 1 }]) // 1
 */
export function scoreFromBands(
  value: number | null,
  bands: readonly TargetScoreBand[] | null | undefined,
): number | null {
  if (value === null || !bands?.length) return null
  const band = bands.find((b) => (b.min === null || value >= b.min) && (b.max === null || value < b.max))
  return band ? band.score : null
}
