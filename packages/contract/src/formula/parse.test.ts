import { describe, expect, it } from 'vitest'
import { checkFormula, formulaRefs } from './check.ts'
import { FormulaError } from './formula-error.ts'
import { parseFormula } from './parse.ts'

function errorOf(text: string): FormulaError {
  try {
    parseFormula(text)
  } catch (e) {
    if (e instanceof FormulaError) return e
    throw e
  }
  throw new Error(`"${text}" parsed`)
}

describe('parseFormula', () => {
  it('parses references, options and the sum over options', () => {
    const refs = formulaRefs(parseFormula('#{d.with}[digital] / #{d.total} + #{d.by_subject}[*]'))
    expect(refs.map((r) => [r.code, r.option])).toEqual([
      ['d.with', 'digital'],
      ['d.total', null],
      ['d.by_subject', '*'],
    ])
  })

  it('records where each reference stands', () => {
    const [, second] = formulaRefs(parseFormula('#{a.x} + #{a.y}'))
    expect(second).toMatchObject({ start: 9, end: 15 })
  })

  it('keeps operator precedence', () => {
    expect(parseFormula('1 + 2 * 3')).toMatchObject({ op: '+', right: { op: '*' } })
  })

  it.each([
    ['#{a.b} +', 8, 'Expected expression'],
    ['foo(1)', 0, 'unknown function "foo"'],
    ['teachers + 1', 0, 'unknown name "teachers"'],
    ['#{a.b}[x', 6, 'unclosed "["'],
    ['1 % 2', 2, 'Unexpected "%"'],
    ['#{Teachers}', 0, '"Teachers" is not a data element code'],
    ['#{a.b} 2', 7, 'one expression'],
    ['max()', 0, 'max() takes 1 or more'],
    ['if(1, 2)', 0, 'if() takes 3'],
    ['constructor.name', 0, 'not allowed here'],
    ['#{a.b} + 1 2', 11, 'one expression'],
    ['x ? 1 : 2', 0, 'use if('],
    ['"text"', 0, 'text "text" is not allowed'],
    ['', 0, 'empty'],
  ])('refuses %j at position %i', (text, position, message) => {
    const e = errorOf(text)
    expect(e.message).toContain(message)
    expect(e.position).toBe(position)
  })
})

describe('checkFormula', () => {
  const scope = {
    elements: new Map<string, string[]>([
      ['d.total', ['math', 'physics']],
      ['d.flag', []],
    ]),
  }

  it('accepts known codes and options', () => {
    expect(() => checkFormula(parseFormula('#{d.total}[math] + #{d.total}[*] + #{d.flag}'), scope)).not.toThrow()
  })

  it('names an unknown code and its position', () => {
    expect(() => checkFormula(parseFormula('#{d.total} / #{d.typo}'), scope)).toThrow(
      'unknown data element "d.typo" (at position 14)',
    )
  })

  it('names an option outside the dimension', () => {
    expect(() => checkFormula(parseFormula('#{d.total}[chemistry]'), scope)).toThrow(
      '"chemistry" is not an option of "d.total"',
    )
  })

  it('refuses an option on an element without breakdown', () => {
    expect(() => checkFormula(parseFormula('#{d.flag}[*]'), scope)).toThrow('has no breakdown')
    expect(() => checkFormula(parseFormula('#{d.flag}[math]'), scope)).toThrow('has no breakdown')
  })
})
