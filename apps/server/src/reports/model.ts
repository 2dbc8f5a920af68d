import type { ChartSpec } from './charts.ts'

/**
 * The analytical report as pure data: a title page and a list of blocks. Every text is already
 * worded and every number already formatted (Russian formats, «—» for no data), so the DOCX and
 * the PDF renderer only lay out blocks and can never disagree on a figure. User-entered text
 * stays plain text here; each renderer writes it as literal text of its format.
 */
export interface ReportModel {
  title: ReportTitle
  blocks: Block[]
}

export interface ReportTitle {
  /** «Аналитическая справка». */
  heading: string
  orgUnit: string
  period: string
  /** «2 марта 2027 г.» */
  date: string
  preparedBy: string
  /** The file name without extension, Russian. */
  fileName: string
}

/** A run of plain text; bold / italic as the conclusion's author set them. */
export interface Run {
  text: string
  bold?: boolean
  italic?: boolean
}

export type Align = 'left' | 'right' | 'center'

export interface TableColumn {
  title: string
  align?: Align
  /** Relative width (weights, summed per table). */
  width?: number
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: Run[]; muted?: boolean }
  | { kind: 'list'; ordered: boolean; items: Run[][] }
  | { kind: 'table'; columns: TableColumn[]; rows: string[][]; caption?: string }
  | { kind: 'chart'; caption: string; chart: ChartSpec }
  | { kind: 'pageBreak' }

/** Builders that keep section code short. */
export const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text })
export const paragraph = (text: string, muted = false): Block => ({ kind: 'paragraph', runs: [{ text }], muted })
export const table = (columns: TableColumn[], rows: string[][], caption?: string): Block => ({
  kind: 'table',
  columns,
  rows,
  ...(caption ? { caption } : {}),
})
