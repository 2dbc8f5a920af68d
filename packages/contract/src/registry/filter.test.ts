import { describe, expect, it } from 'vitest'
import { FormulaError } from '../formula/formula-error.ts'
import { parseFormula } from '../formula/parse.ts'
import { CORE_DATA_ELEMENTS } from '../schema/core-elements.ts'
import { derivedIssues } from '../define-plugin.ts'
import { STAFF_CLUSTER_RULES } from './fields.ts'
import { compileFilter, type FilterScope } from './filter.ts'

function errorOf(text: string, scope: FilterScope = {}): FormulaError {
  try {
    compileFilter(text, scope)
  } catch (e) {
    if (e instanceof FormulaError) return e
    throw e
  }
  throw new Error(`"${text}" compiled`)
}

describe('compileFilter', () => {
  it('types fields, literals and word operators', () => {
    const node = compileFilter('provider == "cnppm" and completed_in_period', { event: 'course' })
    expect(node).toMatchObject({ type: 'binary', op: '&&', valueType: 'boolean' })
    expect(compileFilter('age < 35 or !main')).toMatchObject({ op: '||' })
  })

  it.each([
    ['age < "35"', {}, 6, '"<" takes numbers, not a text'],
    ['category == 1', {}, 12, 'cannot compare a text with a number'],
    ['agee < 35', {}, 0, 'unknown field "agee"'],
    ['provider == "cnppm"', {}, 0, 'is a field of an event'],
    ['hours > 10', { event: 'retraining' }, 0, '"hours" is not a field of a retraining event'],
    ['provider == "cnpm"', { event: 'course' }, 12, '"cnpm" is not a value of "provider"'],
    ['age + 1', {}, 0, 'a filter is a condition'],
    ['age < 35 and 2', {}, 13, '"and" takes conditions'],
    ['#{a.b} > 1', {}, 0, 'not data elements'],
    ['max(age, 3) > 1', {}, 0, 'no functions'],
    ['constructor.name', {}, 0, 'not allowed'],
  ] as [string, FilterScope, number, string][])(
    'refuses %j (scope %o) at position %i',
    (text, scope, position, message) => {
      const e = errorOf(text, scope)
      expect(e.message).toContain(message)
      expect(e.position).toBe(position)
    },
  )

  it('leaves formulas as they were, with and/or as words for && and ||', () => {
    expect(parseFormula('#{a.x} > 1 and #{a.y} < 2')).toMatchObject({ op: '&&' })
    expect(() => parseFormula('"text"')).toThrow('text "text" is not allowed')
    expect(() => parseFormula('android')).toThrow('unknown name "android"')
  })

  it('compiles every staff cluster rule and every core element', () => {
    for (const rule of Object.values(STAFF_CLUSTER_RULES)) expect(compileFilter(rule).valueType).toBe('boolean')
    for (const e of CORE_DATA_ELEMENTS) expect(derivedIssues(e)).toEqual([])
  })
})
