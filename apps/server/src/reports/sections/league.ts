import type { Indicator } from '@profmon/contract'
import { analysisTable, analysisTrend } from '../../analysis/analysis.ts'
import type { Direction, ReportContext } from '../context.ts'
import { heading, table, type Block } from '../model.ts'
import { delta, num, statusWord, value } from '../words.ts'
import type { DirectionPart } from './section.ts'

/** The direction's key indicator: its first one computed for the child units (else its first). */
function keyIndicator(ctx: ReportContext, direction: Direction): Indicator | undefined {
  return (
    direction.indicators.find((i) => ctx.children.some((r) => r.indicator === i.code && r.value !== null)) ??
    direction.indicators[0]
  )
}

const unitOf = (def: Indicator) => (def.kind === 'share' ? ' %' : '')

/**
 * The league table of the child units for the direction's key indicator (`analysisTable`, the
 * service behind `GET /api/analysis`) and two charts: the unit's trend over the periods
 * (`analysisTrend`) and the children against the target.
 */
export const leaguePart: DirectionPart = {
  id: 'league',
  async build(ctx, direction) {
    const def = keyIndicator(ctx, direction)
    if (!def) return []
    const blocks: Block[] = []
    const trend = await analysisTrend(ctx.db, ctx.catalog, ctx.scope, { orgUnit: ctx.unit.id, indicator: def.code })
    const upTo = trend.points.findIndex((p) => p.period === ctx.period.code)
    const points = trend.points.slice(0, upTo + 1)
    if (points.some((p) => p.value !== null))
      blocks.push({
        kind: 'chart',
        caption: `Динамика: ${def.title.ru}`,
        chart: {
          type: 'trend',
          categories: points.map((p) => p.periodTitle),
          values: points.map((p) => p.value),
          target: points.map((p) => p.target),
          unit: unitOf(def),
        },
      })
    if (!ctx.childUnits.length) return blocks
    const league = await analysisTable(ctx.db, ctx.catalog, ctx.scope, {
      orgUnit: ctx.unit.id,
      period: ctx.period.code,
      indicator: def.code,
    })
    const gapWord = def.kind === 'share' ? 'Разрыв, чел.' : 'Разрыв'
    blocks.unshift(
      heading(2, `Рейтинг подведомственных единиц: ${def.title.ru}`),
      table(
        [
          { title: 'Место', align: 'right', width: 1 },
          { title: 'Единица', width: 4 },
          { title: 'Значение', align: 'right', width: 1.6 },
          { title: 'Цель', align: 'right', width: 1.4 },
          { title: 'Статус', width: 2 },
          { title: 'Изменение', align: 'right', width: 1.6 },
          { title: gapWord, align: 'right', width: 1.4 },
        ],
        [...league.rows]
          .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
          .map((r) => [
            r.rank === null ? '—' : String(r.rank),
            r.orgUnitName,
            value(r.value, def),
            value(r.target, def),
            statusWord(r.status),
            delta(r.value, r.previous, def),
            num(r.gap, def.kind === 'share' ? 0 : def.decimals),
          ]),
      ),
    )
    if (league.rows.some((r) => r.value !== null))
      blocks.push({
        kind: 'chart',
        caption: `${def.title.ru}: подведомственные единицы и цель`,
        chart: {
          type: 'bars',
          categories: league.rows.map((r) => r.orgUnitName),
          values: league.rows.map((r) => r.value),
          target: league.parent.target,
          unit: unitOf(def),
        },
      })
    return blocks
  },
}
