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
 * What the form shows as the user types, with the contract's own evaluator (the same maths as the
 * server's analytics): the direction's indicator values on the typed numbers. Only this lazily
 * loaded page imports `@profmon/contract`.
 *
 * @example
 * liveIndicators(elements, [share], values)[0]?.result.value // 25
 */
export function liveIndicators(
  elements: readonly DataElement[],
  indicators: readonly Indicator[],
  values: readonly RawValue[],
) {
  const lookup = lookupFromValues(elements, usable(values))
  return indicators.flatMap((indicator) => {
    try {
      return [{ indicator, result: evaluateIndicator(compileIndicator(indicator), lookup) }]
    } catch {
      return []
    }
  })
}

/**
 * The validation rules the typed numbers break, placed on the cells each rule names, with the
 * rule's message in the UI's language.
 *
 * @example
 * liveViolations(elements, rules, values, dims, 'ru')[0]?.message // 'Прошедших диагностику …'
 */
export function liveViolations(
  elements: readonly DataElement[],
  rules: readonly ValidationRule[],
  values: readonly RawValue[],
  optionsOf: (dimension: string) => readonly string[],
  locale: 'ru' | 'en',
): CellViolation[] {
  const lookup = lookupFromValues(elements, usable(values))
  const byCode = new Map(elements.map((e) => [e.code, e]))
  return checkValidationRules(rules, lookup, {
    elementDimension: (code) => byCode.get(code)?.dimension,
    optionsOf,
  }).map((v) => ({
    code: v.rule.code,
    message: (locale === 'en' ? v.rule.message.en : undefined) ?? v.rule.message.ru,
    option: v.option,
    elements: [...refs(v.rule.left), ...refs(v.rule.right)],
  }))
}

const usable = (values: readonly RawValue[]) => values.filter((v) => v.value === null || Number.isFinite(v.value))
