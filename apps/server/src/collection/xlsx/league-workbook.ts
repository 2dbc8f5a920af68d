import ExcelJS from 'exceljs'
import type { AnalysisTable } from '../../analysis/analysis.ts'
import { STATUS_TITLES, guardTextCells, setText } from './cells.ts'

const TREND: Record<string, string> = { up: 'рост', down: 'снижение', flat: 'без изменений' }

/**
 * The league table as XLSX: the unit's own row, then one row per child (or option) with value,
 * numerator, denominator, target, status, score, rank, previous value, change, trend, gap and its
 * part of the shortfall; Russian headers. Missing data stays an empty cell, never 0; a name that
 * starts like a formula is written as text.
 *
 * @example
 * await buildLeagueWorkbook(table, { indicator: 'Доля педагогов…', period: '2025/26 учебный год' })
 */
export async function buildLeagueWorkbook(
  table: AnalysisTable,
  titles: { indicator: string; period: string; previousPeriod: string | null },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'profmon'
  const ws = wb.addWorksheet('Рейтинг', { views: [{ state: 'frozen', ySplit: 3 }] })
  setText(ws.getCell('A1'), titles.indicator)
  ws.getCell('A1').font = { bold: true }
  ws.getCell('A2').value = `${titles.period}${titles.previousPeriod ? ` (к ${titles.previousPeriod})` : ''}`
  const header = [
    ['name', table.by === 'option' ? 'Разрез' : 'Организация', 40],
    ['rank', 'Место', 8],
    ['value', 'Значение', 12],
    ['numerator', 'Числитель', 12],
    ['denominator', 'Знаменатель', 12],
    ['target', 'Цель', 10],
    ['status', 'Статус', 16],
    ['score', 'Баллы', 8],
    ['previous', 'Прошлый период', 14],
    ['change', 'Изменение', 12],
    ['trend', 'Динамика', 16],
    ['gap', 'Не хватает до цели', 14],
    ['gapShare', 'Доля в отставании, %', 14],
    ['aboveParent', 'Лучше среднего по уровню выше', 16],
  ] as const
  ws.columns = header.map(([key, , width]) => ({ key, width }))
  const head = ws.getRow(3)
  header.forEach(([, title], i) => (head.getCell(i + 1).value = title))
  head.font = { bold: true }
  const add = (r: AnalysisTable['rows'][number], name: string, bold = false) => {
    const row = ws.addRow({
      name,
      rank: r.rank,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      target: r.target,
      status: r.status ? STATUS_TITLES[r.status] : null,
      score: r.score,
      previous: r.previous,
      change: r.change,
      trend: r.trend ? TREND[r.trend] : null,
      gap: r.gap,
      gapShare: r.gapShare === null ? null : Math.round(r.gapShare * 10) / 10,
      aboveParent: r.aboveParent === null ? null : r.aboveParent ? 'да' : 'нет',
    })
    setText(row.getCell('name'), name)
    if (bold) row.font = { bold: true }
  }
  add(
    table.parent,
    `${table.parent.orgUnitName}${table.parent.optionTitle ? ` — ${table.parent.optionTitle}` : ''} (итого)`,
    true,
  )
  for (const r of table.rows) add(r, table.by === 'option' ? (r.optionTitle ?? r.option ?? '') : r.orgUnitName)
  guardTextCells(wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
