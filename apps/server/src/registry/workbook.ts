import ExcelJS from 'exceljs'
import type { EmploymentPosition, PersonCategory, PersonEducation, PersonEventKind } from '@profmon/db'
import { plainCell } from '../collection/xlsx/cell-value.ts'
import { guardTextCells, setText } from '../collection/xlsx/cells.ts'
import { columnLetter, NO, YES } from '../collection/xlsx/layout.ts'
import { inspectWorkbook } from '../collection/xlsx/zip-guard.ts'
import { looksLikeZip } from '../collection/xlsx/import-workbook.ts'
import { DomainError } from '../errors.ts'
import { EVENT_KINDS } from './event-details.ts'

/**
 * The registry's workbooks: a staff list sheet and an events sheet. Row 1 the sheet's title,
 * row 2 the Russian headers, row 3 the hidden column codes an import reads, data from row 4.
 */
export const REGISTRY_LAYOUT = { titleRow: 1, headerRow: 2, codeRow: 3, firstDataRow: 4 } as const

/** Rows of the template that get drop-down lists. */
const VALIDATED_ROWS = 500

export const STAFF_SHEET = 'Сотрудники'
export const EVENTS_SHEET = 'События'

/** Russian labels of the enumerations, as the template offers them; an import also takes the codes. */
export const LABELS = {
  position: {
    teacher: 'учитель',
    head: 'руководитель',
    deputy_head: 'заместитель руководителя',
    methodist: 'методист',
    educator: 'воспитатель',
    other: 'другое',
  } satisfies Record<EmploymentPosition, string>,
  education: {
    higher_pedagogical: 'высшее педагогическое',
    higher_other: 'высшее непедагогическое',
    secondary_pedagogical: 'среднее профессиональное педагогическое',
    secondary_other: 'среднее профессиональное непедагогическое',
  } satisfies Record<PersonEducation, string>,
  category: { none: 'без категории', first: 'первая', highest: 'высшая' } satisfies Record<PersonCategory, string>,
  kind: {
    diagnostics: 'диагностика',
    iom: 'ИОМ',
    course: 'курсы',
    retraining: 'переподготовка',
    mentoring: 'наставничество',
    expert_role: 'экспертная деятельность',
    membership: 'членство',
    contest: 'конкурс',
    attestation: 'аттестация',
  } satisfies Record<PersonEventKind, string>,
  provider: { cnppm: 'ЦНППМ', federal: 'федеральная программа', other: 'другой' },
  role: {
    mentor: 'наставник',
    mentee: 'наставляемый',
    gia_commission: 'предметная комиссия ГИА',
    contest_jury: 'жюри конкурса',
    course_expertise: 'экспертиза курсов',
    methodical_asset: 'методический актив',
    network_community: 'сетевое сообщество',
  },
  level: { municipal: 'муниципальный', regional: 'региональный', federal: 'федеральный' },
  result: { participant: 'участник', winner: 'победитель' },
} as const

interface Column {
  code: string
  header: string
  width: number
  /** A drop-down of these labels. */
  list?: readonly string[]
  yesNo?: true
  date?: true
}

const PERSON_COLUMNS: Column[] = [
  { code: 'surname', header: 'Фамилия', width: 18 },
  { code: 'name', header: 'Имя', width: 14 },
  { code: 'patronymic', header: 'Отчество', width: 18 },
  { code: 'birth_date', header: 'Дата рождения', width: 14, date: true },
  { code: 'snils', header: 'СНИЛС', width: 16 },
]

export const STAFF_COLUMNS: Column[] = [
  ...PERSON_COLUMNS,
  { code: 'position', header: 'Должность', width: 22, list: Object.values(LABELS.position) },
  { code: 'rate', header: 'Ставка', width: 8 },
  { code: 'main', header: 'Основное место работы', width: 12, yesNo: true },
  { code: 'starts_on', header: 'Дата приёма', width: 14, date: true },
  { code: 'ends_on', header: 'Дата увольнения', width: 14, date: true },
  { code: 'subjects', header: 'Предметы (через «;»)', width: 28 },
  { code: 'education', header: 'Образование', width: 30, list: Object.values(LABELS.education) },
  { code: 'experience_since', header: 'Начало педагогического стажа', width: 16, date: true },
  { code: 'category', header: 'Квалификационная категория', width: 16, list: Object.values(LABELS.category) },
  { code: 'category_on', header: 'Дата присвоения категории', width: 16, date: true },
  { code: 'management_reserve', header: 'Резерв управленческих кадров', width: 14, yesNo: true },
]

export const EVENT_COLUMNS: Column[] = [
  ...PERSON_COLUMNS,
  { code: 'kind', header: 'Вид события', width: 22, list: Object.values(LABELS.kind) },
  { code: 'occurred_on', header: 'Дата', width: 14, date: true },
  { code: 'completed_on', header: 'Дата завершения', width: 14, date: true },
  { code: 'title', header: 'Название, инструмент, программа или сообщество', width: 36 },
  { code: 'provider', header: 'Организатор (курсы, переподготовка)', width: 22 },
  { code: 'hours', header: 'Часов', width: 8 },
  { code: 'distance', header: 'Дистанционно', width: 12, yesNo: true },
  { code: 'pedagogical', header: 'Педагогическая переподготовка', width: 14, yesNo: true },
  { code: 'role', header: 'Роль', width: 24, list: Object.values(LABELS.role) },
  { code: 'level', header: 'Уровень конкурса', width: 16, list: Object.values(LABELS.level) },
  { code: 'result', header: 'Результат конкурса', width: 14, list: Object.values(LABELS.result) },
  { code: 'category', header: 'Категория (аттестация)', width: 14, list: Object.values(LABELS.category) },
  { code: 'deficits', header: 'Выявленные дефициты (через «;»)', width: 32 },
]

type WithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void }
}

function addSheet(wb: ExcelJS.Workbook, name: string, title: string, columns: Column[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: REGISTRY_LAYOUT.headerRow }] })
  ws.columns = columns.map((c) => ({ width: c.width }))
  setText(ws.getCell(REGISTRY_LAYOUT.titleRow, 1), title)
  ws.getCell(REGISTRY_LAYOUT.titleRow, 1).font = { bold: true }
  const head = ws.getRow(REGISTRY_LAYOUT.headerRow)
  const codes = ws.getRow(REGISTRY_LAYOUT.codeRow)
  columns.forEach((c, i) => {
    head.getCell(i + 1).value = c.header
    codes.getCell(i + 1).value = c.code
  })
  head.font = { bold: true }
  head.alignment = { wrapText: true, vertical: 'top' }
  codes.hidden = true
  const last = REGISTRY_LAYOUT.firstDataRow + VALIDATED_ROWS - 1
  columns.forEach((c, i) => {
    const range = `${columnLetter(i + 1)}${REGISTRY_LAYOUT.firstDataRow}:${columnLetter(i + 1)}${last}`
    const list = c.yesNo ? [YES, NO] : c.list
    if (list && list.join(',').length < 250)
      (ws as WithValidations).dataValidations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list.join(',')}"`],
      })
    if (c.date) for (let r = REGISTRY_LAYOUT.firstDataRow; r <= last; r++) ws.getCell(r, i + 1).numFmt = 'dd.mm.yyyy'
    if (c.code === 'snils') for (let r = REGISTRY_LAYOUT.firstDataRow; r <= last; r++) ws.getCell(r, i + 1).numFmt = '@'
  })
  return ws
}

/**
 * The XLSX template of an organisation's staff list and events, without any person in it: two
 * sheets to fill and a sheet of the subjects and deficit types an import recognises.
 */
export async function buildRegistryTemplate(
  unitName: string,
  subjects: { code: string; title: string }[],
  deficits: { code: string; title: string }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'profmon'
  addSheet(wb, STAFF_SHEET, `Список сотрудников: ${unitName}`, STAFF_COLUMNS)
  addSheet(wb, EVENTS_SHEET, `События сотрудников: ${unitName}`, EVENT_COLUMNS)
  const ref = wb.addWorksheet('Справочники')
  ref.columns = [{ width: 32 }, { width: 18 }, { width: 4 }, { width: 34 }, { width: 22 }]
  ref.getRow(1).values = ['Предмет', 'код', '', 'Вид дефицита', 'код']
  ref.getRow(1).font = { bold: true }
  for (let i = 0; i < Math.max(subjects.length, deficits.length); i++) {
    const row = ref.getRow(i + 2)
    if (subjects[i]) row.values = [subjects[i]!.title, subjects[i]!.code]
    if (deficits[i]) {
      row.getCell(4).value = deficits[i]!.title
      row.getCell(5).value = deficits[i]!.code
    }
  }
  guardTextCells(wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** A row of a registry sheet: the cells by column code, and where each column is. */
export interface SheetRow {
  sheet: string
  /** 1-based row number in the sheet. */
  number: number
  cells: Map<string, unknown>
}

export interface ParsedSheet {
  name: string
  kind: 'staff' | 'events'
  columns: Map<string, number>
  headers: Map<string, string>
  rows: SheetRow[]
}

/** Loads an uploaded workbook (415 when it is not XLSX) and finds its registry sheets by their code rows. */
export async function readRegistryWorkbook(bytes: Uint8Array): Promise<ParsedSheet[]> {
  if (!looksLikeZip(bytes))
    throw new DomainError(
      'unsupported',
      'unsupported_media_type',
      'Файл не является книгой Excel (XLSX): загрузите заполненный шаблон',
    )
  inspectWorkbook(bytes)
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new DomainError('unsupported', 'unsupported_media_type', 'Файл повреждён или не является книгой Excel (XLSX)')
  }
  const sheets: ParsedSheet[] = []
  for (const ws of wb.worksheets) {
    const columns = new Map<string, number>()
    const headers = new Map<string, string>()
    ws.getRow(REGISTRY_LAYOUT.codeRow).eachCell((cell, n) => {
      const code = plainCell(cell.value)
      if (typeof code === 'string') {
        columns.set(code, n)
        headers.set(code, String(plainCell(ws.getRow(REGISTRY_LAYOUT.headerRow).getCell(n).value) ?? code))
      }
    })
    const kind = columns.has('kind') ? 'events' : columns.has('position') ? 'staff' : undefined
    if (!kind || !columns.has('surname')) continue
    const rows: SheetRow[] = []
    for (let r = REGISTRY_LAYOUT.firstDataRow; r <= ws.rowCount; r++) {
      const row = ws.getRow(r)
      if (!row.hasValues) continue
      const cells = new Map<string, unknown>()
      for (const [code, n] of columns) cells.set(code, plainCell(row.getCell(n).value))
      if ([...cells.values()].every((v) => v === null)) continue
      rows.push({ sheet: ws.name, number: r, cells })
    }
    sheets.push({ name: ws.name, kind, columns, headers, rows })
  }
  return sheets
}

/** The column label an error names: its header and letter, `Дата приёма (I)`. */
export function columnLabel(sheet: ParsedSheet, code: string): string {
  const n = sheet.columns.get(code)
  return n ? `${sheet.headers.get(code) ?? code} (${columnLetter(n)})` : code
}

/** A cell's date: a date cell, `ДД.ММ.ГГГГ`, `YYYY-MM-DD` or an Excel day number; undefined when it is none. */
export function cellDate(v: unknown): string | null | undefined {
  if (v === null || v === undefined) return null
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10)
  if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 100000)
    return new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10)
  const s = String(v).trim()
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s)
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  return m ? s : undefined
}

/** «да»/«нет» (and true/false, 1/0); undefined when it is neither. */
export function cellYesNo(v: unknown): boolean | null | undefined {
  if (v === null || v === undefined) return null
  if (typeof v === 'boolean') return v
  const s = String(v).trim().toLowerCase()
  if (s === YES || s === 'true' || s === '1' || s === 'yes') return true
  if (s === NO || s === 'false' || s === '0' || s === 'no') return false
  return undefined
}

/** A label of an enumeration (or its code), case-insensitive; undefined when unknown. */
export function cellEnum<K extends string>(labels: Partial<Record<K, string>>, v: unknown): K | null | undefined {
  if (v === null || v === undefined) return null
  const s = String(v).trim().toLowerCase().replace(/ё/g, 'е')
  for (const [code, label] of Object.entries(labels) as [K, string][])
    if (code.toLowerCase() === s || label.toLowerCase().replace(/ё/g, 'е') === s) return code
  return undefined
}

/** A cell's text, trimmed; null when empty. */
export function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  const s = String(v).trim()
  return s === '' ? null : s
}

/** A list cell split at `;` or `,`. */
export function cellList(v: unknown): string[] {
  const s = cellText(v)
  return s
    ? s
        .split(/[;,\n]/)
        .map((x) => x.trim())
        .filter(Boolean)
    : []
}

export { EVENT_KINDS }
