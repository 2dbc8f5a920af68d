import type ExcelJS from 'exceljs'
import type { DataElement } from '@profmon/contract'
import { checkValue, parseNumberText, type ValueProblem } from '@profmon/contract/rules'
import { NO, YES } from './layout.ts'

/** What a cell holds once formulas, rich text and hyperlinks are looked through. */
export function plainCell(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim()
  if (typeof v !== 'object' || v instanceof Date) return v
  if ('result' in v) return plainCell(v.result as ExcelJS.CellValue)
  if ('richText' in v) return plainCell(v.richText.map((t) => t.text).join(''))
  if ('text' in v) return plainCell(v.text as ExcelJS.CellValue)
  if ('error' in v) return { error: v.error }
  return v
}

const LEVEL_GENITIVE: Record<number, string> = { 1: 'региона', 2: 'муниципалитета', 3: 'организации' }

/** Why a value is refused, in the words the UI shows; or the value as the batch write takes it. */
export type CellCheck = { ok: true; value: number | boolean | string | null } | { ok: false; message: string }

/** What a cell's text means for the element's type: «да»/«нет», Russian numbers, text as typed. */
function typedCell(d: DataElement, raw: unknown): unknown {
  switch (d.valueType) {
    case 'boolean': {
      const s = String(raw).trim().toLowerCase()
      if (raw === true || s === YES || s === 'true' || s === '1') return true
      if (raw === false || s === NO || s === 'false' || s === '0') return false
      return raw
    }
    case 'text':
      return typeof raw === 'number' ? String(raw) : raw
    case 'integer':
    case 'number':
      return typeof raw === 'string' ? (parseNumberText(raw) ?? raw) : raw
    default:
      return raw
  }
}

/** The Russian wording of the contract's value problems, naming what the cell holds. */
function reason(p: ValueProblem): string {
  const shown = (v: unknown) => (typeof v === 'object' ? JSON.stringify(v) : String(v))
  switch (p.code) {
    case 'expected_boolean':
      return `ожидается «${YES}» или «${NO}», а в ячейке «${shown(p.got)}»`
    case 'expected_text':
      return `ожидается текст, а в ячейке «${shown(p.got)}»`
    case 'document':
      return 'документ загружается файлом, а не в ячейку'
    case 'expected_number':
      return `ожидается число, а в ячейке «${shown(p.got)}»`
    case 'expected_integer':
      return `ожидается целое число, а в ячейке ${p.value}`
    case 'below_min':
      return `${p.value} меньше допустимого минимума ${p.min}`
    case 'above_max':
      return `${p.value} больше допустимого максимума ${p.max}`
  }
}

/**
 * Turns a cell into a value of its data element, with the contract's rules (`checkValue`: type,
 * bounds) and the entry level, and Russian reasons naming what the cell holds. `1,5` and `1 000`
 * are numbers (Russian number format typed as text); booleans are «да»/«нет» (true/false, 1/0 too).
 *
 * @example
 * checkCell({ valueType: 'integer', min: 0, ... }, 3, '2,5', 3) // { ok: false, message: 'ожидается целое число, а в ячейке 2.5' }
 */
export function checkCell(d: DataElement, entryDepth: number, raw: unknown, unitLevel: number): CellCheck {
  if (raw === null) return { ok: true, value: null }
  if (unitLevel !== entryDepth)
    return {
      ok: false,
      message: `показатель вводится на уровне ${LEVEL_GENITIVE[entryDepth]}, а в строке — ${LEVEL_GENITIVE[unitLevel] ?? 'другой уровень'}`,
    }
  const checked = checkValue(d, typedCell(d, raw))
  return checked.ok ? checked : { ok: false, message: reason(checked.problem) }
}
