import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js'
import * as echarts from 'echarts'
import { FONT_FAMILY, FONT_FILES } from './fonts.ts'
import { textToPaths } from './text-paths.ts'

/**
 * A chart of the report as data: a trend of the unit over the periods, or the child units'
 * values as bars; `target` is drawn as a dashed line. Values are raw numbers (null: no data — a
 * gap, never a zero bar); labels are formatted by the section that made the spec.
 */
export type ChartSpec =
  | {
      type: 'trend'
      categories: string[]
      values: (number | null)[]
      target: (number | null)[]
      unit: string
    }
  | { type: 'bars'; categories: string[]; values: (number | null)[]; target: number | null; unit: string }

/** Size in CSS pixels (points in the PDF); the DOCX gets a 2× raster of it for print. */
export const CHART_SIZE = { width: 640, height: 300 } as const

const COLORS = { value: '#2f6fb3', target: '#c0392b', grid: '#d9dde3', text: '#222' }
// Labels get an explicit fill and no halo: ECharts' default white text border paints over the
// text in pdfmake's SVG renderer.
const LABEL = { color: COLORS.text, textBorderWidth: 0 }

/** Russian numbers with at most one decimal: one formatter for every label (making one costs more than using it). */
const NUMBER = new Intl.NumberFormat('ru', { maximumFractionDigits: 1 })
const number = (v: number) => NUMBER.format(v)

/** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × a power of ten that is at least `x` (x > 0). */
export function niceCeiling(x: number): number {
  if (!(x > 0)) return x
  const power = 10 ** Math.floor(Math.log10(x))
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= x * (1 - 1e-12))!
  return step * power
}

function optionOf(spec: ChartSpec): echarts.EChartsOption {
  // ECharts scales the axis to the series only: a target above every bar would fall off the
  // chart, and the children-against-target chart matters most when all of them are below it.
  const target = spec.type === 'bars' ? spec.target : null
  const highest = Math.max(0, ...spec.values.filter((v): v is number => v !== null))
  const reach = target !== null && target > highest ? { max: niceCeiling(target) } : {}
  const base = {
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY, color: COLORS.text, fontSize: 11 },
    // A target's label stands right of the bars, in a margin of its own, not over the last bar.
    grid: { left: 48, right: target === null ? 16 : 84, top: 24, bottom: spec.type === 'bars' ? 96 : 40 },
    yAxis: {
      type: 'value' as const,
      axisLabel: { formatter: (v: number) => `${number(v)}${spec.unit}` },
      ...reach,
      splitLine: { lineStyle: { color: COLORS.grid } },
    },
  }
  if (spec.type === 'trend')
    return {
      ...base,
      xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0 } },
      series: [
        {
          type: 'line',
          data: spec.values,
          connectNulls: false,
          color: COLORS.value,
          label: { show: true, ...LABEL, formatter: (p) => number(Number(p.value)) },
        },
        ...(spec.target.some((t) => t !== null)
          ? [{ type: 'line' as const, data: spec.target, color: COLORS.target, lineStyle: { type: 'dashed' as const } }]
          : []),
      ],
    }
  return {
    ...base,
    xAxis: {
      type: 'category',
      data: spec.categories,
      axisLabel: { rotate: 35, interval: 0, width: 110, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: spec.values,
        color: COLORS.value,
        label: { show: true, position: 'top', ...LABEL, formatter: (p) => number(Number(p.value)) },
        ...(spec.target === null
          ? {}
          : {
              markLine: {
                symbol: 'none',
                data: [{ yAxis: spec.target }],
                lineStyle: { color: COLORS.target, type: 'dashed' },
                label: {
                  ...LABEL,
                  color: COLORS.target,
                  position: 'end',
                  formatter: `цель\n${number(spec.target)}${spec.unit}`,
                },
              },
            }),
      },
    ],
  }
}

/**
 * Draws a chart on the server with ECharts' server-side SVG renderer — no browser, no DOM.
 *
 * @example
 * chartSvg({ type: 'bars', categories: ['Школа № 1'], values: [40], target: 50, unit: ' %' })
 */
export function chartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE })
  try {
    chart.setOption(optionOf(spec))
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

const rasterOptions = (scale: number): ResvgRenderOptions => ({
  fitTo: { mode: 'zoom', value: scale },
  background: '#ffffff',
  // Charts use the regular face only: loading one font file per render instead of four is most of the cost.
  font: { fontFiles: [FONT_FILES.normal], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
})

/**
 * The chart as a PNG at `scale` × its size (2× for print), with the report's own font file.
 * Synchronous and CPU-bound (drawing, rasterizing, PNG encoding): it runs in the chart workers
 * (`chart-pool.ts`), never on the server's main thread.
 *
 * @example
 * const png = chartPng({ type: 'bars', categories: ['Школа № 1'], values: [40], target: 50, unit: ' %' })
 */
export function chartPng(spec: ChartSpec, scale = 2): Uint8Array {
  // Texts go in as outlines drawn once per glyph (`textToPaths`): the rasterizer outlines every glyph anew.
  return new Resvg(textToPaths(chartSvg(spec)), rasterOptions(scale)).render().asPng()
}
