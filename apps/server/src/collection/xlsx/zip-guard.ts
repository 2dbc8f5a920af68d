import { inflateRawSync } from 'node:zlib'
import { DomainError } from '../../errors.ts'

/**
 * Limits of an uploaded workbook as unpacked, far above any real template (a region of 2,000
 * organisations and 300 columns is ~25 MB of sheet XML), low enough that the XLSX reader never
 * sees a zip bomb or a sheet of a million rows.
 */
export const WORKBOOK_LIMITS = {
  /** All entries together, unpacked. */
  unpackedBytes: 100 * 1024 * 1024,
  entries: 2_000,
  /** Highest row number of a sheet (and number of rows). */
  rows: 100_000,
} as const

/** One file of a zip archive, as its central directory declares it. */
export interface ZipEntry {
  name: string
  method: number
  flags: number
  compressedSize: number
  unpackedSize: number
  localHeaderOffset: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

const corrupt = () =>
  new DomainError('unsupported', 'unsupported_media_type', 'Файл повреждён или не является книгой Excel (XLSX)')
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} МБ`

/**
 * Reads a zip archive's central directory (what every entry declares) without unpacking
 * anything. Throws a 415 for anything that is not a well-formed, plain (non-ZIP64) archive.
 *
 * @example
 * zipEntries(bytes).map((e) => e.name) // ['[Content_Types].xml', 'xl/workbook.xml', …]
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === EOCD) {
      eocd = i
      break
    }
  if (eocd < 0) throw corrupt()
  const count = view.getUint16(eocd + 10, true)
  const size = view.getUint32(eocd + 12, true)
  const offset = view.getUint32(eocd + 16, true)
  // ZIP64 markers: no template comes near 65,535 entries or 4 GB.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw corrupt()
  if (count > WORKBOOK_LIMITS.entries)
    throw new DomainError(
      'too_large',
      'payload_too_large',
      `В книге больше ${WORKBOOK_LIMITS.entries} вложенных файлов: такой файл не принимается`,
    )
  if (offset + size > eocd) throw corrupt()
  const entries: ZipEntry[] = []
  let p = offset
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) throw corrupt()
    const nameLength = view.getUint16(p + 28, true)
    const extraLength = view.getUint16(p + 30, true)
    const commentLength = view.getUint16(p + 32, true)
    const entry: ZipEntry = {
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      unpackedSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    }
    if (entry.compressedSize === 0xffffffff || entry.unpackedSize === 0xffffffff) throw corrupt()
    entries.push(entry)
    p += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** An entry's bytes as unpacked, never more than it declared (a lying header is a corrupt file). */
function unpack(bytes: Uint8Array, e: ZipEntry): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const h = e.localHeaderOffset
  if (h + 30 > bytes.length || view.getUint32(h, true) !== LOCAL) throw corrupt()
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true)
  const data = bytes.subarray(start, start + e.compressedSize)
  if (data.length !== e.compressedSize) throw corrupt()
  if (e.flags & 1) throw corrupt() // encrypted
  let out: Buffer
  if (e.method === 0) out = Buffer.from(data)
  else if (e.method === 8) {
    try {
      // maxOutputLength stops inflating past the declared size: a bomb costs at most that much.
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.unpackedSize) })
    } catch {
      throw corrupt()
    }
  } else throw corrupt()
  if (out.length !== e.unpackedSize) throw corrupt()
  return out
}

/** The number of rows of a sheet's XML and the highest row number (`<row r="…">`). */
function sheetRows(xml: Buffer): { rows: number; last: number } {
  let rows = 0
  let last = 0
  for (let i = xml.indexOf('<row'); i >= 0; i = xml.indexOf('<row', i + 4)) {
    const next = xml[i + 4]
    // `<row ` or `<row>`, not `<rowBreaks` and the like.
    if (next !== 0x20 && next !== 0x3e && next !== 0x2f && next !== 0x0a && next !== 0x0d && next !== 0x09) continue
    rows++
    const end = xml.indexOf('>', i)
    const tag = xml.subarray(i, end < 0 ? i + 200 : end).toString('latin1')
    const r = /\sr="(\d+)"/.exec(tag)
    last = r ? Math.max(last, Number(r[1])) : last + 1
  }
  return { rows, last: Math.max(last, rows) }
}

/**
 * Looks inside an uploaded workbook before the XLSX reader does, and refuses with a 4xx and a
 * Russian message what it must never be given: a corrupt or encrypted archive (415), one that
 * unpacks to more than {@link WORKBOOK_LIMITS} allow or whose entries unpack to more than they
 * declare — a zip bomb (413), a sheet of more than 100,000 rows however empty (413), macros (415),
 * links to other files (415) and XML entity declarations (415).
 *
 * @example
 * inspectWorkbook(bytes) // throws DomainError('too_large', …) for a zip bomb
 */
export function inspectWorkbook(bytes: Uint8Array): void {
  const entries = zipEntries(bytes)
  const declared = entries.reduce((s, e) => s + e.unpackedSize, 0)
  if (declared > WORKBOOK_LIMITS.unpackedBytes)
    throw new DomainError(
      'too_large',
      'payload_too_large',
      `Книга Excel в распакованном виде больше ${mb(WORKBOOK_LIMITS.unpackedBytes)} (${mb(declared)}): такой файл не принимается`,
    )
  for (const e of entries) {
    const name = e.name.toLowerCase()
    if (/(^|\/)vba[a-z]*\.(bin|xml)$/.test(name))
      throw new DomainError(
        'unsupported',
        'macros_not_allowed',
        'Книга с макросами (XLSM) не принимается: сохраните её как обычную книгу Excel (XLSX) без макросов',
      )
    if (name.startsWith('xl/externallinks/'))
      throw new DomainError(
        'unsupported',
        'external_links_not_allowed',
        'Книга ссылается на другие файлы (внешние связи): замените ссылки значениями и загрузите снова',
      )
  }
  for (const e of entries) {
    if (!e.name.toLowerCase().endsWith('.xml') && !e.name.toLowerCase().endsWith('.rels')) continue
    const xml = unpack(bytes, e)
    if (xml.indexOf('<!DOCTYPE') >= 0 || xml.indexOf('<!ENTITY') >= 0)
      throw new DomainError(
        'unsupported',
        'unsupported_media_type',
        'Файл содержит объявления XML (DOCTYPE): не принимается',
      )
    if (e.name.startsWith('[Content_Types]') && xml.indexOf('macroEnabled') >= 0)
      throw new DomainError(
        'unsupported',
        'macros_not_allowed',
        'Книга с макросами (XLSM) не принимается: сохраните её как обычную книгу Excel (XLSX) без макросов',
      )
    if (e.name.startsWith('xl/worksheets/')) {
      const { last } = sheetRows(xml)
      if (last > WORKBOOK_LIMITS.rows)
        throw new DomainError(
          'too_large',
          'payload_too_large',
          `На листе больше ${WORKBOOK_LIMITS.rows.toLocaleString('ru-RU')} строк (последняя — ${last.toLocaleString('ru-RU')}): удалите пустые строки внизу листа и загрузите снова`,
        )
    }
  }
}
