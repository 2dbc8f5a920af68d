import type { ReportContext } from './context.ts'
import type { Block, ReportModel, ReportTitle } from './model.ts'
import { appendixSection } from './sections/appendix.ts'
import { childrenSection } from './sections/children.ts'
import { directionSection } from './sections/direction.ts'
import type { ReportSection } from './sections/section.ts'
import { summarySection } from './sections/summary.ts'

/** The sections of a report, in order, as the user chose them: each is one step of the progress bar. */
export function sectionsOf(ctx: ReportContext): ReportSection[] {
  return [
    summarySection,
    ...ctx.directions.map(directionSection),
    ...(ctx.childUnits.length && ctx.sections.children !== 'none' ? [childrenSection] : []),
    ...(ctx.sections.appendix === false ? [] : [appendixSection]),
  ]
}

/** Called before each section and once more before rendering: `done` of `total` steps. */
export type Progress = (done: number, total: number, section: string) => Promise<void>

/**
 * Sections built at once. On PostgreSQL their queries run side by side on the pool's connections
 * (a report reads a few hundred times); three leave the pool's other connections to the users.
 */
const SECTIONS_AT_ONCE = 3

/**
 * Builds the report model: up to {@link SECTIONS_AT_ONCE} sections at once, kept and reported in
 * order. `total` counts one more step for rendering the file, so the bar reaches its end only when
 * the document exists. `onSection` gets each section's blocks as soon as they exist (the charts
 * start being drawn then).
 *
 * @example
 * const model = await buildReportModel(ctx, title, async (done, total, section) => save(done, total, section))
 */
export async function buildReportModel(
  ctx: ReportContext,
  title: ReportTitle,
  progress: Progress = async () => {},
  onSection: (blocks: readonly Block[]) => void = () => {},
): Promise<ReportModel> {
  const sections = sectionsOf(ctx)
  const total = sections.length + 1
  const building: Promise<Block[]>[] = []
  const launch = (i: number) => {
    const built = sections[i]!.build(ctx).then((blocks) => {
      onSection(blocks)
      return blocks
    })
    // Awaited in order below; a later section failing first must not count as unhandled meanwhile.
    built.catch(() => {})
    building[i] = built
  }
  for (let i = 0; i < Math.min(SECTIONS_AT_ONCE, sections.length); i++) launch(i)
  const blocks: Block[] = []
  for (const [i, section] of sections.entries()) {
    await progress(i, total, section.title)
    blocks.push(...(await building[i]!))
    if (i + SECTIONS_AT_ONCE < sections.length) launch(i + SECTIONS_AT_ONCE)
  }
  await progress(sections.length, total, 'Оформление документа')
  return { title, blocks }
}
