import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { columnOf, readWorkbook, requestAs, rowOf } from '../collection/xlsx/test-workbook.ts'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const P = '2025-26'

describe(`XLSX exports on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('analyst-a', [{ role: 'analyst', orgUnit: tree.munA }])
    const v = (orgUnit: number, element: string, value: number, option?: string) => ({
      orgUnit,
      period: P,
      element,
      value,
      option,
    })
    await t.call('POST', '/api/data-values', {
      values: [
        v(tree.schoolA1, 'core.teachers_total', 10),
        v(tree.schoolA1, 'deficits.diagnosed', 3),
        v(tree.schoolA2, 'core.teachers_total', 90),
        v(tree.schoolA2, 'deficits.diagnosed', 1),
        v(tree.schoolB1, 'core.teachers_total', 50),
      ],
    })
  })
  afterAll(() => t.close())

  it('exports the collected values of a subtree in the template layout', async () => {
    const res = await requestAs(
      t,
      'analyst-a',
      'GET',
      `/api/exports/values?orgUnit=${tree.munA}&period=${P}&plugin=deficits`,
    )
    expect(res.status).toBe(200)
    const ws = (await readWorkbook(await res.arrayBuffer())).getWorksheet('Организации')!
    const total = columnOf(ws, 'core.teachers_total')
    expect(ws.getRow(rowOf(ws, tree.schoolA1)).getCell(total).value).toBe(10)
    expect(ws.getRow(rowOf(ws, tree.schoolA2)).getCell(total).value).toBe(90)
    expect(() => rowOf(ws, tree.schoolB1)).toThrow() // another municipality
  })

  it('exports the analytics table: 3 of 10 and 1 of 90 → 4 % for the municipality', async () => {
    const res = await requestAs(
      t,
      'analyst-a',
      'GET',
      `/api/exports/analytics?orgUnit=${tree.region}&period=${P}&level=children`,
    )
    expect(res.status).toBe(403) // the region is above the analyst's municipality
    const own = await requestAs(
      t,
      'analyst-a',
      'GET',
      `/api/exports/analytics?orgUnit=${tree.munA}&period=${P}&level=self`,
    )
    expect(own.status).toBe(200)
    const ws = (await readWorkbook(await own.arrayBuffer())).getWorksheet('Показатели')!
    expect(ws.getRow(1).getCell(4).value).toBe('Показатель')
    const rows = ws.getSheetValues().slice(2) as unknown[][]
    const share = rows.find((r) => r[12] === 'deficits.diagnosed_share' && r[5] === 'Всего')!
    expect([share[1], share[6], share[7], share[8]]).toEqual(['Алексеевский район', 4, 100, 4])
  })
})
