import { describe, expect, it } from 'vitest'
import type { DataElement, Indicator, ValidationRule } from '@profmon/contract'
import { liveIndicators, liveViolations } from './live-results.ts'

const element = (code: string): DataElement =>
  ({
    code,
    title: { ru: code },
    valueType: 'integer',
    entryLevel: 'organization',
    aggregation: 'sum',
    required: false,
    min: 0,
  }) as DataElement
const elements = [element('d.teachers'), element('d.routes')]
const share = {
  code: 'd.routes_share',
  title: { ru: 'Доля ИОМ' },
  kind: 'share',
  numerator: '#{d.routes}',
  denominator: '#{d.teachers}',
  levels: ['organization'],
} as unknown as Indicator
const rule: ValidationRule = {
  code: 'd.routes_le_teachers',
  left: '#{d.routes}',
  operator: '<=',
  right: '#{d.teachers}',
  perOption: false,
  message: { ru: 'ИОМ не больше, чем педагогов', en: 'No more routes than teachers' },
}
const values = (teachers: number | null, routes: number | null) => [
  { orgUnit: '1', element: 'd.teachers', option: null, value: teachers },
  { orgUnit: '1', element: 'd.routes', option: null, value: routes },
]

const live = (teachers: number | null, routes: number | null) => ({
  results: liveIndicators(elements, [share], values(teachers, routes)),
  violations: liveViolations(elements, [rule], values(teachers, routes), () => [], 'ru'),
})

describe('live results of the entry form', () => {
  it('computes the share as typed: 10 routes of 40 teachers → 25 %', () => {
    const { results, violations } = live(40, 10)
    expect(results[0]?.result.value).toBe(25)
    expect(violations).toEqual([])
  })

  it('names the broken rule in Russian on the cells it compares: 45 routes of 40 teachers', () => {
    const { violations } = live(40, 45)
    expect(violations).toEqual([
      {
        code: 'd.routes_le_teachers',
        message: 'ИОМ не больше, чем педагогов',
        option: null,
        elements: ['d.routes', 'd.teachers'],
      },
    ])
  })

  it('keeps an empty cell "no data", never zero: no share and no broken rule', () => {
    const { results, violations } = live(null, 45)
    expect(results[0]?.result.value).toBeNull()
    expect(violations).toEqual([])
  })
})
