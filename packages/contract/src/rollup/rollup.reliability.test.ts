import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { reliabilityTally } from '../testing/reliability-tally.ts'
import { indicatorSchema } from '../schema/indicator.ts'
import type { Aggregation } from '../schema/data-element.ts'
import { mergePartials, partialOf, valueOf, EMPTY_AGGREGATE } from './aggregate.ts'
import { compileIndicator, evaluateIndicator } from './evaluate-indicator.ts'
import { createAggregateLookup, type ElementAggregate } from './lookup.ts'

const RUNS = 1_000
const RULES: Aggregation[] = ['sum', 'count_true', 'any', 'all', 'min', 'max']

/** A reported count or "did not report". */
const reported = fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null, freq: 4 })
/** A school's numerator and denominator, each reported or not; when both are, num ≤ den. */
const school = fc
  .tuple(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 5_000 }), fc.nat(5))
  .map(([a, b, gap]) => {
    const num: number | null = gap === 0 ? null : Math.min(a, b)
    const den: number | null = gap === 1 ? null : Math.max(a, b)
    return { num, den }
  })

const share = compileIndicator(
  indicatorSchema.parse({
    code: 'd.share',
    title: { ru: 'Доля' },
    kind: 'share',
    numerator: '#{d.num}',
    denominator: '#{d.den}',
  }),
)
const rules = new Map<string, Aggregation>([
  ['d.num', 'sum'],
  ['d.den', 'sum'],
])

function aggregatesOf(schools: { num: number | null; den: number | null }[]): ElementAggregate[] {
  return [
    { element: 'd.num', option: null, partial: partialOf(schools.map((s) => s.num)) },
    { element: 'd.den', option: null, partial: partialOf(schools.map((s) => s.den)) },
  ]
}

describe('roll-up under arbitrary data', () => {
  const tried = reliabilityTally('roll-up (random schools and values)', 'any')
  afterAll(() => tried.flush())

  it('skips "not reported": nulls change nothing, and only nulls are "no data" under every rule', () => {
    fc.assert(
      fc.property(fc.array(reported, { maxLength: 50 }), (values) => {
        tried.add()
        const present = values.filter((v) => v !== null)
        expect(partialOf(values)).toEqual(partialOf(present))
        for (const rule of RULES) {
          const v = valueOf(rule, partialOf(values))
          if (present.length === 0) expect(v).toBeNull()
          else expect(v).not.toBeNull()
        }
      }),
      { numRuns: RUNS },
    )
    // A reported zero is a value, not "no data".
    for (const rule of RULES) expect(valueOf(rule, partialOf([0]))).toBe(0)
    for (const rule of RULES) expect(valueOf(rule, EMPTY_AGGREGATE)).toBeNull()
  })

  it('gives the same summary whichever way the org units are grouped (school → municipality → region)', () => {
    fc.assert(
      fc.property(fc.array(reported, { maxLength: 40 }), fc.array(reported, { maxLength: 40 }), (a, b) => {
        tried.add()
        expect(mergePartials(partialOf(a), partialOf(b))).toEqual(partialOf([...a, ...b]))
        expect(mergePartials(partialOf(a), partialOf(b))).toEqual(mergePartials(partialOf(b), partialOf(a)))
        expect(mergePartials(partialOf(a), EMPTY_AGGREGATE)).toEqual(partialOf(a))
      }),
      { numRuns: RUNS },
    )
  })

  it('computes a share as Σnumerators / Σdenominators of the reporting schools, within 0–100 %', () => {
    fc.assert(
      fc.property(fc.array(school, { maxLength: 30 }), fc.nat(30), (schools, cut) => {
        tried.add()
        const sumNum = schools.reduce((s, x) => s + (x.num ?? 0), 0)
        const sumDen = schools.reduce((s, x) => s + (x.den ?? 0), 0)
        const anyNum = schools.some((x) => x.num !== null)
        const anyDen = schools.some((x) => x.den !== null)
        const whole = evaluateIndicator(share, createAggregateLookup(rules, aggregatesOf(schools)))
        // Two municipalities merged at the region: the same answer as all schools at once.
        const [left, right] = [schools.slice(0, cut), schools.slice(cut)]
        const split = evaluateIndicator(
          share,
          createAggregateLookup(rules, [...aggregatesOf(left), ...aggregatesOf(right)]),
        )
        expect(split).toEqual(whole)
        expect(whole.numerator).toBe(anyNum ? sumNum : null)
        expect(whole.denominator).toBe(anyDen ? sumDen : null)
        if (!anyNum || !anyDen || sumDen === 0) {
          expect(whole.value).toBeNull()
          return
        }
        expect(whole.value).toBeCloseTo((sumNum * 100) / sumDen, 9)
        // Numerators here never exceed their own denominators, except where a school left its
        // denominator out; restricted to complete schools the share stays a percentage.
        if (schools.every((x) => (x.num === null) === (x.den === null))) {
          expect(whole.value).toBeGreaterThanOrEqual(0)
          expect(whole.value).toBeLessThanOrEqual(100)
        }
      }),
      { numRuns: RUNS },
    )
  })
})
