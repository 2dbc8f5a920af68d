import type { DataElement } from '../schema/data-element.ts'

/**
 * Why a value does not fit its data element, as a code with parameters; each surface (API,
 * XLSX import, entry form) words it in its own language.
 *
 * @example
 * const p: ValueProblem = { code: 'below_min', value: -1, min: 0 }
 */
export type ValueProblem =
  | { code: 'expected_boolean'; got: unknown }
  | { code: 'expected_text'; got: unknown }
  | { code: 'document' }
  | { code: 'expected_number'; got: unknown }
  | { code: 'expected_integer'; value: number }
  | { code: 'below_min'; value: number; min: number }
  | { code: 'above_max'; value: number; max: number }

/**
 * The outcome of {@link checkValue}: the value as stored, or the problem.
 *
 * @example
 * const r: ValueCheck = { ok: true, value: 3 }
 */
export type ValueCheck = { ok: true; value: number | boolean | string | null } | { ok: false; problem: ValueProblem }

/**
 * Checks one typed value against its data element: type, whole numbers, bounds. `null` is "no
 * data" and always fits; yes/no takes `true`/`false` (or 1/0); a document is uploaded as a file,
 * never typed. Surfaces that read text (a spreadsheet cell, an input) turn it into a typed value
 * first ({@link parseNumberText}).
 *
 * @example
 * checkValue({ valueType: 'integer', min: 0 }, 2.5) // { ok: false, problem: { code: 'expected_integer', value: 2.5 } }
 */
export function checkValue(element: Pick<DataElement, 'valueType' | 'min' | 'max'>, raw: unknown): ValueCheck {
  if (raw === null) return { ok: true, value: null }
  switch (element.valueType) {
    case 'boolean':
      if (raw === true || raw === 1) return { ok: true, value: true }
      if (raw === false || raw === 0) return { ok: true, value: false }
      return { ok: false, problem: { code: 'expected_boolean', got: raw } }
    case 'text':
      return typeof raw === 'string'
        ? { ok: true, value: raw }
        : { ok: false, problem: { code: 'expected_text', got: raw } }
    case 'document':
      return { ok: false, problem: { code: 'document' } }
    case 'integer':
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw))
        return { ok: false, problem: { code: 'expected_number', got: raw } }
      if (element.valueType === 'integer' && !Number.isInteger(raw))
        return { ok: false, problem: { code: 'expected_integer', value: raw } }
      if (element.min !== undefined && raw < element.min)
        return { ok: false, problem: { code: 'below_min', value: raw, min: element.min } }
      if (element.max !== undefined && raw > element.max)
        return { ok: false, problem: { code: 'above_max', value: raw, max: element.max } }
      return { ok: true, value: raw }
    }
  }
}

/**
 * A number typed as text the Russian way or the English way: `1,5`, `1 000`, `-2.25`; undefined
 * when the text is not a number.
 *
 * @example
 * parseNumberText('1 000,5') // 1000.5
 */
export function parseNumberText(text: string): number | undefined {
  if (!/^[+-]?[\d\s\u00a0]*\d([.,]\d+)?$/.test(text.trim())) return undefined
  const n = Number(
    text
      .trim()
      .replace(/[\s\u00a0]/g, '')
      .replace(',', '.'),
  )
  return Number.isFinite(n) ? n : undefined
}
