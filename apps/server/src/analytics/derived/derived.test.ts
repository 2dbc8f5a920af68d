import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from '@profmon/db'
import { testEngine } from '@profmon/db/testing'
import { createFixtureTree, type FixtureTree } from '../../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../../testing/test-app.ts'
import type { AnalyticsRow } from '../analytics.ts'

const P = '2025-26'
const REFERENCE = '2025-09-01' // the period's start: it names no reference date of its own

/** Full years between a birth date and the reference date, as a person would count them. */
function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number]
  const [y, m, d] = on.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

describe(`derived data elements on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  const people: { name: string; birth: string; at: number[]; left?: string }[] = []

  const analytics = async (indicator: string) => {
    const res = await t.call<{ rows: AnalyticsRow[] }>(
      'GET',
      `/api/analytics?orgUnit=${tree.region}&period=${P}&level=children&indicator=${indicator}`,
    )
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.rows.filter((r) => r.option === null)
  }

  beforeAll(async () => {
    t = await createTestApp({ plugins: ['deficits', 'staffing'] })
    tree = await createFixtureTree(t.deps.db)
    const db = t.deps.db
    await sql`insert into registry_setting (region_id, enabled) values (${tree.region}, true)`.execute(db)
    // Ivanova teaches in schools A1 and A2 of municipality A: one person, counted once there.
    people.push(
      { name: 'Иванова', birth: '1991-09-02', at: [tree.schoolA1, tree.schoolA2] }, // 33 on the reference date
      { name: 'Петров', birth: '1990-09-01', at: [tree.schoolA1] }, // 35 that very day
      { name: 'Сидорова', birth: '1970-03-15', at: [tree.schoolA2] },
      { name: 'Кузнецов', birth: '1999-01-20', at: [tree.schoolB1] },
      { name: 'Орлова', birth: '1998-05-05', at: [tree.schoolB1], left: '2025-06-30' }, // left before
    )
    const ids = new Map<string, number>()
    for (const p of people) {
      const row = await sql<{ id: number }>`insert into person (region_id, surname, name, birth_date, experience_since)
        values (${tree.region}, ${p.name}, 'Тест', ${p.birth}, '2020-09-01') returning id`.execute(db)
      ids.set(p.name, row.rows[0]!.id)
      for (const unit of p.at)
        await sql`insert into employment (person_id, org_unit_id, position, starts_on, ends_on, main)
          values (${row.rows[0]!.id}, ${unit}, 'teacher', '2020-09-01', ${p.left ?? null}, ${unit === p.at[0]})`.execute(
          db,
        )
    }
    // Diagnostics in the period and routes built on them: Ivanova's completed, Petrov's not yet.
    for (const [name, unit, completed] of [
      ['Иванова', tree.schoolA1, '2026-03-01'],
      ['Петров', tree.schoolA1, null],
      ['Кузнецов', tree.schoolB1, null],
    ] as const) {
      const diag = await sql<{ id: number }>`insert into person_event (person_id, org_unit_id, kind, occurred_on)
        values (${ids.get(name)}, ${unit}, 'diagnostics', '2025-10-01') returning id`.execute(db)
      if (name === 'Кузнецов') continue
      await sql`insert into person_event (person_id, org_unit_id, kind, occurred_on, completed_on, based_on)
        values (${ids.get(name)}, ${unit}, 'iom', '2025-11-01', ${completed}, ${diag.rows[0]!.id})`.execute(db)
    }
  })
  afterAll(() => t?.close())

  it('counts a teacher employed in two schools once for their municipality', async () => {
    const rows = await analytics('deficits.iom_share')
    const munA = rows.find((r) => r.orgUnit === tree.munA)!
    const munB = rows.find((r) => r.orgUnit === tree.munB)!
    expect(munA).toMatchObject({ numerator: 2, denominator: 3 }) // Ivanova, Petrov of Ivanova, Petrov, Sidorova
    expect(munB).toMatchObject({ numerator: 0, denominator: 1 }) // Orlova left before the reference date
  })

  it('computes "under 35" from the birth dates on the reference date', async () => {
    const rows = await analytics('staffing.under_35_share')
    for (const [mun, schools] of [
      [tree.munA, [tree.schoolA1, tree.schoolA2, tree.schoolA3]],
      [tree.munB, [tree.schoolB1]],
    ] as const) {
      const employed = people.filter(
        (p) => p.at.some((u) => (schools as readonly number[]).includes(u)) && !(p.left && p.left < REFERENCE),
      )
      const under35 = employed.filter((p) => ageOn(p.birth, REFERENCE) < 35).length
      expect(rows.find((r) => r.orgUnit === mun)).toMatchObject({ numerator: under35, denominator: employed.length })
    }
  })

  it('gives a share of derived elements as Σ/Σ of the people', async () => {
    const rows = await analytics('deficits.iom_completed_share')
    expect(rows.find((r) => r.orgUnit === tree.munA)).toMatchObject({ numerator: 1, denominator: 2, value: 50 })
    // No route in B: 0 of 0 is no data, not 0 %.
    expect(rows.find((r) => r.orgUnit === tree.munB)?.value ?? null).toBeNull()
  })

  it('uses the typed values where the campaign takes the element as entered', async () => {
    const values = [
      { orgUnit: tree.schoolA1, period: P, element: 'core.teachers_total', option: null, value: 10 },
      { orgUnit: tree.schoolA2, period: P, element: 'core.teachers_total', option: null, value: 90 },
    ]
    // Counted from the registry, the element is not typed…
    const refused = await t.call('POST', '/api/data-values', { values })
    expect(refused.status, JSON.stringify(refused.body)).toBe(409)
    // …until the campaign takes it as entered.
    const put = await t.call('PUT', `/api/campaigns/${tree.region}/${P}/element-sources`, {
      sources: { 'core.teachers_total': 'entered' },
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    const res = await t.call('POST', '/api/data-values', { values })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const rows = await analytics('deficits.iom_share')
    expect(rows.find((r) => r.orgUnit === tree.munA)).toMatchObject({ numerator: 2, denominator: 100 })
  })
})
