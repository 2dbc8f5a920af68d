import { formulaRefs } from '../formula/check.ts'
import { evaluateFormula, type ValueLookup } from '../formula/evaluate.ts'
import { parseFormula } from '../formula/parse.ts'
import type { RuleOperator, ValidationRule } from '../schema/rules.ts'

/**
 * One broken validation rule: on the totals (`option: null`) or on one option of a breakdown.
 *
 * @example
 * const where = (v: RuleViolation) => (v.option === null ? v.rule.code : `${v.rule.code}[${v.option}]`)
 */
export interface RuleViolation {
  rule: ValidationRule
  option: string | null
  left: number
  right: number
}

const compare: Record<RuleOperator, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '==': (a, b) => Math.abs(a - b) < 1e-9,
  '!=': (a, b) => Math.abs(a - b) >= 1e-9,
  '>=': (a, b) => a >= b,
  '>': (a, b) => a > b,
}

/**
 * Checks validation rules against one org unit's values — the reference the entry form, the
 * XLSX import and plugin tests share. A side with missing data skips the rule: absent values
 * cannot break it. A `perOption` rule is also checked for each option of the breakdown of the
 * elements it refers to (a plain `#{code}` of such an element then means the option's value).
 *
 * @example
 * const school = lookupFromValues(manifest.dataElements, [
 *   { orgUnit: 'S1', element: 'deficits.diagnosed', option: 'math', value: 7 },
 *   { orgUnit: 'S1', element: 'deficits.teachers_total', option: 'math', value: 5 },
 * ])
 * const dimensions = dimensionsOf(manifest)
 * checkValidationRules(manifest.validationRules, school, {
 *   elementDimension: elementDimensionOf(manifest),
 *   optionsOf: (dimension) => dimensions.get(dimension)?.options.map((o) => o.code) ?? [],
 * })
 * // [{ rule: { code: 'deficits.diagnosed_le_total', … }, option: 'math', left: 7, right: 5 }]
 */
export function checkValidationRules(
  rules: readonly ValidationRule[],
  lookup: ValueLookup,
  context: {
    elementDimension: (code: string) => string | undefined
    optionsOf: (dimension: string) => readonly string[]
  },
): RuleViolation[] {
  const out: RuleViolation[] = []
  for (const rule of rules) {
    const left = parseFormula(rule.left)
    const right = parseFormula(rule.right)
    const check = (option: string | null, dimension?: string) => {
      const ctx =
        dimension && option ? { breakdown: { dimension, option }, elementDimension: context.elementDimension } : {}
      const l = evaluateFormula(left, lookup, ctx)
      const r = evaluateFormula(right, lookup, ctx)
      if (l !== null && r !== null && !compare[rule.operator](l, r)) out.push({ rule, option, left: l, right: r })
    }
    check(null)
    if (!rule.perOption) continue
    const dimension = [...formulaRefs(left), ...formulaRefs(right)]
      .map((ref) => context.elementDimension(ref.code))
      .find((d) => d !== undefined)
    if (dimension) for (const option of context.optionsOf(dimension)) check(option, dimension)
  }
  return out
}
