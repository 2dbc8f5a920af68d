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
const entered = (unit: FixtureUnit, entries: EnteredEntries) => enteredValues('methodical_asset', unit, entries)

const VALUES: RawValue[] = [
  ...entered('S1', { 'core.teachers_total': 40, asset_members: 6, cnppm_engaged: 1, program_authors: 2, tutors: 1 }),
  ...entered('S2', { 'core.teachers_total': 60, asset_members: 8, cnppm_engaged: 0, program_authors: 1, tutors: 0 }),
  // S3 did not report at all; its municipality M2 did report its methodical associations.
  ...entered('M1', { associations_active: 0 }),
  ...entered('M2', { associations_active: 1 }),
]

const evaluate = (code: string, unit: FixtureUnit) => evaluateAt(manifest, VALUES, code, unit)
const status = (code: string, unit: FixtureUnit, period: string) =>
  statusFor(manifest, code, evaluate(code, unit).value, period)

// Hand-computed values, each indicator at each of its levels. Shares roll up as Σnum / Σden.
const EXPECTED: [code: string, unit: FixtureUnit, value: number | null][] = [
  // methodical asset / teachers
  ['methodical_asset.asset_share', 'S1', 15], // 6/40
  ['methodical_asset.asset_share', 'S2', 13.3333], // 8/60
  ['methodical_asset.asset_share', 'S3', null], // did not report → no data, not 0 %
  ['methodical_asset.asset_share', 'M1', 14], // (6+8)/(40+60)
  ['methodical_asset.asset_share', 'M2', null], // its only school did not report
  ['methodical_asset.asset_share', 'R', 14], // 14/100: S3 skipped, not read as 0/0
  // teachers working with CNPPM / teachers
  ['methodical_asset.cnppm_engaged_share', 'S1', 2.5], // 1/40
  ['methodical_asset.cnppm_engaged_share', 'S2', 0], // 0/60: reported zero
  ['methodical_asset.cnppm_engaged_share', 'S3', null],
  ['methodical_asset.cnppm_engaged_share', 'M1', 1], // (1+0)/100
  ['methodical_asset.cnppm_engaged_share', 'M2', null],
  ['methodical_asset.cnppm_engaged_share', 'R', 1],
  // PD programme authors / teachers
  ['methodical_asset.program_authors_share', 'S1', 5], // 2/40
  ['methodical_asset.program_authors_share', 'S2', 1.6667], // 1/60
  ['methodical_asset.program_authors_share', 'S3', null],
  ['methodical_asset.program_authors_share', 'M1', 3], // (2+1)/100
  ['methodical_asset.program_authors_share', 'M2', null],
  ['methodical_asset.program_authors_share', 'R', 3],
  // associations, entered by municipalities; the region has them if any municipality has
  ['methodical_asset.associations_presence', 'M1', 0],
  ['methodical_asset.associations_presence', 'M2', 1],
  ['methodical_asset.associations_presence', 'R', 1], // any(0, 1)
  // tutors × 100 / teachers
  ['methodical_asset.tutors_per_100', 'S1', 2.5], // 1 × 100 / 40
  ['methodical_asset.tutors_per_100', 'S2', 0], // 0 × 100 / 60
  ['methodical_asset.tutors_per_100', 'S3', null],
  ['methodical_asset.tutors_per_100', 'M1', 1], // (1+0) × 100 / (40+60)
  ['methodical_asset.tutors_per_100', 'M2', null],
  ['methodical_asset.tutors_per_100', 'R', 1],
]

describe('methodical-asset manifest', () => {
  it('passes the contract', () => {
    expect(validateManifest(manifest).ok).toBe(true)
  })

  it('has every indicator of the catalog for the direction', () => {
    expect(manifest.indicators.map((i) => i.code)).toEqual([
      'methodical_asset.asset_share',
      'methodical_asset.cnppm_engaged_share',
      'methodical_asset.program_authors_share',
      'methodical_asset.associations_presence',
      'methodical_asset.tutors_per_100',
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
      expect(evaluate('methodical_asset.asset_share', 'M2')).toEqual({
        numerator: null,
        denominator: null,
        value: null,
        score: null,
      })
      expect(evaluate('methodical_asset.asset_share', 'R')).toMatchObject({ numerator: 14, denominator: 100 })
    })

    it('scores the asset share by bands: ≥ 15 → 2, 5…15 → 1, < 5 → 0', () => {
      expect(evaluate('methodical_asset.asset_share', 'S1').score).toBe(2) // 15 %
      expect(evaluate('methodical_asset.asset_share', 'M1').score).toBe(1) // 14 %
    })

    it('compares tutors per 100 teachers with seed 003 target 1', () => {
      expect(status('methodical_asset.tutors_per_100', 'S1', '2025-26')).toBe('met') // 2.5
      expect(status('methodical_asset.tutors_per_100', 'M1', '2024-25')).toBe('met') // exactly 1
      expect(status('methodical_asset.tutors_per_100', 'S2', '2025-26')).toBe('not_met') // 0
      expect(status('methodical_asset.tutors_per_100', 'M2', '2025-26')).toBe('no_data')
    })

    it('keeps the fixture within the validation rules and catches a broken school', () => {
      for (const unit of FIXTURE_UNITS) expect(violationsAt(manifest, VALUES, unit)).toEqual([])
      const broken = entered('S1', { 'core.teachers_total': 5, asset_members: 6, tutors: 5 })
      expect(violationsAt(manifest, broken, 'S1')).toEqual(['methodical_asset.asset_members_le_total'])
    })
  })

  it('refuses a formula with an unknown code, naming plugin, indicator, field and position', () => {
    const broken = structuredClone(manifest)
    broken.indicators[4]!.formula = '#{methodical_asset.tutors} * 100 / #{methodical_asset.teacher_total}'
    expect(manifestErrorOf(broken).message).toBe(
      'plugin "methodical-asset": indicators[4] "methodical_asset.tutors_per_100".formula: unknown data element "methodical_asset.teacher_total" (at position 36)',
    )
  })

  it('refuses a recommendation for an unknown indicator', () => {
    const broken = structuredClone(manifest)
    broken.recommendations[0]!.indicator = 'methodical_asset.asset_shar'
    expect(manifestErrorOf(broken).issues).toEqual([
      {
        path: 'recommendations[0] "methodical_asset.asset_low".indicator',
        message: 'unknown indicator "methodical_asset.asset_shar"',
      },
    ])
  })
})
