import { countedRefs, formulaRefs, type FormulaScope, checkFormula } from '../formula/check.ts'
import type { FormulaNode, RefNode } from '../formula/ast.ts'
import { evaluateFormula, type EvaluateContext, type ValueLookup } from '../formula/evaluate.ts'
import { FormulaError } from '../formula/formula-error.ts'
import { parseFormula } from '../formula/parse.ts'
import type { Indicator } from '../schema/indicator.ts'
import { scoreOf } from '../status/status.ts'

/**
 * An indicator with its formulas parsed once, ready to evaluate many times.
 *
 * @example
 * const compiled: CompiledIndicator = compileIndicator(indicator)
 */
export interface CompiledIndicator {
  indicator: Indicator
  numerator?: FormulaNode
  denominator?: FormulaNode
  formula?: FormulaNode
  /** Every data element reference of every formula. */
  refs: RefNode[]
  /** References whose number of reporting org units is used (`orgCount`). */
  countedRefs: RefNode[]
}

/**
 * Formula fields of an indicator, in the order they are checked.
 *
 * @example
 * const formulas = FORMULA_FIELDS.flatMap((field) => indicator[field] ?? [])
 */
export const FORMULA_FIELDS = ['numerator', 'denominator', 'formula'] as const
/**
 * One of {@link FORMULA_FIELDS}.
 *
 * @example
 * const field: FormulaField = 'numerator'
 */
export type FormulaField = (typeof FORMULA_FIELDS)[number]

/**
 * A formula error of one field of an indicator.
 *
 * @example
 * try {
 *   compileIndicator(indicator, { elements: new Map() })
 * } catch (e) {
 *   if (e instanceof IndicatorFormulaError) console.log(e.indicator, e.field, e.formulaError.position)
 * }
 */
export class IndicatorFormulaError extends Error {
  readonly indicator: string
  readonly field: FormulaField
  readonly formulaError: FormulaError

  constructor(indicator: string, field: FormulaField, formulaError: FormulaError) {
    super(`indicator "${indicator}", ${field}: ${formulaError.message}`)
    this.name = 'IndicatorFormulaError'
    this.indicator = indicator
    this.field = field
    this.formulaError = formulaError
  }
}

/**
 * Parses (and, given a scope, checks) an indicator's formulas.
 * Throws {@link IndicatorFormulaError} naming the indicator, the field and the position.
 *
 * @example
 * // indicator: numerator '#{a.num}', denominator '#{a.den}'
 * const compiled = compileIndicator(indicator, { elements: new Map([['a.num', []], ['a.den', []]]) })
 * compiled.refs.map((r) => r.code) // ['a.num', 'a.den']
 */
export function compileIndicator(indicator: Indicator, scope?: FormulaScope): CompiledIndicator {
  const compiled: CompiledIndicator = { indicator, refs: [], countedRefs: [] }
  for (const field of FORMULA_FIELDS) {
    const text = indicator[field]
    if (!text) continue
    try {
      const node = parseFormula(text)
      if (scope) checkFormula(node, scope)
      compiled[field] = node
      compiled.refs.push(...formulaRefs(node))
      compiled.countedRefs.push(...countedRefs(node))
    } catch (e) {
      if (e instanceof FormulaError) throw new IndicatorFormulaError(indicator.code, field, e)
      throw e
    }
  }
  return compiled
}

/**
 * One computed value of an indicator; `numerator` and `denominator` only for a share.
 *
 * @example
 * const fourPercent: IndicatorResult = { numerator: 4, denominator: 100, value: 4, score: null }
 */
export interface IndicatorResult {
  numerator: number | null
  denominator: number | null
  value: number | null
  score: number | null
}

/**
 * Evaluates a compiled indicator on (already aggregated) data element values.
 * A share is `numerator / denominator × 100`; a zero or missing denominator gives no data.
 * Presence is 1 (yes) or 0 (no); a score indicator's value is its points.
 *
 * Roll-up rule: give it the subtree's aggregated elements, never children's indicator values —
 * that is what makes a municipality's share Σnumerators / Σdenominators.
 *
 * @example
 * const share = compileIndicator(
 *   indicatorSchema.parse({
 *     code: 'd.share',
 *     title: { ru: 'Доля' },
 *     kind: 'share',
 *     numerator: '#{d.num}',
 *     denominator: '#{d.den}',
 *   }),
 * )
 * // school A 3/10 and school B 1/90 summed first: 4 / 100
 * const sums: Record<string, number> = { 'd.num': 4, 'd.den': 100 }
 * evaluateIndicator(share, (code) => sums[code] ?? null)
 * // { numerator: 4, denominator: 100, value: 4, score: null }
 */
export function evaluateIndicator(
  compiled: CompiledIndicator,
  lookup: ValueLookup,
  ctx: EvaluateContext = {},
): IndicatorResult {
  const { indicator } = compiled
  const ev = (node: FormulaNode | undefined) => (node ? evaluateFormula(node, lookup, ctx) : null)
  let numerator: number | null = null
  let denominator: number | null = null
  let value: number | null
  switch (indicator.kind) {
    case 'share':
      numerator = ev(compiled.numerator)
      denominator = ev(compiled.denominator)
      value = numerator === null || denominator === null || denominator === 0 ? null : (numerator * 100) / denominator
      break
    case 'presence': {
      const v = ev(compiled.formula)
      value = v === null ? null : v !== 0 ? 1 : 0
      break
    }
    case 'score': {
      value = scoreOf(ev(compiled.formula), indicator.scoring)
      break
    }
    default:
      value = ev(compiled.formula)
  }
  const score = indicator.kind === 'score' ? value : scoreOf(value, indicator.scoring)
  return { numerator, denominator, value, score }
}
