import type { DataElement } from '@profmon/contract'
import { checkValue, parseNumberText, type ValueProblem } from '@profmon/contract/rules'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** The entry form's wording of the contract's value problems (i18n keys of `entry.*`). */
function reason(p: ValueProblem, t: Translate): string {
  switch (p.code) {
    case 'expected_integer':
      return t('entry.wholeNumber')
    case 'below_min':
      return t('entry.min', { min: p.min })
    case 'above_max':
      return t('entry.max', { max: p.max })
    default:
      return t('entry.notANumber')
  }
}

/**
 * Bounds and type of one typed cell, with the contract's rules (`checkValue`) that the server
 * applies: a cell that fails is shown with the reason and not saved. Empty is "no data", never an
 * error; yes/no and text take any entry.
 *
 * @example
 * boundsError({ valueType: 'integer', min: 0 } as DataElement, '-1', t) // 'не меньше 0'
 */
export function boundsError(e: DataElement, raw: string, t: Translate): string | null {
  if (raw.trim() === '' || e.valueType === 'boolean' || e.valueType === 'text') return null
  const checked = checkValue(e, parseNumberText(raw) ?? raw)
  return checked.ok ? null : reason(checked.problem, t)
}
