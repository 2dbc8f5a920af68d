import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { createFixtureTree, type FixtureTree } from '../../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../../testing/test-app.ts'
import { columnOf, readWorkbook, requestAs, rowOf, uploadForm, workbookBytes } from '../xlsx/test-workbook.ts'

type ErrorBody = { error: { code: string; details: Record<string, unknown>[] } }

const P = '2025-26'

/**
 * A municipality's local data elements are collected like a direction (the `local` group): the
 * schools submit them, the municipality approves, and an XLSX template carries them.
 */
describe(`local elements' workflow and XLSX on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  let code: string

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('coord-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    await t.createUser('coord-b', [{ role: 'municipal_coordinator', orgUnit: tree.munB }])
    await t.createUser('oper-a1', [{ role: 'school_operator', orgUnit: tree.schoolA1 }])
    const el = await t.as('coord-a').call<{ code: string }>('POST', '/api/local-data-elements', {
      orgUnit: tree.munA,
      title: 'Наставники',
      valueType: 'integer',
    })
    expect(el.status).toBe(201)
    code = el.body.code
  })
  afterAll(() => t.close())

  it('the school submits its local values, is locked, and the municipality sees it in completeness', async () => {
    const write = (value: number) =>
      t.as('oper-a1').call<ErrorBody>('POST', '/api/data-values', {
        values: [{ orgUnit: tree.schoolA1, period: P, element: code, value }],
      })
    expect((await write(3)).status).toBe(200)
    expect((await t.as('oper-a1').call('POST', `/api/submissions/${tree.schoolA1}/${P}/local/submit`, {})).status).toBe(
      200,
    )
    const locked = await write(4)
    expect(locked.status).toBe(409)
    expect(locked.body.error.details[0]).toMatchObject({ lock: 'submitted', plugin: 'local' })

    const list = await t
      .as('coord-a')
      .call<{ children: { orgUnit: number; state: string; values: number }[] }>(
        'GET',
        `/api/submissions?orgUnit=${tree.munA}&period=${P}&plugin=local`,
      )
    expect(list.status).toBe(200)
    expect(list.body.children.find((c) => c.orgUnit === tree.schoolA1)).toMatchObject({ state: 'submitted', values: 1 })
    expect(
      (await t.as('coord-a').call('POST', `/api/submissions/${tree.schoolA1}/${P}/local/approve`, {})).status,
    ).toBe(200)
  })

  it('an XLSX template of the local group round-trips; a municipality without local elements gets a 400', async () => {
    const res = await requestAs(
      t,
      'coord-a',
      'GET',
      `/api/imports/template?orgUnit=${tree.munA}&period=${P}&plugin=local`,
    )
    expect(res.status).toBe(200)
    const wb = await readWorkbook(await res.arrayBuffer())
    const ws = wb.getWorksheet('Организации')!
    const col = columnOf(ws, code)
    expect(ws.getRow(rowOf(ws, tree.schoolA1)).getCell(col).value).toBe(3)
    ws.getRow(rowOf(ws, tree.schoolA2)).getCell(col).value = 7
    const upload = await requestAs(
      t,
      'coord-a',
      'POST',
      '/api/imports',
      uploadForm(await workbookBytes(wb), 'local.xlsx', { period: P, plugin: 'local' }),
    )
    const body = (await upload.json()) as { ok: boolean; written: number; errors: unknown[] }
    expect(body).toEqual({ ok: true, written: 1, errors: [] })
    const stored = await t.deps.db
      .selectFrom('data_value')
      .innerJoin('data_element', 'data_element.id', 'data_value.element_id')
      .select('value')
      .where('data_element.code', '=', code)
      .where('org_unit_id', '=', tree.schoolA2)
      .executeTakeFirst()
    expect(stored?.value).toBe(7)

    const none = await requestAs(
      t,
      'coord-b',
      'GET',
      `/api/imports/template?orgUnit=${tree.munB}&period=${P}&plugin=local`,
    )
    expect(none.status).toBe(400)
  })
})
