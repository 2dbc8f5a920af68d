import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'
import type { AnalysisTable } from '../analysis/analysis.ts'

const P = '2025-26'
const PREV = '2024-25'
const INDICATOR = 'deficits.diagnosed_share'
type Row = AnalysisTable['rows'][number]

describe(`analysis API on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('coord-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    const v = (orgUnit: number, period: string, element: string, value: number, option: string | null = null) => ({
      orgUnit,
      period,
      element: element.includes('.') ? element : `deficits.${element}`,
      option,
      value,
    })
    const res = await t.call('POST', '/api/data-values', {
      values: [
        // 2025-26: A1 3 of 10 (math 2 of 4, physics 1 of 6), A2 1 of 90, A3 nothing, B1 5 of 20 (math 5 of 20).
        v(tree.schoolA1, P, 'core.teachers_total', 10),
        v(tree.schoolA1, P, 'core.teachers_total', 4, 'math'),
        v(tree.schoolA1, P, 'core.teachers_total', 6, 'physics'),
        v(tree.schoolA1, P, 'diagnosed', 3),
        v(tree.schoolA1, P, 'diagnosed', 2, 'math'),
        v(tree.schoolA1, P, 'diagnosed', 1, 'physics'),
        v(tree.schoolA2, P, 'core.teachers_total', 90),
        v(tree.schoolA2, P, 'diagnosed', 1),
        v(tree.schoolB1, P, 'core.teachers_total', 20),
        v(tree.schoolB1, P, 'core.teachers_total', 20, 'math'),
        v(tree.schoolB1, P, 'diagnosed', 5),
        v(tree.schoolB1, P, 'diagnosed', 5, 'math'),
        // 2024-25: A1 2 of 10, A2 8 of 90 → munA 10 %; B1 nothing.
        v(tree.schoolA1, PREV, 'core.teachers_total', 10),
        v(tree.schoolA1, PREV, 'diagnosed', 2),
        v(tree.schoolA2, PREV, 'core.teachers_total', 90),
        v(tree.schoolA2, PREV, 'diagnosed', 8),
      ],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  })
  afterAll(() => t.close())

  const table = async (query: string, who = t.as('admin')) =>
    who.call<AnalysisTable>('GET', `/api/analysis?orgUnit=${tree.region}&period=${P}&indicator=${INDICATOR}${query}`)

  it("ranks the municipalities, with change, trend, gap in people and each one's part of the shortfall", async () => {
    const res = await table('')
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const [a, b] = [tree.munA, tree.munB].map((id) => res.body.rows.find((r) => r.orgUnit === id)!) as [Row, Row]
    // munA 4 of 100 = 4 % (10 % a year before), munB 5 of 20 = 25 %; the plugin's target is 30 %.
    expect(a).toMatchObject({ value: 4, numerator: 4, denominator: 100, target: 30, status: 'not_met', rank: 2 })
    expect(a).toMatchObject({ previous: 10, change: -6, trend: 'down', gap: 26, aboveParent: false })
    expect(b).toMatchObject({
      value: 25,
      rank: 1,
      previous: null,
      change: null,
      trend: null,
      gap: 1,
      aboveParent: true,
    })
    // 26 + 1 people missing: munA carries 26/27 of the shortfall.
    expect(a.gapShare! + b.gapShare!).toBeCloseTo(100, 6)
    expect(a.gapShare).toBeCloseTo((26 / 27) * 100, 6)
    // The region's own row: 9 of 120 = 7.5 %, ceil(36) − 9 = 27.
    expect(res.body.parent).toMatchObject({ orgUnit: tree.region, value: 7.5, gap: 27, rank: null })
    expect(res.body.effectiveGap).toBe(1)
  })

  it('recomputes every gap from the raw data values', async () => {
    const res = await table('')
    const db = t.deps.db
    for (const row of res.body.rows) {
      const unit = await db
        .selectFrom('org_unit')
        .select('path')
        .where('id', '=', row.orgUnit)
        .executeTakeFirstOrThrow()
      const raw = await db
        .selectFrom('data_value as v')
        .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
        .innerJoin('period as p', 'p.id', 'v.period_id')
        .innerJoin('data_element as e', 'e.id', 'v.element_id')
        .select(['e.code', 'v.value'])
        .where('o.path', 'like', `${unit.path}%`)
        .where('p.code', '=', P)
        .where('v.option_id', '=', 0)
        .execute()
      const sum = (code: string) => raw.filter((r) => r.code === code).reduce((s, r) => s + (r.value ?? 0), 0)
      const num = sum('deficits.diagnosed')
      const den = sum('core.teachers_total')
      expect(row.gap, `org unit ${row.orgUnit}`).toBe(Math.max(0, Math.ceil((30 / 100) * den) - num))
    }
  })

  it('uses the target in force and its effective gap for the trend', async () => {
    await t.call('PUT', '/api/targets', {
      indicator: INDICATOR,
      period: P,
      orgUnit: tree.region,
      value: 20,
      effectiveGap: 7,
    })
    const res = await table('')
    const a = res.body.rows.find((r) => r.orgUnit === tree.munA)!
    // A 6-point fall is within a 7-point effective gap: flat. 20 % of 100 = 20 people, 4 have it.
    expect([a.target, a.trend, a.gap, res.body.effectiveGap]).toEqual([20, 'flat', 16, 7])
    await t.call('PUT', '/api/targets', { indicator: INDICATOR, period: P, orgUnit: tree.region, value: null })
  })

  it("breaks the figures down by the indicator's options", async () => {
    const math = await table('&option=math')
    expect(math.status).toBe(200)
    const [a, b] = [tree.munA, tree.munB].map((id) => math.body.rows.find((r) => r.orgUnit === id)!) as [Row, Row]
    // math: munA 2 of 4 = 50 %, munB 5 of 20 = 25 % → gap ceil(6) − 5 = 1.
    expect([a.option, a.value, a.gap, a.rank]).toEqual(['math', 50, 0, 1])
    expect([b.value, b.gap, b.gapShare]).toEqual([25, 1, 100])
    const byOption = await table('&by=option')
    expect(byOption.body.by).toBe('option')
    const physics = byOption.body.rows.find((r) => r.option === 'physics')!
    // The region's physics teachers: 1 of 6 → ceil(1.8) − 1 = 1; subjects without data are unranked.
    expect([physics.orgUnit, physics.optionTitle, physics.value, physics.gap]).toEqual([
      tree.region,
      'Физика',
      16.666667,
      1,
    ])
    expect(byOption.body.rows.find((r) => r.option === 'music')).toMatchObject({ value: null, rank: null, gap: null })
    expect((await table('&option=*')).body.by).toBe('option')
    const bad = await table('&option=astrology')
    expect([
      bad.status,
      (bad.body as unknown as { error: { details: { path: string }[] } }).error.details[0]?.path,
    ]).toEqual([400, 'option'])
  })

  it('gives the course over every period, and refuses a foreign unit', async () => {
    const res = await t
      .as('coord-a')
      .call<{ points: { period: string; value: number | null; trend: string | null }[] }>(
        'GET',
        `/api/analysis/trend?orgUnit=${tree.munA}&indicator=${INDICATOR}`,
      )
    expect(res.body.points.map((p) => [p.period, p.value, p.trend])).toEqual([
      ['2023-24', null, null],
      [PREV, 10, null],
      [P, 4, 'down'],
    ])
    expect(
      (await t.as('coord-a').call('GET', `/api/analysis/trend?orgUnit=${tree.munB}&indicator=${INDICATOR}`)).status,
    ).toBe(403)
    expect((await table('', t.as('coord-a'))).status).toBe(403)
  })

  it('exports the league table as XLSX with Russian headers, a formula-like name as text', async () => {
    await t.deps.db.updateTable('org_unit').set({ name: '=HYPERLINK("x")' }).where('id', '=', tree.munB).execute()
    const res = await t.app.request(`/api/analysis/export?orgUnit=${tree.region}&period=${P}&indicator=${INDICATOR}`, {
      headers: { cookie: await sessionCookie() },
    })
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const ws = wb.getWorksheet('Рейтинг')!
    expect(ws.getRow(3).getCell(1).value).toBe('Организация')
    expect(ws.getRow(3).getCell(12).value).toBe('Не хватает до цели')
    const rows = [5, 6].map((n) => ws.getRow(n))
    const b = rows.find((r) => r.getCell(1).value === '=HYPERLINK("x")')!
    expect(b.getCell(1).type).toBe(ExcelJS.ValueType.String)
    expect(b.getCell(1).numFmt).toBe('@')
    expect([b.getCell(2).value, b.getCell(3).value, b.getCell(12).value]).toEqual([1, 25, 1])
  })

  async function sessionCookie() {
    const { createSession, SESSION_COOKIE } = await import('../access/sessions.ts')
    const user = await t.deps.db
      .selectFrom('app_user')
      .select('id')
      .where('login', '=', 'admin')
      .executeTakeFirstOrThrow()
    return `${SESSION_COOKIE}=${(await createSession(t.deps.db, user.id, { address: null, userAgent: null })).token}`
  }
})
