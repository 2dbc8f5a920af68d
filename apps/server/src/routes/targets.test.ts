import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import type { AnalyticsRow } from '../analytics/analytics.ts'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const P = '2025-26'
const INDICATOR = 'deficits.diagnosed_share'

describe(`targets API on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  const target = async (orgUnit: number) => {
    const res = await t.call<{ rows: AnalyticsRow[] }>(
      'GET',
      `/api/analytics?orgUnit=${orgUnit}&period=${P}&indicator=${INDICATOR}`,
    )
    return res.body.rows.find((r) => r.option === null)?.target
  }

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('region', [{ role: 'region_admin', orgUnit: tree.region }])
    await t.createUser('mun-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
  })
  afterAll(() => t.close())

  it("sets a region default and a municipal override, which analytics uses (the plugin's default is 30)", async () => {
    const put = (orgUnit: number, value: number | null, tolerance?: number) =>
      t.as('region').call('PUT', '/api/targets', { indicator: INDICATOR, period: P, orgUnit, value, tolerance })
    expect(await target(tree.munB)).toBe(30)
    expect((await put(tree.region, 25)).status).toBe(200)
    expect((await put(tree.munA, 40, 2)).body).toEqual({
      indicator: INDICATOR,
      period: P,
      orgUnit: tree.munA,
      value: 40,
      tolerance: 2,
    })
    expect([await target(tree.munA), await target(tree.munB), await target(tree.schoolA1)]).toEqual([40, 25, 40])
    const listed = await t
      .as('mun-a')
      .call<{ orgUnit: number; value: number }[]>('GET', `/api/targets?orgUnit=${tree.munA}`)
    expect(listed.body.map((r) => [r.orgUnit, r.value])).toEqual([[tree.munA, 40]])
    expect((await put(tree.munA, null)).body).toBeNull()
    expect(await target(tree.munA)).toBe(25)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'entity_key', 'old_value', 'new_value'])
      .where('entity', '=', 'target')
      .orderBy('id')
      .execute()
    expect(audit).toEqual([
      {
        actor: 'region',
        action: 'create',
        entity_key: `${INDICATOR}|${tree.region}|${P}`,
        old_value: null,
        new_value: { value: 25, tolerance: null },
      },
      {
        actor: 'region',
        action: 'create',
        entity_key: `${INDICATOR}|${tree.munA}|${P}`,
        old_value: null,
        new_value: { value: 40, tolerance: 2 },
      },
      {
        actor: 'region',
        action: 'delete',
        entity_key: `${INDICATOR}|${tree.munA}|${P}`,
        old_value: { value: 40, tolerance: 2 },
        new_value: null,
      },
    ])
  })

  it('refuses a coordinator, and names an unknown indicator or period', async () => {
    const body = { indicator: INDICATOR, period: P, orgUnit: tree.munA, value: 10 }
    expect((await t.as('mun-a').call('PUT', '/api/targets', body)).status).toBe(403)
    const unknown = await t.as('region').call<{ error: { details: { path: string }[] } }>('PUT', '/api/targets', {
      ...body,
      indicator: 'deficits.nope',
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.details[0]?.path).toBe('indicator')
    expect((await t.as('region').call('PUT', '/api/targets', { ...body, period: '1999-00' })).status).toBe(400)
  })
})
