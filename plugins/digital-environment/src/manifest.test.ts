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
const entered = (unit: FixtureUnit, entries: EnteredEntries) => enteredValues('digital_environment', unit, entries)

const VALUES: RawValue[] = [
  ...entered('S1', { 'core.teachers_total': 40, dpp_trained: 20, dpp_distance: 5, regional_env_users: 6 }),
  // S2 did not report its professional development data: no dpp_trained / dpp_distance.
  ...entered('S2', { 'core.teachers_total': 60, regional_env_users: 9 }),
  ...entered('S3', { 'core.teachers_total': 50, dpp_trained: 10, dpp_distance: 7, regional_env_users: 15 }),
  ...entered('R', { dpo_programs: 40, dpo_programs_elearning: 14 }),
]

const evaluate = (code: string, unit: FixtureUnit) => evaluateAt(manifest, VALUES, code, unit)
const status = (code: string, unit: FixtureUnit, period: string) =>
  statusFor(manifest, code, evaluate(code, unit).value, period)

// Hand-computed values, each indicator at each of its levels. Shares roll up as Σnum / Σden.
const EXPECTED: [code: string, unit: FixtureUnit, value: number | null][] = [
  // distance-trained / trained in any form; S2 did not report
  ['digital_environment.distance_share', 'S1', 25], // 5/20
  ['digital_environment.distance_share', 'S2', null], // nothing reported → no data, not 0 %
  ['digital_environment.distance_share', 'S3', 70], // 7/10
  ['digital_environment.distance_share', 'M1', 25], // 5/20: S2 skipped
  ['digital_environment.distance_share', 'M2', 70], // 7/10
  ['digital_environment.distance_share', 'R', 40], // (5+7)/(20+10) = 12/30
  // programmes with e-learning / programmes developed in the region, entered by the region
  ['digital_environment.elearning_programs_share', 'R', 35], // 14/40
  // users of the regional environments / teachers
  ['digital_environment.regional_env_share', 'S1', 15], // 6/40
  ['digital_environment.regional_env_share', 'S2', 15], // 9/60
  ['digital_environment.regional_env_share', 'S3', 30], // 15/50
  ['digital_environment.regional_env_share', 'M1', 15], // (6+9)/(40+60) = 15/100
  ['digital_environment.regional_env_share', 'M2', 30], // 15/50
  ['digital_environment.regional_env_share', 'R', 20], // (6+9+15)/(40+60+50) = 30/150
]

describe('digital-environment manifest', () => {
  it('passes the contract', () => {
    expect(validateManifest(manifest).ok).toBe(true)
  })

  it('has every indicator of the catalog for the direction', () => {
    expect(manifest.indicators.map((i) => i.code)).toEqual([
      'digital_environment.distance_share',
      'digital_environment.elearning_programs_share',
      'digital_environment.regional_env_share',
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
      expect(evaluate('digital_environment.distance_share', 'S2').value).toBeNull()
      // M1 is S1 alone: 5/20
      expect(evaluate('digital_environment.distance_share', 'M1')).toMatchObject({ numerator: 5, denominator: 20 })
    })

    it('scores the distance share by bands: ≥ 50 → 2, 20…50 → 1, < 20 → 0', () => {
      expect(evaluate('digital_environment.distance_share', 'S3').score).toBe(2) // 70 %
      expect(evaluate('digital_environment.distance_share', 'R').score).toBe(1) // 40 %
      expect(evaluate('digital_environment.distance_share', 'S2').score).toBeNull() // no data
    })

    it('compares the regional environment share with seed 003 targets (10 %, next year 20 %)', () => {
      expect(status('digital_environment.regional_env_share', 'M1', '2024-25')).toBe('met') // 15 ≥ 10
      expect(status('digital_environment.regional_env_share', 'M1', '2025-26')).toBe('not_met') // 20 − 15 = 5 > 3
      expect(status('digital_environment.regional_env_share', 'R', '2025-26')).toBe('met') // 20 ≥ 20
      expect(status('digital_environment.regional_env_share', 'S2', '2025-26')).toBe('not_met') // 15
    })

    it('keeps the fixture within the validation rules and catches a broken school', () => {
      for (const unit of FIXTURE_UNITS) expect(violationsAt(manifest, VALUES, unit)).toEqual([])
      const broken = entered('S1', {
        'core.teachers_total': 10,
        dpp_trained: 12,
        dpp_distance: 13,
        regional_env_users: 4,
      })
      expect(violationsAt(manifest, broken, 'S1')).toEqual([
        'digital_environment.trained_le_total',
        'digital_environment.distance_le_trained',
      ])
    })
  })

  it('refuses a formula with an unknown code, naming plugin, indicator, field and position', () => {
    const broken = structuredClone(manifest)
    broken.indicators[0]!.denominator = '#{digital_environment.dpp_traned}'
    expect(manifestErrorOf(broken).message).toBe(
      'plugin "digital-environment": indicators[0] "digital_environment.distance_share".denominator: unknown data element "digital_environment.dpp_traned" (at position 1)',
    )
  })

  it('refuses a target outside the bounds of a share', () => {
    const broken = structuredClone(manifest)
    broken.indicators[2]!.targets[1]!.value = 120
    expect(manifestErrorOf(broken).issues).toEqual([
      {
        path: 'indicators[2] "digital_environment.regional_env_share".targets[1].value',
        message: 'target 120 is outside 0…100 % of a share',
      },
    ])
  })
})
