import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const P = '2025-26'
type Entry = {
  id: number
  actor: string
  action: string
  entity: string
  key: string
  orgUnit: number
  old: unknown
  new: unknown
}
type Page = { entries: Entry[]; next: number | null }

describe(`audit log API on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  const write = (login: string, orgUnit: number, value: number, option: string | null = null) =>
    t.as(login).call('POST', '/api/data-values', {
      values: [{ orgUnit, period: P, element: 'core.teachers_total', option, value }],
    })

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('oper-a1', [{ role: 'school_operator', orgUnit: tree.schoolA1 }])
    await t.createUser('oper-b1', [{ role: 'school_operator', orgUnit: tree.schoolB1 }])
    await t.createUser('mun-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    // A1's total: 10 by its operator, then 12, then 13 by the coordinator; its math: 4; B1: 20.
    for (const [login, unit, value, option] of [
      ['oper-a1', tree.schoolA1, 10, null],
      ['oper-a1', tree.schoolA1, 12, null],
      ['oper-a1', tree.schoolA1, 4, 'math'],
      ['mun-a', tree.schoolA1, 13, null],
      ['oper-b1', tree.schoolB1, 20, null],
    ] as const)
      expect((await write(login, unit, value, option)).status).toBe(200)
  })
  afterAll(() => t.close())

  it("shows one value's history newest first, with who and old → new", async () => {
    const res = await t
      .as('oper-a1')
      .call<Page>('GET', `/api/audit?orgUnit=${tree.schoolA1}&element=core.teachers_total&period=${P}`)
    expect(res.status).toBe(200)
    expect(res.body.entries.map((e) => [e.actor, e.action, e.old, e.new])).toEqual([
      ['mun-a', 'update', 12, 13],
      ['oper-a1', 'update', 10, 12],
      ['oper-a1', 'create', null, 10],
    ])
    const math = await t
      .as('oper-a1')
      .call<Page>('GET', `/api/audit?orgUnit=${tree.schoolA1}&element=core.teachers_total&period=${P}&option=math`)
    expect(math.body.entries.map((e) => e.new)).toEqual([4])
  })

  it("lists a subtree's changes in pages, and only the caller's subtree", async () => {
    const first = await t.as('mun-a').call<Page>('GET', `/api/audit?orgUnit=${tree.munA}&limit=3`)
    expect(first.body.entries.map((e) => e.new)).toEqual([13, 4, 12])
    expect(first.body.next).toBe(first.body.entries[2]!.id)
    const second = await t
      .as('mun-a')
      .call<Page>('GET', `/api/audit?orgUnit=${tree.munA}&limit=3&before=${first.body.next}`)
    expect(second.body).toEqual({ entries: [expect.objectContaining({ new: 10 })], next: null })
    // B1's change is in the region's log, never in municipality A's.
    const region = await t.call<Page>('GET', `/api/audit?orgUnit=${tree.region}`)
    expect(region.body.entries.map((e) => e.orgUnit)).toContain(tree.schoolB1)
    expect([...first.body.entries, ...second.body.entries].map((e) => e.orgUnit)).not.toContain(tree.schoolB1)
    expect((await t.as('mun-a').call('GET', `/api/audit?orgUnit=${tree.schoolB1}`)).status).toBe(403)
    expect((await t.as('oper-a1').call('GET', `/api/audit?orgUnit=${tree.munA}`)).status).toBe(403)
  })

  it("needs both element and period for a value's history", async () => {
    const res = await t
      .as('oper-a1')
      .call<{ error: { details: { path: string }[] } }>(
        'GET',
        `/api/audit?orgUnit=${tree.schoolA1}&element=core.teachers_total`,
      )
    expect(res.status).toBe(400)
    expect(res.body.error.details[0]?.path).toBe('period')
  })
})
