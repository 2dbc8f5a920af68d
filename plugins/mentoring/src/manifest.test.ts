import { describe, expect, it } from 'vitest'
import { validateManifest, type RawValue } from '@profmon/contract'
import {
  enteredValues,
  evaluateAt,
  FIXTURE_UNITS,
  levelCoverage,
  manifestErrorOf,
  violationsAt,
  type EnteredEntries,
  type FixtureUnit,
} from '@profmon/contract/testing'
import manifest from './manifest.ts'

// The kit's fixture tree: region R; municipality M1 with schools S1 and S2, municipality M2 with school S3.
const entered = (unit: FixtureUnit, entries: EnteredEntries) => enteredValues('mentoring', unit, entries)

const VALUES: RawValue[] = [
  ...entered('S1', {
    'core.teachers_total': 40,
    'core.teachers_under_35': 8,
    young_covered: 6,
    has_programme: 1,
    individual_programmes: 3,
    mentoring_participants: 12,
    methodist_supported: 4,
    young_contest_participants: 1,
  }),
  // S2 did not report its young teachers: no young_teachers / young_covered at all.
  ...entered('S2', {
    'core.teachers_total': 60,
    has_programme: 0,
    individual_programmes: 0,
    mentoring_participants: 6,
    methodist_supported: 2,
    young_contest_participants: 0,
  }),
  ...entered('S3', {
    'core.teachers_total': 50,
    'core.teachers_under_35': 10,
    young_covered: 4,
    has_programme: 0,
    individual_programmes: 0,
    mentoring_participants: 4,
    methodist_supported: 10,
    young_contest_participants: 2,
  }),
  ...entered('M1', { support_projects: 2 }),
  ...entered('M2', { support_projects: 1 }),
]

const evaluate = (code: string, unit: FixtureUnit) => evaluateAt(manifest, VALUES, code, unit)

// Hand-computed values, each indicator at each of its levels. Shares roll up as Σnum / Σden.
const EXPECTED: [code: string, unit: FixtureUnit, value: number | null][] = [
  // support projects, entered by municipalities
  ['mentoring.support_projects_count', 'M1', 2],
  ['mentoring.support_projects_count', 'M2', 1],
  ['mentoring.support_projects_count', 'R', 3], // 2+1
  // young teachers reached / young teachers; S2 did not report
  ['mentoring.young_covered_share', 'S1', 75], // 6/8
  ['mentoring.young_covered_share', 'S2', null], // nothing reported → no data, not 0 %
  ['mentoring.young_covered_share', 'S3', 40], // 4/10
  ['mentoring.young_covered_share', 'M1', 75], // 6/8: S2 skipped
  ['mentoring.young_covered_share', 'M2', 40], // 4/10
  ['mentoring.young_covered_share', 'R', 55.5556], // (6+4)/(8+10) = 10/18
  // mentoring programme: a subtree has one when at least one organisation has
  ['mentoring.programmes_presence', 'S1', 1],
  ['mentoring.programmes_presence', 'S2', 0],
  ['mentoring.programmes_presence', 'S3', 0],
  ['mentoring.programmes_presence', 'M1', 1], // S1 yes, S2 no → 1 organisation has one
  ['mentoring.programmes_presence', 'M2', 0],
  ['mentoring.programmes_presence', 'R', 1],
  // individual mentoring programmes
  ['mentoring.individual_programmes_count', 'S1', 3],
  ['mentoring.individual_programmes_count', 'S2', 0],
  ['mentoring.individual_programmes_count', 'S3', 0],
  ['mentoring.individual_programmes_count', 'M1', 3], // 3+0
  ['mentoring.individual_programmes_count', 'M2', 0],
  ['mentoring.individual_programmes_count', 'R', 3],
  // mentoring participants / teachers
  ['mentoring.participants_share', 'S1', 30], // 12/40
  ['mentoring.participants_share', 'S2', 10], // 6/60
  ['mentoring.participants_share', 'S3', 8], // 4/50
  ['mentoring.participants_share', 'M1', 18], // (12+6)/(40+60)
  ['mentoring.participants_share', 'M2', 8], // 4/50
  ['mentoring.participants_share', 'R', 14.6667], // (12+6+4)/(40+60+50) = 22/150
  // supported by teacher-methodologists / teachers
  ['mentoring.methodist_supported_share', 'S1', 10], // 4/40
  ['mentoring.methodist_supported_share', 'S2', 3.3333], // 2/60
  ['mentoring.methodist_supported_share', 'S3', 20], // 10/50
  ['mentoring.methodist_supported_share', 'M1', 6], // (4+2)/100
  ['mentoring.methodist_supported_share', 'M2', 20], // 10/50
  ['mentoring.methodist_supported_share', 'R', 10.6667], // (4+2+10)/150 = 16/150
  // young specialists in the projects contest
  ['mentoring.young_contest_count', 'S1', 1],
  ['mentoring.young_contest_count', 'S2', 0],
  ['mentoring.young_contest_count', 'S3', 2],
  ['mentoring.young_contest_count', 'M1', 1], // 1+0
  ['mentoring.young_contest_count', 'M2', 2],
  ['mentoring.young_contest_count', 'R', 3],
]

describe('mentoring manifest', () => {
  it('passes the contract', () => {
    expect(validateManifest(manifest).ok).toBe(true)
  })

  it('has every indicator of the catalog for the direction', () => {
    expect(manifest.indicators.map((i) => i.code)).toEqual([
      'mentoring.support_projects_count',
      'mentoring.young_covered_share',
      'mentoring.programmes_presence',
      'mentoring.individual_programmes_count',
      'mentoring.participants_share',
      'mentoring.methodist_supported_share',
      'mentoring.young_contest_count',
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

    it('skips a school that did not report instead of counting it as zero', () => {
      expect(evaluate('mentoring.young_covered_share', 'S2').value).toBeNull()
      expect(evaluate('mentoring.young_covered_share', 'M1')).toMatchObject({ numerator: 6, denominator: 8 })
    })

    it('scores the participation share by bands: ≥ 30 → 2, 10…30 → 1, < 10 → 0', () => {
      expect(evaluate('mentoring.participants_share', 'S1').score).toBe(2) // 30 %, bound included
      expect(evaluate('mentoring.participants_share', 'S2').score).toBe(1) // 10 %
      expect(evaluate('mentoring.participants_share', 'S3').score).toBe(0) // 8 %
    })

    it('keeps the fixture within the validation rules and catches a broken school', () => {
      for (const unit of FIXTURE_UNITS) expect(violationsAt(manifest, VALUES, unit)).toEqual([])
      const broken = entered('S1', {
        'core.teachers_total': 10,
        'core.teachers_under_35': 12,
        young_covered: 13,
        has_programme: 0,
        individual_programmes: 2,
      })
      expect(violationsAt(manifest, broken, 'S1')).toEqual([
        'mentoring.young_le_teachers',
        'mentoring.covered_le_young',
        'mentoring.individual_needs_programme',
      ])
    })
  })

  it('refuses a formula with an unknown code, naming plugin, indicator, field and position', () => {
    const broken = structuredClone(manifest)
    broken.indicators[1]!.numerator = '#{mentoring.young_coverd}'
    expect(manifestErrorOf(broken).message).toBe(
      'plugin "mentoring": indicators[1] "mentoring.young_covered_share".numerator: unknown data element "mentoring.young_coverd" (at position 1)',
    )
  })

  it('refuses a presence indicator with a breakdown', () => {
    const broken = structuredClone(manifest)
    broken.indicators[2]!.dimension = 'staff_cluster'
    expect(manifestErrorOf(broken).issues).toEqual([
      {
        path: 'indicators[2] "mentoring.programmes_presence".dimension',
        message: 'a presence indicator has no breakdown',
      },
    ])
  })
})
