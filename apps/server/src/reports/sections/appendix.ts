import { completeness } from '../../collection/workflow/completeness.ts'
import { DomainError } from '../../errors.ts'
import { heading, paragraph, table, type Block } from '../model.ts'
import type { ReportSection } from './section.ts'

const STATE_WORDS: Record<string, string> = {
  draft: 'черновик',
  submitted: 'отправлено',
  approved: 'утверждено',
  returned: 'возвращено',
}

/** The appendix: the sources of information of every indicator (seed 001's column) and data completeness. */
export const appendixSection: ReportSection = {
  id: 'appendix',
  title: 'Приложение',
  async build(ctx) {
    const blocks: Block[] = [
      heading(1, 'Приложение. Источники информации и полнота данных'),
      heading(2, 'Источники информации'),
      table(
        [
          { title: 'Направление', width: 2.4 },
          { title: 'Показатель', width: 4.6 },
          { title: 'Источник информации', width: 4 },
        ],
        ctx.directions.flatMap((d) => d.indicators.map((i) => [d.title, i.title.ru, i.source?.ru ?? '—'])),
      ),
      heading(2, 'Полнота данных'),
    ]
    const rows: string[][] = []
    for (const d of ctx.directions) {
      try {
        const c = await completeness(ctx.db, ctx.catalog, ctx.unit, ctx.period.code, d.id)
        rows.push([
          d.title,
          STATE_WORDS[c.self.state] ?? c.self.state,
          String(c.counts.total),
          String(c.counts.submitted + c.counts.approved),
          String(c.counts.approved),
          String(c.counts.notSubmitted),
        ])
      } catch (e) {
        // A direction the campaign does not collect has no workflow: say so rather than fail the report.
        if (!(e instanceof DomainError) || e.kind !== 'invalid') throw e
        rows.push([d.title, 'не собирается', '—', '—', '—', '—'])
      }
    }
    blocks.push(
      rows.length
        ? table(
            [
              { title: 'Направление', width: 3 },
              { title: 'Состояние', width: 2 },
              { title: 'Подведомственных', align: 'right', width: 2 },
              { title: 'Отправили', align: 'right', width: 1.6 },
              { title: 'Утверждено', align: 'right', width: 1.6 },
              { title: 'Не отправили', align: 'right', width: 1.8 },
            ],
            rows,
          )
        : paragraph('Нет направлений.', true),
    )
    return blocks
  },
}
