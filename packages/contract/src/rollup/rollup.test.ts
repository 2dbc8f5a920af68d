import { describe, expect, it } from 'vitest'
import { compileIndicator, evaluateIndicator } from './evaluate-indicator.ts'
import { aggregate, mergePartials, partialOf, valueOf } from './aggregate.ts'
import { lookupFromValues } from './lookup.ts'
import { indicatorSchema, type IndicatorInput } from '../schema/indicator.ts'

type School = Record<string, number | null>

const share = (extra: Partial<IndicatorInput> = {}) =>
  compileIndicator(
    indicatorSchema.parse({
      code: 'd.share',
      title: { ru: 'Доля' },
      kind: 'share',
      numerator: '#{d.num}',
      denominator: '#{d.den}',
      ...extra,
    }),
  )

/** Rolls schools up the way the server must: aggregate each element first, then evaluate. */
function rollUp(schools: School[]) {
  return (code: string) =>
    aggregate(
      'sum',
      schools.map((s) => s[code] ?? null),
    )
}

describe('roll-up of a share', () => {
  it('is Σnumerators / Σdenominators: 3/10 and 1/90 → 4 %, not the mean 17.2 %', () => {
    const schools = [
      { 'd.num': 3, 'd.den': 10 },
      { 'd.num': 1, 'd.den': 90 },
    ]
    const municipality = evaluateIndicator(share(), rollUp(schools))
    expect(municipality).toEqual({ numerator: 4, denominator: 100, value: 4, score: null })
    const meanOfPercentages = (30 + 100 / 90) / 2
    expect(meanOfPercentages).toBeCloseTo(15.56, 1)
    expect(municipality.value).not.toBeCloseTo(meanOfPercentages)
  })

  it('skips a school that did not report instead of counting it as zero', () => {
    const schools = [
      { 'd.num': 3, 'd.den': 10 },
      { 'd.num': null, 'd.den': null },
      { 'd.num': 2, 'd.den': 10 },
    ]
    expect(evaluateIndicator(share(), rollUp(schools)).value).toBe(25)
  })

  it('has no data when nobody reported, or the denominator is zero', () => {
    expect(evaluateIndicator(share(), rollUp([{}, {}])).value).toBeNull()
    expect(evaluateIndicator(share(), rollUp([{ 'd.num': 0, 'd.den': 0 }])).value).toBeNull()
  })

  it('is zero when the schools reported zero', () => {
    expect(evaluateIndicator(share(), rollUp([{ 'd.num': 0, 'd.den': 40 }])).value).toBe(0)
  })

  it('adds a score from bands', () => {
    const bands = [
      { min: 30, points: 2 },
      { min: 10, max: 30, points: 1 },
      { max: 10, points: 0 },
    ]
    expect(evaluateIndicator(share({ scoring: bands }), rollUp([{ 'd.num': 3, 'd.den': 10 }])).score).toBe(2)
    expect(evaluateIndicator(share({ scoring: bands }), rollUp([{ 'd.num': 1, 'd.den': 90 }])).score).toBe(0)
  })
})

describe('breakdown rows', () => {
  // Teachers with a deficit, by type, out of all diagnosed: two schools.
  const rows: Record<string, number> = {
    'd.with:digital': 4 + 1,
    'd.with:burnout': 2 + 0,
    'd.diagnosed': 10 + 5,
  }
  const lookup = (code: string, option: string | null) => rows[option ? `${code}:${option}` : code] ?? null
  const ind = share({ numerator: '#{d.with}', denominator: '#{d.diagnosed}', dimension: 'deficit_type' })
  const ctx = (option: string) => ({
    breakdown: { dimension: 'deficit_type', option },
    elementDimension: (code: string) => (code === 'd.with' ? 'deficit_type' : undefined),
  })

  it('computes each option over the common denominator', () => {
    expect(evaluateIndicator(ind, lookup, ctx('digital')).value).toBeCloseTo(100 / 3)
    expect(evaluateIndicator(ind, lookup, ctx('burnout')).value).toBeCloseTo(40 / 3)
  })

  it('has no data for an option nobody reported', () => {
    expect(evaluateIndicator(ind, lookup, ctx('communicative')).value).toBeNull()
  })
})

describe('aggregation rules', () => {
  it.each([
    ['sum', [3, null, 1], 4],
    ['count_true', [1, 0, 1, null], 2],
    ['any', [0, 0, 1], 1],
    ['any', [0, 0], 0],
    ['all', [1, 1, 0], 0],
    ['all', [1, null, 1], 1],
    ['min', [4, 2, 9], 2],
    ['max', [4, 2, 9], 9],
  ] as const)('%s of %j = %d', (rule, values, expected) => {
    expect(aggregate(rule, values)).toBe(expected)
  })

  it('gives no data for every rule when nothing was reported', () => {
    for (const rule of ['sum', 'count_true', 'any', 'all', 'min', 'max'] as const)
      expect(aggregate(rule, [null, null])).toBeNull()
  })

  it('merges partial aggregates of disjoint subtrees like one pass', () => {
    const merged = mergePartials(partialOf([3, 0]), partialOf([5, null]))
    expect(merged).toEqual(partialOf([3, 0, 5]))
    expect(valueOf('count_true', merged)).toBe(2)
  })
})

describe('indicator kinds', () => {
  const lookup = (code: string) => ({ 'p.has': 1, 'p.none': 0, 'c.n': 7 })[code] ?? null
  const compile = (input: Partial<IndicatorInput>) =>
    compileIndicator(indicatorSchema.parse({ code: 'x.i', title: { ru: 'И' }, ...input }))

  it('presence is 1 or 0', () => {
    expect(evaluateIndicator(compile({ kind: 'presence', formula: '#{p.has}' }), lookup).value).toBe(1)
    expect(evaluateIndicator(compile({ kind: 'presence', formula: '#{p.none}' }), lookup).value).toBe(0)
    expect(evaluateIndicator(compile({ kind: 'presence', formula: '#{p.gone}' }), lookup).value).toBeNull()
  })

  it('count is its formula', () => {
    expect(evaluateIndicator(compile({ kind: 'count', formula: '#{c.n} * 2' }), lookup).value).toBe(14)
  })

  it('score turns the formula into points', () => {
    const ind = compile({ kind: 'score', formula: '#{c.n}', scoring: [{ min: 5, points: 3 }, { points: 0 }] })
    expect(evaluateIndicator(ind, lookup)).toMatchObject({ value: 3, score: 3 })
  })
})

describe('lookupFromValues', () => {
  const elements = [
    { code: 'd.num', aggregation: 'sum' as const },
    { code: 'd.flag', aggregation: 'count_true' as const },
  ]
  const lookup = lookupFromValues(elements, [
    { orgUnit: 'A', element: 'd.num', option: 'math', value: 2 },
    { orgUnit: 'B', element: 'd.num', option: 'math', value: 3 },
    { orgUnit: 'B', element: 'd.num', option: 'physics', value: 1 },
    { orgUnit: 'A', element: 'd.flag', option: null, value: 1 },
    { orgUnit: 'B', element: 'd.flag', option: null, value: 0 },
  ])

  it('aggregates per option and sums over options with [*]', () => {
    expect(lookup('d.num', 'math')).toBe(5)
    expect(lookup('d.num', '*')).toBe(6)
    expect(lookup('d.num', null)).toBeNull()
  })

  it('counts true values and reporting units', () => {
    expect(lookup('d.flag', null)).toBe(1)
    expect(lookup('d.flag', null, 'count')).toBe(2)
  })
})
