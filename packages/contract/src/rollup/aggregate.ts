import type { Aggregation } from '../schema/data-element.ts'

/**
 * A mergeable summary of the values of one data element over a set of org units. SQL
 * computes it per subtree (`sum`, `count(*)`, `count(*) filter (where value <> 0)`, `min`,
 * `max`); {@link valueOf} turns it into the subtree's value by the element's rule.
 *
 * @example
 * const schoolA: PartialAggregate = { count: 1, sum: 3, countTrue: 1, min: 3, max: 3 }
 */
export interface PartialAggregate {
  /** Number of org units that reported a value. */
  count: number
  sum: number
  /** Number of reported values that are true (non-zero). */
  countTrue: number
  min: number
  max: number
}

/**
 * The summary of no values at all: its value is always "no data".
 *
 * @example
 * valueOf('sum', EMPTY_AGGREGATE) // null
 */
export const EMPTY_AGGREGATE: PartialAggregate = Object.freeze({
  count: 0,
  sum: 0,
  countTrue: 0,
  min: Infinity,
  max: -Infinity,
})

/**
 * Summarises raw values; `null` (not reported) is skipped, never counted as zero.
 *
 * @example
 * partialOf([3, null, 1]) // { count: 2, sum: 4, countTrue: 2, min: 1, max: 3 }
 */
export function partialOf(values: Iterable<number | null>): PartialAggregate {
  let acc = { ...EMPTY_AGGREGATE }
  for (const v of values)
    if (v !== null) acc = mergePartials(acc, { count: 1, sum: v, countTrue: v !== 0 ? 1 : 0, min: v, max: v })
  return acc
}

/**
 * Combines the summaries of two disjoint sets of org units.
 *
 * @example
 * mergePartials(partialOf([3]), partialOf([1])) // { count: 2, sum: 4, countTrue: 2, min: 1, max: 3 }
 */
export function mergePartials(a: PartialAggregate, b: PartialAggregate): PartialAggregate {
  return {
    count: a.count + b.count,
    sum: a.sum + b.sum,
    countTrue: a.countTrue + b.countTrue,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
  }
}

/**
 * The subtree's value of an element under its aggregation rule, or `null` when no org unit
 * of the subtree reported it.
 *
 * @example
 * valueOf('sum', partialOf([3, 1]))            // 4
 * valueOf('count_true', partialOf([1, 0, 1]))  // 2  (organisations with "yes")
 * valueOf('all', partialOf([1, 0]))            // 0
 * valueOf('sum', partialOf([null]))            // null — no data, not 0
 */
export function valueOf(rule: Aggregation, p: PartialAggregate): number | null {
  if (p.count === 0) return null
  switch (rule) {
    case 'sum':
      return p.sum
    case 'count_true':
      return p.countTrue
    case 'any':
      return p.countTrue > 0 ? 1 : 0
    case 'all':
      return p.countTrue === p.count ? 1 : 0
    case 'min':
      return p.min
    case 'max':
      return p.max
  }
}

/**
 * Aggregates raw values by a rule. Shorthand for `valueOf(rule, partialOf(values))`.
 *
 * @example
 * aggregate('sum', [3, null, 1]) // 4
 * aggregate('max', [null, null]) // null
 */
export function aggregate(rule: Aggregation, values: Iterable<number | null>): number | null {
  return valueOf(rule, partialOf(values))
}
