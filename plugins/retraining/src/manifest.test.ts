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
const entered = (unit: FixtureUnit, entries: EnteredEntries) => enteredValues('retraining', unit, entries)

const VALUES: RawValue[] = [
  ...entered('S1', {
    retrained_total: 4,
    retrained_pedagogical: 3,
    retrained_cnppm: 2,
    dpo_surveyed: 20,
    dpo_satisfied: 15,
  }),
  // S2 did not run the satisfaction survey: no dpo_surveyed / dpo_satisfied at all.
  ...entered('S2', { retrained_total: 1, retrained_pedagogical: 0, retrained_cnppm: 0 }),
  ...entered('S3', {
    retrained_total: 5,
    retrained_pedagogical: 5,
    retrained_cnppm: 1,
    dpo_surveyed: 10,
    dpo_satisfied: 6,
  }),
  ...entered('M1', { dpo_providers: 3 }),
  ...entered('M2', { dpo_providers: 2 }),
  ...entered('R', { analysis_done: 1 }),
]

const evaluate = (code: string, unit: FixtureUnit) => evaluateAt(manifest, VALUES, code, unit)

// Hand-computed values, each indicator at each of its levels. Shares roll up as Σnum / Σden.
const EXPECTED: [code: string, unit: FixtureUnit, value: number | null][] = [
  // retrained in pedagogical programmes / all retrained
  ['retraining.pedagogical_share', 'S1', 75], // 3/4
  ['retraining.pedagogical_share', 'S2', 0], // 0/1: reported zero, not missing
  ['retraining.pedagogical_share', 'S3', 100], // 5/5
  ['retraining.pedagogical_share', 'M1', 60], // (3+0)/(4+1)
  ['retraining.pedagogical_share', 'M2', 100], // 5/5
  ['retraining.pedagogical_share', 'R', 80], // (3+0+5)/(4+1+5) = 8/10
  // retrained at CNPPM / all retrained
  ['retraining.cnppm_share', 'S1', 50], // 2/4
  ['retraining.cnppm_share', 'S2', 0], // 0/1
  ['retraining.cnppm_share', 'S3', 20], // 1/5
  ['retraining.cnppm_share', 'M1', 40], // (2+0)/(4+1)
  ['retraining.cnppm_share', 'M2', 20], // 1/5
  ['retraining.cnppm_share', 'R', 30], // 3/10
  // distinct providers, entered by each municipality
  ['retraining.dpo_providers_count', 'M1', 3],
  ['retraining.dpo_providers_count', 'M2', 2],
  // satisfied / surveyed; S2 did not survey
  ['retraining.dpo_satisfaction_share', 'S1', 75], // 15/20
  ['retraining.dpo_satisfaction_share', 'S2', null], // nothing reported → no data, not 0 %
  ['retraining.dpo_satisfaction_share', 'S3', 60], // 6/10
  ['retraining.dpo_satisfaction_share', 'M1', 75], // 15/20: S2 skipped
  ['retraining.dpo_satisfaction_share', 'M2', 60], // 6/10
  ['retraining.dpo_satisfaction_share', 'R', 70], // (15+6)/(20+10) = 21/30
  // regional analysis, entered by the region
  ['retraining.analysis_presence', 'R', 1],
]

describe('retraining manifest', () => {
  it('passes the contract', () => {
    expect(validateManifest(manifest).ok).toBe(true)
  })

  it('has every indicator of the catalog for the direction', () => {
    expect(manifest.indicators.map((i) => i.code)).toEqual([
      'retraining.pedagogical_share',
      'retraining.cnppm_share',
      'retraining.dpo_providers_count',
      'retraining.dpo_satisfaction_share',
      'retraining.analysis_presence',
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
      expect(evaluate('retraining.dpo_satisfaction_share', 'S2')).toEqual({
        numerator: null,
        denominator: null,
        value: null,
        score: null,
      })
      // M1 is S1 alone: 15/20, not 15/(20+0) with S2 read as an empty survey
      expect(evaluate('retraining.dpo_satisfaction_share', 'M1')).toMatchObject({ numerator: 15, denominator: 20 })
    })

    it('scores the pedagogical share by bands: ≥ 70 → 2, 40…70 → 1, < 40 → 0', () => {
      expect(evaluate('retraining.pedagogical_share', 'R').score).toBe(2) // 80 %
      expect(evaluate('retraining.pedagogical_share', 'M1').score).toBe(1) // 60 %
      expect(evaluate('retraining.pedagogical_share', 'S2').score).toBe(0) // 0 %
    })

    it('keeps the fixture within the validation rules and catches a broken school', () => {
      for (const unit of FIXTURE_UNITS) expect(violationsAt(manifest, VALUES, unit)).toEqual([])
      const broken = entered('S1', { retrained_total: 2, retrained_pedagogical: 3, dpo_surveyed: 5, dpo_satisfied: 6 })
      expect(violationsAt(manifest, broken, 'S1')).toEqual([
        'retraining.pedagogical_le_total',
        'retraining.satisfied_le_surveyed',
      ])
    })
  })

  it('refuses a formula with an unknown code, naming plugin, indicator, field and position', () => {
    const broken = structuredClone(manifest)
    broken.indicators[1]!.numerator = '#{retraining.retrained_cnpm}'
    expect(manifestErrorOf(broken).message).toBe(
      'plugin "retraining": indicators[1] "retraining.cnppm_share".numerator: unknown data element "retraining.retrained_cnpm" (at position 1)',
    )
  })

  it('refuses a presence indicator without its evidence documents', () => {
    const broken = structuredClone(manifest)
    broken.indicators[4]!.evidence = []
    expect(manifestErrorOf(broken).issues).toEqual([
      {
        path: 'indicators[4] "retraining.analysis_presence".evidence',
        message: 'a presence indicator lists the evidence documents it requires',
      },
    ])
  })
})
