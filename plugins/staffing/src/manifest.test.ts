import { describe, expect, it } from 'vitest'
import {
  compileIndicator,
  dimensionsOf,
  evaluateFormula,
  evaluateIndicator,
  formulaRefs,
  lookupFromValues,
  ORG_LEVEL_DEPTH,
  parseFormula,
  scopeOf,
  statusOf,
  targetFor,
  validateManifest,
  type EvaluateContext,
  type ManifestError,
  type OrgLevel,
  type RawValue,
  type RuleOperator,
} from '@profmon/contract'
import manifest from './manifest.ts'

function errorOf(input: unknown): ManifestError {
  const r = validateManifest(input)
  if (r.ok) throw new Error('manifest passed')
  return r.error
}

// Fixture: region R; municipality M1 with schools S1 and S2, municipality M2 with school S3.
const TREE = {
  R: ['R', 'M1', 'S1', 'S2', 'M2', 'S3'],
  M1: ['M1', 'S1', 'S2'],
  M2: ['M2', 'S3'],
  S1: ['S1'],
  S2: ['S2'],
  S3: ['S3'],
} as const
type Unit = keyof typeof TREE
const LEVEL: Record<Unit, OrgLevel> = {
  R: 'region',
  M1: 'municipality',
  M2: 'municipality',
  S1: 'organization',
  S2: 'organization',
  S3: 'organization',
}

/** Raw values of one org unit; `{ total, <option>: … }` enters an element's total and its options. */
const entered = (orgUnit: Unit, entries: Record<string, number | Record<string, number>>): RawValue[] =>
  Object.entries(entries).flatMap(([code, v]) =>
    Object.entries(typeof v === 'number' ? { total: v } : v).map(([option, value]) => ({
      orgUnit,
      element: `staffing.${code}`,
      option: option === 'total' ? null : option,
      value,
    })),
  )

const VALUES: RawValue[] = [
  ...entered('S1', {
    teachers_total: 40,
    under_35: 4,
    pensioners: 14,
    vacancies: { total: 2, math: 1, physics: 1 },
    has_vacancies: 1,
    category_raised: 4,
    need: { total: 3, math: 2, primary: 1 },
    graduates_hired: 1,
  }),
  // S2 did not report its vacancies: no vacancies / has_vacancies at all.
  ...entered('S2', {
    teachers_total: 60,
    under_35: 6,
    pensioners: 24,
    category_raised: 3,
    need: { total: 1, primary: 1 },
    graduates_hired: 0,
  }),
  ...entered('S3', {
    teachers_total: 50,
    under_35: 10,
    pensioners: 10,
    vacancies: 0,
    has_vacancies: 0,
    category_raised: 5,
    need: 0,
    graduates_hired: 2,
  }),
  ...entered('M1', { reserve_school: 1 }),
  ...entered('M2', { reserve_school: 0 }),
]

const scope = scopeOf(manifest)
const elementDimension = (code: string) => manifest.dataElements.find((e) => e.code === code)?.dimension

/** An indicator over a subtree; with `option`, its breakdown row for that option. */
function evaluate(code: string, unit: Unit, option?: string) {
  const indicator = manifest.indicators.find((i) => i.code === code)
  if (!indicator) throw new Error(`no indicator ${code}`)
  const units: readonly string[] = TREE[unit]
  const lookup = lookupFromValues(
    manifest.dataElements,
    VALUES.filter((v) => units.includes(v.orgUnit)),
  )
  const ctx: EvaluateContext = option
    ? { breakdown: { dimension: indicator.dimension!, option }, elementDimension }
    : {}
  return evaluateIndicator(compileIndicator(indicator, scope), lookup, ctx)
}

function status(code: string, value: number | null, period: string) {
  const indicator = manifest.indicators.find((i) => i.code === code)!
  const target = targetFor(indicator.targets, period)
  return statusOf({ value, target: target?.value, tolerance: target?.tolerance, polarity: indicator.polarity })
}

const HOLDS: Record<RuleOperator, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '>=': (a, b) => a >= b,
  '>': (a, b) => a > b,
}

/** Rules (with the option, for per-option rules) that one org unit's own raw values break. */
function violations(values: RawValue[]): string[] {
  const lookup = lookupFromValues(manifest.dataElements, values)
  return manifest.validationRules.flatMap((rule) => {
    const left = parseFormula(rule.left)
    const right = parseFormula(rule.right)
    const dimension = rule.perOption
      ? [...formulaRefs(left), ...formulaRefs(right)].map((r) => elementDimension(r.code)).find(Boolean)
      : undefined
    const options = dimension
      ? dimensionsOf(manifest)
          .get(dimension)!
          .options.map((o) => o.code)
      : []
    return [null, ...options]
      .filter((option) => {
        const ctx: EvaluateContext = option ? { breakdown: { dimension: dimension!, option }, elementDimension } : {}
        const l = evaluateFormula(left, lookup, ctx)
        const r = evaluateFormula(right, lookup, ctx)
        return l !== null && r !== null && !HOLDS[rule.operator](l, r)
      })
      .map((option) => (option ? `${rule.code}[${option}]` : rule.code))
  })
}

// Hand-computed values, each indicator at each of its levels. Shares roll up as Σnum / Σden.
const EXPECTED: [code: string, unit: Unit, value: number | null][] = [
  // under 35 / teachers
  ['staffing.under_35_share', 'S1', 10], // 4/40
  ['staffing.under_35_share', 'S2', 10], // 6/60
  ['staffing.under_35_share', 'S3', 20], // 10/50
  ['staffing.under_35_share', 'M1', 10], // (4+6)/(40+60)
  ['staffing.under_35_share', 'M2', 20], // 10/50
  ['staffing.under_35_share', 'R', 13.3333], // (4+6+10)/(40+60+50) = 20/150
  // pension age / teachers
  ['staffing.pensioners_share', 'S1', 35], // 14/40
  ['staffing.pensioners_share', 'S2', 40], // 24/60
  ['staffing.pensioners_share', 'S3', 20], // 10/50
  ['staffing.pensioners_share', 'M1', 38], // (14+24)/100
  ['staffing.pensioners_share', 'M2', 20], // 10/50
  ['staffing.pensioners_share', 'R', 32], // (14+24+10)/150 = 48/150
  // vacancies (totals); S2 did not report
  ['staffing.vacancies_count', 'S1', 2],
  ['staffing.vacancies_count', 'S2', null], // nothing reported → no data, not 0
  ['staffing.vacancies_count', 'S3', 0], // reported zero
  ['staffing.vacancies_count', 'M1', 2], // S1 alone: S2 skipped
  ['staffing.vacancies_count', 'M2', 0],
  ['staffing.vacancies_count', 'R', 2], // 2+0
  // organisations with vacancies / organisations that answered
  ['staffing.orgs_with_vacancies_share', 'M1', 100], // 1/1: S2 is not counted as "no vacancies" (not 1/2)
  ['staffing.orgs_with_vacancies_share', 'M2', 0], // 0/1
  ['staffing.orgs_with_vacancies_share', 'R', 50], // (1+0)/(1+1)
  // raised category / teachers
  ['staffing.category_raised_share', 'S1', 10], // 4/40
  ['staffing.category_raised_share', 'S2', 5], // 3/60
  ['staffing.category_raised_share', 'S3', 10], // 5/50
  ['staffing.category_raised_share', 'M1', 7], // (4+3)/100
  ['staffing.category_raised_share', 'M2', 10], // 5/50
  ['staffing.category_raised_share', 'R', 8], // (4+3+5)/150 = 12/150
  // need for teachers (totals)
  ['staffing.need_count', 'S1', 3],
  ['staffing.need_count', 'S2', 1],
  ['staffing.need_count', 'S3', 0],
  ['staffing.need_count', 'M1', 4], // 3+1
  ['staffing.need_count', 'M2', 0],
  ['staffing.need_count', 'R', 4],
  // management reserve school, entered by municipalities
  ['staffing.reserve_school_presence', 'M1', 1],
  ['staffing.reserve_school_presence', 'M2', 0],
  ['staffing.reserve_school_presence', 'R', 1], // any(1, 0)
  // graduates hired
  ['staffing.graduates_count', 'S1', 1],
  ['staffing.graduates_count', 'S2', 0],
  ['staffing.graduates_count', 'S3', 2],
  ['staffing.graduates_count', 'M1', 1], // 1+0
  ['staffing.graduates_count', 'M2', 2],
  ['staffing.graduates_count', 'R', 3],
]

// Breakdown rows by subject: each follows the row's option; an option nobody entered has no data.
const BREAKDOWN: [code: string, unit: Unit, option: string, value: number | null][] = [
  ['staffing.vacancies_count', 'S1', 'math', 1],
  ['staffing.vacancies_count', 'S3', 'math', null], // S3 entered only its total (0)
  ['staffing.vacancies_count', 'M1', 'math', 1],
  ['staffing.vacancies_count', 'R', 'math', 1],
  ['staffing.vacancies_count', 'R', 'physics', 1],
  ['staffing.vacancies_count', 'R', 'chemistry', null],
  ['staffing.need_count', 'S1', 'primary', 1],
  ['staffing.need_count', 'S2', 'primary', 1],
  ['staffing.need_count', 'M1', 'primary', 2], // 1+1
  ['staffing.need_count', 'R', 'primary', 2],
  ['staffing.need_count', 'R', 'math', 2], // S1 only
  ['staffing.need_count', 'M2', 'math', null],
]

describe('staffing manifest', () => {
  it('passes the contract', () => {
    expect(validateManifest(manifest).ok).toBe(true)
  })

  it('has every indicator of the catalog for the direction', () => {
    expect(manifest.indicators.map((i) => i.code)).toEqual([
      'staffing.under_35_share',
      'staffing.pensioners_share',
      'staffing.vacancies_count',
      'staffing.orgs_with_vacancies_share',
      'staffing.category_raised_share',
      'staffing.need_count',
      'staffing.reserve_school_presence',
      'staffing.graduates_count',
    ])
  })

  it('puts indicators and recommendations only at levels where their data exists', () => {
    const depth = new Map(manifest.dataElements.map((e) => [e.code, ORG_LEVEL_DEPTH[e.entryLevel]]))
    for (const indicator of manifest.indicators) {
      const entryDepth = Math.min(...compileIndicator(indicator, scope).refs.map((r) => depth.get(r.code)!))
      for (const level of indicator.levels)
        expect(ORG_LEVEL_DEPTH[level], `${indicator.code} at ${level}`).toBeLessThanOrEqual(entryDepth)
    }
    for (const rule of manifest.recommendations) {
      const indicator = manifest.indicators.find((i) => i.code === rule.indicator)!
      expect(indicator.levels, rule.code).toEqual(expect.arrayContaining(rule.levels))
    }
  })

  describe('hand-computed fixture', () => {
    it('checks every indicator at each of its levels', () => {
      const checked = new Set(EXPECTED.map(([code, unit]) => `${code}@${LEVEL[unit]}`))
      const needed = manifest.indicators.flatMap((i) => i.levels.map((level) => `${i.code}@${level}`))
      expect([...checked].sort()).toEqual(needed.sort())
    })

    it.each(EXPECTED)('%s at %s is %s', (code, unit, expected) => {
      const { value } = evaluate(code, unit)
      if (expected === null) expect(value).toBeNull()
      else expect(value).toEqual(expect.closeTo(expected, 3))
    })

    it.each(BREAKDOWN)('%s at %s for %s is %s', (code, unit, option, expected) => {
      const { value } = evaluate(code, unit, option)
      if (expected === null) expect(value).toBeNull()
      else expect(value).toEqual(expect.closeTo(expected, 3))
    })

    it('skips a school that did not report instead of counting it as zero', () => {
      expect(evaluate('staffing.vacancies_count', 'S2').value).toBeNull()
      expect(evaluate('staffing.orgs_with_vacancies_share', 'M1')).toMatchObject({ numerator: 1, denominator: 1 })
    })

    it('treats a lower pensioners’ share as better (seed 003: 38.8 % is not met)', () => {
      expect(status('staffing.pensioners_share', 38.8, '2024-25')).toBe('not_met')
      expect(status('staffing.pensioners_share', evaluate('staffing.pensioners_share', 'M1').value, '2025-26')).toBe(
        'not_met', // 38 − 30 = 8 > 5
      )
      expect(status('staffing.pensioners_share', evaluate('staffing.pensioners_share', 'R').value, '2025-26')).toBe(
        'partly_met', // 32 − 30 = 2 ≤ 5
      )
      expect(status('staffing.pensioners_share', evaluate('staffing.pensioners_share', 'M2').value, '2025-26')).toBe(
        'met', // 20 ≤ 30
      )
    })

    it('meets the under-35 floor with seed 003’s fact 8.5 %', () => {
      expect(status('staffing.under_35_share', 8.5, '2024-25')).toBe('met')
      expect(status('staffing.under_35_share', 4, '2024-25')).toBe('not_met')
    })

    it('keeps the fixture within the validation rules and catches a broken school', () => {
      for (const unit of Object.keys(TREE) as Unit[])
        expect(violations(VALUES.filter((v) => v.orgUnit === unit))).toEqual([])
      const broken = entered('S1', {
        teachers_total: 10,
        under_35: 6,
        pensioners: 5,
        vacancies: { total: 2, math: 1 },
        has_vacancies: 0,
        need: { total: 1, math: 1 },
      })
      expect(violations(broken)).toEqual([
        'staffing.age_groups_le_total', // 6 + 5 > 10
        'staffing.vacancies_by_subject_sum', // 1 ≠ 2
        'staffing.has_vacancies_matches', // marked "no" with 2 vacancies
      ])
    })
  })

  it('refuses a formula with an unknown code, naming plugin, indicator, field and position', () => {
    const broken = structuredClone(manifest)
    broken.indicators[3]!.denominator = 'orgCount(#{staffing.has_vacancy})'
    expect(errorOf(broken).message).toBe(
      'plugin "staffing": indicators[3] "staffing.orgs_with_vacancies_share".denominator: unknown data element "staffing.has_vacancy" (at position 10)',
    )
  })

  it('refuses a negative target of a count', () => {
    const broken = structuredClone(manifest)
    broken.indicators[2]!.targets = [{ value: -1 }]
    expect(errorOf(broken).issues).toEqual([
      {
        path: 'indicators[2] "staffing.vacancies_count".targets[0].value',
        message: 'target -1 of a count is negative',
      },
    ])
  })
})
