/**
 * Position of a node in the formula text: `start` inclusive, `end` exclusive, 0-based.
 *
 * @example
 * const { start, end }: Span = parseFormula('1 + #{a.x}') // 0, 10: the whole formula
 */
export interface Span {
  start: number
  end: number
}

/**
 * A reference to a data element. `option` is `null` for the element's total (or, in a
 * breakdown row, the row's option), an option code for one option, or `'*'` for the sum
 * over all options (`#{code}[*]`).
 *
 * @example
 * const [ref]: RefNode[] = formulaRefs(parseFormula('#{deficits.with_deficit}[digital]'))
 * // { type: 'ref', code: 'deficits.with_deficit', option: 'digital', start: 0, end: 33 }
 */
export interface RefNode extends Span {
  type: 'ref'
  code: string
  option: string | null
}

/**
 * A number literal (`true` and `false` parse as 1 and 0).
 *
 * @example
 * const hundred = parseFormula('100') as NumberNode // { type: 'number', value: 100, … }
 */
export interface NumberNode extends Span {
  type: 'number'
  value: number
}

/**
 * A unary operation: `-x`, `+x`, `!x`.
 *
 * @example
 * const negated = parseFormula('-#{a.x}') as UnaryNode // { type: 'unary', op: '-', arg: { type: 'ref', … } }
 */
export interface UnaryNode extends Span {
  type: 'unary'
  op: UnaryOperator
  arg: FormulaNode
}

/**
 * A binary operation: arithmetic, comparison, `&&`, `||`.
 *
 * @example
 * const ratio = parseFormula('#{a.num} / #{a.den}') as BinaryNode // { type: 'binary', op: '/', left, right }
 */
export interface BinaryNode extends Span {
  type: 'binary'
  op: BinaryOperator
  left: FormulaNode
  right: FormulaNode
}

/**
 * A call of one of the {@link FUNCTIONS}.
 *
 * @example
 * const call = parseFormula('max(#{a.x}, #{a.y})') as CallNode // { type: 'call', fn: 'max', args: [ref, ref] }
 */
export interface CallNode extends Span {
  type: 'call'
  fn: FunctionName
  args: FormulaNode[]
}

/**
 * The parsed formula. Built only from these node types: nothing else can be evaluated.
 *
 * @example
 * const isConstant = (node: FormulaNode): boolean => formulaRefs(node).length === 0
 */
export type FormulaNode = RefNode | NumberNode | UnaryNode | BinaryNode | CallNode

/**
 * Unary operators of the formula language.
 *
 * @example
 * UNARY_OPERATORS.includes('!') // true: `!#{a.flag}` is 1 when the flag is 0
 */
export const UNARY_OPERATORS = ['-', '+', '!'] as const
/**
 * One of {@link UNARY_OPERATORS}.
 *
 * @example
 * const minus: UnaryOperator = '-'
 */
export type UnaryOperator = (typeof UNARY_OPERATORS)[number]

/**
 * Binary operators of the formula language; `%`, `**` and bit operators are refused.
 *
 * @example
 * BINARY_OPERATORS.includes('/') // true
 */
export const BINARY_OPERATORS = ['+', '-', '*', '/', '<', '<=', '>', '>=', '==', '!=', '&&', '||'] as const
/**
 * One of {@link BINARY_OPERATORS}.
 *
 * @example
 * const divide: BinaryOperator = '/'
 */
export type BinaryOperator = (typeof BINARY_OPERATORS)[number]

/**
 * Functions of the formula language with their accepted argument counts.
 *
 * @example
 * Object.keys(FUNCTIONS) // ['if', 'sum', 'min', 'max', 'isNull', 'coalesce', 'abs', 'round', 'orgCount']
 * FUNCTIONS.round // { min: 1, max: 2 }: round(x) or round(x, digits)
 */
export const FUNCTIONS = {
  if: { min: 3, max: 3 },
  sum: { min: 1, max: Infinity },
  min: { min: 1, max: Infinity },
  max: { min: 1, max: Infinity },
  isNull: { min: 1, max: 1 },
  coalesce: { min: 1, max: Infinity },
  abs: { min: 1, max: 1 },
  round: { min: 1, max: 2 },
  /** Number of org units in the subtree that reported the referenced element (its one argument). */
  orgCount: { min: 1, max: 1 },
} as const
/**
 * The name of one of the {@link FUNCTIONS}.
 *
 * @example
 * const fn: FunctionName = 'coalesce'
 */
export type FunctionName = keyof typeof FUNCTIONS
