import { checkValue as checkAgainstElement, type ValueProblem } from '@profmon/contract/rules'
import type { CatalogElement } from '../catalog/catalog.ts'

const LEVEL_NAMES: Record<number, string> = { 1: 'the region', 2: 'a municipality', 3: 'an organisation' }

/** The API's English wording of the contract's value problems. */
function reason(code: string, p: ValueProblem): string {
  switch (p.code) {
    case 'expected_boolean':
      return `"${code}" takes true or false, got ${JSON.stringify(p.got)}`
    case 'expected_text':
      return `"${code}" takes text`
    case 'document':
      return `"${code}" is a document: upload it as a file`
    case 'expected_number':
      return `"${code}" takes a number, got ${JSON.stringify(p.got)}`
    case 'expected_integer':
      return `"${code}" takes a whole number, got ${p.value}`
    case 'below_min':
      return `${p.value} is below the minimum ${p.min} of "${code}"`
    case 'above_max':
      return `${p.value} is above the maximum ${p.max} of "${code}"`
  }
}

/**
 * Checks one value against its data element (the contract's `checkValue`: type, bounds) and the
 * org level it is entered at. Returns the value as stored (numbers; booleans as 1/0; text apart)
 * or a reason.
 */
export function checkValue(
  el: CatalogElement,
  raw: unknown,
  unitLevel: number,
  /** Where the region's campaign has it entered; the manifest's level by default. */
  entryDepth = el.entryDepth,
):
  { ok: true; value: number | null; text: string | null } | { ok: false; field: 'value' | 'orgUnit'; message: string } {
  const d = el.definition
  if (unitLevel !== entryDepth)
    return {
      ok: false,
      field: 'orgUnit',
      message: `"${d.code}" is entered by ${LEVEL_NAMES[entryDepth]}, not by ${LEVEL_NAMES[unitLevel]}`,
    }
  const checked = checkAgainstElement(d, raw)
  if (!checked.ok) return { ok: false, field: 'value', message: reason(d.code, checked.problem) }
  const v = checked.value
  if (typeof v === 'string') return { ok: true, value: null, text: v }
  return { ok: true, value: typeof v === 'boolean' ? (v ? 1 : 0) : v, text: null }
}
