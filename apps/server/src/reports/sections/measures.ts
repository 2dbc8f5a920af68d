import { listMeasures } from '../../measures/measures.ts'
import { heading, paragraph, table } from '../model.ts'
import { MEASURE_STATUS, shortDate } from '../words.ts'
import type { DirectionPart } from './section.ts'

/** The unit's measures of the direction with their dates, responsibles and status. */
export const measuresPart: DirectionPart = {
  id: 'measures',
  async build(ctx, direction) {
    const measures = await listMeasures(ctx.db, ctx.scope, {
      orgUnit: ctx.unit.id,
      period: ctx.period.code,
      plugin: direction.id,
    })
    if (!measures.length) return [heading(2, 'Меры'), paragraph('Мер не запланировано.', true)]
    return [
      heading(2, 'Меры'),
      table(
        [
          { title: 'Мера', width: 5 },
          { title: 'Срок', width: 1.6 },
          { title: 'Ответственный', width: 3 },
          { title: 'Статус', width: 2 },
        ],
        measures.map((m) => [
          m.title,
          shortDate(m.dueOn),
          [m.responsible.name, m.responsible.position].filter(Boolean).join(', ') || '—',
          MEASURE_STATUS[m.status]! + (m.overdue ? ', просрочено' : ''),
        ]),
      ),
    ]
  },
}
