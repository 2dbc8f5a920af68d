import { move, transferableSymbol, valueSymbol } from 'piscina'
import { chartPng, chartSvg } from './charts.ts'
import type { ChartTask } from './chart-pool.ts'

/**
 * A section's charts, drawn in a worker thread of the chart pool: as SVG (the PDF embeds
 * vectors) or as 2× PNG (the DOCX), so ECharts, the rasterizer and PNG encoding never hold up
 * the main thread. The PNGs' bytes are moved to the main thread, not copied.
 */
export default function drawCharts({ charts, format }: ChartTask) {
  const drawn = charts.map(({ caption, spec }) => {
    try {
      // A buffer of its own (the rasterizer's may not be detachable), so it can be transferred.
      return format === 'svg' ? chartSvg(spec) : new Uint8Array(chartPng(spec))
    } catch (e) {
      throw new Error(`the chart «${caption}» could not be drawn: ${e instanceof Error ? e.message : String(e)}`, {
        cause: e,
      })
    }
  })
  if (format === 'svg') return drawn
  return move({
    [transferableSymbol]: drawn.map((png) => (png as Uint8Array).buffer),
    [valueSymbol]: drawn,
  })
}
