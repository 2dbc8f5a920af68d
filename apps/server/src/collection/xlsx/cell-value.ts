import type ExcelJS from 'exceljs'
import type { DataElement } from '@profmon/contract'
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

/**
 * Turns a cell into a value of its data element, with the same rules as `checkValue` (type,
 * bounds, entry level) but Russian reasons naming what the cell holds. `1,5` and `1 000` are
 * numbers (Russian number format typed as text); booleans are «да»/«нет» (true/false, 1/0 too).
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
  const shown = typeof raw === 'object' ? JSON.stringify(raw) : String(raw)
  switch (d.valueType) {
    case 'boolean': {
      const s = String(raw).trim().toLowerCase()
      if (raw === true || s === YES || s === 'true' || s === '1') return { ok: true, value: true }
      if (raw === false || s === NO || s === 'false' || s === '0') return { ok: true, value: false }
      return { ok: false, message: `ожидается «${YES}» или «${NO}», а в ячейке «${shown}»` }
    }
    case 'text':
      return typeof raw === 'string' || typeof raw === 'number'
        ? { ok: true, value: String(raw) }
        : { ok: false, message: `ожидается текст, а в ячейке «${shown}»` }
    case 'document':
      return { ok: false, message: 'документ загружается файлом, а не в ячейку' }
    case 'integer':
    case 'number': {
      let n: number | undefined
      if (typeof raw === 'number') n = raw
      else if (typeof raw === 'string' && /^[+-]?[\d\s\u00a0]*\d([.,]\d+)?$/.test(raw))
        n = Number(raw.replace(/[\s\u00a0]/g, '').replace(',', '.'))
      if (n === undefined || !Number.isFinite(n))
        return { ok: false, message: `ожидается число, а в ячейке «${shown}»` }
      if (d.valueType === 'integer' && !Number.isInteger(n))
        return { ok: false, message: `ожидается целое число, а в ячейке ${n}` }
      if (d.min !== undefined && n < d.min) return { ok: false, message: `${n} меньше допустимого минимума ${d.min}` }
      if (d.max !== undefined && n > d.max) return { ok: false, message: `${n} больше допустимого максимума ${d.max}` }
      return { ok: true, value: n }
    }
  }
}
