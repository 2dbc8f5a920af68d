import ExcelJS from 'exceljs'
import { guardTextCells } from './cells.ts'
import { sql, type Database, type Kysely } from '@profmon/db'
import type { Catalog } from '../../catalog/catalog.ts'
import { CollectionPlans, entryDepthIn } from '../campaigns/collection-plan.ts'
import { registrySourcedElements } from '../../analytics/derived/element-sources.ts'
import { regionIdOf } from '../../org/org-units.ts'
import { planSheets, TOTAL_TITLE, type SheetPlan } from './columns.ts'
import { columnLetter, LAYOUT, NO, YES } from './layout.ts'

export interface ValuesWorkbookArgs {
  root: { id: number; path: string }
  period: { id: number; code: string; title: string }
  pluginId: string
  /** Template: data validation on every value cell. An export leaves it out. */
  validation: boolean
}

/** A unit row of a sheet. */
interface UnitRow {
  id: number
  name: string
  level: number
}

/**
 * A direction's values for a subtree as XLSX: one sheet per entry level, one row per org unit of
 * that level, one column per element × option, the current values filled in. The same workbook
 * is the import template (with validation) and the values export (without).
 *
 * @example
 * const xlsx = await buildValuesWorkbook(db, catalog, { root, period, pluginId: 'deficits', validation: true })
 */
export async function buildValuesWorkbook(
  db: Kysely<Database>,
  catalog: Catalog,
  args: ValuesWorkbookArgs,
): Promise<Buffer> {
  const regionId = regionIdOf(args.root)
  const plan = (await CollectionPlans.load(db, [regionId], [args.period.id])).plan(regionId, args.period.id)
  // The import template leaves out the elements the campaign counts from the teacher registry: not typed.
  const counted = args.validation
    ? new Set(
        ((await registrySourcedElements(db, catalog, regionId, [args.period.id])).get(args.period.id) ?? []).map(
          (e) => e.id,
        ),
      )
    : new Set<number>()
  const plans = planSheets(catalog, args.pluginId, (el) => entryDepthIn(plan, el))
    .map((p) => ({ ...p, columns: p.columns.filter((c) => !counted.has(c.element.id)) }))
    .filter((p) => p.columns.length)
  const units = await db
    .selectFrom('org_unit')
    .select(['id', 'name', 'level'])
    .where('path', 'like', `${args.root.path}%`)
    .where('level', 'in', plans.length ? plans.map((p) => p.depth) : [-1])
    .orderBy('parent_id')
    .orderBy(sql`name collate "und-x-icu"`)
    .execute()
  const elementIds = [...new Set(plans.flatMap((p) => p.columns.map((c) => c.element.id)))]
  const values = elementIds.length
    ? (
        await sql<{
          org_unit_id: number
          element_id: number
          option_id: number
          value: number | null
          text_value: string | null
        }>`
          select v.org_unit_id, v.element_id, v.option_id, v.value, v.text_value
          from data_value v join org_unit o on o.id = v.org_unit_id
          where o.path like ${`${args.root.path}%`} and v.period_id = ${args.period.id}
            and v.element_id = any(${elementIds}::int[])
        `.execute(db)
      ).rows
    : []
  const byKey = new Map(values.map((v) => [`${v.org_unit_id}:${v.element_id}:${v.option_id}`, v]))

  const wb = new ExcelJS.Workbook()
  wb.creator = 'profmon'
  for (const plan of plans)
    addSheet(
      wb,
      plan,
      units.filter((u) => u.level === plan.depth),
      byKey,
      args.validation,
    )
  if (!plans.length) wb.addWorksheet('Нет данных').getCell('A1').value = 'У направления нет показателей для ввода'
  guardTextCells(wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

function addSheet(
  wb: ExcelJS.Workbook,
  plan: SheetPlan,
  units: UnitRow[],
  byKey: Map<string, { value: number | null; text_value: string | null }>,
  validation: boolean,
) {
  const ws = wb.addWorksheet(plan.name, {
    views: [{ state: 'frozen', xSplit: LAYOUT.nameColumn, ySplit: LAYOUT.codeRow }],
  })
  const titles = ws.getRow(LAYOUT.titleRow)
  const options = ws.getRow(LAYOUT.optionRow)
  const codes = ws.getRow(LAYOUT.codeRow)
  titles.getCell(LAYOUT.idColumn).value = 'ID'
  titles.getCell(LAYOUT.nameColumn).value =
    plan.depth === 3 ? 'Организация' : plan.depth === 2 ? 'Муниципалитет' : 'Регион'
  codes.getCell(LAYOUT.idColumn).value = LAYOUT.idCode
  codes.getCell(LAYOUT.nameColumn).value = LAYOUT.nameCode
  plan.columns.forEach((col, i) => {
    const n = LAYOUT.firstValueColumn + i
    titles.getCell(n).value = col.element.definition.title.ru
    options.getCell(n).value = col.option?.title ?? TOTAL_TITLE
    codes.getCell(n).value = col.code
  })
  titles.font = { bold: true }
  titles.alignment = { wrapText: true, vertical: 'top' }
  options.font = { italic: true }
  // The codes are what an import reads; hidden so that nobody edits them by accident.
  codes.hidden = true
  ws.getColumn(LAYOUT.idColumn).width = 8
  ws.getColumn(LAYOUT.nameColumn).width = 40
  for (let i = 0; i < plan.columns.length; i++) ws.getColumn(LAYOUT.firstValueColumn + i).width = 16

  units.forEach((unit, r) => {
    const row = ws.getRow(LAYOUT.firstDataRow + r)
    row.getCell(LAYOUT.idColumn).value = unit.id
    row.getCell(LAYOUT.nameColumn).value = unit.name
    plan.columns.forEach((col, i) => {
      const v = byKey.get(`${unit.id}:${col.element.id}:${col.option?.id ?? 0}`)
      if (!v) return
      const type = col.element.definition.valueType
      const cell = row.getCell(LAYOUT.firstValueColumn + i)
      if (type === 'text') cell.value = v.text_value
      else if (v.value !== null) cell.value = type === 'boolean' ? (v.value !== 0 ? YES : NO) : v.value
    })
  })

  if (!validation) return
  const lastRow = LAYOUT.firstDataRow + Math.max(units.length, 1) - 1
  plan.columns.forEach((col, i) => {
    const letter = columnLetter(LAYOUT.firstValueColumn + i)
    const range = `${letter}${LAYOUT.firstDataRow}:${letter}${lastRow}`
    const rule = validationOf(col.element.definition)
    // One range per column: exceljs's per-cell validation writes overlapping ranges.
    if (rule) (ws as WithValidations).dataValidations.add(range, rule)
  })
}

/** exceljs has range validations (`dataValidations.add`) but leaves them out of its typings. */
type WithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void }
}

function validationOf(d: {
  valueType: string
  min?: number | undefined
  max?: number | undefined
}): ExcelJS.DataValidation | undefined {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Недопустимое значение',
  } as const
  if (d.valueType === 'boolean')
    return { ...common, type: 'list', formulae: [`"${YES},${NO}"`], error: `Выберите «${YES}» или «${NO}»` }
  if (d.valueType !== 'integer' && d.valueType !== 'number') return undefined
  const type = d.valueType === 'integer' ? 'whole' : 'decimal'
  const what = d.valueType === 'integer' ? 'Целое число' : 'Число'
  if (d.min !== undefined && d.max !== undefined)
    return { ...common, type, operator: 'between', formulae: [d.min, d.max], error: `${what} от ${d.min} до ${d.max}` }
  if (d.min !== undefined)
    return { ...common, type, operator: 'greaterThanOrEqual', formulae: [d.min], error: `${what} не меньше ${d.min}` }
  if (d.max !== undefined)
    return { ...common, type, operator: 'lessThanOrEqual', formulae: [d.max], error: `${what} не больше ${d.max}` }
  // No bounds: still a number; a whole/decimal rule needs one, so the widest one.
  return { ...common, type, operator: 'greaterThanOrEqual', formulae: [-1e15], error: what }
}
