import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'
import type { QualityFlag } from '../quality/data-quality.ts'

const P = '2025-26'
const PREV = '2024-25'

describe(`data-quality API on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  let schools: number[]

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('coord-b', [{ role: 'municipal_coordinator', orgUnit: tree.munB }])
    // Four more schools in munA: seven peers, enough to say what is usual.
    const munA = await t.deps.db
      .selectFrom('org_unit')
      .select(['id', 'path'])
      .where('id', '=', tree.munA)
      .executeTakeFirstOrThrow()
    const extra: number[] = []
    for (const n of [4, 5, 6, 7]) {
      const row = await t.deps.db
        .insertInto('org_unit')
        .values({ name: `Школа № ${n}`, level: 3, kind: 'school', parent_id: munA.id, path: `/pending-${n}/` })
        .returning('id')
        .executeTakeFirstOrThrow()
      await t.deps.db
        .updateTable('org_unit')
        .set({ path: `${munA.path}${row.id}/` })
        .where('id', '=', row.id)
        .execute()
      extra.push(row.id)
    }
    schools = [tree.schoolA1, tree.schoolA2, tree.schoolA3, ...extra]
    const v = (orgUnit: number, period: string, element: string, value: number) => ({
      orgUnit,
      period,
      element: element.includes('.') ? element : `deficits.${element}`,
      value,
    })
    // Teachers: 20, 22, 18, 21, 19, 20 … and A1 with 1000 = 50 × its peers. A2 went from 10 to 22 (a jump).
    const totals = [1000, 22, 18, 21, 19, 20, 20]
    const res = await t.call('POST', '/api/data-values', {
      values: [
        ...schools.map((s, i) => v(s, P, 'core.teachers_total', totals[i]!)),
        ...schools.map((s, i) => v(s, P, 'diagnosed', i === 6 ? 0 : 5)).slice(0, 6),
        ...schools.map((s) => v(s, PREV, 'core.teachers_total', s === tree.schoolA2 ? 10 : 21)),
      ],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  })
  afterAll(() => t.close())

  const flags = async (query = '') => {
    const res = await t.call<{ flags: QualityFlag[]; counts: Record<string, number> }>(
      'GET',
      `/api/data-quality?orgUnit=${tree.region}&period=${P}${query}`,
    )
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body
  }

  it('flags a value 50 times its peers as an outlier against their median, and no ordinary value', async () => {
    const { flags: found } = await flags('&reason=outlier')
    const teachers = found.filter((f) => f.dataElement === 'core.teachers_total')
    expect(teachers).toEqual([
      {
        orgUnit: tree.schoolA1,
        orgUnitName: 'Школа № 1',
        plugin: 'deficits',
        dataElement: 'core.teachers_total',
        elementTitle: 'Количество педагогических работников',
        option: null,
        value: 1000,
        reason: 'outlier',
        // median of 1000, 22, 18, 21, 19, 20, 20
        expected: 20,
      },
    ])
  })

  it('flags a jump from the previous period with the previous value', async () => {
    const { flags: found } = await flags('&reason=jump')
    // A1 21 → 1000, A2 10 → 22 (+120 %, +12); 21 → 18…20 is no jump.
    expect(found.map((f) => [f.orgUnit, f.dataElement, f.value, f.expected])).toEqual([
      [tree.schoolA1, 'core.teachers_total', 1000, 21],
      [tree.schoolA2, 'core.teachers_total', 22, 10],
    ])
  })

  it('counts required values missing per unit and direction', async () => {
    const { flags: found } = await flags('&reason=missing')
    const required = found[0]!.expected as number
    // The seventh school entered teachers but not the diagnosed; B1 entered nothing.
    const bySchool = new Map(found.filter((f) => f.plugin === 'deficits').map((f) => [f.orgUnit, f.value]))
    expect(bySchool.get(schools[6]!)).toBe(required - 1)
    expect(bySchool.get(tree.schoolB1)).toBe(required)
    expect(found.every((f) => f.dataElement === null && f.reason === 'missing')).toBe(true)
  })

  it('calls late whoever has not submitted by a passed deadline, and a submission after it', async () => {
    expect((await flags('&reason=late')).flags.filter((f) => f.plugin === 'deficits')).toEqual([])
    await t.call('POST', `/api/submissions/${tree.schoolA2}/${P}/deficits/submit`, {})
    const campaign = await t.call('PUT', `/api/campaigns?region=${tree.region}&period=${P}`, {
      monitoringDue: '2026-01-20',
      analysisDue: '2026-03-30',
      measuresDue: '2026-12-31',
      effectivenessDue: '2027-08-31',
    })
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(200)
    const late = (await flags('&reason=late')).flags.filter((f) => f.plugin === 'deficits')
    const a2 = late.find((f) => f.orgUnit === tree.schoolA2)
    const b1 = late.find((f) => f.orgUnit === tree.schoolB1)
    expect(b1).toMatchObject({ value: null, expected: '2026-01-20', reason: 'late' })
    // Submitted today, after 20 January 2026.
    expect(a2).toMatchObject({ value: new Date().toISOString().slice(0, 10), expected: '2026-01-20' })
  })

  it('refuses a foreign unit and keeps to the caller subtree', async () => {
    expect((await t.as('coord-b').call('GET', `/api/data-quality?orgUnit=${tree.munA}&period=${P}`)).status).toBe(403)
    const own = await t
      .as('coord-b')
      .call<{ flags: QualityFlag[] }>('GET', `/api/data-quality?orgUnit=${tree.munB}&period=${P}`)
    expect(own.status).toBe(200)
    expect(own.body.flags.every((f) => f.orgUnit === tree.munB || f.orgUnit === tree.schoolB1)).toBe(true)
  })

  it('exports the same flags as XLSX with Russian reasons', async () => {
    const res = await t.download(`/api/data-quality/export?orgUnit=${tree.region}&period=${P}&reason=outlier`)
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const ws = wb.getWorksheet('Качество данных')!
    expect(ws.getRow(2).values).toEqual([
      undefined,
      'Организация',
      'Направление',
      'Показатель (данные)',
      'Разрез',
      'Причина',
      'Значение',
      'Ожидалось',
    ])
    const rows = ws
      .getRows(3, ws.rowCount - 2)!
      .map((r) => [r.getCell(1).value, r.getCell(5).value, r.getCell(6).value])
    const { flags: json } = await flags('&reason=outlier')
    expect(rows).toHaveLength(json.length)
    expect(rows).toContainEqual(['Школа № 1', 'выброс', 1000])
  })
})
