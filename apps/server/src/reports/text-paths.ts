import { createRequire } from 'node:module'
import { FONT_FAMILY, FONT_FILES } from './fonts.ts'

// fontkit (pdfmake's own font engine) lays out text with the font's kerning and gives each
// glyph's outline; it ships no types, so the little used here is typed below.
interface PathCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath'
  args: number[]
}
interface Glyph {
  id: number
  path: { commands: PathCommand[] }
}
interface Font {
  unitsPerEm: number
  ascent: number
  descent: number
  layout(text: string): { glyphs: Glyph[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] }
}
const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(path: string): Font }

let font: Font | undefined
/** Glyph outlines as path data in font units (y up), by glyph id: each glyph is outlined once per process. */
const outlines = new Map<number, PathCommand[]>()

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (text: string) =>
  text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) =>
    name[0] === '#'
      ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
      : (ENTITIES[name] ?? whole),
  )
const attr = (attrs: string, name: string) => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1]
const fixed = (n: number) => String(Math.round(n * 100) / 100)

/** How far below `y` the alphabetic baseline lies, in em, for an SVG `dominant-baseline`. */
function baselineShift(f: Font, baseline: string | undefined): number {
  const ascent = f.ascent / f.unitsPerEm
  const descent = f.descent / f.unitsPerEm
  switch (baseline) {
    case 'central':
      return (ascent + descent) / 2
    case 'middle':
      return 0.27
    case 'hanging':
    case 'text-before-edge':
      return ascent
    case 'text-after-edge':
    case 'ideographic':
      return descent
    default:
      return 0
  }
}

/**
 * Texts already set, by font size, anchor, baseline and text: the charts of one report repeat the
 * same unit names and axis labels. Bounded: emptied when it grows past a few reports' worth.
 */
const runs = new Map<string, string>()
const MAX_RUNS = 20_000

/** The path data of one line of text set at (0, 0) with its anchor and baseline, in pixels. */
function textPath(f: Font, text: string, size: number, anchor: string | undefined, baseline: string | undefined) {
  const key = `${size}|${anchor ?? ''}|${baseline ?? ''}|${text}`
  let d = runs.get(key)
  if (d === undefined) {
    if (runs.size >= MAX_RUNS) runs.clear()
    runs.set(key, (d = setText(f, text, size, anchor, baseline)))
  }
  return d
}

function setText(f: Font, text: string, size: number, anchor: string | undefined, baseline: string | undefined) {
  const run = f.layout(text)
  const scale = size / f.unitsPerEm
  const width = run.positions.reduce((w, p) => w + p.xAdvance, 0) * scale
  let x = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0
  const y = baselineShift(f, baseline) * size
  let d = ''
  run.glyphs.forEach((glyph, i) => {
    const p = run.positions[i]!
    let commands = outlines.get(glyph.id)
    if (!commands) outlines.set(glyph.id, (commands = glyph.path.commands))
    const gx = x + p.xOffset * scale
    const gy = y - p.yOffset * scale
    for (const c of commands) {
      const pts: string[] = []
      for (let k = 0; k < c.args.length; k += 2)
        pts.push(`${fixed(gx + c.args[k]! * scale)} ${fixed(gy - c.args[k + 1]! * scale)}`)
      d +=
        c.command === 'moveTo'
          ? `M${pts[0]}`
          : c.command === 'lineTo'
            ? `L${pts[0]}`
            : c.command === 'quadraticCurveTo'
              ? `Q${pts.join(' ')}`
              : c.command === 'bezierCurveTo'
                ? `C${pts.join(' ')}`
                : 'Z'
    }
    x += p.xAdvance * scale
  })
  return d
}

/**
 * Replaces each `<text>` of a chart's SVG in the report font by the outlines of its glyphs (one
 * `<path>` per text, same place, anchor, baseline, fill and transform), for the rasterizer: it
 * shapes and outlines every glyph of every text anew, which made text nine tenths of a chart's
 * drawing time; here each glyph is outlined once per process. Texts in another font, or with
 * attributes this does not place (`x`/`y` lists, `dx`, nested spans), stay text.
 *
 * @example
 * textToPaths('<svg …><text text-anchor="end" style="font-size:12px;font-family:DejaVu Sans;" transform="translate(80 20)" fill="#222">40 %</text></svg>')
 * // '<svg …><path d="M…Z" fill="#222" transform="translate(80 20)"/></svg>'
 */
export function textToPaths(svg: string): string {
  font ??= fontkit.openSync(FONT_FILES.normal)
  const f = font
  return svg.replace(/<text([^>]*)>([^<]*)<\/text>/g, (whole, attrs: string, content: string) => {
    const style = attr(attrs, 'style') ?? ''
    const size = /font-size:\s*([\d.]+)px/.exec(style)?.[1]
    const family = /font-family:\s*([^;]+)/
      .exec(style)?.[1]
      ?.trim()
      .replace(/^["']|["']$/g, '')
    if (!size || family !== FONT_FAMILY || /font-weight|font-style/.test(style) || /\s(dx|dy|rotate)=/.test(attrs))
      return whole
    const x = Number(attr(attrs, 'x') ?? 0)
    const y = Number(attr(attrs, 'y') ?? 0)
    if (!Number.isFinite(x) || !Number.isFinite(y)) return whole
    const d = textPath(f, decode(content), Number(size), attr(attrs, 'text-anchor'), attr(attrs, 'dominant-baseline'))
    const transform = attr(attrs, 'transform')
    const place = x || y ? ` translate(${x} ${y})` : ''
    const fill = attr(attrs, 'fill') ?? '#000'
    const opacity = attr(attrs, 'fill-opacity') ?? attr(attrs, 'opacity')
    return (
      `<path d="${d}" fill="${fill}"${opacity ? ` fill-opacity="${opacity}"` : ''}` +
      `${transform || place ? ` transform="${(transform ?? '') + place}"` : ''}/>`
    )
  })
}
