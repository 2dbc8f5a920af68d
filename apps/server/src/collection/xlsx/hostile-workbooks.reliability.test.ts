import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reliabilityTally } from '@profmon/contract/reliability'
import { sql } from '@profmon/db'
import { testEngine } from '@profmon/db/testing'
import { createFixtureTree, type FixtureTree } from '../../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../../testing/test-app.ts'
import { columnOf, readWorkbook, requestAs, rowOf, uploadForm, workbookBytes } from './test-workbook.ts'
import { readZip, writeZip, type TestZipFile } from './test-zip.ts'
import { WORKBOOK_LIMITS } from './zip-guard.ts'

const P = '2025-26'

/** A sheet's XML with the given rows (`<row>` elements) and nothing else. */
const sheetXml = (rows: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  `<dimension ref="A1:XFD1048576"/><sheetData>${rows}</sheetData></worksheet>`

describe(`hostile XLSX uploads on ${testEngine}`, () => {
  const tried = reliabilityTally(
    'XLSX uploads (corrupt, zip bomb, huge sheets, formulas, links, macros, entities)',
    testEngine,
  )
  let t: TestApp
  let tree: FixtureTree
  let template: TestZipFile[]
  let filled: Uint8Array

  const upload = async (bytes: Uint8Array) => {
    const started = performance.now()
    const res = await requestAs(
      t,
      'coord-a',
      'POST',
      '/api/imports',
      uploadForm(bytes, 'data.xlsx', { period: P, plugin: 'deficits' }),
    )
    const body = (await res.json()) as { ok?: boolean; error?: { code: string; message: string } }
    return { status: res.status, body, ms: performance.now() - started }
  }
  const fingerprint = async () =>
    (
      await sql<{ values: number; audit: number }>`
        select (select count(*) from data_value) as values, (select count(*) from audit_log) as audit`.execute(
        t.deps.db,
      )
    ).rows[0]
  /** The real template with its files changed. */
  const variant = (change: (files: TestZipFile[]) => TestZipFile[]) => writeZip(change(template.map((f) => ({ ...f }))))
  const sheetName = () => template.find((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.name))!.name

  /** Uploads and expects a refusal: the status, a message matching `message`, bounded time, nothing written. */
  async function refused(bytes: Uint8Array, status: number, message: RegExp) {
    tried.add()
    const before = await fingerprint()
    const r = await upload(bytes)
    expect(r.status, JSON.stringify(r.body)).toBe(status)
    expect(r.body.error?.message).toMatch(message)
    expect(r.ms).toBeLessThan(10_000)
    expect(await fingerprint()).toEqual(before)
  }

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('coord-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    const res = await requestAs(
      t,
      'coord-a',
      'GET',
      `/api/imports/template?orgUnit=${tree.munA}&period=${P}&plugin=deficits`,
    )
    const bytes = new Uint8Array(await res.arrayBuffer())
    template = readZip(bytes)
    const wb = await readWorkbook(bytes)
    const ws = wb.getWorksheet('Организации')!
    ws.getRow(rowOf(ws, tree.schoolA1)).getCell(columnOf(ws, 'core.teachers_total')).value = 40
    filled = await workbookBytes(wb)
  })
  afterAll(async () => {
    tried.flush()
    await t.close()
  })

  it('still takes the real template, rewritten by the test zip writer (the baseline of every variant)', async () => {
    const r = await upload(variant((f) => f))
    expect(r.status).toBe(200)
    expect(r.body.ok).toBe(true)
  })

  it('refuses corrupt archives with 415: truncated, garbage after the signature, a damaged stream, a lying size', async () => {
    await refused(filled.subarray(0, Math.floor(filled.length / 2)), 415, /повреждён/)
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251)
    garbage.set([0x50, 0x4b, 0x03, 0x04])
    await refused(garbage, 415, /повреждён/)
    const damaged = writeZip(readZip(filled))
    // Flip bytes in the middle of the archive's data (inside a deflate stream).
    for (let i = 200; i < 260; i++) damaged[i] = damaged[i]! ^ 0xff
    await refused(damaged, 415, /повреждён/)
    // A sheet whose header claims fewer bytes than it unpacks to: stopped at the claimed size.
    const sheet = sheetName()
    await refused(
      variant((fs) => fs.map((f) => (f.name === sheet ? { ...f, declare: 100 } : f))),
      415,
      /повреждён/,
    )
  })

  it('refuses a zip bomb (unpacking past the limit) with 413 before the XLSX reader inflates it', async () => {
    const size = WORKBOOK_LIMITS.unpackedBytes + 50 * 1024 * 1024
    const bomb = variant((fs) => [...fs, { name: 'xl/media/bomb.xml', data: Buffer.alloc(size, 0x20) }])
    expect(bomb.length).toBeLessThan(1024 * 1024) // a few hundred KB on the wire
    const heap = process.memoryUsage().heapUsed
    await refused(bomb, 413, /в распакованном виде больше 100 МБ/)
    // Nothing near the unpacked size was allocated to refuse it.
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 1024 * 1024)
    // The same bomb with headers that lie (claiming 1 KB): stopped after 1 KB of inflating.
    await refused(
      variant((fs) => [
        ...fs,
        { name: 'xl/media/bomb.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x20), declare: 1024 },
      ]),
      415,
      /повреждён/,
    )
  })

  it('refuses a sheet of a million empty rows, or one row far down, with 413 and says what to do', async () => {
    const sheet = sheetName()
    const million = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 1}"/>`).join('')
    await refused(
      variant((fs) => fs.map((f) => (f.name === sheet ? { ...f, data: sheetXml(million) } : f))),
      413,
      /больше 100\s000 строк.*удалите пустые строки/,
    )
    await refused(
      variant((fs) =>
        fs.map((f) =>
          f.name === sheet ? { ...f, data: sheetXml('<row r="1048576"><c r="A1048576"><v>1</v></c></row>') } : f,
        ),
      ),
      413,
      /последняя — 1\s048\s576/,
    )
  })

  it('refuses formulas in data cells with 400 naming the cells, and links to other files with 415', async () => {
    const wb = await readWorkbook(filled)
    const ws = wb.getWorksheet('Организации')!
    const row = rowOf(ws, tree.schoolA2)
    const col = columnOf(ws, 'core.teachers_total')
    ws.getRow(row).getCell(col).value = { formula: 'D4*2', result: 80 }
    const before = await fingerprint()
    const r = await upload(await workbookBytes(wb))
    expect(r.status).toBe(400)
    expect(r.body.error?.code).toBe('formula_in_cell')
    expect(r.body.error?.message).toMatch(/формулы.*вставьте вместо них значения/)
    expect(await fingerprint()).toEqual(before)

    await refused(
      variant((fs) => [
        ...fs,
        {
          name: 'xl/externalLinks/externalLink1.xml',
          data: '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
        },
      ]),
      415,
      /ссылается на другие файлы/,
    )
  })

  it('refuses macros (vbaProject.bin, a macro-enabled content type) and XML entity declarations with 415', async () => {
    await refused(
      variant((fs) => [...fs, { name: 'xl/vbaProject.bin', data: Buffer.from('ÐÏ\u0011à¡±\u001aá') }]),
      415,
      /макросами/,
    )
    await refused(
      variant((fs) =>
        fs.map((f) =>
          f.name === '[Content_Types].xml'
            ? { ...f, data: String(Buffer.from(f.data)).replace('sheet.main+xml', 'sheet.macroEnabled.main+xml') }
            : f,
        ),
      ),
      415,
      /макросами/,
    )
    const lol = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    await refused(
      variant((fs) =>
        fs.map((f) =>
          f.name === 'xl/workbook.xml'
            ? { ...f, data: lol + String(Buffer.from(f.data)).replace(/^<\?xml[^>]*\?>/, '') }
            : f,
        ),
      ),
      415,
      /DOCTYPE/,
    )
  })
})
