import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

// The DejaVu family ships in an npm package (TrueType, full Cyrillic): nothing is fetched at run
// time, and pdfmake and the rasterizer read the same files, so the charts and the text match.
const require = createRequire(import.meta.url)
const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')

/** The report's font family name, as charts (SVG) and both renderers name it. */
export const FONT_FAMILY = 'DejaVu Sans'

export const FONT_DIR = dir

export const FONT_FILES = {
  normal: join(dir, 'DejaVuSans.ttf'),
  bold: join(dir, 'DejaVuSans-Bold.ttf'),
  italics: join(dir, 'DejaVuSans-Oblique.ttf'),
  bolditalics: join(dir, 'DejaVuSans-BoldOblique.ttf'),
} as const
