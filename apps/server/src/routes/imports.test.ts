import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from '@profmon/db'
import { testEngine } from '@profmon/db/testing'
import {
  columnOf,
  readWorkbook,
  requestAs,
  rowOf,
  uploadForm,
  workbookBytes,
} from '../collection/xlsx/test-workbook.ts'
import { createFixtureTree, createSecondRegion, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const P = '2025-26'

describe(`XLSX import on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  let foreignSchool: number

  const template = async (login: string, orgUnit: number) => {
    const res = await requestAs(t, login, 'GET', `/api/imports/template?orgUnit=${orgUnit}&period=${P}&plugin=deficits`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    return readWorkbook(await res.arrayBuffer())
  }
  const upload = async (login: string, bytes: Uint8Array, name = 'data.xlsx') => {
    const res = await requestAs(
      t,
      login,
      'POST',
      '/api/imports',
      uploadForm(bytes, name, { period: P, plugin: 'deficits' }),
    )
    return {
      status: res.status,
      body: (await res.json()) as {
        ok: boolean
        written: number
        errors: { sheet: string; row: string; column: string; message: string; cell: string }[]
      },
    }
  }
  const fingerprint = async () =>
    (
      await sql<{ values: number; audit: number; versions: number }>`
        select (select count(*) from data_value) as values, (select count(*) from audit_log) as audit,
               (select coalesce(sum(version), 0) from data_value) as versions`.execute(t.deps.db)
    ).rows[0]

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    foreignSchool = (await createSecondRegion(t.deps.db)).schoolC1
    await t.createUser('coord-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    await t.createUser('analyst-a', [{ role: 'analyst', orgUnit: tree.munA }])
  })
  afterAll(() => t.close())

  it('builds a template: a row per school, a column per element × option, Russian headers, hidden codes, validation', async () => {
    await t.call('POST', '/api/data-values', {
      values: [{ orgUnit: tree.schoolA2, period: P, element: 'core.teachers_total', value: 40 }],
    })
    const wb = await template('coord-a', tree.munA)
    const schools = wb.getWorksheet('Организации')!
    const muns = wb.getWorksheet('Муниципалитеты')!
    // Three schools of municipality A, in name order; the municipality itself on its own sheet.
    expect([4, 5, 6].map((r) => schools.getRow(r).getCell(2).value)).toEqual(['Школа № 1', 'Школа № 2', 'Школа № 3'])
    expect(schools.getRow(7).getCell(1).value).toBeNull()
    expect(muns.getRow(4).getCell(2).value).toBe('Алексеевский район')
    const total = columnOf(schools, 'core.teachers_total')
    const math = columnOf(schools, 'core.teachers_total:math')
    expect(schools.getRow(1).getCell(total).value).toBe('Количество педагогических работников')
    expect(schools.getRow(2).getCell(total).value).toBe('Всего')
    expect(schools.getRow(2).getCell(math).value).toBe('Математика')
    expect(schools.getRow(3).hidden).toBe(true)
    expect(schools.getRow(rowOf(schools, tree.schoolA2)).getCell(total).value).toBe(40)
    const model = (
      schools as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }
    ).dataValidations.model
    // Read back, exceljs lists the validation per cell.
    const cell = (col: number, row: number) => model[`${schools.getColumn(col).letter}${row}`]
    expect(cell(total, 4)).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] })
    expect(cell(total, 6)).toMatchObject({ type: 'whole', formulae: [0] })
    expect(cell(columnOf(schools, 'deficits.majority_assessed'), 5)).toMatchObject({
      type: 'list',
      formulae: ['"да,нет"'],
    })
  })

  it('round-trips: template → filled → upload → the database holds exactly the file', async () => {
    const wb = await template('coord-a', tree.munA)
    const ws = wb.getWorksheet('Организации')!
    const set = (unit: number, code: string, v: unknown) =>
      (ws.getRow(rowOf(ws, unit)).getCell(columnOf(ws, code)).value = v as never)
    set(tree.schoolA1, 'core.teachers_total', 10)
    set(tree.schoolA1, 'core.teachers_total:math', 3)
    set(tree.schoolA1, 'deficits.diagnosed', '7') // typed as text: still a number
    set(tree.schoolA1, 'deficits.majority_assessed', 'да')
    set(tree.schoolA2, 'core.teachers_total', null) // was 40: an emptied cell removes it
    set(tree.schoolA3, 'core.teachers_total', 90)
    set(tree.schoolA3, 'deficits.majority_assessed', 'нет')
    const mun = wb.getWorksheet('Муниципалитеты')!
    mun.getRow(4).getCell(columnOf(mun, 'deficits.analysis_done')).value = 'да'
    const res = await upload('coord-a', await workbookBytes(wb))
    // 7 values and the emptied cell's removal
    expect(res.body).toEqual({ ok: true, written: 8, errors: [] })
    const { body } = await t
      .as('coord-a')
      .call<{ values: { element: string; option: string | null; value: unknown }[] }>(
        'GET',
        `/api/data-values?orgUnit=${tree.schoolA1}&period=${P}`,
      )
    expect(body.values.map((v) => [v.element, v.option, v.value])).toEqual([
      ['core.teachers_total', null, 10],
      ['core.teachers_total', 'math', 3],
      ['deficits.diagnosed', null, 7],
      ['deficits.majority_assessed', null, true],
    ])
    const a2 = await t.call<{ values: unknown[] }>('GET', `/api/data-values?orgUnit=${tree.schoolA2}&period=${P}`)
    expect(a2.body.values).toEqual([])
    const again = await template('coord-a', tree.munA)
    const ws2 = again.getWorksheet('Организации')!
    expect(ws2.getRow(rowOf(ws2, tree.schoolA3)).getCell(columnOf(ws2, 'deficits.majority_assessed')).value).toBe('нет')
    expect(ws2.getRow(rowOf(ws2, tree.schoolA3)).getCell(columnOf(ws2, 'core.teachers_total')).value).toBe(90)
    // Uploading the same file again changes nothing and audits nothing.
    const before = await fingerprint()
    expect((await upload('coord-a', await workbookBytes(again))).body).toEqual({ ok: true, written: 0, errors: [] })
    expect((await fingerprint())!.audit).toBe(before!.audit)
  })

  it('refuses a file with three bad cells whole, naming each row and column; the database is unchanged', async () => {
    const wb = await template('coord-a', tree.munA)
    const ws = wb.getWorksheet('Организации')!
    const set = (unit: number, code: string, v: unknown) =>
      (ws.getRow(rowOf(ws, unit)).getCell(columnOf(ws, code)).value = v as never)
    set(tree.schoolA1, 'core.teachers_total', 11) // fine, but must not be written either
    set(tree.schoolA1, 'deficits.diagnosed', -1)
    set(tree.schoolA2, 'core.teachers_total:math', 2.5)
    set(tree.schoolA3, 'deficits.majority_assessed', 'может быть')
    const before = await fingerprint()
    const res = await upload('coord-a', await workbookBytes(wb))
    expect(res.status).toBe(200)
    expect(res.body.ok).toBe(false)
    expect(res.body.written).toBe(0)
    expect(res.body.errors.map((e) => [e.sheet, e.row, e.column.replace(/ \([A-Z]+\)$/, ''), e.message])).toEqual([
      [
        'Организации',
        'Школа № 1 (строка 4)',
        expect.stringMatching(/^Количество педагогов, прошедших диагностику.* — Всего$/),
        '-1 меньше допустимого минимума 0',
      ],
      [
        'Организации',
        'Школа № 2 (строка 5)',
        'Количество педагогических работников — Математика',
        'ожидается целое число, а в ячейке 2.5',
      ],
      [
        'Организации',
        'Школа № 3 (строка 6)',
        expect.stringMatching(/^Большинство педагогов.* — Всего$/),
        'ожидается «да» или «нет», а в ячейке «может быть»',
      ],
    ])
    expect(await fingerprint()).toEqual(before)
  })

  it('refuses a row of a foreign org unit, and one of an unknown id, writing nothing', async () => {
    const wb = await template('coord-a', tree.munA)
    const ws = wb.getWorksheet('Организации')!
    const total = columnOf(ws, 'core.teachers_total')
    ws.getRow(rowOf(ws, tree.schoolA1)).getCell(total).value = 12
    ws.getRow(7).values = [tree.schoolB1, 'Школа № 10', 5]
    ws.getRow(8).values = [foreignSchool, 'Школа № 20', 5]
    ws.getRow(9).values = [999999, 'Выдуманная школа', 5]
    const before = await fingerprint()
    const res = await upload('coord-a', await workbookBytes(wb))
    expect(res.body.ok).toBe(false)
    expect(res.body.errors.map((e) => [e.row, e.cell, e.message])).toEqual([
      ['Школа № 10 (строка 7)', 'A7', 'организация «Школа № 10» вне вашей зоны ответственности'],
      ['Школа № 20 (строка 8)', 'A8', 'организация «Школа № 20» вне вашей зоны ответственности'],
      ['Выдуманная школа (строка 9)', 'A9', 'неизвестная организация (ID 999999)'],
    ])
    expect(await fingerprint()).toEqual(before)
  })

  it('refuses a municipality row on the organisations sheet: its elements are entered by schools', async () => {
    const wb = await template('coord-a', tree.munA)
    const ws = wb.getWorksheet('Организации')!
    ws.getRow(7).values = [tree.munA, 'Алексеевский район', 5]
    const res = await upload('coord-a', await workbookBytes(wb))
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        cell: 'C7',
        message: 'показатель вводится на уровне организации, а в строке — муниципалитета',
      }),
    ])
  })

  it('refuses cells of a submitted school for its operator, and lets the approving level correct them', async () => {
    await t.createUser('oper-a1', [{ role: 'school_operator', orgUnit: tree.schoolA1 }])
    const period = await t.deps.db.selectFrom('period').select('id').where('code', '=', P).executeTakeFirstOrThrow()
    await sql`
      insert into submission (org_unit_id, period_id, plugin_id, state, updated_by)
      values (${tree.schoolA1}, ${period.id}, 'deficits', 'submitted', 'oper-a1')`.execute(t.deps.db)
    const wb = await template('oper-a1', tree.schoolA1)
    const ws = wb.getWorksheet('Организации')!
    ws.getRow(rowOf(ws, tree.schoolA1)).getCell(columnOf(ws, 'core.teachers_total')).value = 33
    const before = await fingerprint()
    const refused = await upload('oper-a1', await workbookBytes(wb))
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        row: 'Школа № 1 (строка 4)',
        message: 'данные отправлены на проверку: изменить их может только проверяющий уровень',
      }),
    ])
    expect(await fingerprint()).toEqual(before)
    expect((await upload('coord-a', await workbookBytes(wb))).body).toEqual({ ok: true, written: 1, errors: [] })
  })

  it('answers 415 for a file that is not XLSX (whatever its name) and 413 for one over 10 MB', async () => {
    const text = new TextEncoder().encode('id;value\n1;2\n')
    const notXlsx = await upload('coord-a', text, 'data.xlsx')
    expect(notXlsx.status).toBe(415)
    expect(JSON.stringify(notXlsx.body)).toContain('XLSX')
    // A zip signature alone does not make a workbook.
    const fakeZip = await upload('coord-a', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'data.xlsx')
    expect(fakeZip.status).toBe(415)
    const big = new Uint8Array(10 * 1024 * 1024 + 1)
    big.set([0x50, 0x4b, 0x03, 0x04])
    const tooLarge = await upload('coord-a', big)
    expect(tooLarge.status).toBe(413)
    expect(JSON.stringify(tooLarge.body)).toContain('10 МБ')
  })

  it('refuses an analyst before reading the file', async () => {
    const wb = await template('analyst-a', tree.munA)
    const res = await upload('analyst-a', await workbookBytes(wb))
    expect(res.status).toBe(403)
  })
})
