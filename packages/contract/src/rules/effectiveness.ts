import type { Polarity } from '../schema/indicator.ts'

/**
 * The verdict on a measure (or on one of its indicators): computed from the figures, never typed.
 *
 * @example
 * const v: Verdict = 'partly'
 */
export type Verdict = 'effective' | 'partly' | 'not_effective' | 'no_data'

/**
 * Verdicts from best to worst, then no data: the order summaries and tables use.
 *
 * @example
 * const counts: Record<Verdict, number> = { effective: 2, partly: 1, not_effective: 0, no_data: 3 }
 * VERDICTS.map((v) => counts[v]) // [2, 1, 0, 3]
 */
export const VERDICTS: readonly Verdict[] = ['effective', 'partly', 'not_effective', 'no_data']

// Float noise must not turn a move of exactly the effective gap into "more than" it.
const clean = (v: number) => Math.round(v * 1e6) / 1e6

/**
 * Judges an indicator linked to a measure of period t from its value at t (baseline) and at t+1
 * (after), by the indicator's polarity:
 * - `effective` — the expected value is reached, or the value moved towards it by more than the
 *   effective gap;
 * - `partly` — it moved the right way, by no more than the effective gap;
 * - `not_effective` — no move, or a move the wrong way;
 * - `no_data` — the baseline or the after value is missing (missing is never 0).
 *
 * @example
 * verdictOf({ baseline: 20, after: 28, expected: 30, polarity: 'higher', effectiveGap: 1 }) // 'effective' (moved 8 > 1)
 * verdictOf({ baseline: 20, after: 20.5, expected: 30, polarity: 'higher', effectiveGap: 1 }) // 'partly'
 * verdictOf({ baseline: 12, after: 15, expected: 10, polarity: 'lower', effectiveGap: 1 }) // 'not_effective'
 */
export function verdictOf(input: {
  baseline: number | null
  after: number | null
  expected: number | null
  polarity: Polarity
  effectiveGap: number
}): Verdict {
  const { baseline, after, expected, polarity, effectiveGap } = input
  if (baseline === null || after === null) return 'no_data'
  const sign = polarity === 'lower' ? -1 : 1
  if (expected !== null && clean(sign * (after - expected)) >= 0) return 'effective'
  const move = clean(sign * (after - baseline))
  if (move > clean(effectiveGap)) return 'effective'
  if (move > 0) return 'partly'
  return 'not_effective'
}

/**
 * A measure's verdict from its indicators' verdicts: no data when none has data; effective or not
 * effective when every indicator with data agrees; partly otherwise.
 *
 * @example
 * measureVerdictOf(['effective', 'no_data']) // 'effective'
 * measureVerdictOf(['effective', 'not_effective']) // 'partly'
 * measureVerdictOf([]) // 'no_data'
 */
export function measureVerdictOf(verdicts: readonly Verdict[]): Verdict {
  const known = verdicts.filter((v) => v !== 'no_data')
  if (!known.length) return 'no_data'
  if (known.every((v) => v === 'effective')) return 'effective'
  if (known.every((v) => v === 'not_effective')) return 'not_effective'
  return 'partly'
}
