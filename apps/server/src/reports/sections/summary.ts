import { heading, table } from '../model.ts'
import { num } from '../words.ts'
import type { ReportSection } from './section.ts'

/** The summary of the directions: how many indicators meet their targets, and the score. */
export const summarySection: ReportSection = {
  id: 'summary',
  title: 'Сводка по направлениям',
  async build(ctx) {
    const rows = ctx.directions.map((d) => {
      const figures = d.indicators.map((i) => ctx.selfRow(i.code))
      const count = (s: string) => String(figures.filter((r) => r?.status === s).length)
      const scores = figures.flatMap((r) => (r?.score === null || r?.score === undefined ? [] : [r.score]))
      return [
        d.title,
        String(d.indicators.length),
        count('met'),
        count('partly_met'),
        count('not_met'),
        count('no_data'),
        scores.length ? num(scores.reduce((a, b) => a + b, 0)) : '—',
      ]
    })
    return [
      heading(1, 'Сводка по направлениям'),
      table(
        [
          { title: 'Направление', width: 4 },
          { title: 'Показателей', align: 'right', width: 1.4 },
          { title: 'Соответствует', align: 'right', width: 1.6 },
          { title: 'Частично', align: 'right', width: 1.4 },
          { title: 'Не соответствует', align: 'right', width: 1.8 },
          { title: 'Нет данных', align: 'right', width: 1.4 },
          { title: 'Баллы', align: 'right', width: 1.2 },
        ],
        rows,
        `Период: ${ctx.period.title}`,
      ),
    ]
  },
}
