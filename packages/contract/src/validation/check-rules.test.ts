import { describe, expect, it } from 'vitest'
import { lookupFromValues, type RawValue } from '../rollup/lookup.ts'
import { validationRuleSchema } from '../schema/rules.ts'
import { checkValidationRules } from './check-rules.ts'

const rule = (input: Record<string, unknown>) => validationRuleSchema.parse({ message: { ru: 'Ошибка' }, ...input })
const elements = [
  { code: 'd.total', aggregation: 'sum' as const },
  { code: 'd.diagnosed', aggregation: 'sum' as const },
]
const context = {
  elementDimension: (code: string) => (code.startsWith('d.') ? 'subject' : undefined),
  optionsOf: () => ['math', 'physics'],
}
const at = (values: [string, string | null, number][]) =>
  lookupFromValues(
    elements,
    values.map(([element, option, value]): RawValue => ({ orgUnit: 'S', element, option, value })),
  )

describe('checkValidationRules', () => {
  const le = rule({ code: 'd.le', left: '#{d.diagnosed}', operator: '<=', right: '#{d.total}', perOption: true })
  const sum = rule({ code: 'd.sum', left: '#{d.total}[*]', operator: '==', right: '#{d.total}' })

  it('passes consistent values', () => {
    const lookup = at([
      ['d.total', null, 10],
      ['d.total', 'math', 4],
      ['d.total', 'physics', 6],
      ['d.diagnosed', null, 3],
      ['d.diagnosed', 'math', 3],
    ])
    expect(checkValidationRules([le, sum], lookup, context)).toEqual([])
  })

  it('names the rule and the option that break, with both sides', () => {
    const lookup = at([
      ['d.total', null, 10],
      ['d.total', 'math', 4],
      ['d.total', 'physics', 5],
      ['d.diagnosed', null, 3],
      ['d.diagnosed', 'math', 7],
    ])
    expect(
      checkValidationRules([le, sum], lookup, context).map((v) => [v.rule.code, v.option, v.left, v.right]),
    ).toEqual([
      ['d.le', 'math', 7, 4],
      ['d.sum', null, 9, 10],
    ])
  })

  it('skips a rule when a side has no data', () => {
    expect(checkValidationRules([le], at([['d.diagnosed', null, 3]]), context)).toEqual([])
  })
})
