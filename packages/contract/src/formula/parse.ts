import jsep from 'jsep'
import {
  BINARY_OPERATORS,
  FUNCTIONS,
  UNARY_OPERATORS,
  type BinaryOperator,
  type FormulaNode,
  type FunctionName,
  type UnaryOperator,
} from './ast.ts'
import { FormulaError } from './formula-error.ts'

/**
 * The longest formula accepted, in characters: far beyond any real indicator, short enough that
 * a hostile one costs nothing to refuse.
 *
 * @example
 * parseFormula('1 + '.repeat(MAX_FORMULA_LENGTH)) // throws FormulaError: longer than 2000 characters
 */
export const MAX_FORMULA_LENGTH = 2000

/**
 * The deepest nesting accepted: brackets, function calls and unary operators inside each other.
 * The parser, the checks and the evaluator recurse over the tree, so this keeps a hostile
 * formula from exhausting the stack.
 *
 * @example
 * parseFormula('('.repeat(MAX_FORMULA_DEPTH + 1) + '1' + ')'.repeat(MAX_FORMULA_DEPTH + 1)) // throws FormulaError
 */
export const MAX_FORMULA_DEPTH = 64

const HASH = 35
const CODE_RE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/
const OPTION_RE = /^([a-z0-9_]+|\*)$/

let configured = false

/** `and` / `or` as written for `&&` / `||`. */
const WORD_OPERATORS: Record<string, BinaryOperator> = { and: '&&', or: '||' }

/**
 * jsep is a maintained expression parser with one global configuration; it is restricted to the
 * operators of the formula language and taught one token — `#{code}` with an optional `[option]`
 * or `[*]` — on the first parse, not on import, so importing the contract changes nothing.
 */
function configureJsep(): void {
  if (configured) return
  configured = true
  for (const op of Object.keys(jsep.binary_ops)) {
    if (!(BINARY_OPERATORS as readonly string[]).includes(op)) jsep.removeBinaryOp(op)
  }
  for (const op of Object.keys(jsep.unary_ops)) {
    if (!(UNARY_OPERATORS as readonly string[]).includes(op)) jsep.removeUnaryOp(op)
  }
  // Word spellings of `&&` and `||` (registry filters read like prose: `age < 35 and main`);
  // jsep takes a word operator only when no identifier character follows it.
  for (const [word, op] of Object.entries(WORD_OPERATORS)) jsep.addBinaryOp(word, jsep.binary_ops[op]!)

  jsep.hooks.add('gobble-token', function gobbleRefOrIdentifier(env) {
    const start = this.index
    if (this.code === HASH) {
      if (this.expr[start + 1] !== '{') this.throwError('expected "{" after "#"')
      const close = this.expr.indexOf('}', start + 2)
      if (close < 0) this.throwError('unclosed "#{"')
      const code = this.expr.slice(start + 2, close).trim()
      if (!CODE_RE.test(code)) throw new FormulaError(`"${code}" is not a data element code`, start, code)
      this.index = close + 1
      let option: string | null = null
      if (this.expr[this.index] === '[') {
        const end = this.expr.indexOf(']', this.index)
        if (end < 0) this.throwError('unclosed "["')
        option = this.expr.slice(this.index + 1, end).trim()
        if (!OPTION_RE.test(option)) throw new FormulaError(`"${option}" is not an option code`, this.index + 1, option)
        this.index = end + 1
      }
      env.node = { type: 'Ref', code, option, start, end: this.index }
      return
    }
    if (this.code === 34 || this.code === 39) {
      // A quoted text (registry filters compare text fields); formulas refuse it when converting.
      const lit = (this as unknown as { gobbleStringLiteral(): jsep.Literal }).gobbleStringLiteral()
      env.node = { ...lit, start, end: this.index }
      return
    }
    if ((this.code >= 48 && this.code <= 57) || this.code === 46) {
      const num = this.gobbleNumericLiteral() as jsep.Expression
      env.node = { ...num, start, end: this.index }
      return
    }
    if ((jsep as unknown as { isIdentifierStart(c: number): boolean }).isIdentifierStart(this.code)) {
      // Own identifier handling, so that identifiers (function names) carry their position.
      const id = this.gobbleIdentifier() as jsep.Identifier
      const node: jsep.Expression =
        id.name === 'true' || id.name === 'false'
          ? { type: 'Literal', value: id.name === 'true', raw: id.name, start, end: this.index }
          : { ...id, start, end: this.index }
      env.node = this.gobbleTokenProperty(node)
    }
  })
}

/** Character offset of a jsep node, as recorded by our hooks (or searched as a fallback). */
function startOf(node: jsep.Expression, fallback: number): number {
  if (typeof node.start === 'number') return node.start
  if (node.type === 'CallExpression') return startOf((node as jsep.CallExpression).callee, fallback)
  if (node.type === 'BinaryExpression') return startOf((node as jsep.BinaryExpression).left, fallback)
  return fallback
}

function endOf(node: FormulaNode[]): number {
  return Math.max(...node.map((n) => n.end))
}

function convert(node: jsep.Expression, text: string): FormulaNode {
  switch (node.type) {
    case 'Ref':
      return {
        type: 'ref',
        code: node.code as string,
        option: node.option as string | null,
        start: node.start as number,
        end: node.end as number,
      }
    case 'Literal': {
      const lit = node as jsep.Literal
      const start = startOf(node, text.indexOf(lit.raw))
      if (typeof lit.value === 'number' && !Number.isFinite(lit.value))
        throw new FormulaError(`the number ${lit.raw} is too large`, start)
      if (typeof lit.value === 'number') return { type: 'number', value: lit.value, start, end: start + lit.raw.length }
      if (typeof lit.value === 'boolean')
        return { type: 'number', value: lit.value ? 1 : 0, start, end: start + lit.raw.length }
      throw new FormulaError(`text ${lit.raw} is not allowed in a formula`, start)
    }
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression
      const arg = convert(u.argument, text)
      const start = Math.max(0, arg.start - 1)
      return { type: 'unary', op: u.operator as UnaryOperator, arg, start, end: arg.end }
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression
      const left = convert(b.left, text)
      const right = convert(b.right, text)
      const op = (WORD_OPERATORS[b.operator] ?? b.operator) as BinaryOperator
      return { type: 'binary', op, left, right, start: left.start, end: right.end }
    }
    case 'CallExpression': {
      const c = node as jsep.CallExpression
      const callee = c.callee as jsep.Identifier
      const start = startOf(callee, 0)
      if (callee.type !== 'Identifier') throw new FormulaError('only named functions can be called', start)
      if (!Object.hasOwn(FUNCTIONS, callee.name))
        throw new FormulaError(
          `unknown function "${callee.name}" (known: ${Object.keys(FUNCTIONS).join(', ')})`,
          start,
          callee.name,
        )
      const fn = callee.name as FunctionName
      const args = c.arguments.map((a) => convert(a, text))
      const arity = FUNCTIONS[fn]
      if (args.length < arity.min || args.length > arity.max)
        throw new FormulaError(
          `${fn}() takes ${arity.min === arity.max ? arity.min : `${arity.min} or more`} argument(s), got ${args.length}`,
          start,
        )
      if (fn === 'orgCount' && args[0]?.type !== 'ref')
        throw new FormulaError('orgCount() takes one data element, e.g. orgCount(#{code})', start)
      return { type: 'call', fn, args, start, end: args.length ? endOf(args) + 1 : start + fn.length + 2 }
    }
    case 'Identifier': {
      const id = node as jsep.Identifier
      throw new FormulaError(
        `unknown name "${id.name}": write data elements as #{code}`,
        startOf(node, text.indexOf(id.name)),
        id.name,
      )
    }
    case 'MemberExpression':
      throw new FormulaError(
        '"." and "[…]" are not allowed here: write data elements as #{code}',
        startOf((node as jsep.MemberExpression).object, 0),
      )
    case 'ConditionalExpression':
      throw new FormulaError('use if(condition, then, else) instead of "? :"', startOf(node, 0))
    case 'Compound':
      throw new FormulaError('a formula is one expression; remove the extra part', firstGap(node, text))
    default:
      throw new FormulaError(`${node.type} is not allowed in a formula`, startOf(node, 0))
  }
}

/**
 * Refuses nesting deeper than {@link MAX_FORMULA_DEPTH} before the recursive parser sees it:
 * open brackets plus the run of unary operators in front of an operand.
 */
function checkNesting(text: string): void {
  let brackets = 0
  let unaryRun = 0
  let afterOperand = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue
    if (c === '(' || c === '[') {
      brackets++
      unaryRun = 0
      afterOperand = false
    } else if (c === ')' || c === ']') {
      brackets = Math.max(0, brackets - 1)
      afterOperand = true
    } else if ((c === '-' || c === '+' || c === '!') && !afterOperand) {
      unaryRun++
    } else {
      unaryRun = 0
      afterOperand = !'+-*/<>=!&|,'.includes(c)
    }
    if (brackets + unaryRun > MAX_FORMULA_DEPTH)
      throw new FormulaError(`the formula is nested too deeply (more than ${MAX_FORMULA_DEPTH} levels)`, i)
  }
}

function firstGap(node: jsep.Expression, text: string): number {
  const body = (node as jsep.Compound).body
  return body[1] ? startOf(body[1], text.length) : text.length
}

/**
 * Parses a formula into an AST. Throws {@link FormulaError} with the position of the
 * problem. Never evaluates code: the AST only has numbers, data element references,
 * whitelisted operators and functions.
 *
 * @example
 * parseFormula('#{deficits.diagnosed} / #{deficits.teachers_total}')
 * // { type: 'binary', op: '/', left: { type: 'ref', code: 'deficits.diagnosed', … }, … }
 * parseFormula('#{deficits.with_deficit}[digital]') // ref with option 'digital'
 */
export function parseFormula(text: string): FormulaNode {
  return convert(parseExpressionTree(text), text)
}

/**
 * The raw expression tree of a formula-language text, after the length and nesting limits:
 * shared by formulas and registry filters, which convert it into their own checked AST. Node
 * `start`/`end` are character offsets where known.
 *
 * @example
 * parseExpressionTree('age < 35').type // 'BinaryExpression'
 */
export function parseExpressionTree(text: string): jsep.Expression {
  if (!text.trim()) throw new FormulaError('the formula is empty', 0)
  if (text.length > MAX_FORMULA_LENGTH)
    throw new FormulaError(`the formula is longer than ${MAX_FORMULA_LENGTH} characters`, MAX_FORMULA_LENGTH)
  checkNesting(text)
  try {
    configureJsep()
    return jsep(text)
  } catch (e) {
    if (e instanceof FormulaError) throw e
    if (e instanceof RangeError) throw new FormulaError('the formula is nested too deeply', 0)
    const err = e as Error & { index?: number; description?: string }
    throw new FormulaError(err.description ?? err.message, err.index ?? 0)
  }
}
