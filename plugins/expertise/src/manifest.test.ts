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
const entered = (unit: FixtureUnit, entries: EnteredEntries) => enteredValues('expertise', unit, entries)

const VALUES: RawValue[] = [
  ...entered('S1', {
    'core.teachers_total': 40,
    experts_engaged: { total: 8, state_exam: 5, pd_courses: 2, contests: 3 },
    gia_experts: { total: 3, math: 2, russian: 1 },
    contest_participants: 4,
    contest_winners: 1,
  }),
  // S2 did not report contests: no contest_participants / contest_winners at all.
  ...entered('S2', {
    'core.teachers_total': 60,
    experts_engaged: { total: 4, state_exam: 2, contests: 2 },
    gia_experts: { total: 1, math: 1 },
  }),
  ...entered('S3', {
    'core.teachers_total': 50,
    experts_engaged: { total: 10, state_exam: 4, pd_courses: 4, contests: 1, other: 2 },
    gia_experts: { total: 2, russian: 1, physics: 1 },
    contest_participants: 2,
    contest_winners: 0,
  }),
  ...entered('R', { gia_documents: 1 }),
]

/** An indicator over a subtree; with `option`, its breakdown row for that option. */
const evaluate = (code: string, unit: FixtureUnit, option?: string) => evaluateAt(manifest, VALUES, code, unit, option)

// Hand-computed values, each indicator at each of its levels. Shares roll up as Σnum / Σden.
const EXPECTED: [code: string, unit: FixtureUnit, value: number | null][] = [
  // GIA experts (totals)
  ['expertise.gia_experts_count', 'S1', 3],
  ['expertise.gia_experts_count', 'S2', 1],
  ['expertise.gia_experts_count', 'S3', 2],
  ['expertise.gia_experts_count', 'M1', 4], // 3+1
  ['expertise.gia_experts_count', 'M2', 2],
  ['expertise.gia_experts_count', 'R', 6], // 3+1+2
  // documents, entered by the region
  ['expertise.gia_experts_documents', 'R', 1],
  // teachers in expert work / teachers
  ['expertise.engaged_share', 'S1', 20], // 8/40
  ['expertise.engaged_share', 'S2', 6.6667], // 4/60
  ['expertise.engaged_share', 'S3', 20], // 10/50
  ['expertise.engaged_share', 'M1', 12], // (8+4)/(40+60)
  ['expertise.engaged_share', 'M2', 20], // 10/50
  ['expertise.engaged_share', 'R', 14.6667], // (8+4+10)/(40+60+50) = 22/150
  // contest participants; S2 did not report
  ['expertise.contest_participants_count', 'S1', 4],
  ['expertise.contest_participants_count', 'S2', null], // nothing reported → no data, not 0
  ['expertise.contest_participants_count', 'S3', 2],
  ['expertise.contest_participants_count', 'M1', 4], // S1 alone: S2 skipped
  ['expertise.contest_participants_count', 'M2', 2],
  ['expertise.contest_participants_count', 'R', 6], // 4+2
  // contest winners
  ['expertise.contest_winners_count', 'S1', 1],
  ['expertise.contest_winners_count', 'S2', null],
  ['expertise.contest_winners_count', 'S3', 0], // reported zero, not missing
  ['expertise.contest_winners_count', 'M1', 1],
  ['expertise.contest_winners_count', 'M2', 0],
  ['expertise.contest_winners_count', 'R', 1],
]

// Breakdown rows: an element with the indicator's dimension follows the row's option; teachers_total
// (no dimension) stays the common denominator.
const BREAKDOWN: [code: string, unit: FixtureUnit, option: string, value: number | null][] = [
  ['expertise.gia_experts_count', 'S1', 'math', 2],
  ['expertise.gia_experts_count', 'S2', 'math', 1],
  ['expertise.gia_experts_count', 'S3', 'math', null], // S3 has no maths experts entered
  ['expertise.gia_experts_count', 'M1', 'math', 3], // 2+1
  ['expertise.gia_experts_count', 'M2', 'math', null],
  ['expertise.gia_experts_count', 'R', 'math', 3],
  ['expertise.gia_experts_count', 'R', 'russian', 2], // 1 (S1) + 1 (S3)
  ['expertise.engaged_share', 'S1', 'state_exam', 12.5], // 5/40
  ['expertise.engaged_share', 'M1', 'state_exam', 7], // (5+2)/(40+60)
  ['expertise.engaged_share', 'R', 'state_exam', 7.3333], // (5+2+4)/150 = 11/150
  ['expertise.engaged_share', 'R', 'contests', 4], // (3+2+1)/150 = 6/150
  ['expertise.engaged_share', 'S1', 'other', null], // not entered
  ['expertise.engaged_share', 'R', 'other', 1.3333], // 2/150 (S3 only)
]

describe('expertise manifest', () => {
  it('passes the contract', () => {
    expect(validateManifest(manifest).ok).toBe(true)
  })

  it('has every indicator of the catalog for the direction', () => {
    expect(manifest.indicators.map((i) => i.code)).toEqual([
      'expertise.gia_experts_count',
      'expertise.gia_experts_documents',
      'expertise.engaged_share',
      'expertise.contest_participants_count',
      'expertise.contest_winners_count',
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

    it('uses the common denominator in a breakdown row', () => {
      expect(evaluate('expertise.engaged_share', 'R', 'state_exam')).toMatchObject({ numerator: 11, denominator: 150 })
    })

    it('skips a school that did not report instead of counting it as zero', () => {
      expect(evaluate('expertise.contest_participants_count', 'S2').value).toBeNull()
      expect(evaluate('expertise.contest_winners_count', 'S3').value).toBe(0)
      expect(evaluate('expertise.contest_participants_count', 'M1').value).toBe(4)
    })

    it('keeps the fixture within the validation rules and catches a broken school', () => {
      for (const unit of FIXTURE_UNITS) expect(violationsAt(manifest, VALUES, unit)).toEqual([])
      const broken = entered('S1', {
        'core.teachers_total': 4,
        experts_engaged: { total: 5, state_exam: 6 },
        gia_experts: { total: 2, math: 1 },
      })
      expect(violationsAt(manifest, broken, 'S1')).toEqual([
        'expertise.engaged_le_teachers', // 5 > 4
        'expertise.engaged_le_teachers[state_exam]', // 6 > 4
        'expertise.engaged_type_le_total', // 6 > 5
        'expertise.gia_by_subject_sum', // 1 ≠ 2
      ])
    })
  })

  it('refuses an option that is not in the element’s dimension, naming plugin, indicator and field', () => {
    const broken = structuredClone(manifest)
    broken.indicators[0]!.formula = '#{expertise.gia_experts}[maths]'
    expect(manifestErrorOf(broken).message).toBe(
      'plugin "expertise": indicators[0] "expertise.gia_experts_count".formula: "maths" is not an option of "expertise.gia_experts" (at position 1)',
    )
  })

  it('refuses an unknown breakdown dimension', () => {
    const broken = structuredClone(manifest)
    broken.indicators[2]!.dimension = 'expert_type'
    expect(manifestErrorOf(broken).issues).toEqual([
      { path: 'indicators[2] "expertise.engaged_share".dimension', message: 'unknown dimension "expert_type"' },
    ])
  })
})
