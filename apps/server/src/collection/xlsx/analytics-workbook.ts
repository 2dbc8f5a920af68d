import ExcelJS from 'exceljs'
import type { AnalyticsRow } from '../../analytics/analytics.ts'
import type { Catalog } from '../../catalog/catalog.ts'
import { STATUS_TITLES, guardTextCells } from './cells.ts'

/**
 * The analytics table as XLSX: one row per org unit × indicator × option, with numerator,
 * denominator, value, target and status in Russian. Missing data stays an empty cell, never 0.
 *
 * @example
 * await buildAnalyticsWorkbook(catalog, rows, new Map([[5, 'Алексеевский район']]), '2025/26 учебный год')
 */
export async function buildAnalyticsWorkbook(
  catalog: Catalog,
  rows: AnalyticsRow[],
  unitNames: ReadonlyMap<number, string>,
  periodTitles: ReadonlyMap<string, string>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'profmon'
  const ws = wb.addWorksheet('Показатели', { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = [
    { header: 'Организация', key: 'unit', width: 36 },
    { header: 'Период', key: 'period', width: 20 },
    { header: 'Направление', key: 'direction', width: 28 },
    { header: 'Показатель', key: 'indicator', width: 60 },
    { header: 'Разрез', key: 'option', width: 20 },
    { header: 'Числитель', key: 'numerator', width: 12 },
    { header: 'Знаменатель', key: 'denominator', width: 12 },
    { header: 'Значение', key: 'value', width: 12 },
    { header: 'Цель', key: 'target', width: 10 },
    { header: 'Статус', key: 'status', width: 16 },
    { header: 'Баллы', key: 'score', width: 10 },
    { header: 'Код показателя', key: 'code', width: 36 },
  ]
  ws.getRow(1).font = { bold: true }
  for (const r of rows) {
    const ind = catalog.indicators.get(r.indicator)
    const def = ind?.compiled.indicator
    const option =
      r.option && def?.dimension
        ? catalog.dimensions.get(def.dimension)?.options.find((o) => o.code === r.option)
        : undefined
    ws.addRow({
      unit: unitNames.get(r.orgUnit) ?? String(r.orgUnit),
      period: periodTitles.get(r.period) ?? r.period,
      direction: ind ? (catalog.plugins.get(ind.pluginId)?.title.ru ?? ind.pluginId) : '',
      indicator: def?.title.ru ?? r.indicator,
      option: r.option === null ? 'Всего' : (option?.title.ru ?? r.option),
      numerator: r.numerator,
      denominator: r.denominator,
      value: def?.kind === 'presence' && r.value !== null ? (r.value ? 'да' : 'нет') : r.value,
      target: r.target,
      status: r.status ? STATUS_TITLES[r.status] : null,
      score: r.score,
      code: r.indicator,
    })
  }
  guardTextCells(wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
