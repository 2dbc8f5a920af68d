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
const entered = (unit: FixtureUnit, entries: EnteredEntries) => enteredValues('networking', unit, entries)

const VALUES: RawValue[] = [
  ...entered('S1', { 'core.teachers_total': 40, community_members: 10, dpo_involved: 2, has_agreement: 0 }),
  // S2 did not report at all.
  ...entered('S3', { 'core.teachers_total': 50, community_members: 20, dpo_involved: 1, has_agreement: 1 }),
  ...entered('M1', { project_teams: 3, network_pairs: 5, network_forms: 1, support_programme: 0 }),
  // M2 did not report its network pairs.
  ...entered('M2', { project_teams: 1, network_forms: 0, support_programme: 0 }),
]

const evaluate = (code: string, unit: FixtureUnit) => evaluateAt(manifest, VALUES, code, unit)
const status = (code: string, unit: FixtureUnit, period: string) =>
  statusFor(manifest, code, evaluate(code, unit).value, period)

// Hand-computed values, each indicator at each of its levels. Shares roll up as Σnum / Σden.
const EXPECTED: [code: string, unit: FixtureUnit, value: number | null][] = [
  // teachers in network communities / teachers; S2 did not report
  ['networking.community_share', 'S1', 25], // 10/40
  ['networking.community_share', 'S2', null], // nothing reported → no data, not 0 %
  ['networking.community_share', 'S3', 40], // 20/50
  ['networking.community_share', 'M1', 25], // 10/40: S2 skipped
  ['networking.community_share', 'M2', 40], // 20/50
  ['networking.community_share', 'R', 33.3333], // (10+20)/(40+50) = 30/90
  // project teams + network pairs, entered by municipalities
  ['networking.teams_pairs_count', 'M1', 8], // 3+5
  ['networking.teams_pairs_count', 'M2', 1], // 1 team, pairs not reported: sum() skips them
  ['networking.teams_pairs_count', 'R', 9], // teams 3+1, pairs 5
  // network forms, entered by municipalities
  ['networking.network_forms_presence', 'M1', 1],
  ['networking.network_forms_presence', 'M2', 0],
  ['networking.network_forms_presence', 'R', 1], // any(1, 0)
  // support programme, entered by municipalities
  ['networking.support_programme_presence', 'M1', 0],
  ['networking.support_programme_presence', 'M2', 0],
  ['networking.support_programme_presence', 'R', 0], // any(0, 0)
  // teachers teaching PD programmes / teachers
  ['networking.dpo_involved_share', 'S1', 5], // 2/40
  ['networking.dpo_involved_share', 'S2', null],
  ['networking.dpo_involved_share', 'S3', 2], // 1/50
  ['networking.dpo_involved_share', 'M1', 5], // 2/40
  ['networking.dpo_involved_share', 'M2', 2], // 1/50
  ['networking.dpo_involved_share', 'R', 3.3333], // (2+1)/90
  // network agreements of organisations
  ['networking.agreements_presence', 'S1', 0],
  ['networking.agreements_presence', 'S2', null],
  ['networking.agreements_presence', 'S3', 1],
  ['networking.agreements_presence', 'M1', 0], // S1 said no; S2 silent is not a yes
  ['networking.agreements_presence', 'M2', 1],
  ['networking.agreements_presence', 'R', 1],
]

describe('networking manifest', () => {
  it('passes the contract', () => {
    expect(validateManifest(manifest).ok).toBe(true)
  })

  it('has every indicator of the catalog for the direction', () => {
    expect(manifest.indicators.map((i) => i.code)).toEqual([
      'networking.community_share',
      'networking.teams_pairs_count',
      'networking.network_forms_presence',
      'networking.support_programme_presence',
      'networking.dpo_involved_share',
      'networking.agreements_presence',
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
      expect(evaluate('networking.community_share', 'S2').value).toBeNull()
      expect(evaluate('networking.community_share', 'M1')).toMatchObject({ numerator: 10, denominator: 40 })
    })

    it('scores the community share by bands: ≥ 30 → 2, 10…30 → 1, < 10 → 0', () => {
      expect(evaluate('networking.community_share', 'R').score).toBe(2) // 33.3 %
      expect(evaluate('networking.community_share', 'S1').score).toBe(1) // 25 %
    })

    it('marks a missing presence as not met and an unreported one as no data', () => {
      expect(status('networking.support_programme_presence', 'R', '2025-26')).toBe('not_met')
      expect(status('networking.network_forms_presence', 'R', '2025-26')).toBe('met')
      expect(status('networking.agreements_presence', 'S2', '2025-26')).toBe('no_data')
    })

    it('keeps the fixture within the validation rules and catches a broken school', () => {
      for (const unit of FIXTURE_UNITS) expect(violationsAt(manifest, VALUES, unit)).toEqual([])
      const broken = entered('S1', { 'core.teachers_total': 10, community_members: 11, dpo_involved: 10 })
      expect(violationsAt(manifest, broken, 'S1')).toEqual(['networking.community_members_le_total'])
    })
  })

  it('refuses a formula with an unknown code, naming plugin, indicator, field and position', () => {
    const broken = structuredClone(manifest)
    broken.indicators[1]!.formula = 'sum(#{networking.project_teams}, #{networking.network_pair})'
    expect(manifestErrorOf(broken).message).toBe(
      'plugin "networking": indicators[1] "networking.teams_pairs_count".formula: unknown data element "networking.network_pair" (at position 34)',
    )
  })

  it('refuses a presence target other than yes or no', () => {
    const broken = structuredClone(manifest)
    broken.indicators[2]!.targets[0]!.value = 2
    expect(manifestErrorOf(broken).issues).toEqual([
      {
        path: 'indicators[2] "networking.network_forms_presence".targets[0].value',
        message: 'a presence target is 1 (yes) or 0 (no)',
      },
    ])
  })
})
