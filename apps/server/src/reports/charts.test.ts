import { describe, expect, it } from 'vitest'
import { chartSvg, niceCeiling } from './charts.ts'

const texts = (svg: string) => (svg.match(/<text[^>]*>[^<]*<\/text>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, ''))

describe('report charts', () => {
  it('keep the target line on the chart when it lies above every bar', () => {
    const svg = chartSvg({
      type: 'bars',
      categories: ['Школа № 1', 'Школа № 2'],
      values: [40, null],
      target: 61,
      unit: ' %',
    })
    // The target's label, in two lines right of the bars.
    expect(texts(svg)).toEqual(expect.arrayContaining(['цель', '61 %']))
    expect(texts(svg)).toContain('80 %') // the axis reaches past the target
    const below = chartSvg({
      type: 'bars',
      categories: ['Школа № 1', 'Школа № 2'],
      values: [40, 60],
      target: 45,
      unit: ' %',
    })
    expect(texts(below)).toEqual(expect.arrayContaining(['цель', '45 %']))
    expect(
      texts(below)
        .filter((t) => t.endsWith(' %'))
        .at(-2),
    ).toBe('60 %') // ECharts' own axis when a bar passes the target
  })

  it('round an axis end up to a readable number', () => {
    expect([61, 7.5, 100, 0.34, 1234].map(niceCeiling)).toEqual([80, 8, 100, 0.4, 1500])
  })
})
