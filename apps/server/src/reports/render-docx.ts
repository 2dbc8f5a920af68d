import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  ShadingType,
  LevelFormat,
  type FileChild,
} from 'docx'
import { ReportCharts } from './chart-pool.ts'
import { CHART_SIZE } from './charts.ts'
import type { Align, Block, ReportModel, Run } from './model.ts'

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const
const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
}
/** Paragraph styles of table cells: 9 pt text, the header row's in bold, no spacing after. */
const TABLE_TEXT = 'ReportTableText'
const TABLE_HEAD = 'ReportTableHead'
const TABLE_STYLES = [
  { id: TABLE_TEXT, name: 'Текст таблицы', run: { size: 18 }, paragraph: { spacing: { after: 0 } } },
  { id: TABLE_HEAD, name: 'Шапка таблицы', basedOn: TABLE_TEXT, run: { bold: true } },
]

/** Text width of an A4 page with 2 cm margins, in pixels at 96 dpi (what ImageRun measures in). */
const IMAGE_WIDTH = 640

// docx writes every string as XML text (escaped): `<w:p>` or `{{x}}` in a title stays those characters.
const runs = (list: Run[]) => list.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic }))

type ChartBlock = Extract<Block, { kind: 'chart' }>

/** The paragraphs and tables of a block other than a chart; `nextList` numbers the lists. */
function layoutBlock(b: Exclude<Block, ChartBlock>, nextList: () => number): FileChild[] {
  switch (b.kind) {
    case 'heading':
      // Real heading styles: Word's navigation pane and its table of contents are built from them.
      return [new Paragraph({ heading: HEADINGS[b.level], children: [new TextRun(b.text)] })]
    case 'paragraph':
      return [
        new Paragraph({
          children: b.muted
            ? b.runs.map((r) => new TextRun({ text: r.text, italics: true, color: '666666' }))
            : runs(b.runs),
          spacing: { after: 120 },
        }),
      ]
    case 'list': {
      const instance = nextList()
      return b.items.map(
        (item) =>
          new Paragraph({
            children: runs(item),
            ...(b.ordered ? { numbering: { reference: 'numbered', level: 0, instance } } : { bullet: { level: 0 } }),
          }),
      )
    }
    case 'table': {
      const weights = b.columns.map((c) => c.width ?? 1)
      const sum = weights.reduce((a, w) => a + w, 0)
      // A cell's look comes from its paragraph style (TABLE_STYLES), not from properties on
      // every run: a report has thousands of cells, and each property is XML to build and zip.
      const cell = (text: string, align: Align | undefined, header: boolean, width: number) =>
        new TableCell({
          width: { size: Math.round((1000 * width) / sum) / 10, type: WidthType.PERCENTAGE },
          ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E8EDF2', color: 'auto' } } : {}),
          children: [
            new Paragraph({
              style: header ? TABLE_HEAD : TABLE_TEXT,
              ...(align && align !== 'left' ? { alignment: ALIGN[align] } : {}),
              children: [new TextRun(text)],
            }),
          ],
        })
      const table = new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          // tableHeader: Word repeats this row at the top of every page the table spans.
          new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: b.columns.map((c, i) => cell(c.title, c.align, true, weights[i]!)),
          }),
          ...b.rows.map(
            (row) =>
              new TableRow({
                cantSplit: true,
                children: row.map((text, i) => cell(text, b.columns[i]?.align, false, weights[i]!)),
              }),
          ),
        ],
      })
      return [
        table,
        new Paragraph({
          spacing: { after: 200 },
          children: b.caption ? [new TextRun({ text: b.caption, size: 16, color: '555555' })] : [],
        }),
      ]
    }
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })]
  }
}

/** A chart as a 2× raster for print (the PDF gets the same chart as vectors), and its caption. */
const chartParagraphs = (b: ChartBlock, png: Uint8Array): FileChild[] => [
  new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: IMAGE_WIDTH, height: (IMAGE_WIDTH * CHART_SIZE.height) / CHART_SIZE.width },
        altText: { name: b.caption, title: b.caption, description: b.caption },
      }),
    ],
  }),
  new Paragraph({
    spacing: { after: 200 },
    children: [new TextRun({ text: b.caption, size: 16, color: '555555' })],
  }),
]

/**
 * The document's paragraphs and tables, laid out section by section as the report is built: on
 * PostgreSQL that work (and the docx library's checksums of the charts) fills the time the main
 * thread waits for the next sections' queries. A chart is laid out once its PNG is drawn.
 *
 * @example
 * const layout = new DocxLayout(new ReportCharts('png'))
 * layout.add(await section.build(ctx)) // …for each section, in any order
 * const bytes = await renderDocx(model, layout)
 */
export class DocxLayout {
  readonly charts: ReportCharts<'png'>
  readonly #laid = new Map<Block, FileChild[] | Promise<FileChild[]>>()
  #lists = 0

  constructor(charts: ReportCharts<'png'>) {
    this.charts = charts
  }

  /** Lays out the blocks not laid out yet and starts drawing their charts. */
  add(blocks: readonly Block[]): void {
    this.charts.start(blocks)
    for (const b of blocks) {
      if (this.#laid.has(b)) continue
      if (b.kind !== 'chart') {
        this.#laid.set(
          b,
          layoutBlock(b, () => ++this.#lists),
        )
        continue
      }
      const laid = this.charts.drawing(b).then((png) => chartParagraphs(b, png))
      // Awaited in `body`; until then a chart that fails must not count as an unhandled rejection.
      laid.catch(() => {})
      this.#laid.set(b, laid)
    }
  }

  /** The body of the document: every block of `blocks`, in their order, charts drawn. */
  async body(blocks: readonly Block[]): Promise<FileChild[]> {
    this.add(blocks)
    const laid = await Promise.all(blocks.map((b) => this.#laid.get(b)!))
    return laid.flat()
  }
}

/**
 * Renders the report to DOCX with the `docx` library: a title page, a table-of-contents field
 * (Word fills it in on opening), Heading 1–3 styles, tables whose header row repeats across pages,
 * charts as 2× PNG, and page numbers in the footer.
 *
 * @example
 * const bytes = await renderDocx(model)
 */
export async function renderDocx(
  model: ReportModel,
  layout = new DocxLayout(new ReportCharts('png')),
): Promise<Uint8Array> {
  const t = model.title
  // Charts are rasterized in the chart workers, most of them while the model was still being
  // built; blocks laid out then (`DocxLayout.add`) are not laid out again.
  const body = await layout.body(model.blocks)
  const doc = new Document({
    creator: t.preparedBy,
    title: `${t.heading}: ${t.orgUnit}, ${t.period}`,
    // Asks Word to update the contents field on opening, so its page numbers are right.
    features: { updateFields: true },
    styles: { default: { document: { run: { font: 'Times New Roman', size: 22 } } }, paragraphStyles: TABLE_STYLES },
    numbering: {
      config: [
        {
          reference: 'numbered',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        properties: { titlePage: true, page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            spacing: { before: 3600, after: 400 },
            children: [new TextRun({ text: t.heading, bold: true, size: 48 })],
          }),
          new Paragraph({ children: [new TextRun({ text: t.orgUnit, size: 30 })] }),
          new Paragraph({ spacing: { after: 600 }, children: [new TextRun({ text: t.period, size: 30 })] }),
          new Paragraph({ children: [new TextRun(`Дата: ${t.date}`)] }),
          new Paragraph({ children: [new TextRun(`Подготовил: ${t.preparedBy}`)] }),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph({ children: [new TextRun({ text: 'Содержание', bold: true, size: 30 })] }),
          new TableOfContents('Содержание', { hyperlink: true, headingStyleRange: '1-2' }),
          new Paragraph({ children: [new PageBreak()] }),
          ...body,
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
