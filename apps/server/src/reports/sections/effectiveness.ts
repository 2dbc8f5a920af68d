import { computeEffectiveness, type Effectiveness } from '../../effectiveness/effectiveness.ts'
import type { ReportContext } from '../context.ts'
import { heading, paragraph, table } from '../model.ts'
import { num, value, VERDICT_WORDS } from '../words.ts'
import type { DirectionPart } from './section.ts'

const cache = new WeakMap<ReportContext, Promise<Effectiveness | null>>()

/** The previous period's measures judged on this one — the same call as GET /api/effectiveness — once per report. */
function previousEffectiveness(ctx: ReportContext) {
  let found = cache.get(ctx)
  if (!found) {
    found = ctx.previous
      ? computeEffectiveness(ctx.db, ctx.catalog, ctx.scope, { orgUnit: ctx.unit.id, period: ctx.previous.code })
      : Promise.resolve(null)
    cache.set(ctx, found)
  }
  return found
}

/** Effectiveness of the direction's measures of the previous period: each indicator before and after, the verdict. */
export const effectivenessPart: DirectionPart = {
  id: 'effectiveness',
  async build(ctx, direction) {
    const title = heading(2, 'Эффективность мер прошлого периода')
    const judged = await previousEffectiveness(ctx)
    const measures = judged?.measures.filter((m) => m.plugin === direction.id) ?? []
    if (!judged || !measures.length) return [title, paragraph('Мер прошлого периода по направлению нет.', true)]
    const defOf = new Map(direction.indicators.map((i) => [i.code, i]))
    const figure = (v: number | null, code: string) => {
      const def = defOf.get(code)
      return def ? value(v, def) : num(v)
    }
    const rows = measures.flatMap((m) =>
      m.indicators.length
        ? m.indicators.map((i, n) => [
            n === 0 ? m.title : '',
            i.title,
            figure(i.baseline, i.indicator),
            figure(i.after, i.indicator),
            figure(i.expected, i.indicator),
            VERDICT_WORDS[i.verdict],
          ])
        : [[m.title, '—', '—', '—', '—', VERDICT_WORDS[m.verdict]]],
    )
    const counts = judged.summary.byPlugin.find((p) => p.plugin === direction.id)?.counts
    const blocks = [
      title,
      table(
        [
          { title: 'Мера', width: 4 },
          { title: 'Показатель', width: 3.5 },
          { title: `Было (${judged.period.replace('-', '/')})`, align: 'right', width: 1.6 },
          { title: 'Стало', align: 'right', width: 1.4 },
          { title: 'Ожидалось', align: 'right', width: 1.6 },
          { title: 'Оценка', width: 2 },
        ],
        rows,
      ),
    ]
    if (counts)
      blocks.push(
        paragraph(
          `Эффективно: ${counts.effective}, частично: ${counts.partly}, неэффективно: ${counts.not_effective}, нет данных: ${counts.no_data}.`,
        ),
      )
    const comments = measures.filter((m) => m.comment)
    if (comments.length)
      blocks.push(paragraph(comments.map((m) => `«${m.title}»: ${m.comment!.text}`).join('\n'), true))
    return blocks
  },
}
