import { readFile } from 'node:fs/promises'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { reliabilityTally } from '../testing/reliability-tally.ts'
import { BINARY_OPERATORS, FUNCTIONS, UNARY_OPERATORS, type FormulaNode } from './ast.ts'
import { evaluateFormula, type ValueLookup } from './evaluate.ts'
import { FormulaError } from './formula-error.ts'
import { MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH, parseFormula } from './parse.ts'

/** Hostile inputs tried per property (fast-check's default is 100). */
const RUNS = 2_000

/** Parses; any throw other than a FormulaError fails the property. */
function parseOrFormulaError(text: string): FormulaNode | null {
  try {
    return parseFormula(text)
  } catch (e) {
    if (e instanceof FormulaError) return null
    throw new Error(`parseFormula(${JSON.stringify(text.slice(0, 200))}) threw ${String(e)}`, { cause: e })
  }
}

/** Only the node types, operators and functions the language whitelists. */
function whitelisted(node: FormulaNode, depth = 0): boolean {
  if (depth > MAX_FORMULA_DEPTH) return false
  switch (node.type) {
    case 'number':
      return Number.isFinite(node.value)
    case 'ref':
      return typeof node.code === 'string'
    case 'unary':
      return (UNARY_OPERATORS as readonly string[]).includes(node.op) && whitelisted(node.arg, depth + 1)
    case 'binary':
      return (
        (BINARY_OPERATORS as readonly string[]).includes(node.op) &&
        whitelisted(node.left, depth + 1) &&
        whitelisted(node.right, depth + 1)
      )
    case 'call':
      return Object.hasOwn(FUNCTIONS, node.fn) && node.args.every((a) => whitelisted(a, depth + 1))
    default:
      return false
  }
}

/** Tokens of the language and of JavaScript that an attacker would try, glued at random. */
const token = fc.constantFrom(
  '#{a.x}',
  '#{a.y}[m]',
  '#{a.z}[*]',
  '#{',
  '}',
  '[',
  ']',
  '(',
  ')',
  ',',
  ' ',
  '1',
  '0',
  '2.5',
  '1e308',
  '1e999',
  '.5',
  '+',
  '-',
  '*',
  '/',
  '!',
  '<',
  '<=',
  '==',
  '!=',
  '&&',
  '||',
  '?',
  ':',
  'if',
  'sum',
  'min',
  'max',
  'coalesce',
  'isNull',
  'orgCount',
  'round',
  'abs',
  'true',
  'constructor',
  '__proto__',
  'prototype',
  'this',
  'globalThis',
  'process',
  'eval',
  'Function',
  'require',
  '.',
  '"x"',
  "'y'",
  '`z`',
  '=>',
  ';',
  '=',
  'new',
  '\u0000',
  '\u2028',
)
const glued = fc.array(token, { maxLength: 40 }).map((parts) => parts.join(''))

/** Well-formed formulas of bounded depth: what evaluation must survive. */
const { formula } = fc.letrec<{ formula: string }>((tie) => ({
  formula: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('#{a.x}', '#{a.y}[m]', '#{a.z}[*]', '0', '1', '3.5', '1e308', '-2'),
    fc
      .tuple(tie('formula'), fc.constantFrom(...BINARY_OPERATORS), tie('formula'))
      .map(([l, op, r]) => `(${l} ${op} ${r})`),
    fc.tuple(fc.constantFrom(...UNARY_OPERATORS), tie('formula')).map(([op, a]) => `${op}(${a})`),
    fc
      .tuple(fc.constantFrom('sum', 'min', 'max', 'coalesce'), fc.array(tie('formula'), { minLength: 1, maxLength: 4 }))
      .map(([fn, args]) => `${fn}(${args.join(', ')})`),
    fc.tuple(tie('formula'), tie('formula'), tie('formula')).map(([c, t, e]) => `if(${c}, ${t}, ${e})`),
    fc.tuple(fc.constantFrom('abs', 'isNull'), tie('formula')).map(([fn, a]) => `${fn}(${a})`),
    fc.tuple(tie('formula'), tie('formula')).map(([a, d]) => `round(${a}, ${d})`),
  ),
}))

const value = fc.oneof(
  fc.constant(null),
  fc.constant(0),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
)

describe('hostile formulas', () => {
  const tried = reliabilityTally('formulas (random texts, JS payloads, limits, random formulas × data)', 'any')
  afterAll(() => tried.flush())

  it('never throw anything but a FormulaError, for any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), glued),
        (text) => {
          tried.add()
          const node = parseOrFormulaError(text)
          if (node) expect(whitelisted(node)).toBe(true)
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('never run code: JavaScript in a formula is refused, and nothing it names is touched', () => {
    const g = globalThis as { pwned?: boolean }
    for (const text of [
      'constructor.constructor("globalThis.pwned = true")()',
      '#{a.x}.constructor',
      '__proto__',
      'this.pwned = 1',
      'eval("globalThis.pwned = true")',
      'Function("globalThis.pwned = true")()',
      '(() => 1)()',
      'process.exit(1)',
      '#{__proto__}',
      'x = 1',
      '"text"',
    ]) {
      tried.add()
      expect(() => parseFormula(text), text).toThrow(FormulaError)
    }
    expect(g.pwned).toBeUndefined()
    expect(({} as Record<string, unknown>).pwned).toBeUndefined()
  })

  it('have no eval, Function or dynamic import in the parser and evaluator sources', async () => {
    for (const file of ['parse.ts', 'evaluate.ts', 'check.ts', 'ast.ts']) {
      const source = await readFile(new URL(`./${file}`, import.meta.url), 'utf8')
      expect(source, file).not.toMatch(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(|\bimport\s*\(/)
    }
  })

  it('are refused with a clear error beyond the length and depth limits, without exhausting the stack', () => {
    const long = `${'#{a.x} + '.repeat(Math.ceil(MAX_FORMULA_LENGTH / 9))}1`
    expect(() => parseFormula(long)).toThrow(/longer than/)
    for (const deep of [
      `${'('.repeat(100_000)}1${')'.repeat(100_000)}`,
      `${'-'.repeat(MAX_FORMULA_LENGTH - 1)}1`,
      `${'!'.repeat(MAX_FORMULA_LENGTH - 1)}1`,
      `${'abs('.repeat(MAX_FORMULA_DEPTH + 1)}1${')'.repeat(MAX_FORMULA_DEPTH + 1)}`,
      `${'('.repeat(MAX_FORMULA_DEPTH + 1)}1${')'.repeat(MAX_FORMULA_DEPTH + 1)}`,
      `${'#{a.x}['.repeat(500)}`,
    ]) {
      tried.add()
      expect(() => parseFormula(deep)).toThrow(FormulaError)
      expect(() => parseFormula(deep)).toThrow(/nested|longer than/)
    }
    // Within the limits: a long flat sum is fine.
    expect(parseFormula(Array.from({ length: 100 }, () => '#{a.x}').join(' + ')).type).toBe('binary')
  })

  it('evaluate to a finite number or "no data", never NaN, Infinity or a throw', () => {
    fc.assert(
      fc.property(formula, value, value, value, (text, x, y, z) => {
        tried.add()
        const node = parseOrFormulaError(text)
        if (!node) return
        const values: Record<string, number | null> = { 'a.x': x, 'a.y': y, 'a.z': z }
        const lookup: ValueLookup = (code, _option, stat) => (stat === 'count' ? 1 : (values[code] ?? null))
        const result = evaluateFormula(node, lookup)
        expect(result === null || Number.isFinite(result), `${text} → ${result}`).toBe(true)
      }),
      { numRuns: RUNS },
    )
  })

  it('keep missing data missing: any arithmetic on "no data" is "no data", not 0', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BINARY_OPERATORS.filter((o) => o !== '&&' && o !== '||')), value, (op, v) => {
        const lookup: ValueLookup = (code) => (code === 'a.x' ? v : null)
        expect(evaluateFormula(parseFormula(`#{a.missing} ${op} #{a.x}`), lookup)).toBeNull()
        expect(evaluateFormula(parseFormula(`#{a.x} ${op} #{a.missing}`), lookup)).toBeNull()
      }),
      { numRuns: 500 },
    )
  })
})
