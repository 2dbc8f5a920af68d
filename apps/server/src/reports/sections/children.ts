import type { AnalyticsRow } from '../../analytics/analytics.ts'
import { heading, paragraph, table, type Block } from '../model.ts'
import { statusWord, value } from '../words.ts'
import type { ReportSection } from './section.ts'

/**
 * The child units (a region's municipalities, a municipality's schools): `compact` compares them in
 * one table (indicators met per direction), `sections` gives each its own chapter of indicators.
 * The rows are the report context's `computeAnalytics` rows for the children.
 */
export const childrenSection: ReportSection = {
  id: 'children',
  title: 'Подведомственные единицы',
  async build(ctx) {
    // Indexed once: a region has 60 municipalities × ~50 indicators × their options of rows.
    const totals = new Map<string, AnalyticsRow>()
    for (const r of ctx.children) {
      const key = `${r.orgUnit}|${r.indicator}`
      if (r.option === null && !totals.has(key)) totals.set(key, r)
    }
    const rowOf = (unit: number, indicator: string) => totals.get(`${unit}|${indicator}`)
    const blocks: Block[] = [heading(1, 'Подведомственные единицы')]
    if (ctx.sections.children === 'sections') {
      for (const child of ctx.childUnits) {
        blocks.push(heading(2, child.name))
        const rows = ctx.directions.flatMap((d) =>
          d.indicators.flatMap((def) => {
            const r = rowOf(child.id, def.code)
            return r ? [[d.title, def.title.ru, value(r.value, def), value(r.target, def), statusWord(r.status)]] : []
          }),
        )
        blocks.push(
          rows.length
            ? table(
                [
                  { title: 'Направление', width: 2.4 },
                  { title: 'Показатель', width: 5 },
                  { title: 'Значение', align: 'right', width: 1.6 },
                  { title: 'Цель', align: 'right', width: 1.4 },
                  { title: 'Статус', width: 2 },
                ],
                rows,
              )
            : paragraph('Показатели на этом уровне не рассчитываются.', true),
        )
      }
      return blocks
    }
    const directions = ctx.directions.filter((d) =>
      d.indicators.some((def) => ctx.children.some((r) => r.indicator === def.code)),
    )
    blocks.push(
      table(
        [
          { title: 'Единица', width: 4 },
          ...directions.map((d) => ({ title: d.title, align: 'right' as const, width: 2 })),
        ],
        ctx.childUnits.map((child) => [
          child.name,
          ...directions.map((d) => {
            const rows = d.indicators.flatMap((def) => rowOf(child.id, def.code) ?? [])
            const met = rows.filter((r) => r.status === 'met').length
            const rated = rows.filter((r) => r.status !== null && r.status !== 'no_data').length
            return rated ? `${met} из ${rated}` : '—'
          }),
        ]),
        'Показателей, соответствующих цели, из показателей с целью и данными',
      ),
    )
    return blocks
  },
}
