import { computePeriod, type PeriodContext } from './compute-period.ts'
import type { ElementSpec } from './element-spec.ts'
import type { UnitTree } from './unit-tree.ts'

/** CSV text of data_value rows (org_unit_id, period_id, element_id, option_id, value, region_id), in pieces. */
export interface ValueChunk {
  parts: string[]
  rows: number
}

/** Rows per string piece: big enough for few allocations, small enough to stream. */
const PART_ROWS = 10_000

/**
 * Computes the values period by period and yields them as CSV chunks of about `chunkRows` rows,
 * ordered by org unit, then element and option (the primary key order). Only one period's
 * values and one chunk are held in memory at a time.
 */
export function* valueChunks(
  specs: readonly ElementSpec[],
  tree: UnitTree,
  periods: readonly { id: number }[],
  ctx: Omit<PeriodContext, 'periodIndex'>,
  chunkRows: number,
): Generator<ValueChunk> {
  const byDepth = [1, 2, 3].map((d) => specs.filter((s) => s.depth === d).sort((a, b) => a.id - b.id))
  let parts: string[] = []
  let rows = 0
  let text = ''
  let textRows = 0
  // The region (the partition key of data_value) ends every row.
  const region = `,${tree.ids[1]![0]!}\n`
  for (const [periodIndex, period] of periods.entries()) {
    const values = computePeriod(specs, tree, { ...ctx, periodIndex })
    for (const [i, depthSpecs] of byDepth.entries()) {
      const ids = tree.ids[i + 1]!
      for (let u = 0; u < ids.length; u++) {
        const prefix = `${ids[u]},${period.id},`
        for (const spec of depthSpecs) {
          const width = spec.optionIds.length + 1
          const unitValues = values.get(spec)!.subarray(u * width, (u + 1) * width)
          for (let c = 0; c < width; c++) {
            const v = unitValues[c]!
            if (Number.isNaN(v)) continue
            text += `${prefix}${spec.id},${c === 0 ? 0 : spec.optionIds[c - 1]},${v}${region}`
            if (++textRows === PART_ROWS) {
              parts.push(text)
              rows += textRows
              text = ''
              textRows = 0
              if (rows >= chunkRows) {
                yield { parts, rows }
                parts = []
                rows = 0
              }
            }
          }
        }
      }
    }
  }
  if (textRows) parts.push(text)
  rows += textRows
  if (rows) yield { parts, rows }
}
