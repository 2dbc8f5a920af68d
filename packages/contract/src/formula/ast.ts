/** Position of a node in the formula text: `start` inclusive, `end` exclusive, 0-based. */
export interface Span {
  start: number
  end: number
}

/**
 * A reference to a data element. `option` is `null` for the element's total (or, in a
 * breakdown row, the row's option), an option code for one option, or `'*'` for the sum
 * over all options (`#{code}[*]`).
 */
export interface RefNode extends Span {
  type: 'ref'
  code: string
  option: string | null
}

export interface NumberNode extends Span {
  type: 'number'
  value: number
}

export interface UnaryNode extends Span {
  type: 'unary'
  op: UnaryOperator
  arg: FormulaNode
}

export interface BinaryNode extends Span {
  type: 'binary'
  op: BinaryOperator
  left: FormulaNode
  right: FormulaNode
}

export interface CallNode extends Span {
  type: 'call'
  fn: FunctionName
  args: FormulaNode[]
}

/** The parsed formula. Built only from these node types: nothing else can be evaluated. */
export type FormulaNode = RefNode | NumberNode | UnaryNode | BinaryNode | CallNode

export const UNARY_OPERATORS = ['-', '+', '!'] as const
export type UnaryOperator = (typeof UNARY_OPERATORS)[number]

export const BINARY_OPERATORS = ['+', '-', '*', '/', '<', '<=', '>', '>=', '==', '!=', '&&', '||'] as const
export type BinaryOperator = (typeof BINARY_OPERATORS)[number]

/** Functions of the formula language with their accepted argument counts. */
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
export type FunctionName = keyof typeof FUNCTIONS
