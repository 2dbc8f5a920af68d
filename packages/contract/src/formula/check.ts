import type { FormulaNode, RefNode } from './ast.ts'
import { FormulaError } from './formula-error.ts'

/**
 * What a formula may refer to: data elements by code, with the options of their dimension.
 *
 * @example
 * const scope: FormulaScope = { elements: new Map([['deficits.teachers_total', ['math', 'physics']]]) }
 */
export interface FormulaScope {
  /** Option codes of each known element's dimension; an empty list for an element without one. */
  elements: ReadonlyMap<string, readonly string[]>
}

/**
 * All data element references of a formula, in text order.
 *
 * @example
 * formulaRefs(parseFormula('#{a.x}[math] + #{a.y}')).map((r) => [r.code, r.option]) // [['a.x', 'math'], ['a.y', null]]
 */
export function formulaRefs(node: FormulaNode): RefNode[] {
  switch (node.type) {
    case 'ref':
      return [node]
    case 'number':
      return []
    case 'unary':
      return formulaRefs(node.arg)
    case 'binary':
      return [...formulaRefs(node.left), ...formulaRefs(node.right)]
    case 'call':
      return node.args.flatMap(formulaRefs)
  }
}

/**
 * References whose count of reporting org units the formula needs (inside `orgCount(…)`).
 *
 * @example
 * countedRefs(parseFormula('#{a.x} / orgCount(#{a.x})')).map((r) => r.code) // ['a.x']
 */
export function countedRefs(node: FormulaNode): RefNode[] {
  switch (node.type) {
    case 'ref':
    case 'number':
      return []
    case 'unary':
      return countedRefs(node.arg)
    case 'binary':
      return [...countedRefs(node.left), ...countedRefs(node.right)]
    case 'call':
      return node.fn === 'orgCount' ? node.args.flatMap(formulaRefs) : node.args.flatMap(countedRefs)
  }
}

/**
 * Checks a parsed formula against the data elements in scope: every code must be known and
 * every option must belong to the element's dimension. Throws {@link FormulaError} naming the
 * first unknown code and its position.
 *
 * @example
 * checkFormula(parseFormula('#{x.total} + #{x.typo}'), { elements: new Map([['x.total', []]]) })
 * // FormulaError: unknown data element "x.typo" (at position 14)
 */
export function checkFormula(node: FormulaNode, scope: FormulaScope): void {
  for (const ref of formulaRefs(node)) {
    const options = scope.elements.get(ref.code)
    if (!options) throw new FormulaError(`unknown data element "${ref.code}"`, ref.start, ref.code)
    if (ref.option === null || ref.option === '*') {
      if (ref.option === '*' && options.length === 0)
        throw new FormulaError(`"${ref.code}" has no breakdown to sum with [*]`, ref.start, ref.code)
      continue
    }
    if (!options.includes(ref.option))
      throw new FormulaError(
        options.length
          ? `"${ref.option}" is not an option of "${ref.code}"`
          : `"${ref.code}" has no breakdown, so [${ref.option}] cannot be used`,
        ref.start,
        ref.option,
      )
  }
}
