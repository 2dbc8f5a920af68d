import ExcelJS from 'exceljs'
import { test, expect, login, demoUnits } from './fixtures.ts'

const PERIOD = '2025-26'
// A 1×1 PNG: an image passes the evidence upload's check by content.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

test('a coordinator fills the XLSX template of the municipality and uploads it back; a wrong file is refused', async ({
  page,
}) => {
  await login(page, 'mun1')
  const me = (await (await page.request.get('/api/auth/me')).json()) as { roles: { orgUnit: { id: number } }[] }
  const mun = me.roles[0]!.orgUnit.id
  const schools = (await (await page.request.get(`/api/org-units/${mun}/children`)).json()) as { id: number }[]
  await page.goto(`/entry?unit=${mun}&period=${PERIOD}&plugin=deficits`)
  await expect(page.getByTestId('xlsx-panel')).toBeVisible()

  // Not an XLSX (the content is checked, not the name): refused with a clear message.
  await page.getByTestId('xlsx-file').setInputFiles({
    name: 'отчёт.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from('это не таблица'),
  })
  await expect(page.getByTestId('xlsx-failure')).toBeVisible()

  // The template of the subtree, filled in a spreadsheet program (here: exceljs), goes back in.
  const template = await page.request.get(`/api/imports/template?orgUnit=${mun}&period=${PERIOD}&plugin=deficits`)
  expect(template.status()).toBe(200)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(await template.body()))
  const sheet = book.worksheets.find((ws) => ws.getCell('A4').value === schools[0]!.id) ?? book.worksheets[0]!
  const codes = sheet.getRow(3).values as (string | undefined)[]
  const column = codes.findIndex((c) => c === 'deficits.pd_federal')
  expect(column).toBeGreaterThan(0)
  const row = sheet.getColumn(1).values.findIndex((v) => v === schools[0]!.id)
  sheet.getCell(row, column).value = 11
  const filled = Buffer.from(await book.xlsx.writeBuffer())
  await page.getByTestId('xlsx-file').setInputFiles({
    name: 'заполнено.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: filled,
  })
  await expect(page.getByTestId('xlsx-result')).toContainText('Файл принят')
  const values = (await (
    await page.request.get(`/api/data-values?orgUnit=${schools[0]!.id}&period=${PERIOD}&plugin=deficits`)
  ).json()) as { values: { element: string; option: string | null; value: number }[] }
  expect(values.values.find((v) => v.element === 'deficits.pd_federal' && v.option === null)?.value).toBe(11)
})

test('a coordinator attaches and removes an evidence document of a presence indicator', async ({ page }) => {
  await login(page, 'mun1')
  const { municipalities } = await demoUnits(page)
  const me = (await (await page.request.get('/api/auth/me')).json()) as { roles: { orgUnit: { id: number } }[] }
  const mun = me.roles[0]!.orgUnit.id
  expect(municipalities.length).toBeGreaterThan(0)
  await page.goto(`/entry?unit=${mun}&period=${PERIOD}&plugin=deficits`)
  const panel = page.getByTestId('evidence-panel')
  const item = panel.locator('[data-document="deficits.analysis_report"]')
  await expect(item).toBeVisible()
  await item.locator('input[type=file]').setInputFiles({ name: 'справка.png', mimeType: 'image/png', buffer: PNG })
  const attached = item.getByRole('link', { name: 'справка.png' })
  await expect(attached).toBeVisible()
  await expect(item).toContainText('mun1')
  await expect(item).toContainText('✓')
  await item.locator('li').filter({ hasText: 'справка.png' }).getByRole('button', { name: 'Удалить документ' }).click()
  await expect(attached).toHaveCount(0)
})
