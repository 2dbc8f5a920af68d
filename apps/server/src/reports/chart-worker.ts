import { move } from 'piscina'
import { chartPng, chartSvg } from './charts.ts'
import type { ChartTask } from './chart-pool.ts'

/**
 * One chart, drawn in a worker thread of the chart pool: its SVG (the PDF embeds vectors) or its
 * 2× PNG (the DOCX), so ECharts, the rasterizer and PNG encoding never hold up the main thread.
 * The PNG's bytes are moved to the main thread, not copied.
 */
export default function drawChart({ spec, format }: ChartTask) {
  if (format === 'svg') return chartSvg(spec)
  // A buffer of its own (resvg's may not be detachable), so it can be transferred.
  return move(new Uint8Array(chartPng(spec)))
}
