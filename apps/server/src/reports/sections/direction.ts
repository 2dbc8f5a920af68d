import type { Direction } from '../context.ts'
import { heading } from '../model.ts'
import { conclusionPart } from './conclusion.ts'
import { indicatorsPart } from './indicators.ts'
import { leaguePart } from './league.ts'
import { measuresPart } from './measures.ts'
import { decisionsPart } from './decisions.ts'
import { effectivenessPart } from './effectiveness.ts'
import { recommendationsPart } from './recommendations.ts'
import type { DirectionPart, ReportSection } from './section.ts'

/**
 * The parts of a direction's chapter, in order. A part is one module; adding one is adding it here.
 */
export const DIRECTION_PARTS: readonly DirectionPart[] = [
  indicatorsPart,
  leaguePart,
  conclusionPart,
  recommendationsPart,
  measuresPart,
  decisionsPart,
  effectivenessPart,
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
