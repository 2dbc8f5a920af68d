import pdfmake from 'pdfmake'
import type { Content } from 'pdfmake'
import { ReportCharts } from './chart-pool.ts'
import { CHART_SIZE } from './charts.ts'
import { FONT_DIR, FONT_FAMILY, FONT_FILES } from './fonts.ts'
import type { Block, ReportModel, Run } from './model.ts'

// pdfmake is one module-wide instance: configure it once. Nothing is ever fetched from a URL, and
// of the file system only the bundled fonts are read — a report holds no user-given resource.
pdfmake.setFonts({ [FONT_FAMILY]: FONT_FILES })
pdfmake.setUrlAccessPolicy(() => false)
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR))

const PAGE_WIDTH = 595.28 - 2 * 50

// pdfmake reads `text` as plain text: a string is never markup, so user text needs no escaping.
const runs = (list: Run[]) => list.map((r) => ({ text: r.text, bold: r.bold ?? false, italics: r.italic ?? false }))

function block(b: Block, svgs: ReadonlyMap<Block, string>): Content {
  switch (b.kind) {
    case 'heading':
      return { text: b.text, style: `h${b.level}`, tocItem: true, tocMargin: [(b.level - 1) * 12, 0, 0, 0] }
    case 'paragraph':
      return { text: runs(b.runs), style: b.muted ? 'muted' : 'body' }
    case 'list':
      return b.ordered
        ? { ol: b.items.map((i) => ({ text: runs(i) })), style: 'body' }
        : { ul: b.items.map((i) => ({ text: runs(i) })), style: 'body' }
    case 'table': {
      const weights = b.columns.map((c) => c.width ?? 1)
      const sum = weights.reduce((a, w) => a + w, 0)
      return {
        stack: [
          {
            table: {
              headerRows: 1,
              dontBreakRows: true,
              widths: weights.map((w) => (PAGE_WIDTH * w) / sum - 8),
              body: [
                b.columns.map((c) => ({ text: c.title, style: 'th', alignment: c.align ?? 'left' })),
                ...b.rows.map((row) =>
                  row.map((cell, i) => ({ text: cell, alignment: b.columns[i]?.align ?? 'left' })),
                ),
              ],
            },
            layout: {
              hLineWidth: () => 0.5,
              vLineWidth: () => 0.5,
              hLineColor: () => '#9aa3ad',
              vLineColor: () => '#9aa3ad',
              fillColor: (row: number) => (row === 0 ? '#e8edf2' : null),
            },
            style: 'table',
          },
          ...(b.caption ? [{ text: b.caption, style: 'caption' }] : []),
        ],
      }
    }
    case 'chart':
      return {
        stack: [
          { svg: svgs.get(b)!, width: PAGE_WIDTH, height: (PAGE_WIDTH * CHART_SIZE.height) / CHART_SIZE.width },
          { text: b.caption, style: 'caption' },
        ],
        unbreakable: true,
      }
    case 'pageBreak':
      return { text: '', pageBreak: 'after' }
  }
}

/**
 * Renders the report to PDF with pdfmake: a title page, the contents with page numbers, headings,
 * tables whose header row repeats on every page, charts as vector SVG, page numbers in the footer,
 * and DejaVu Sans embedded (Cyrillic).
 *
 * @example
 * const bytes = await renderPdf(model)
 */
export async function renderPdf(model: ReportModel, charts = new ReportCharts('svg')): Promise<Uint8Array> {
  const t = model.title
  // Drawn in the chart workers, most of them while the model was still being built.
  const svgs = await charts.drawn(model.blocks)
  const doc: Parameters<typeof pdfmake.createPdf>[0] = {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 56],
    info: { title: `${t.heading}: ${t.orgUnit}, ${t.period}`, author: t.preparedBy, creator: 'profmon' },
    defaultStyle: { font: FONT_FAMILY, fontSize: 9.5, lineHeight: 1.2 },
    footer: (page: number, pages: number) =>
      page === 1 ? null : { text: `${page} из ${pages}`, alignment: 'center', fontSize: 8, color: '#555' },
    styles: {
      title: { fontSize: 22, bold: true, margin: [0, 180, 0, 16] },
      subtitle: { fontSize: 14, margin: [0, 0, 0, 6] },
      h1: { fontSize: 15, bold: true, margin: [0, 14, 0, 8] },
      h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 6] },
      h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 4] },
      body: { margin: [0, 0, 0, 6] },
      muted: { color: '#666', italics: true, margin: [0, 0, 0, 6] },
      th: { bold: true },
      table: { fontSize: 8, margin: [0, 2, 0, 2] },
      caption: { fontSize: 8, color: '#555', margin: [0, 2, 0, 10] },
    },
    content: [
      { text: t.heading, style: 'title' },
      { text: t.orgUnit, style: 'subtitle' },
      { text: t.period, style: 'subtitle' },
      { text: `Дата: ${t.date}`, margin: [0, 24, 0, 4] },
      { text: `Подготовил: ${t.preparedBy}`, pageBreak: 'after' },
      { toc: { title: { text: 'Содержание', style: 'h1' } }, pageBreak: 'after' },
      ...model.blocks.map((b) => block(b, svgs)),
    ],
  }
  return new Uint8Array(await pdfmake.createPdf(doc).getBuffer())
}
