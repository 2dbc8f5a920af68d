/**
 * Where things are in a values workbook (template, import, export): row 1 element titles, row 2
 * option titles, row 3 the hidden codes an import reads, data from row 4; column A the org unit
 * id, B its name, value columns from C.
 */
export const LAYOUT = {
  titleRow: 1,
  optionRow: 2,
  codeRow: 3,
  firstDataRow: 4,
  idColumn: 1,
  nameColumn: 2,
  firstValueColumn: 3,
  idCode: 'org_unit',
  nameCode: 'name',
} as const

/** Cell texts of booleans, and what an import also accepts for them. */
export const YES = 'да'
export const NO = 'нет'

/** Column letters of a 1-based column number: 1 → A, 28 → AB. */
export function columnLetter(n: number): string {
  let s = ''
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s
  return s
}
