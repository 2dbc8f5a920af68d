import type { Direction } from '../context.ts'
import { heading } from '../model.ts'
import { conclusionPart } from './conclusion.ts'
import { indicatorsPart } from './indicators.ts'
import { leaguePart } from './league.ts'
import { measuresPart } from './measures.ts'
import { recommendationsPart } from './recommendations.ts'
import type { DirectionPart, ReportSection } from './section.ts'

/**
 * The parts of a direction's chapter, in order. A part is one module; adding one is adding it here.
 *
 * TODO(issue 14): add the management decisions part, from `listDecisions(db, scope, { orgUnit,
 * period })` in apps/server/src/decisions/decisions.ts, and the effectiveness of the previous
 * period's measures, from `computeEffectiveness(db, scope, { orgUnit, period })` in
 * apps/server/src/effectiveness/effectiveness.ts, once those land in main.
 */
export const DIRECTION_PARTS: readonly DirectionPart[] = [
  indicatorsPart,
  leaguePart,
  conclusionPart,
  recommendationsPart,
  measuresPart,
]

/** A direction's chapter: its heading, then each part. */
export function directionSection(direction: Direction): ReportSection {
  return {
    id: `direction:${direction.id}`,
    title: direction.title,
    async build(ctx) {
      const parts = []
      for (const part of DIRECTION_PARTS) parts.push(...(await part.build(ctx, direction)))
      return [heading(1, direction.title), ...parts]
    },
  }
}
