import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { aggregateDrift, rebuildAggregates, sql } from '@profmon/db'
import { testEngine } from '@profmon/db/testing'
import {
  columnOf,
  readWorkbook,
  requestAs,
  rowOf,
  uploadForm,
  workbookBytes,
} from '../collection/xlsx/test-workbook.ts'
import { moveOrgUnit } from '../org/move-org-unit.ts'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const P = '2025-26'

const aggregateOf = async (t: TestApp, unit: number, element: string, option = 0) => {
  const el = t.deps.catalog.elements.get(element)?.id ?? (await elementId(t, element))
  const row = await t.deps.db
    .selectFrom('data_aggregate as a')
    .innerJoin('period as p', 'p.id', 'a.period_id')
    .select(['n', 's', 'nt', 'lo', 'hi'])
    .where('a.org_unit_id', '=', unit)
    .where('p.code', '=', P)
    .where('a.element_id', '=', el)
    .where('a.option_id', '=', option)
    .executeTakeFirst()
  return row ? { ...row, s: Number(row.s) } : undefined
}
const elementId = async (t: TestApp, code: string) =>
  (await t.deps.db.selectFrom('data_element').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id

describe(`maintained aggregates on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  let schools: number[]
  let municipalities: number[]
  let localMax: string
  let localMin: string

  const write = async (
    values: { orgUnit: number; element: string; value: unknown; option?: string; period?: string }[],
  ) => {
    const res = await t.call('POST', '/api/data-values', { values: values.map((v) => ({ period: P, ...v })) })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    municipalities = [tree.munA, tree.munB]
    schools = [tree.schoolA1, tree.schoolA2, tree.schoolA3, tree.schoolB1]
    const local = async (slug: string, aggregation: string) => {
      const res = await t.call<{ code: string }>('POST', '/api/local-data-elements', {
        orgUnit: tree.region,
        title: slug,
        slug,
        valueType: 'number',
        aggregation,
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.code
    }
    localMax = await local('largest', 'max')
    localMin = await local('smallest', 'min')
  })
  afterAll(() => t.close())

  it('counts a value for every unit above it: 3 + 5 at two schools of A, 2 at B → A 8, B 2, region 10, no row for a school', async () => {
    await write([
      { orgUnit: tree.schoolA1, element: 'core.teachers_total', value: 3 },
      { orgUnit: tree.schoolA2, element: 'core.teachers_total', value: 5 },
      { orgUnit: tree.schoolB1, element: 'core.teachers_total', value: 2 },
    ])
    expect(await aggregateOf(t, tree.munA, 'core.teachers_total')).toMatchObject({ n: 2, s: 8, nt: 2 })
    expect(await aggregateOf(t, tree.munB, 'core.teachers_total')).toMatchObject({ n: 1, s: 2 })
    expect(await aggregateOf(t, tree.region, 'core.teachers_total')).toMatchObject({ n: 3, s: 10, lo: null })
    expect(await aggregateOf(t, tree.schoolA3, 'core.teachers_total')).toBeUndefined()
    // Removing the last value of a subtree leaves no row: no data, not zero.
    await write([{ orgUnit: tree.schoolB1, element: 'core.teachers_total', value: null }])
    expect(await aggregateOf(t, tree.munB, 'core.teachers_total')).toBeUndefined()
    expect(await aggregateOf(t, tree.region, 'core.teachers_total')).toMatchObject({ n: 2, s: 8 })
  })

  it('recomputes a maximum when its value goes: 4 and 9 → 9; 9 removed → 4', async () => {
    await write([
      { orgUnit: tree.schoolA1, element: localMax, value: 4 },
      { orgUnit: tree.schoolA2, element: localMax, value: 9 },
    ])
    expect(await aggregateOf(t, tree.munA, localMax)).toMatchObject({ n: 2, lo: 4, hi: 9 })
    await write([{ orgUnit: tree.schoolA2, element: localMax, value: null }])
    expect(await aggregateOf(t, tree.munA, localMax)).toMatchObject({ n: 1, lo: 4, hi: 4 })
    expect(await aggregateOf(t, tree.region, localMax)).toMatchObject({ n: 1, hi: 4 })
  })

  it('follows a school moved to another municipality, in the same transaction', async () => {
    await write([{ orgUnit: tree.schoolA3, element: 'core.teachers_total', value: 7 }])
    expect(await aggregateOf(t, tree.munA, 'core.teachers_total')).toMatchObject({ n: 3, s: 15 })
    await moveOrgUnit(t.deps.db, tree.schoolA3, tree.munB, 'test')
    expect(await aggregateOf(t, tree.munA, 'core.teachers_total')).toMatchObject({ n: 2, s: 8 })
    expect(await aggregateOf(t, tree.munB, 'core.teachers_total')).toMatchObject({ n: 1, s: 7 })
    expect(await aggregateOf(t, tree.region, 'core.teachers_total')).toMatchObject({ n: 3, s: 15 })
    const analytics = await t.call<{ rows: { orgUnit: number; indicator: string; denominator: number | null }[] }>(
      'GET',
      `/api/analytics?orgUnit=${tree.region}&period=${P}&level=children&indicator=deficits.diagnosed_share`,
    )
    expect(analytics.body.rows.map((r) => [r.orgUnit, r.denominator])).toEqual(
      expect.arrayContaining([
        [tree.munA, 8],
        [tree.munB, 7],
      ]),
    )
    await moveOrgUnit(t.deps.db, tree.schoolA3, tree.munA, 'test')
    expect(await aggregateDrift(t.deps.db)).toEqual([])
  })

  it('refuses a move under a unit that is not one level above', async () => {
    await expect(moveOrgUnit(t.deps.db, tree.schoolA1, tree.schoolB1, 'test')).rejects.toThrow(/level above/)
  })

  it('equals a rebuild after any sequence of writes, imports, deletes, value migrations, moves and rule changes', async () => {
    const subjects = t.deps.catalog.dimensions
      .get('subject')!
      .options.slice(0, 2)
      .map((o) => o.code)
    const integers = ['core.teachers_total', 'deficits.diagnosed', 'deficits.iom_built']
    const booleans = ['deficits.majority_assessed']
    const numbers = [localMax, localMin]
    const maxId = await elementId(t, localMax)
    const anyIndex = fc.nat(99)
    const item = fc.record({
      school: anyIndex,
      period: fc.constantFrom(P, P, P, '2024-25'),
      kind: fc.constantFrom('integer', 'boolean', 'number', 'number'),
      element: anyIndex,
      option: fc.option(anyIndex, { nil: undefined }),
      value: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 3 }),
    })
    const command = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({
          do: fc.constant('write' as const),
          items: fc.array(item, { minLength: 1, maxLength: 8 }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          do: fc.constant('import' as const),
          cells: fc.array(fc.tuple(anyIndex, anyIndex, fc.option(fc.integer({ min: 0, max: 40 }), { nil: null })), {
            minLength: 1,
            maxLength: 6,
          }),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          do: fc.constant('delete' as const),
          picks: fc.array(anyIndex, { minLength: 1, maxLength: 4 }),
        }),
      },
      { weight: 2, arbitrary: fc.record({ do: fc.constant('move' as const), school: anyIndex, to: anyIndex }) },
      {
        weight: 1,
        arbitrary: fc.record({
          do: fc.constant('migrate' as const),
          element: anyIndex,
          by: fc.integer({ min: -3, max: 3 }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({ do: fc.constant('rule' as const), rule: fc.constantFrom('max', 'min', 'sum') }),
      },
    )
    const pick = <T>(xs: T[], i: number) => xs[i % xs.length]!
    const home = [
      [tree.schoolA1, tree.munA],
      [tree.schoolA2, tree.munA],
      [tree.schoolA3, tree.munA],
      [tree.schoolB1, tree.munB],
    ] as const

    async function apply(cmd: ArbitraryValue<typeof command>) {
      const db = t.deps.db
      switch (cmd.do) {
        case 'write': {
          const seen = new Set<string>()
          const values = cmd.items.flatMap((i) => {
            const element = pick(i.kind === 'integer' ? integers : i.kind === 'boolean' ? booleans : numbers, i.element)
            const option =
              element === 'core.teachers_total' && i.option !== undefined ? pick(subjects, i.option) : undefined
            const orgUnit = pick(schools, i.school)
            const key = `${orgUnit}|${i.period}|${element}|${option}`
            if (seen.has(key)) return []
            seen.add(key)
            const value =
              i.value === null
                ? null
                : i.kind === 'boolean'
                  ? i.value % 2 === 0
                  : i.kind === 'number'
                    ? i.value / 10
                    : i.value
            return [{ orgUnit, period: i.period, element, value, ...(option ? { option } : {}) }]
          })
          return write(values)
        }
        case 'import': {
          const res = await requestAs(
            t,
            'admin',
            'GET',
            `/api/imports/template?orgUnit=${tree.region}&period=${P}&plugin=deficits`,
          )
          expect(res.status).toBe(200)
          const wb = await readWorkbook(await res.arrayBuffer())
          const ws = wb.getWorksheet('Организации')!
          for (const [s, c, v] of cmd.cells) {
            const column = columnOf(ws, pick(integers, c))
            ws.getRow(rowOf(ws, pick(schools, s))).getCell(column).value = v
          }
          const up = await requestAs(
            t,
            'admin',
            'POST',
            '/api/imports',
            uploadForm(await workbookBytes(wb), 'x.xlsx', { period: P, plugin: 'deficits' }),
          )
          const body = (await up.json()) as { ok: boolean }
          expect(body.ok, JSON.stringify(body)).toBe(true)
          return
        }
        case 'delete': {
          const stored = await db
            .selectFrom('data_value as v')
            .innerJoin('data_element as e', 'e.id', 'v.element_id')
            .innerJoin('period as p', 'p.id', 'v.period_id')
            .leftJoin('dimension_option as o', 'o.id', 'v.option_id')
            .select(['v.org_unit_id', 'p.code as period', 'e.code as element', 'o.code as option'])
            .orderBy('v.org_unit_id')
            .orderBy('v.period_id')
            .orderBy('v.element_id')
            .orderBy('v.option_id')
            .execute()
          if (!stored.length) return
          const chosen = new Map(cmd.picks.map((i) => pick(stored, i)).map((s) => [JSON.stringify(s), s]))
          return write(
            [...chosen.values()].map((s) => ({
              orgUnit: s.org_unit_id,
              period: s.period,
              element: s.element,
              value: null,
              ...(s.option ? { option: s.option } : {}),
            })),
          )
        }
        case 'move':
          return void (await moveOrgUnit(db, pick(schools, cmd.school), pick(municipalities, cmd.to), 'test'))
        case 'migrate': {
          // A migration of values written in SQL (a unit fix, a re-coding): the triggers follow it too.
          const id = await elementId(t, pick(integers, cmd.element))
          return void (await sql`update data_value set value = greatest(value + ${cmd.by}, 0) where element_id = ${id}`.execute(
            db,
          ))
        }
        case 'rule':
          return void (await db
            .updateTable('data_element')
            .set({ aggregation: cmd.rule })
            .where('id', '=', maxId)
            .execute())
      }
    }

    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 6 }), async (cmds) => {
        // Every run starts from the same state, so a shrunk counterexample replays alone.
        await sql`delete from data_value`.execute(t.deps.db)
        await sql`delete from data_aggregate`.execute(t.deps.db)
        for (const [school, mun] of home) await moveOrgUnit(t.deps.db, school, mun, 'test')
        await t.deps.db.updateTable('data_element').set({ aggregation: 'max' }).where('id', '=', maxId).execute()
        for (const cmd of cmds) {
          await apply(cmd)
          expect(await aggregateDrift(t.deps.db), JSON.stringify(cmd)).toEqual([])
        }
      }),
      { numRuns: Number(process.env.AGGREGATES_RUNS ?? 40) },
    )
    await t.deps.db.updateTable('data_element').set({ aggregation: 'max' }).where('id', '=', maxId).execute()
  })

  // Rows as numbers: a sum kept by the triggers may carry the scale of the values it once held
  // (2.5 − 2.5 + 4 is numeric 4.0), where the rebuild's sum of the same value is 4 — equal as numbers,
  // as the drift check and the analytics read them, not as texts.
  const asNumbers = (rows: Record<string, unknown>[]) =>
    rows.map((r) => ({
      ...r,
      s: r.s === null ? null : Number(r.s),
      line: String(r.line)
        .split(',')
        .map((x) => (x === '' ? x : String(Number(x))))
        .join(','),
    }))

  it('rebuilds from scratch to the same rows (`pnpm aggregates:rebuild`)', async () => {
    // A value changed from 2.5 to 4: the kept sums become 4.0, the rebuilt ones 4.
    await write([{ orgUnit: tree.schoolA1, element: localMin, value: 2.5 }])
    await write([
      { orgUnit: tree.schoolA1, element: 'core.teachers_total', value: 11 },
      { orgUnit: tree.schoolB1, element: localMin, value: 0.3 },
      { orgUnit: tree.schoolA1, element: localMin, value: 4 },
    ])
    const before = await t.deps.db
      .selectFrom('data_aggregate')
      .selectAll()
      .orderBy('org_unit_id')
      .orderBy('period_id')
      .orderBy('element_id')
      .orderBy('option_id')
      .execute()
    // Break the table behind the triggers' back: the rebuild reports and repairs it.
    await sql`update data_aggregate set n = n + 1 where org_unit_id = ${tree.region}`.execute(t.deps.db)
    const { rows, drifted } = await rebuildAggregates(t.deps.db)
    expect(drifted).toBeGreaterThan(0)
    expect(rows).toBe(before.length)
    const after = await t.deps.db
      .selectFrom('data_aggregate')
      .selectAll()
      .orderBy('org_unit_id')
      .orderBy('period_id')
      .orderBy('element_id')
      .orderBy('option_id')
      .execute()
    expect(asNumbers(after)).toEqual(asNumbers(before))
    expect((await rebuildAggregates(t.deps.db)).drifted).toBe(0)
  })
})

type ArbitraryValue<A> = A extends fc.Arbitrary<infer T> ? T : never
