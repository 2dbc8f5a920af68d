import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from '@profmon/db'
import { testEngine } from '@profmon/db/testing'
import { createFixtureTree, type FixtureTree } from '../../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../../testing/test-app.ts'
import { loadLocalElements } from '../../catalog/local-definitions.ts'
import type { AnalyticsRow } from '../analytics.ts'
import { countDerived } from './derived-counts.ts'

const P = '2025-26'

interface ErrorBody {
  error: { code: string; details: { path: string; message: string }[] }
}

describe(`local derived data elements on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  let elementCode: string
  let indicatorCode: string

  const analytics = async (login: string, orgUnit: number, level: 'self' | 'children') => {
    const res = await t.as(login).call<{
      rows: AnalyticsRow[]
    }>('GET', `/api/analytics?orgUnit=${orgUnit}&period=${P}&level=${level}&indicator=${indicatorCode}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.rows.filter((r) => r.option === null)
  }

  beforeAll(async () => {
    t = await createTestApp({ plugins: ['deficits', 'staffing'] })
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('coord-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    await t.createUser('region', [{ role: 'region_admin', orgUnit: tree.region }])
    const db = t.deps.db
    await sql`insert into registry_setting (region_id, enabled) values (${tree.region}, true)`.execute(db)
    // Under 40 on the reference date (2025-09-01): Ivanova (in A1 and A2) and Kuznetsov (in B, outside the owner).
    for (const [name, birth, units] of [
      ['Иванова', '1990-01-10', [tree.schoolA1, tree.schoolA2]],
      ['Петров', '1970-05-05', [tree.schoolA1]],
      ['Сидорова', '1962-03-03', [tree.schoolA3]],
      ['Кузнецов', '1995-07-07', [tree.schoolB1]],
    ] as const) {
      const person = await sql<{ id: number }>`insert into person (region_id, surname, name, birth_date)
        values (${tree.region}, ${name}, 'Тест', ${birth}) returning id`.execute(db)
      for (const unit of units)
        await sql`insert into employment (person_id, org_unit_id, position, starts_on)
          values (${person.rows[0]!.id}, ${unit}, 'teacher', '2020-09-01')`.execute(db)
    }
  })
  afterAll(() => t?.close())

  it('refuses a filter that does not compile, naming the field and the position', async () => {
    for (const filter of ['age < "40"', 'agee < 40', 'age <']) {
      const res = await t.as('coord-a').call<ErrorBody>('POST', '/api/local-data-elements', {
        orgUnit: tree.munA,
        title: 'Педагоги до 40 лет',
        valueType: 'integer',
        derived: { count: 'people', filter },
      })
      expect(res.status, filter).toBe(400)
      const detail = res.body.error.details.find((d) => d.path === 'derived.filter')
      expect(detail, JSON.stringify(res.body)).toBeDefined()
      expect(detail!.message).toMatch(/position \d+/)
    }
  })

  it('refuses a derived declaration the schema refuses, like a manifest', async () => {
    const res = await t.as('coord-a').call<ErrorBody>('POST', '/api/local-data-elements', {
      orgUnit: tree.munA,
      title: 'Доля',
      valueType: 'number',
      derived: { count: 'people', filter: 'age < 40' },
    })
    expect(res.status).toBe(400)
    expect(res.body.error.details.map((d) => d.path)).toContain('derived')
  })

  it('takes a derived declaration checked like a manifest and shows it', async () => {
    const res = await t.as('coord-a').call<{ code: string; derived: unknown }>('POST', '/api/local-data-elements', {
      orgUnit: tree.munA,
      title: 'Педагоги до 40 лет',
      slug: 'under_40',
      valueType: 'integer',
      derived: { count: 'people', filter: 'age < 40' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.derived).toEqual({ count: 'people', filter: 'age < 40' })
    elementCode = res.body.code
    const indicator = await t.as('coord-a').call<{ code: string }>('POST', '/api/local-indicators', {
      orgUnit: tree.munA,
      title: 'Доля педагогов до 40 лет (местная)',
      kind: 'share',
      numerator: `#{${elementCode}}`,
      denominator: '#{core.teachers_total}',
    })
    expect(indicator.status, JSON.stringify(indicator.body)).toBe(201)
    indicatorCode = indicator.body.code
  })

  it("counts distinct people of the owner's subtree in the analytics", async () => {
    // A teacher of two schools counts once for the municipality: Ivanova of Ivanova, Petrov, Sidorova.
    const [munA] = await analytics('coord-a', tree.munA, 'self')
    expect(munA).toMatchObject({ orgUnit: tree.munA, numerator: 1, denominator: 3 })
    const schools = await analytics('coord-a', tree.munA, 'children')
    expect(schools.map((r) => [r.orgUnit, r.numerator, r.denominator]).sort()).toEqual(
      [
        [tree.schoolA1, 1, 2],
        [tree.schoolA2, 1, 1],
        [tree.schoolA3, 0, 1],
      ].sort(),
    )
    // Above the owner only the owner's subtree is counted (Kuznetsov of municipality B is not), and
    // a unit outside it gets no count at all.
    const db = t.deps.db
    const units = await db
      .selectFrom('org_unit')
      .select(['id', 'path'])
      .where('id', 'in', [tree.region, tree.munB])
      .execute()
    const counts = await countDerived(
      db,
      t.deps.catalog,
      await loadLocalElements(db, { ownerIds: [tree.munA] }),
      units,
      {
        id: 0,
        reference: '2025-09-01',
        start: '2025-09-01',
        end: '2026-08-31',
      },
    )
    expect(counts.map((c) => [c.unitId, c.value])).toEqual([[tree.region, 1]])
  })

  it('is counted only where the campaign takes it from the registry', async () => {
    const put = await t.call('PUT', `/api/campaigns/${tree.region}/${P}/element-sources`, {
      sources: { [elementCode]: 'entered' },
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    const [munA] = await analytics('coord-a', tree.munA, 'self')
    expect(munA?.numerator ?? null).toBeNull()
  })
})
