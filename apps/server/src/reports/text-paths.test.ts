import { describe, expect, it } from 'vitest'
import { textToPaths } from './text-paths.ts'

const text = (attrs: string, content: string) =>
  `<text ${attrs} style="font-size:20px;font-family:DejaVu Sans;" fill="#222">${content}</text>`
/** The x range a path's points cover (good enough for outlines of straight-sided glyphs). */
function xRange(svg: string): [number, number] {
  const d = /d="([^"]*)"/.exec(svg)![1]!
  const xs = [...d.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => Number(m[1]))
  return [Math.min(...xs), Math.max(...xs)]
}

describe('textToPaths', () => {
  it('draws a text of the report font as one path in its place, fill and transform kept', () => {
    const out = textToPaths(`<svg>${text('transform="translate(80 20)"', 'НИЛ')}</svg>`)
    expect(out).not.toContain('<text')
    expect(out).toMatch(/^<svg><path d="M[^"]+Z" fill="#222" transform="translate\(80 20\)"\/><\/svg>$/)
  })

  it('ends an end-anchored text at its x and centres a middle-anchored one', () => {
    const [, endRight] = xRange(textToPaths(text('text-anchor="end"', 'НИЛ')))
    expect(endRight).toBeLessThanOrEqual(0)
    expect(endRight).toBeGreaterThan(-3)
    const [left, right] = xRange(textToPaths(text('text-anchor="middle"', 'НИЛ')))
    expect(Math.abs(left + right)).toBeLessThan(2)
  })

  it('reads entities as the characters they stand for', () => {
    expect(textToPaths(text('', 'A&amp;B'))).toBe(textToPaths(text('', 'A&B')))
  })

  it('leaves texts in another font, bold or placed per glyph as they are', () => {
    const others = [
      '<text style="font-size:12px;font-family:serif;">x</text>',
      '<text style="font-size:12px;font-family:DejaVu Sans;font-weight:bold;">x</text>',
      '<text dx="1 2" style="font-size:12px;font-family:DejaVu Sans;">x</text>',
    ]
    for (const t of others) expect(textToPaths(t)).toBe(t)
  })
})
