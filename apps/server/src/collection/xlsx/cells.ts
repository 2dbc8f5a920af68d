import type ExcelJS from 'exceljs'

/** The statuses as every exported workbook words them. */
export const STATUS_TITLES: Readonly<Record<string, string>> = {
  met: 'достигнуто',
  partly_met: 'частично',
  not_met: 'не достигнуто',
  no_data: 'нет данных',
}

/** A text a spreadsheet might take for a formula (`=`, `+`, `-`, `@` first). */
const FORMULA_LIKE = /^[=+\-@]/

/**
 * Writes a string as a text cell. exceljs stores strings as shared strings, never as formulas; the
 * text format `@` also keeps a spreadsheet from reading `=1+1` typed back into the cell as one.
 *
 * @example
 * setText(ws.getCell('A1'), '=HYPERLINK("x")') // shown literally
 */
export function setText(cell: ExcelJS.Cell, value: string): void {
  cell.value = value
  if (FORMULA_LIKE.test(value)) cell.numFmt = '@'
}

/**
 * The last step of every exported workbook: each string cell that a spreadsheet might take for a
 * formula (a school named `=HYPERLINK(…)`, a comment `+7 …`, `@user`) gets the text format, so it
 * stays text even when someone edits the cell. exceljs writes strings as strings, never as `<f>`;
 * this covers the other half of CSV/formula injection, whoever built the row.
 *
 * @example
 * guardTextCells(wb)
 * return Buffer.from(await wb.xlsx.writeBuffer())
 */
export function guardTextCells(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') setText(cell, cell.value)
      }),
    ),
  )
}
