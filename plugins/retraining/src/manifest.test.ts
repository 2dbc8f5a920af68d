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

const entered = (orgUnit: Unit, entries: Record<string, number>): RawValue[] =>
  Object.entries(entries).map(([code, value]) => ({ orgUnit, element: `retraining.${code}`, option: null, value }))

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

const scope = scopeOf(manifest)
const elementDimension = (code: string) => manifest.dataElements.find((e) => e.code === code)?.dimension

function evaluate(code: string, unit: Unit) {
  const indicator = manifest.indicators.find((i) => i.code === code)
  if (!indicator) throw new Error(`no indicator ${code}`)
  const units: readonly string[] = TREE[unit]
  const lookup = lookupFromValues(
    manifest.dataElements,
    VALUES.filter((v) => units.includes(v.orgUnit)),
  )
  return evaluateIndicator(compileIndicator(indicator, scope), lookup)
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
      for (const unit of Object.keys(TREE) as Unit[])
        expect(violations(VALUES.filter((v) => v.orgUnit === unit))).toEqual([])
      const broken = entered('S1', { retrained_total: 2, retrained_pedagogical: 3, dpo_surveyed: 5, dpo_satisfied: 6 })
      expect(violations(broken)).toEqual(['retraining.pedagogical_le_total', 'retraining.satisfied_le_surveyed'])
    })
  })

  it('refuses a formula with an unknown code, naming plugin, indicator, field and position', () => {
    const broken = structuredClone(manifest)
    broken.indicators[1]!.numerator = '#{retraining.retrained_cnpm}'
    expect(errorOf(broken).message).toBe(
      'plugin "retraining": indicators[1] "retraining.cnppm_share".numerator: unknown data element "retraining.retrained_cnpm" (at position 1)',
    )
  })

  it('refuses a presence indicator without its evidence documents', () => {
    const broken = structuredClone(manifest)
    broken.indicators[4]!.evidence = []
    expect(errorOf(broken).issues).toEqual([
      {
        path: 'indicators[4] "retraining.analysis_presence".evidence',
        message: 'a presence indicator lists the evidence documents it requires',
      },
    ])
  })
})
