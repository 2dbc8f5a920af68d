import { listConclusions } from '../../conclusions/conclusions.ts'
import { heading, paragraph, type Block } from '../model.ts'
import { date } from '../words.ts'
import type { DirectionPart } from './section.ts'

/** The published analysis conclusion of the direction, as it was published (never the draft). */
export const conclusionPart: DirectionPart = {
  id: 'conclusion',
  async build(ctx, direction) {
    const [conclusion] = await listConclusions(ctx.db, ctx.scope, {
      orgUnit: ctx.unit.id,
      period: ctx.period.code,
      plugin: direction.id,
    })
    const published = conclusion?.published
    if (!published) return [heading(2, 'Аналитический вывод'), paragraph('Вывод не опубликован.', true)]
    const blocks: Block[] = published.body.blocks.map((b) =>
      b.type === 'paragraph'
        ? { kind: 'paragraph', runs: b.runs }
        : { kind: 'list', ordered: b.ordered, items: b.items.map((i) => i.runs) },
    )
    return [
      heading(2, 'Аналитический вывод'),
      ...blocks,
      paragraph(`Опубликован ${date(published.at.slice(0, 10))}, ${published.by}.`, true),
    ]
  },
}
