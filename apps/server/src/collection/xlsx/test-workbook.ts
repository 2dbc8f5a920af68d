import ExcelJS from 'exceljs'
import type { TestApp } from '../../testing/test-app.ts'
import { createSession, SESSION_COOKIE } from '../../access/sessions.ts'
import { LAYOUT } from './layout.ts'

/** Test helper: a workbook from bytes, and back. */
export async function readWorkbook(bytes: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as ArrayBuffer)
  return wb
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

/** Column number of a code in a template sheet's hidden code row. */
export function columnOf(ws: ExcelJS.Worksheet, code: string): number {
  let found = 0
  ws.getRow(LAYOUT.codeRow).eachCell((cell, n) => {
    if (cell.value === code) found = n
  })
  if (!found) throw new Error(`no column ${code} in sheet ${ws.name}`)
  return found
}

/** Row number of an org unit in a template sheet. */
export function rowOf(ws: ExcelJS.Worksheet, unitId: number): number {
  for (let r = LAYOUT.firstDataRow; r <= ws.rowCount; r++)
    if (ws.getRow(r).getCell(LAYOUT.idColumn).value === unitId) return r
  throw new Error(`no row of org unit ${unitId} in sheet ${ws.name}`)
}

/** An empty import template of the deficits direction (headers and codes, no rows). */
export async function emptyDeficitsTemplate(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Организации')
  ws.getRow(LAYOUT.codeRow).values = [LAYOUT.idCode, LAYOUT.nameCode, 'core.teachers_total']
  return workbookBytes(wb)
}

/** A multipart form with a file and fields. */
export function uploadForm(bytes: Uint8Array, fileName: string, fields: Record<string, string | number>): FormData {
  const form = new FormData()
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], fileName))
  for (const [k, v] of Object.entries(fields)) form.set(k, String(v))
  return form
}

/** Calls the app as a user with a raw body (multipart, bytes), returning the raw response. */
export async function requestAs(
  t: TestApp,
  login: string,
  method: string,
  path: string,
  body?: FormData,
): Promise<Response> {
  const user = await t.deps.db.selectFrom('app_user').select('id').where('login', '=', login).executeTakeFirstOrThrow()
  const { token } = await createSession(t.deps.db, user.id, { address: null, userAgent: 'vitest' })
  return t.app.request(path, {
    method,
    headers: { cookie: `${SESSION_COOKIE}=${token}`, 'sec-fetch-site': 'same-origin' },
    ...(body ? { body } : {}),
  })
}
