import ExcelJS from 'exceljs'
import { sql, type Database, type Kysely } from '@profmon/db'
import type { Scope } from '../../access/scope.ts'
import { LOCAL_GROUP, LOCAL_TITLE, type Catalog } from '../../catalog/catalog.ts'
import { DomainError } from '../../errors.ts'
import { regionIdOf } from '../../org/org-units.ts'
import { enabledPluginIds } from '../../plugins/enabled.ts'
import { writeValues, type ValueInput } from '../../values/write-values.ts'
import { checkCell, plainCell } from './cell-value.ts'
import { CollectionPlans } from '../campaigns/collection-plan.ts'
import { columnTitle, planSheets, type ValueColumn } from './columns.ts'
import { columnLetter, LAYOUT } from './layout.ts'
import { inspectWorkbook } from './zip-guard.ts'

/** One refused cell (or row, or sheet), named the way a person finds it in the file. */
export interface ImportError {
  sheet: string
  /** `Школа № 1 (строка 5)`; empty for a sheet-wide problem. */
  row: string
  /** `Количество педагогов — Математика (D)`; `ID (A)` for a row-wide problem. */
  column: string
  message: string
  /** `D5`, for the UI to highlight. */
  cell: string
}

export interface ImportResult {
  ok: boolean
  written: number
  errors: ImportError[]
}

/** The first bytes of every XLSX (a zip archive): `PK\x03\x04`. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

interface PendingCell {
  input: ValueInput
  error: Omit<ImportError, 'message'>
}

/**
 * Imports a filled template: reads every sheet once, checks every cell (org unit known, in the
 * caller's write scope and of the element's entry level, direction enabled, type and bounds),
 * and only when nothing is wrong writes all values with the same batch write as
 * `POST /api/data-values` — one transaction, versions, locks and audit included. An empty cell
 * removes a value that exists. Any refusal writes nothing.
 *
 * @example
 * const r = await importWorkbook(db, catalog, scope, 'mun1', bytes, { period: '2025-26', pluginId: 'deficits' })
 * r.ok ? r.written : r.errors // [{ sheet: 'Организации', row: 'Школа № 1 (строка 4)', column: '…', message: '…' }]
 */
export async function importWorkbook(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  actor: string,
  bytes: Uint8Array,
  target: { period: { id: number; code: string }; pluginId: string },
): Promise<ImportResult> {
  if (!looksLikeZip(bytes))
    throw new DomainError(
      'unsupported',
      'unsupported_media_type',
      'Файл не является книгой Excel (XLSX): загрузите заполненный шаблон',
    )
  inspectWorkbook(bytes)
  const wb = new ExcelJS.Workbook()
  try {
    // The template's drop-down lists are not read back (every cell is checked here): expanding
    // their ranges cell by cell was a tenth of a large import.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations'] })
  } catch {
    throw new DomainError('unsupported', 'unsupported_media_type', 'Файл повреждён или не является книгой Excel (XLSX)')
  }
  const columnsByCode = new Map(planSheets(catalog, target.pluginId).flatMap((p) => p.columns.map((c) => [c.code, c])))
  const errors: ImportError[] = []
  const rows: {
    sheet: string
    rowNumber: number
    unitId: number | null
    rawId: unknown
    row: ExcelJS.Row
    columns: Map<number, ValueColumn>
  }[] = []

  for (const ws of wb.worksheets) {
    const codes = ws.getRow(LAYOUT.codeRow)
    if (plainCell(codes.getCell(LAYOUT.idColumn).value) !== LAYOUT.idCode) {
      errors.push({
        sheet: ws.name,
        row: '',
        column: '',
        cell: '',
        message: 'лист не из шаблона: нет скрытой строки кодов (строка 3)',
      })
      continue
    }
    const columns = new Map<number, ValueColumn>()
    codes.eachCell((cell, n) => {
      if (n < LAYOUT.firstValueColumn) return
      const code = plainCell(cell.value)
      const col = typeof code === 'string' ? columnsByCode.get(code) : undefined
      if (col) columns.set(n, col)
      else
        errors.push({
          sheet: ws.name,
          row: '',
          column: `${String(ws.getRow(LAYOUT.titleRow).getCell(n).value ?? code)} (${columnLetter(n)})`,
          cell: `${columnLetter(n)}${LAYOUT.codeRow}`,
          message: `неизвестный столбец «${String(code)}»: скачайте свежий шаблон этого направления`,
        })
    })
    for (let r = LAYOUT.firstDataRow; r <= ws.rowCount; r++) {
      const row = ws.getRow(r)
      if (!row.hasValues) continue
      const rawId = plainCell(row.getCell(LAYOUT.idColumn).value)
      rows.push({
        sheet: ws.name,
        rowNumber: r,
        rawId,
        unitId: Number.isInteger(rawId) ? (rawId as number) : null,
        row,
        columns,
      })
    }
  }

  const ids = [...new Set(rows.flatMap((r) => (r.unitId === null ? [] : [r.unitId])))]
  const units = ids.length
    ? await db.selectFrom('org_unit').select(['id', 'name', 'level', 'path']).where('id', 'in', ids).execute()
    : []
  const unitById = new Map(units.map((u) => [u.id, u]))
  const enabled = new Map<number, boolean>()
  const regionIds = [...new Set(units.map(regionIdOf))]
  for (const region of regionIds)
    enabled.set(
      region,
      target.pluginId === LOCAL_GROUP || (await enabledPluginIds(db, catalog, region)).includes(target.pluginId),
    )
  const plans = await CollectionPlans.load(db, regionIds, [target.period.id])
  const elementIds = [...new Set([...columnsByCode.values()].map((c) => c.element.id))]
  // The current values, read once: an unchanged cell is not written (nor audited, nor refused by
  // an entry lock — a region's template re-uploaded after some schools' approval still goes
  // through), and an empty cell removes only a value that exists.
  const current = new Map(
    ids.length && elementIds.length
      ? (
          await sql<{ k: string; value: number | null; text_value: string | null }>`
            select org_unit_id || ':' || element_id || ':' || option_id as k, value, text_value from data_value
            where org_unit_id = any(${ids}::int[]) and period_id = ${target.period.id}
              and element_id = any(${elementIds}::int[])
          `.execute(db)
        ).rows.map((r) => [r.k, r] as const)
      : [],
  )

  const pending: PendingCell[] = []
  const seen = new Map<string, number>()
  for (const r of rows) {
    const unit = r.unitId === null ? undefined : unitById.get(r.unitId)
    const name = unit?.name ?? String(plainCell(r.row.getCell(LAYOUT.nameColumn).value) ?? '')
    const rowLabel = `${name || 'без названия'} (строка ${r.rowNumber})`
    const rowError = (message: string) =>
      errors.push({ sheet: r.sheet, row: rowLabel, column: `ID (A)`, cell: `A${r.rowNumber}`, message })
    if (!unit) {
      rowError(r.rawId === null ? 'не указан ID организации' : `неизвестная организация (ID ${String(r.rawId)})`)
      continue
    }
    if (!scope.canWrite(unit, 'data')) {
      rowError(`организация «${unit.name}» вне вашей зоны ответственности`)
      continue
    }
    if (!enabled.get(regionIdOf(unit))) {
      rowError(`направление «${(catalog.plugins.get(target.pluginId)?.title ?? LOCAL_TITLE).ru}» не включено в регионе`)
      continue
    }
    if (!plans.collects(regionIdOf(unit), target.period.id, target.pluginId)) {
      rowError(
        `направление «${(catalog.plugins.get(target.pluginId)?.title ?? LOCAL_TITLE).ru}» не собирается в ${target.period.code} (кампания региона)`,
      )
      continue
    }
    const first = seen.get(`${r.sheet}:${unit.id}`)
    if (first) {
      rowError(`организация уже есть на этом листе в строке ${first}`)
      continue
    }
    seen.set(`${r.sheet}:${unit.id}`, r.rowNumber)
    for (const [n, col] of r.columns) {
      const raw = plainCell(r.row.getCell(n).value)
      const at = {
        sheet: r.sheet,
        row: rowLabel,
        column: `${columnTitle(col)} (${columnLetter(n)})`,
        cell: `${columnLetter(n)}${r.rowNumber}`,
      }
      const depth = plans.entryDepth(regionIdOf(unit), target.period.id, col.element)
      const checked = checkCell(col.element.definition, depth, raw, unit.level)
      if (!checked.ok) {
        errors.push({ ...at, message: checked.message })
        continue
      }
      if (unchanged(current.get(`${unit.id}:${col.element.id}:${col.option?.id ?? 0}`), checked.value)) continue
      pending.push({
        input: {
          orgUnit: unit.id,
          period: target.period.code,
          element: col.element.definition.code,
          option: col.option?.code ?? null,
          value: checked.value,
        },
        error: at,
      })
    }
  }
  refuseFormulas(rows)
  if (errors.length) return { ok: false, written: 0, errors }
  if (!pending.length) return { ok: true, written: 0, errors: [] }
  try {
    const written = await writeValues(
      db,
      catalog,
      pending.map((p) => p.input),
      actor,
      scope,
    )
    return { ok: true, written: written.length, errors: [] }
  } catch (e) {
    // Refusals of the batch write itself (a lock after submission or approval, a value changed
    // meanwhile) name items as values[i]: map them back to cells, so the file is refused the same way.
    if (!(e instanceof DomainError) || e.kind === 'internal') throw e
    const mapped = e.details.map((d) => {
      const i = /^values\[(\d+)\]/.exec(d.path)?.[1]
      const at = i === undefined ? undefined : pending[Number(i)]?.error
      return { ...(at ?? { sheet: '', row: '', column: '', cell: '' }), message: lockMessage(d, catalog) ?? d.message }
    })
    return {
      ok: false,
      written: 0,
      errors: mapped.length ? mapped : [{ sheet: '', row: '', column: '', cell: '', message: e.message }],
    }
  }
}

/**
 * A formula in an ID or value cell is refused (400), naming the cells: its cached result may be
 * stale, and a formula or link typed into a template is not a value anyone entered.
 */
function refuseFormulas(rows: { sheet: string; rowNumber: number; row: ExcelJS.Row; columns: Map<number, unknown> }[]) {
  const cells: { path: string; message: string }[] = []
  for (const r of rows)
    for (const n of [LAYOUT.idColumn, ...r.columns.keys()]) {
      const v = r.row.getCell(n).value
      if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v))
        cells.push({ path: `${r.sheet}!${columnLetter(n)}${r.rowNumber}`, message: 'формула вместо значения' })
    }
  if (cells.length)
    throw new DomainError(
      'invalid',
      'formula_in_cell',
      `В ячейках с данными формулы (${cells
        .slice(0, 5)
        .map((c) => c.path)
        .join(', ')}${cells.length > 5 ? ' …' : ''}): вставьте вместо них значения и загрузите снова`,
      cells.slice(0, 100),
    )
}

/** The entry workflow's refusals (after submission, approval or the deadline), in the UI's words. */
function lockMessage(d: Record<string, unknown>, catalog: Catalog): string | undefined {
  if (d.registrySourced)
    return `«${catalog.elements.get(String(d.element))?.definition.title.ru ?? String(d.element)}» считается из реестра педагогов в кампании этого периода: значения не вводятся (регион может переключить элемент на ввод вручную)`
  if (d.lock === 'submitted') return 'данные отправлены на проверку: изменить их может только проверяющий уровень'
  if (d.lock === 'approved') return 'данные утверждены: изменить их может только проверяющий уровень'
  if (d.lock === 'deadline')
    return `срок ввода данных (${String(d.due)}) истёк: изменить их может только проверяющий уровень`
  return undefined
}

/** Whether a cell's value is what is stored already (no stored value: an empty cell). */
function unchanged(
  stored: { value: number | null; text_value: string | null } | undefined,
  value: number | boolean | string | null,
): boolean {
  if (!stored) return value === null
  if (typeof value === 'string') return stored.text_value === value
  if (typeof value === 'boolean') return stored.value === (value ? 1 : 0)
  return value !== null && stored.value === value
}
