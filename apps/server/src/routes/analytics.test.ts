import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'
import type { AnalyticsRow } from '../analytics/analytics.ts'

const P = '2025-26'

describe(`analytics on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  const analytics = async (query: string) => {
    const res = await t.call<{ rows: AnalyticsRow[] }>('GET', `/api/analytics?${query}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.rows
  }
  const total = (rows: AnalyticsRow[], unit: number, indicator = 'deficits.diagnosed_share') =>
    rows.find((r) => r.orgUnit === unit && r.indicator === indicator && r.option === null)

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    const v = (orgUnit: number, element: string, value: number, option: string | null = null) => ({
      orgUnit,
      period: P,
      element: element.includes('.') ? element : `deficits.${element}`,
      option,
      value,
    })
    const res = await t.call('POST', '/api/data-values', {
      values: [
        // A1: 3 of 10 diagnosed (2 of 4 in math); A2: 1 of 90; A3 reported nothing; B1: 5 of 20.
        v(tree.schoolA1, 'core.teachers_total', 10),
        v(tree.schoolA1, 'diagnosed', 3),
        v(tree.schoolA1, 'core.teachers_total', 4, 'math'),
        v(tree.schoolA1, 'diagnosed', 2, 'math'),
        v(tree.schoolA2, 'core.teachers_total', 90),
        v(tree.schoolA2, 'diagnosed', 1),
        v(tree.schoolA2, 'core.teachers_total', 6, 'math'),
        v(tree.schoolA2, 'diagnosed', 0, 'math'),
        v(tree.schoolB1, 'core.teachers_total', 20),
        v(tree.schoolB1, 'diagnosed', 5),
      ],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  })
  afterAll(() => t.close())

  it('rolls a share up as Σnumerators / Σdenominators: 3/10 and 1/90 → 4 %, not 15.6 %', async () => {
    const rows = await analytics(`orgUnit=${tree.region}&period=${P}&level=children&indicator=deficits.diagnosed_share`)
    expect(total(rows, tree.munA)).toMatchObject({ numerator: 4, denominator: 100, value: 4, period: P })
    expect(total(rows, tree.munB)).toMatchObject({ numerator: 5, denominator: 20, value: 25 })
    const region = await analytics(`orgUnit=${tree.region}&period=${P}&indicator=deficits.diagnosed_share`)
    expect(total(region, tree.region)).toMatchObject({ numerator: 9, denominator: 120, value: 7.5 })
  })

  it('gives a school that reported nothing "no data", not zero', async () => {
    const rows = await analytics(`orgUnit=${tree.munA}&period=${P}&level=children&indicator=deficits.diagnosed_share`)
    expect(rows.filter((r) => r.option === null).map((r) => [r.orgUnit, r.value, r.status])).toEqual([
      [tree.schoolA1, 30, 'met'],
      [tree.schoolA2, 1.111111, 'not_met'],
      [tree.schoolA3, null, 'no_data'],
    ])
  })

  it('returns breakdown rows per option, summed the same way', async () => {
    const rows = await analytics(`orgUnit=${tree.munA}&period=${P}&indicator=deficits.diagnosed_share`)
    // math: 2 of 4 and 0 of 6 → 2/10 = 20 %; physics: nobody reported → no data
    expect(rows.find((r) => r.option === 'math')).toMatchObject({ numerator: 2, denominator: 10, value: 20 })
    expect(rows.find((r) => r.option === 'physics')).toMatchObject({ value: null, status: 'no_data' })
    expect(rows.filter((r) => r.option !== null)).toHaveLength(19)
  })

  it('compares with the target of the period (seed 003: ≥ 30 % next year) and its tolerance', async () => {
    const rows = await analytics(`orgUnit=${tree.region}&period=${P}&level=children&indicator=deficits.diagnosed_share`)
    expect(total(rows, tree.munA)).toMatchObject({ target: 30, status: 'not_met', score: 0 })
    expect(total(rows, tree.munB)).toMatchObject({ target: 30, status: 'partly_met', score: 1 })
  })

  it('prefers a municipal target over the plugin default', async () => {
    const period = await t.deps.db.selectFrom('period').select('id').where('code', '=', P).executeTakeFirstOrThrow()
    await t.deps.db
      .insertInto('target')
      .values({
        indicator_code: 'deficits.diagnosed_share',
        period_id: period.id,
        org_unit_id: tree.munB,
        value: 20,
        tolerance: 0,
      })
      .execute()
    const rows = await analytics(`orgUnit=${tree.region}&period=${P}&level=children&indicator=deficits.diagnosed_share`)
    expect(total(rows, tree.munB)).toMatchObject({ target: 20, status: 'met' })
    expect(total(rows, tree.munA)).toMatchObject({ target: 30 })
  })

  it('returns every enabled indicator meaningful at the level when none is named', async () => {
    const rows = await analytics(`orgUnit=${tree.munA}&period=${P}&level=children`)
    const codes = new Set(rows.map((r) => r.indicator))
    expect(codes.has('deficits.iom_share')).toBe(true)
    // Meaningful only for the region and municipalities (seed 001: analysis by the centre).
    expect(codes.has('deficits.analysis_presence')).toBe(false)
  })

  it('answers several periods in one request', async () => {
    const rows = await analytics(`orgUnit=${tree.munB}&period=2024-25&period=${P}&indicator=deficits.diagnosed_share`)
    expect(rows.filter((r) => r.option === null).map((r) => [r.period, r.value])).toEqual([
      ['2024-25', null],
      [P, 25],
    ])
  })

  it.each([
    ['orgUnit=abc', 'orgUnit'],
    [`orgUnit=1&level=grandchildren`, 'level'],
  ])('refuses %s naming the field', async (query, field) => {
    const res = await t.call<{ error: { details: { path: string }[] } }>('GET', `/api/analytics?${query}`)
    expect(res.status).toBe(400)
    expect(res.body.error.details.map((d) => d.path)).toContain(field)
  })

  it('refuses an unknown indicator or period, and 404s an unknown org unit', async () => {
    const bad = await t.call<{ error: { message: string } }>(
      'GET',
      `/api/analytics?orgUnit=${tree.region}&period=${P}&indicator=deficits.nope`,
    )
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toContain('unknown indicator "deficits.nope"')
    const period = await t.call<{ error: { message: string } }>(
      'GET',
      `/api/analytics?orgUnit=${tree.region}&period=1999-00`,
    )
    expect(period.status).toBe(400)
    expect(period.body.error.message).toContain('unknown period "1999-00"')
    expect((await t.call('GET', `/api/analytics?orgUnit=999999&period=${P}`)).status).toBe(404)
  })

  it('hides a disabled direction and brings it back with its data', async () => {
    const off = await t.call('PUT', `/api/regions/${tree.region}/plugins/deficits`, { enabled: false })
    expect(off.status).toBe(200)
    const hidden = await t.call(
      'GET',
      `/api/analytics?orgUnit=${tree.munA}&period=${P}&indicator=deficits.diagnosed_share`,
    )
    expect(hidden.status).toBe(400)
    expect(await analytics(`orgUnit=${tree.munA}&period=${P}`)).toEqual([])
    expect((await t.call<unknown[]>('GET', `/api/plugins?region=${tree.region}`)).body).toEqual([])
    await t.call('PUT', `/api/regions/${tree.region}/plugins/deficits`, { enabled: true })
    const back = await analytics(`orgUnit=${tree.munA}&period=${P}&indicator=deficits.diagnosed_share`)
    expect(total(back, tree.munA)?.value).toBe(4)
  })

  it('reuses an answer only while nothing it read has changed: a write is in the next answer', async () => {
    const query = `orgUnit=${tree.region}&period=${P}&level=children&indicator=deficits.diagnosed_share`
    const first = total(await analytics(query), tree.munB)
    expect(total(await analytics(query), tree.munB)).toEqual(first)
    // Through the API, and straight in the database (another server replica's write looks like this).
    const write = await t.call('POST', '/api/data-values', {
      values: [{ orgUnit: tree.schoolB1, period: P, element: 'deficits.diagnosed', option: null, value: 10 }],
    })
    expect(write.status, JSON.stringify(write.body)).toBe(200)
    expect(total(await analytics(query), tree.munB)?.value).toBe(50)
    await t.deps.db
      .updateTable('data_value')
      .set({ value: 15 })
      .where('org_unit_id', '=', tree.schoolB1)
      .where('element_id', '=', t.deps.catalog.elements.get('deficits.diagnosed')!.id)
      .where('option_id', '=', 0)
      .execute()
    expect(total(await analytics(query), tree.munB)?.value).toBe(75)
    // Other inputs than values: a target of the municipality.
    await t.deps.db
      .updateTable('target')
      .set({ value: 80 })
      .where('org_unit_id', '=', tree.munB)
      .where('indicator_code', '=', 'deficits.diagnosed_share')
      .execute()
    expect(total(await analytics(query), tree.munB)).toMatchObject({ value: 75, target: 80, status: 'not_met' })
    await t.call('POST', '/api/data-values', {
      values: [{ orgUnit: tree.schoolB1, period: P, element: 'deficits.diagnosed', option: null, value: 5 }],
    })
    expect(total(await analytics(query), tree.munB)).toMatchObject({ value: 25, target: 80 })
  })
})
