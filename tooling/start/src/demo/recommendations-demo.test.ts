import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ORG_LEVEL_DEPTH } from '@profmon/contract'
import { testEngine } from '@profmon/db/testing'
import { conditionHolds, type AnalyticsRow, type RecommendationView } from '@profmon/server'
import { createTestApp, type TestApp } from '@profmon/server/testing'
import { seedDemo } from './seed-demo.ts'

const P = '2025-26'

/**
 * The demo region (the generator's data for the deficits direction): what the region admin
 * generates must be exactly what the manifest's rules say about GET /api/analytics's rows.
 */
describe(`recommendations of the demo region on ${testEngine}`, () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ seed: seedDemo })
  })
  afterAll(() => t.close())

  it('generates one draft per rule and unit that fires on the analytics rows, and nothing more', async () => {
    const units = await t.deps.db.selectFrom('org_unit').select(['id', 'level', 'parent_id']).execute()
    const region = units.find((u) => u.parent_id === null)!
    const depth = new Map(units.map((u) => [u.id, u.level]))
    const rows: AnalyticsRow[] = []
    const read = async (orgUnit: number, level: string) => {
      const res = await t
        .as('region')
        .call<{ rows: AnalyticsRow[] }>('GET', `/api/analytics?orgUnit=${orgUnit}&period=${P}&level=${level}`)
      expect(res.status).toBe(200)
      rows.push(...res.body.rows)
    }
    await read(region.id, 'self')
    for (const parent of units.filter((u) => units.some((c) => c.parent_id === u.id))) await read(parent.id, 'children')
    const expected = t.deps.catalog.plugins
      .get('deficits')!
      .recommendations.flatMap((rule) =>
        rows
          .filter((r) => r.indicator === rule.indicator && r.option === null)
          .filter((r) => rule.levels.some((l) => ORG_LEVEL_DEPTH[l] === depth.get(r.orgUnit)))
          .filter((r) => conditionHolds(rule.when, r))
          .map((r) => `${rule.code}|${r.orgUnit}`),
      )
      .sort()
    expect(expected.length).toBeGreaterThan(10)

    const res = await t.as('region').call('POST', '/api/recommendations/generate', { orgUnit: region.id, period: P })
    expect(res.body).toEqual({ created: expected.length, updated: 0, stale: 0 })
    const list = await t
      .as('region')
      .call<{ items: RecommendationView[] }>(
        'GET',
        `/api/recommendations?orgUnit=${region.id}&period=${P}&includeDescendants=true`,
      )
    expect(list.body.items.map((r) => `${r.rule}|${r.orgUnit}`).sort()).toEqual(expected)
    expect(list.body.items.every((r) => /Основание: «.+» — /.test(r.text))).toBe(true)
    const again = await t.as('region').call('POST', '/api/recommendations/generate', { orgUnit: region.id, period: P })
    expect(again.body).toEqual({ created: 0, updated: 0, stale: 0 })
  })
})
