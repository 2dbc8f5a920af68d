import {
  checkValidationRules,
  compileIndicator,
  evaluateIndicator,
  lookupFromValues,
  type DataElement,
  type Indicator,
  type RawValue,
  type ValidationRule,
} from '@profmon/contract'

/** One broken rule, placed on the cells it names (elements of its left and right side, at its option). */
export interface CellViolation {
  code: string
  message: string
  option: string | null
  elements: string[]
}

const refs = (formula: string) => [...formula.matchAll(/#\{([^}]+)\}/g)].map((m) => m[1]!)

/**
 * What the form shows as the user types, with the contract's own evaluator (the same maths as
 * the server's analytics): the direction's indicator values and the validation rules broken by
 * the unit's current numbers. Only this lazily loaded page imports `@profmon/contract`.
 *
 * @example
 * liveResults(elements, indicators, rules, values, dims).violations[0]?.message // 'Прошедших диагностику …'
 */
export function liveResults(
  elements: readonly DataElement[],
  indicators: readonly Indicator[],
  rules: readonly ValidationRule[],
  values: readonly RawValue[],
  optionsOf: (dimension: string) => readonly string[],
  locale: 'ru' | 'en',
) {
  const clean = values.filter((v) => v.value === null || Number.isFinite(v.value))
  const lookup = lookupFromValues(elements, clean)
  const byCode = new Map(elements.map((e) => [e.code, e]))
  const results = indicators.flatMap((indicator) => {
    try {
      return [{ indicator, result: evaluateIndicator(compileIndicator(indicator), lookup) }]
    } catch {
      return []
    }
  })
  const violations: CellViolation[] = checkValidationRules(rules, lookup, {
    elementDimension: (code) => byCode.get(code)?.dimension,
    optionsOf,
  }).map((v) => ({
    code: v.rule.code,
    message: (locale === 'en' ? v.rule.message.en : undefined) ?? v.rule.message.ru,
    option: v.option,
    elements: [...refs(v.rule.left), ...refs(v.rule.right)],
  }))
  return { results, violations }
}
