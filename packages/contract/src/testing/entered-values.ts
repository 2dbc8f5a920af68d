import type { RawValue } from '../rollup/lookup.ts'
import type { FixtureUnit } from './fixture-tree.ts'

/**
 * What one org unit entered: an element's total, or `{ total, <option>: … }` with its breakdown.
 *
 * @example
 * const s1: EnteredEntries = { teachers_total: 40, vacancies: { total: 2, math: 1 } }
 */
export type EnteredEntries = Record<string, number | Record<string, number>>

/**
 * Raw values one org unit entered, by element code without the plugin's prefix (a full code —
 * a core element's `core.teachers_total` — as it is). A number is the element's total; `{ total, <option>: … }` enters the total and its breakdown options (either
 * may be left out). An element not listed is "not reported", never 0.
 *
 * @param prefix the plugin's code prefix, with or without the dot (`'staffing'`, `'staffing.'`)
 * @example
 * enteredValues('staffing', 'S1', { 'core.teachers_total': 40, vacancies: { total: 2, math: 1 } })
 * // [{ orgUnit: 'S1', element: 'core.teachers_total', option: null, value: 40 },
 * //  { orgUnit: 'S1', element: 'staffing.vacancies', option: null, value: 2 },
 * //  { orgUnit: 'S1', element: 'staffing.vacancies', option: 'math', value: 1 }]
 */
export function enteredValues(prefix: string, unit: FixtureUnit, entries: EnteredEntries): RawValue[] {
  const dotted = prefix.endsWith('.') ? prefix : `${prefix}.`
  return Object.entries(entries).flatMap(([code, entry]) =>
    Object.entries(typeof entry === 'number' ? { total: entry } : entry).map(([option, value]) => ({
      orgUnit: unit,
      element: code.includes('.') ? code : `${dotted}${code}`,
      option: option === 'total' ? null : option,
      value,
    })),
  )
}
