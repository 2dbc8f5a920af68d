import { listRecommendations } from '../../recommendations/recommendations.ts'
import { heading, paragraph, type Block } from '../model.ts'
import { ADDRESSEE_GROUPS } from '../words.ts'
import type { DirectionPart } from './section.ts'

/**
 * The direction's published recommendations in the unit's subtree, by addressee. Each addressed
 * unit holds its own copy of a text, so a text is listed once with the number of units it reached.
 */
export const recommendationsPart: DirectionPart = {
  id: 'recommendations',
  async build(ctx, direction) {
    const all = await listRecommendations(ctx.db, ctx.catalog, ctx.scope, {
      orgUnit: ctx.unit.id,
      period: ctx.period.code,
      plugin: direction.id,
      includeDescendants: true,
    })
    const shown = all.filter((r) => r.state === 'published' || r.state === 'acknowledged')
    const blocks: Block[] = [heading(2, 'Адресные рекомендации')]
    if (!shown.length) return [...blocks, paragraph('Опубликованных рекомендаций нет.', true)]
    for (const [addressee, group] of Object.entries(ADDRESSEE_GROUPS)) {
      const texts = new Map<string, number>()
      for (const r of shown.filter((x) => x.addressee === addressee)) texts.set(r.text, (texts.get(r.text) ?? 0) + 1)
      if (!texts.size) continue
      blocks.push(
        { kind: 'paragraph', runs: [{ text: group, bold: true }] },
        {
          kind: 'list',
          ordered: false,
          items: [...texts].map(([text, n]) => [
            { text },
            ...(n > 1 ? [{ text: ` (адресатов: ${n})`, italic: true }] : []),
          ]),
        },
      )
    }
    return blocks
  },
}
