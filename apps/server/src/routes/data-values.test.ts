import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const P = '2024-25'
type ErrorBody = {
  error: { code: string; message: string; details: { path: string; message: string; current?: unknown }[] }
}

describe(`data values on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  const count = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('data_value')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const audits = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
  })
  afterAll(() => t.close())

  it('writes a batch and reads it back with versions', async () => {
    const res = await t.call<{ written: number; values: { version: number }[] }>('POST', '/api/data-values', {
      values: [
        { orgUnit: tree.schoolA1, period: P, element: 'core.teachers_total', value: 12 },
        { orgUnit: tree.schoolA1, period: P, element: 'core.teachers_total', option: 'math', value: 3 },
        { orgUnit: tree.schoolA1, period: P, element: 'deficits.majority_assessed', value: true },
        { orgUnit: tree.munA, period: P, element: 'deficits.analysis_done', value: false },
      ],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.written).toBe(4)
    expect(res.body.values.map((v) => v.version)).toEqual([1, 1, 1, 1])
    const read = await t.call<{
      values: { element: string; option: string | null; value: unknown; version: number }[]
    }>('GET', `/api/data-values?orgUnit=${tree.schoolA1}&period=${P}&plugin=deficits`)
    expect(read.body.values.map((v) => [v.element, v.option, v.value, v.version])).toEqual([
      ['core.teachers_total', null, 12, 1],
      ['core.teachers_total', 'math', 3, 1],
      ['deficits.majority_assessed', null, true, 1],
    ])
  })

  it.each([
    [
      'unknown data element',
      { element: 'deficits.nope', value: 1 },
      'values[1].element',
      'unknown data element "deficits.nope"',
    ],
    ['wrong type', { element: 'deficits.diagnosed', value: 'many' }, 'values[1].value', 'takes a number'],
    ['fraction of a count', { element: 'deficits.diagnosed', value: 2.5 }, 'values[1].value', 'whole number'],
    ['negative count', { element: 'deficits.diagnosed', value: -3 }, 'values[1].value', '-3 is below the minimum 0'],
    [
      'foreign option',
      { element: 'deficits.diagnosed', option: 'burnout', value: 1 },
      'values[1].option',
      'not an option of subject',
    ],
    [
      'option without breakdown',
      { element: 'deficits.iom_built', option: 'math', value: 1 },
      'values[1].option',
      'has no breakdown',
    ],
    [
      'wrong org level',
      { element: 'deficits.analysis_done', value: true },
      'values[1].orgUnit',
      'entered by a municipality',
    ],
    [
      'unknown period',
      { element: 'deficits.diagnosed', value: 1, period: '1999-00' },
      'values[1].period',
      'unknown period',
    ],
    [
      'duplicate key',
      { element: 'deficits.diagnosed', value: 1, duplicate: true },
      'values[1]',
      'duplicates values[0]',
    ],
  ])('refuses a %s with 400 naming it, and writes nothing', async (_name, item, path, message) => {
    const before = [await count(), await audits()]
    const { duplicate, ...rest } = item as typeof item & { duplicate?: boolean }
    const first = duplicate
      ? { orgUnit: tree.schoolA2, period: P, element: 'deficits.diagnosed', value: 1 }
      : { orgUnit: tree.schoolA2, period: P, element: 'core.teachers_total', value: 40 }
    const res = await t.call<ErrorBody>('POST', '/api/data-values', {
      values: [first, { orgUnit: tree.schoolA2, period: P, ...rest }],
    })
    expect(res.status).toBe(400)
    expect(res.body.error.details).toEqual([{ path, message: expect.stringContaining(message) }])
    expect([await count(), await audits()]).toEqual(before)
  })

  it('names a malformed item field from the schema', async () => {
    const res = await t.call<ErrorBody>('POST', '/api/data-values', {
      values: [{ orgUnit: 'x', period: P, element: 'a', value: 1 }],
    })
    expect(res.status).toBe(400)
    expect(res.body.error.details[0]?.path).toBe('values[0].orgUnit')
  })

  it('refuses a stale version with 409 and the current value; nothing of the batch is written', async () => {
    const key = { orgUnit: tree.schoolB1, period: P, element: 'core.teachers_total' }
    await t.call('POST', '/api/data-values', { values: [{ ...key, value: 30 }] })
    const second = await t.call<{ values: { version: number }[] }>('POST', '/api/data-values', {
      values: [{ ...key, value: 31, version: 1 }],
    })
    expect(second.body.values[0]?.version).toBe(2)
    const before = await count()
    const stale = await t.call<ErrorBody>('POST', '/api/data-values', {
      values: [
        { orgUnit: tree.schoolB1, period: P, element: 'deficits.diagnosed', value: 4 },
        { ...key, value: 99, version: 1 },
      ],
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.details).toEqual([
      {
        path: 'values[1]',
        message: expect.stringContaining('changed by someone else'),
        current: { value: 31, version: 2 },
      },
    ])
    expect(await count()).toBe(before)
  })

  it('treats version 0 as "expected no value yet"', async () => {
    const key = { orgUnit: tree.schoolA3, period: P, element: 'deficits.iom_built' }
    expect((await t.call('POST', '/api/data-values', { values: [{ ...key, value: 2, version: 0 }] })).status).toBe(200)
    expect((await t.call('POST', '/api/data-values', { values: [{ ...key, value: 3, version: 0 }] })).status).toBe(409)
  })

  it('removes a value with null and audits every change with old and new', async () => {
    const key = { orgUnit: tree.schoolA3, period: P, element: 'deficits.pd_cnppm' }
    await t.call('POST', '/api/data-values', { values: [{ ...key, value: 5 }] })
    await t.call('POST', '/api/data-values', { values: [{ ...key, value: 6 }] })
    await t.call('POST', '/api/data-values', { values: [{ ...key, value: null }] })
    const log = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'old_value', 'new_value'])
      .where('entity_key', '=', `deficits.pd_cnppm||${tree.schoolA3}|${P}`)
      .orderBy('id')
      .execute()
    expect(log).toEqual([
      { action: 'create', old_value: null, new_value: 5 },
      { action: 'update', old_value: 5, new_value: 6 },
      { action: 'delete', old_value: 6, new_value: null },
    ])
    const read = await t.call<{ values: { element: string }[] }>(
      'GET',
      `/api/data-values?orgUnit=${tree.schoolA3}&period=${P}`,
    )
    expect(read.body.values.map((v) => v.element)).not.toContain('deficits.pd_cnppm')
  })

  it('two blind writes of the same new value at once both succeed: the later one is a new version', async () => {
    const write = (value: number) =>
      t.call<{ values: { version: number }[] }>('POST', '/api/data-values', {
        values: [
          { orgUnit: tree.schoolA3, period: P, element: 'core.teachers_total', value },
          { orgUnit: tree.schoolA3, period: P, element: 'deficits.diagnosed', value: value - 1 },
        ],
      })
    const [a, b] = await Promise.all([write(30), write(40)])
    expect([a.status, b.status]).toEqual([200, 200])
    // One inserted (version 1); the other found the keys taken and wrote over them (version 2).
    expect([a.body.values[0]!.version, b.body.values[0]!.version].sort()).toEqual([1, 2])
    const read = await t.call<{ values: { element: string; value: number; version: number }[] }>(
      'GET',
      `/api/data-values?orgUnit=${tree.schoolA3}&period=${P}&plugin=deficits`,
    )
    const total = read.body.values.find((v) => v.element === 'core.teachers_total')!
    expect(total.version).toBe(2)
    expect([30, 40]).toContain(total.value)
  })
})
