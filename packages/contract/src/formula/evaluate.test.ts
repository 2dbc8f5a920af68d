import { describe, expect, it } from 'vitest'
import { evaluateFormula } from './evaluate.ts'
import { parseFormula } from './parse.ts'

const data: Record<string, number> = { 'a.x': 3, 'a.y': 4, 'a.zero': 0, 'a.s:math': 2, 'a.s:physics': 5, 'a.s:*': 7 }
const lookup = (code: string, option: string | null) => data[option === null ? code : `${code}:${option}`] ?? null
const ev = (text: string) => evaluateFormula(parseFormula(text), lookup)

describe('evaluateFormula', () => {
  it.each([
    ['#{a.x} + #{a.y} * 2', 11],
    ['(#{a.x} + #{a.y}) / 2', 3.5],
    ['-#{a.x}', -3],
    ['#{a.x} < #{a.y}', 1],
    ['#{a.x} == 3 && #{a.y} != 4', 0],
    ['!#{a.zero}', 1],
    ['if(#{a.x} > 2, 10, 20)', 10],
    ['sum(#{a.x}, #{a.missing}, 1)', 4],
    ['min(#{a.x}, #{a.y})', 3],
    ['max(#{a.x}, #{a.y})', 4],
    ['isNull(#{a.missing})', 1],
    ['isNull(#{a.zero})', 0],
    ['coalesce(#{a.missing}, #{a.zero}, 5)', 0],
    ['abs(#{a.x} - #{a.y})', 1],
    ['round(#{a.x} / #{a.y} * 100, 1)', 75],
    ['#{a.s}[math] + #{a.s}[physics]', 7],
    ['#{a.s}[*]', 7],
    ['true + 1', 2],
  ])('%s = %d', (text, expected) => {
    expect(ev(text)).toBe(expected)
  })

  it.each([
    '#{a.x} / #{a.zero}',
    '#{a.missing} + 1',
    '#{a.missing} * 0',
    '#{a.missing} > 1',
    'if(#{a.missing}, 1, 2)',
    'sum(#{a.missing}, #{a.other})',
    '#{a.s}[chemistry]',
  ])('%s is no data, not 0 or NaN', (text) => {
    expect(ev(text)).toBeNull()
  })

  it('counts reporting org units with orgCount', () => {
    const counting = (code: string, option: string | null, stat?: string) =>
      stat === 'count' ? (code === 'a.flag' ? 4 : null) : code === 'a.flag' ? 3 : null
    expect(evaluateFormula(parseFormula('#{a.flag} / orgCount(#{a.flag})'), counting)).toBe(0.75)
    expect(evaluateFormula(parseFormula('orgCount(#{a.none})'), counting)).toBe(0)
    expect(() => parseFormula('orgCount(1)')).toThrow('takes one data element')
  })

  it('decides && and || when the missing side does not matter', () => {
    expect(ev('#{a.zero} && #{a.missing}')).toBe(0)
    expect(ev('#{a.missing} || #{a.x}')).toBe(1)
    expect(ev('#{a.missing} && #{a.x}')).toBeNull()
  })

  it('follows the row option in a breakdown row', () => {
    const node = parseFormula('#{a.s} / #{a.x}')
    const ctx = {
      breakdown: { dimension: 'subject', option: 'physics' },
      elementDimension: (code: string) => (code === 'a.s' ? 'subject' : undefined),
    }
    expect(evaluateFormula(node, lookup, ctx)).toBeCloseTo(5 / 3)
  })

  it('never runs code from the text', () => {
    // Anything beyond numbers, references, whitelisted operators and functions is a parse error.
    expect(() => parseFormula('process.exit(1)')).toThrow()
    expect(() => parseFormula('(() => 1)()')).toThrow()
    expect(() => parseFormula('[1, 2]')).toThrow()
  })
})
