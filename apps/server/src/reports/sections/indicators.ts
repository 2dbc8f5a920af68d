import { heading, table } from '../model.ts'
import { delta, num, statusWord, value } from '../words.ts'
import type { DirectionPart } from './section.ts'

/** The direction's indicators at the unit: value, numerator / denominator, target, status, change. */
export const indicatorsPart: DirectionPart = {
  id: 'indicators',
  async build(ctx, direction) {
    const rows = direction.indicators.map((def) => {
      const now = ctx.selfRow(def.code)
      const before = ctx.previous ? ctx.selfRow(def.code, ctx.previous.code) : undefined
      const fraction =
        def.kind === 'share' && (now?.numerator ?? null) !== null
          ? `${num(now!.numerator, 2)} / ${num(now!.denominator, 2)}`
          : '—'
      return [
        def.title.ru,
        value(now?.value, def),
        fraction,
        value(now?.target, def),
        statusWord(now?.status ?? null),
        delta(now?.value ?? null, before?.value ?? null, def),
      ]
    })
    return [
      heading(2, 'Показатели'),
      table(
        [
          { title: 'Показатель', width: 5 },
          { title: 'Значение', align: 'right', width: 1.6 },
          { title: 'Числитель / знаменатель', align: 'right', width: 2.2 },
          { title: 'Цель', align: 'right', width: 1.4 },
          { title: 'Статус', width: 2 },
          { title: ctx.previous ? `Изменение к ${ctx.previous.title}` : 'Изменение', align: 'right', width: 2 },
        ],
        rows,
      ),
    ]
  },
}
