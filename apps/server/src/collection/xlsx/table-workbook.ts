import ExcelJS from 'exceljs'
import { guardTextCells, setText } from './cells.ts'

/** One column of an exported table: the row's key, its Russian header and width. */
export interface TableColumn<K extends string> {
  key: K
  header: string
  width: number
}

/**
 * A list exported as XLSX: a title line, a header row (frozen) and one row per item. Strings are
 * written as text (a user's `=…` stays literal), numbers as numbers, missing as an empty cell.
 *
 * @example
 * await buildTableWorkbook('Качество данных', 'Демонстрационный край, 2025/26', columns, rows)
 */
export async function buildTableWorkbook<K extends string>(
  sheet: string,
  title: string,
  columns: readonly TableColumn<K>[],
  rows: readonly Record<K, string | number | null>[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'profmon'
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 2 }] })
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }))
  setText(ws.getCell('A1'), title)
  ws.getCell('A1').font = { bold: true }
  const head = ws.getRow(2)
  columns.forEach((c, i) => (head.getCell(i + 1).value = c.header))
  head.font = { bold: true }
  for (const item of rows) {
    const row = ws.addRow({})
    columns.forEach((c, i) => {
      const v = item[c.key]
      const cell = row.getCell(i + 1)
      if (typeof v === 'string') setText(cell, v)
      else cell.value = v
      if (typeof v === 'string') cell.alignment = { wrapText: v.length > 60, vertical: 'top' }
    })
  }
  guardTextCells(wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
