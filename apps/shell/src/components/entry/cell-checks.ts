import type { DataElement } from '@profmon/contract'

type Translate = (key: string, named?: Record<string, unknown>) => string

/**
 * Bounds and type of one typed cell, the same checks the server makes: a cell that fails is shown
 * with the reason and not saved. Empty is "no data", never an error; yes/no and text take any entry.
 *
 * @example
 * boundsError({ valueType: 'integer', min: 0 } as DataElement, '-1', t) // 'не меньше 0'
 */
export function boundsError(e: DataElement, raw: string, t: Translate): string | null {
  if (raw.trim() === '' || e.valueType === 'boolean' || e.valueType === 'text') return null
  const n = Number(raw.replace(',', '.'))
  if (!Number.isFinite(n)) return t('entry.notANumber')
  if (e.valueType === 'integer' && !Number.isInteger(n)) return t('entry.wholeNumber')
  if (e.min !== undefined && n < e.min) return t('entry.min', { min: e.min })
  if (e.max !== undefined && n > e.max) return t('entry.max', { max: e.max })
  return null
}
