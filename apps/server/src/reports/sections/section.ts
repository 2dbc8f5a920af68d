import type { Direction, ReportContext } from '../context.ts'
import type { Block } from '../model.ts'

/** A top-level section of the report (the summary, a direction, the appendix…): one progress step. */
export interface ReportSection {
  id: string
  /** Shown in the progress bar: «раздел 3 из 9: Дефициты». */
  title: string
  build(ctx: ReportContext): Promise<Block[]>
}

/** One part of a direction's chapter: the indicators table, the league table, the measures… */
export interface DirectionPart {
  id: string
  build(ctx: ReportContext, direction: Direction): Promise<Block[]>
}
