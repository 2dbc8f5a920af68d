import { describe, expect, it } from 'vitest'
import { validateManifest, type RawValue } from '@profmon/contract'
import {
  enteredValues,
  evaluateAt,
  FIXTURE_UNITS,
  levelCoverage,
  manifestErrorOf,
  statusFor,
  violationsAt,
  type EnteredEntries,
  type FixtureUnit,
} from '@profmon/contract/testing'
import manifest from './manifest.ts'

// The kit's fixture tree: region R; municipality M1 with schools S1 and S2, municipality M2 with school S3.
const entered = (unit: FixtureUnit, entries: EnteredEntries) => enteredValues('staffing', unit, entries)

const VALUES: RawValue[] = [
  ...entered('S1', {
    'core.teachers_total': 40,
    'core.teachers_under_35': 4,
    pensioners: 14,
    vacancies: { total: 2, math: 1, physics: 1 },
    has_vacancies: 1,
    category_raised: 4,
    need: { total: 3, math: 2, primary: 1 },
    graduates_hired: 1,
  }),
  // S2 did not report its vacancies: no vacancies / has_vacancies at all.
  ...entered('S2', {
    'core.teachers_total': 60,
    'core.teachers_under_35': 6,
    pensioners: 24,
    category_raised: 3,
    need: { total: 1, primary: 1 },
    graduates_hired: 0,
  }),
  ...entered('S3', {
    'core.teachers_total': 50,
    'core.teachers_under_35': 10,
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

/** An indicator over a subtree; with `option`, its breakdown row for that option. */
const evaluate = (code: string, unit: FixtureUnit, option?: string) => evaluateAt(manifest, VALUES, code, unit, option)
const status = (code: string, value: number | null, period: string) => statusFor(manifest, code, value, period)

// Hand-computed values, each indicator at each of its levels. Shares roll up as Σnum / Σden.
const EXPECTED: [code: string, unit: FixtureUnit, value: number | null][] = [
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
const BREAKDOWN: [code: string, unit: FixtureUnit, option: string, value: number | null][] = [
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

  describe('hand-computed fixture', () => {
    it('checks every indicator at each of its levels', () => {
      const { checked, shown } = levelCoverage(manifest, EXPECTED)
      expect(checked).toEqual(shown)
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
      for (const unit of FIXTURE_UNITS) expect(violationsAt(manifest, VALUES, unit)).toEqual([])
      const broken = entered('S1', {
        'core.teachers_total': 10,
        'core.teachers_under_35': 6,
        pensioners: 5,
        vacancies: { total: 2, math: 1 },
        has_vacancies: 0,
        need: { total: 1, math: 1 },
      })
      expect(violationsAt(manifest, broken, 'S1')).toEqual([
        'staffing.age_groups_le_total', // 6 + 5 > 10
        'staffing.vacancies_by_subject_sum', // 1 ≠ 2
        'staffing.has_vacancies_matches', // marked "no" with 2 vacancies
      ])
    })
  })

  it('refuses a formula with an unknown code, naming plugin, indicator, field and position', () => {
    const broken = structuredClone(manifest)
    broken.indicators[3]!.denominator = 'orgCount(#{staffing.has_vacancy})'
    expect(manifestErrorOf(broken).message).toBe(
      'plugin "staffing": indicators[3] "staffing.orgs_with_vacancies_share".denominator: unknown data element "staffing.has_vacancy" (at position 10)',
    )
  })

  it('refuses a negative target of a count', () => {
    const broken = structuredClone(manifest)
    broken.indicators[2]!.targets = [{ value: -1 }]
    expect(manifestErrorOf(broken).issues).toEqual([
      {
        path: 'indicators[2] "staffing.vacancies_count".targets[0].value',
        message: 'target -1 of a count is negative',
      },
    ])
  })
})
