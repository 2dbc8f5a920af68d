/**
 * Data-quality checks, pure: each says whether one entered value looks wrong and against what.
 * Advisory only — a flag asks a person to look, it never blocks or changes a value.
 */

/** A jump is a change beyond both: more than half the previous value and more than 5 (people, hours…). */
export const JUMP = { relative: 0.5, absolute: 5 } as const

/** The usual cut-off of the modified z-score (Iglewicz and Hoaglin): beyond 3.5 is an outlier. */
export const OUTLIER_Z = 3.5

/** Fewer peers than this say nothing about what is usual. */
export const MIN_PEERS = 5

/**
 * Whether a value jumped from the previous period's: by more than {@link JUMP}.relative of it and
 * more than {@link JUMP}.absolute. From 0, any change beyond the absolute minimum is a jump.
 *
 * @example
 * isJump(30, 12) // true: +18 is +150 % and more than 5
 * isJump(3, 1)   // false: +200 % but only 2
 */
export function isJump(
  value: number,
  previous: number,
  limits: { relative: number; absolute: number } = JUMP,
): boolean {
  const change = Math.abs(value - previous)
  if (change <= limits.absolute) return false
  return previous === 0 || change / Math.abs(previous) > limits.relative
}

/**
 * The median of some numbers (the mean of the middle two for an even count); NaN for none.
 *
 * @example
 * median([4, 1, 3, 2]) // 2.5
 */
export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/**
 * Robust z-scores: |x − median| / (1.4826 · MAD), the median absolute deviation scaled to a
 * normal σ, so one planted value cannot hide itself by inflating the spread as it would a standard
 * deviation. When over half the values are equal (MAD 0) the mean absolute deviation (× 1.2533)
 * stands in; when every value is equal, nothing stands out (all 0).
 *
 * @example
 * robustZ([10, 11, 9, 10, 12, 500])[5] // ≈ 330: 489.5 from the median over a σ of 1.4826
 */
export function robustZ(values: readonly number[]): number[] {
  const m = median(values)
  const deviations = values.map((v) => Math.abs(v - m))
  let scale = 1.4826 * median(deviations)
  if (!(scale > 0)) scale = 1.2533 * (deviations.reduce((s, d) => s + d, 0) / (values.length || 1))
  return values.map((v) => (scale > 0 ? Math.abs(v - m) / scale : 0))
}

/**
 * The indexes of outliers among peers' values, with the peers' median as the reference; none among
 * fewer than {@link MIN_PEERS}. An outlier's robust z exceeds {@link OUTLIER_Z} twice: on the
 * values themselves and on their logarithms (`ln(1 + x)`, for non-negative peers) — counts grow
 * with a school's size, so a big school's 36 against a median of 9 is a size, not a slip, while a
 * slipped extra zero stands out on both scales — and it lies further than {@link JUMP}.absolute
 * from the median (one teacher more than a peer group of zeros is no outlier).
 *
 * @example
 * outliers([10, 11, 9, 10, 12, 500]) // { median: 10.5, indexes: [5] }
 */
export function outliers(
  values: readonly number[],
  limits: { z: number; absolute: number } = { z: OUTLIER_Z, absolute: JUMP.absolute },
): { median: number; indexes: number[] } {
  const m = median(values)
  if (values.length < MIN_PEERS) return { median: m, indexes: [] }
  const z = robustZ(values)
  const logZ = values.every((v) => v >= 0) ? robustZ(values.map((v) => Math.log1p(v))) : z
  return {
    median: m,
    indexes: z.flatMap((s, i) =>
      s > limits.z && logZ[i]! > limits.z && Math.abs(values[i]! - m) > limits.absolute ? [i] : [],
    ),
  }
}

/**
 * Whether a unit's direction is late against the monitoring deadline (ISO dates): submitted after
 * it, or not submitted while the deadline has passed.
 *
 * @example
 * isLate({ deadline: '2026-01-20', submittedOn: '2026-01-25', today: '2026-03-01' }) // true
 * isLate({ deadline: '2026-01-20', submittedOn: null, today: '2026-01-10' })         // false: still time
 */
export function isLate(args: { deadline: string; submittedOn: string | null; today: string }): boolean {
  return args.submittedOn === null ? args.today > args.deadline : args.submittedOn > args.deadline
}
