import { describe, expect, it } from 'vitest'
import { ReportCharts } from './chart-pool.ts'
import type { Block } from './model.ts'

const chart = (caption: string, target: number | null = 50): Block => ({
  kind: 'chart',
  caption,
  chart: { type: 'bars', categories: ['Школа № 1', 'Школа № 2'], values: [40, null], target, unit: ' %' },
})

describe('the chart workers', () => {
  it('draw a 2× PNG for the DOCX and an SVG for the PDF, started as blocks come', async () => {
    const blocks = [chart('Первая'), { kind: 'pageBreak' } as const, chart('Вторая', null)]
    const pngs = new ReportCharts('png')
    pngs.start(blocks.slice(0, 1))
    const drawn = await pngs.drawn(blocks)
    expect(drawn.size).toBe(2)
    for (const png of drawn.values()) {
      expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG')
      expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBe(1280)
    }
    const svgs = await new ReportCharts('svg').drawn(blocks)
    expect(svgs.get(blocks[0]!)).toMatch(/^<svg[^>]*width="640"/)
  })

  it('fail the report with the chart and the reason when a worker cannot draw it', async () => {
    // A trend without its target series throws inside the worker.
    const broken: Block = {
      kind: 'chart',
      caption: 'Динамика',
      chart: { type: 'trend', categories: ['2025'], values: [1], target: null as unknown as number[], unit: '' },
    }
    await expect(new ReportCharts('png').drawn([chart('Первая'), broken])).rejects.toThrow(
      /^the chart «Динамика» could not be drawn: .*null/,
    )
    // The pool is still usable afterwards (a spec not drawn before, so a worker draws it).
    expect((await new ReportCharts('svg').drawn([chart('Снова', 47)])).size).toBe(1)
  })

  it('reuse a chart drawn before for the same spec and format, and draw a changed one anew', async () => {
    const first = await new ReportCharts('png').drawn([chart('Кэш', 61)])
    const again = await new ReportCharts('png').drawn([chart('Кэш, снова', 61)])
    // The very bytes kept from the first draw: a worker would have sent a new buffer.
    expect([...again.values()][0]).toBe([...first.values()][0])
    const moved = chart('Кэш', 61)
    if (moved.kind === 'chart') moved.chart.values = [45, null]
    const changed = await new ReportCharts('png').drawn([moved])
    expect([...changed.values()][0]).not.toBe([...first.values()][0])
    expect(Buffer.from([...changed.values()][0]!).equals(Buffer.from([...first.values()][0]!))).toBe(false)
    const svg = await new ReportCharts('svg').drawn([chart('Кэш', 61)])
    expect([...svg.values()][0]).toMatch(/^<svg/)
  })
})
