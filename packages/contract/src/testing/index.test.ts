import { describe, expect, it } from 'vitest'
import { CONTRACT_MAJOR } from '../version.ts'
import { definePlugin } from '../define-plugin.ts'
import {
  enteredValues,
  evaluateAt,
  FIXTURE_LEVELS,
  FIXTURE_TREE,
  levelCoverage,
  manifestErrorOf,
  statusFor,
  violationsAt,
} from './index.ts'

const manifest = definePlugin({
  id: 'kit-demo',
  version: '1.0.0',
  contract: CONTRACT_MAJOR,
  title: { ru: 'Проверка' },
  dataElements: [
    { code: 'kit_demo.teachers', title: { ru: 'Педагоги' }, valueType: 'integer', min: 0 },
    { code: 'kit_demo.vacancies', title: { ru: 'Вакансии' }, valueType: 'integer', min: 0, dimension: 'subject' },
  ],
  indicators: [
    {
      code: 'kit_demo.vacancy_share',
      title: { ru: 'Вакансии на 100 педагогов' },
      kind: 'share',
      numerator: '#{kit_demo.vacancies}',
      denominator: '#{kit_demo.teachers}',
      dimension: 'subject',
      targets: [{ value: 5, tolerance: 2 }],
      polarity: 'lower',
    },
  ],
  validationRules: [
    {
      code: 'kit_demo.vacancies_le_teachers',
      left: '#{kit_demo.vacancies}',
      operator: '<=',
      right: '#{kit_demo.teachers}',
      perOption: true,
      message: { ru: 'Вакансий больше, чем педагогов' },
    },
  ],
})

const VALUES = [
  ...enteredValues('kit_demo', 'S1', { teachers: 40, vacancies: { total: 2, math: 2 } }),
  ...enteredValues('kit_demo.', 'S2', { teachers: 60 }), // no vacancies reported
  ...enteredValues('kit_demo', 'S3', { teachers: 50, vacancies: { total: 4, math: 1, physics: 3 } }),
]

describe('plugin testing kit', () => {
  it('has a region, two municipalities and three schools', () => {
    expect(FIXTURE_TREE.R).toHaveLength(6)
    expect(FIXTURE_TREE.M1).toEqual(['M1', 'S1', 'S2'])
    expect(Object.values(FIXTURE_LEVELS).filter((l) => l === 'organization')).toHaveLength(3)
  })

  it('enters totals and options, with or without the dot of the prefix', () => {
    expect(enteredValues('kit_demo', 'S1', { teachers: 40, vacancies: { total: 2, math: 2 } })).toEqual([
      { orgUnit: 'S1', element: 'kit_demo.teachers', option: null, value: 40 },
      { orgUnit: 'S1', element: 'kit_demo.vacancies', option: null, value: 2 },
      { orgUnit: 'S1', element: 'kit_demo.vacancies', option: 'math', value: 2 },
    ])
    expect(enteredValues('kit_demo.', 'M2', { teachers: 1 })[0]!.element).toBe('kit_demo.teachers')
  })

  it('evaluates over the unit’s subtree, Σnumerators / Σdenominators', () => {
    expect(evaluateAt(manifest, VALUES, 'kit_demo.vacancy_share', 'S1').value).toBe(5) // 2/40
    expect(evaluateAt(manifest, VALUES, 'kit_demo.vacancy_share', 'M1')).toMatchObject({
      numerator: 2, // S2 did not report vacancies: skipped, not 0
      denominator: 100,
      value: 2,
    })
    expect(evaluateAt(manifest, VALUES, 'kit_demo.vacancy_share', 'R').value).toEqual(expect.closeTo(4, 6)) // 6/150
    expect(evaluateAt(manifest, VALUES, 'kit_demo.vacancy_share', 'S2').value).toBeNull() // 60 teachers, no vacancies
  })

  it('evaluates a breakdown row over the common denominator', () => {
    expect(evaluateAt(manifest, VALUES, 'kit_demo.vacancy_share', 'R', 'math').value).toEqual(expect.closeTo(2, 6)) // 3/150
    expect(evaluateAt(manifest, VALUES, 'kit_demo.vacancy_share', 'S1', 'physics').value).toBeNull()
  })

  it('refuses an unknown indicator', () => {
    expect(() => evaluateAt(manifest, VALUES, 'kit_demo.nope', 'R')).toThrow('no indicator "kit_demo.nope"')
  })

  it('checks one unit’s own values against the rules, per option too', () => {
    for (const unit of ['R', 'M1', 'M2', 'S1', 'S2', 'S3'] as const)
      expect(violationsAt(manifest, VALUES, unit)).toEqual([])
    const broken = enteredValues('kit_demo', 'S1', { teachers: 3, vacancies: { total: 2, math: 4 } })
    expect(violationsAt(manifest, broken, 'S1')).toEqual(['kit_demo.vacancies_le_teachers[math]'])
    // another unit's values are not this unit's
    expect(violationsAt(manifest, broken, 'S2')).toEqual([])
  })

  it('gives the status against the target in force', () => {
    expect(statusFor(manifest, 'kit_demo.vacancy_share', 5, '2025-26')).toBe('met')
    expect(statusFor(manifest, 'kit_demo.vacancy_share', 6.5, '2025-26')).toBe('partly_met')
    expect(statusFor(manifest, 'kit_demo.vacancy_share', null, '2025-26')).toBe('no_data')
  })

  it('lists the indicator@level pairs a table checks and the ones the manifest shows', () => {
    expect(levelCoverage(manifest, [['kit_demo.vacancy_share', 'S1', 5]])).toEqual({
      checked: ['kit_demo.vacancy_share@organization'],
      shown: [
        'kit_demo.vacancy_share@municipality',
        'kit_demo.vacancy_share@organization',
        'kit_demo.vacancy_share@region',
      ],
    })
  })

  it('returns the error of a manifest that fails, and throws for one that passes', () => {
    expect(manifestErrorOf({ ...manifest, contract: CONTRACT_MAJOR + 1 }).message).toContain(
      `written for contract ${CONTRACT_MAJOR + 1}`,
    )
    expect(() => manifestErrorOf(manifest)).toThrow('manifest "kit-demo" passed the contract')
  })
})
