import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import type { AnalyticsRow } from '../analytics/analytics.ts'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const P = '2025-26'
const PREV = '2024-25'
interface ErrorBody {
  error: { details: { path: string; message: string }[] }
}
interface Effective {
  indicator: string
  value: number
  tolerance: number | null
  scoreBands: unknown
  effectiveGap: number
  source: string
  sourceOrgUnit: number | null
  allowLaxer: boolean
}
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
      scoreBands: null,
      effectiveGap: null,
      allowLaxer: false,
      source: 'municipality',
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

  it("refuses a coordinator a target laxer than the region's, and names an unknown indicator or period", async () => {
    const body = { indicator: INDICATOR, period: P, orgUnit: tree.munA, value: 10 }
    const laxer = await t.as('mun-a').call<ErrorBody>('PUT', '/api/targets', body)
    expect(laxer.status).toBe(400)
    expect(laxer.body.error.details.map((d) => d.path)).toEqual(['value'])
    expect((await t.as('mun-a').call('PUT', '/api/targets', { ...body, orgUnit: tree.munB, value: 90 })).status).toBe(
      403,
    )
    expect((await t.as('mun-a').call('PUT', '/api/targets', { ...body, orgUnit: tree.region, value: 90 })).status).toBe(
      403,
    )
    const unknown = await t.as('region').call<{ error: { details: { path: string }[] } }>('PUT', '/api/targets', {
      ...body,
      indicator: 'deficits.nope',
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.details[0]?.path).toBe('indicator')
    expect((await t.as('region').call('PUT', '/api/targets', { ...body, period: '1999-00' })).status).toBe(400)
  })

  it('lets a coordinator set a stricter target, a laxer one only when the region allows it, with polarity', async () => {
    const coord = t.as('mun-a')
    const put = (who: typeof coord, body: Record<string, unknown>) =>
      who.call<ErrorBody & { value: number }>('PUT', '/api/targets', { indicator: INDICATOR, period: P, ...body })
    await put(t.as('region'), { orgUnit: tree.region, value: 35 })
    expect((await put(coord, { orgUnit: tree.munA, value: 34.9 })).status).toBe(400)
    expect((await put(coord, { orgUnit: tree.munA, value: 35 })).status).toBe(200)
    expect(
      (await put(coord, { orgUnit: tree.munA, value: 50, scoreBands: [{ min: 0, max: 50, score: 0 }] })).status,
    ).toBe(200)
    // A school below the municipality inherits 50 %: a coordinator may not go under it there either.
    const school = await put(coord, { orgUnit: tree.schoolA1, value: 45 })
    expect([school.status, school.body.error.details[0]?.path]).toEqual([400, 'value'])
    // Only the region's target carries the flag.
    const flag = await put(coord, { orgUnit: tree.munA, value: 60, allowLaxer: true })
    expect([flag.status, flag.body.error.details[0]?.path]).toEqual([400, 'allowLaxer'])
    await put(t.as('region'), { orgUnit: tree.region, value: 35, allowLaxer: true })
    expect((await put(coord, { orgUnit: tree.munA, value: 20 })).status).toBe(200)
    await put(t.as('region'), { orgUnit: tree.region, value: 35 })
    expect((await put(coord, { orgUnit: tree.munA, value: 20 })).status).toBe(400)

    // Lower is better (the pensioners' share of staffing would be; here a local indicator says so): ≤ is stricter.
    const local = await t.as('region').call<{ code: string }>('POST', '/api/local-indicators', {
      orgUnit: tree.region,
      title: 'Доля педагогов без диагностики',
      kind: 'share',
      numerator: '#{core.teachers_total} - #{deficits.diagnosed}',
      denominator: '#{core.teachers_total}',
      polarity: 'lower',
    })
    expect(local.status, JSON.stringify(local.body)).toBe(201)
    await put(t.as('region'), { indicator: local.body.code, orgUnit: tree.region, value: 60 })
    expect((await put(coord, { indicator: local.body.code, orgUnit: tree.munA, value: 61 })).status).toBe(400)
    expect((await put(coord, { indicator: local.body.code, orgUnit: tree.munA, value: 55 })).status).toBe(200)
  })

  it('names each bad field and stores nothing', async () => {
    const before = await t.deps.db
      .selectFrom('target')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    const bad = async (body: Record<string, unknown>) => {
      const res = await t.as('region').call<ErrorBody>('PUT', '/api/targets', {
        indicator: INDICATOR,
        period: P,
        orgUnit: tree.munB,
        value: 30,
        ...body,
      })
      expect(res.status, JSON.stringify(body)).toBe(400)
      return res.body.error.details.map((d) => d.path)
    }
    expect(await bad({ value: 120 })).toEqual(['value'])
    expect(await bad({ value: -1 })).toEqual(['value'])
    expect(await bad({ tolerance: -1 })).toEqual(['tolerance'])
    expect(await bad({ effectiveGap: -0.5 })).toEqual(['effectiveGap'])
    expect(
      await bad({
        scoreBands: [
          { min: 0, max: 30, score: 0 },
          { min: 25, max: 100, score: 1 },
        ],
      }),
    ).toEqual(['scoreBands[1]'])
    expect(
      await bad({
        scoreBands: [
          { min: 50, max: 100, score: 1 },
          { min: 0, max: 50, score: 0 },
        ],
      }),
    ).toEqual(['scoreBands[1]'])
    const after = await t.deps.db
      .selectFrom('target')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })

  it('resolves the target in force per indicator: plugin default, region, municipality', async () => {
    await t.as('region').call('PUT', '/api/targets', {
      indicator: INDICATOR,
      period: P,
      orgUnit: tree.region,
      value: 35,
      effectiveGap: 2,
      scoreBands: [
        { min: null, max: 35, score: 0 },
        { min: 35, max: null, score: 1 },
      ],
    })
    await t.as('mun-a').call('PUT', '/api/targets', { indicator: INDICATOR, period: P, orgUnit: tree.munA, value: 45 })
    const at = async (orgUnit: number, period = P) => {
      const res = await t
        .as('mun-a')
        .call<{ targets: Effective[] }>('GET', `/api/targets/effective?orgUnit=${orgUnit}&period=${period}`)
      return res
    }
    const school = (await at(tree.schoolA1)).body.targets.find((r) => r.indicator === INDICATOR)
    expect(school).toEqual({
      indicator: INDICATOR,
      value: 45,
      tolerance: null,
      scoreBands: [
        { min: null, max: 35, score: 0 },
        { min: 35, max: null, score: 1 },
      ],
      effectiveGap: 2,
      source: 'municipality',
      sourceOrgUnit: tree.munA,
      allowLaxer: false,
    })
    const region = (
      await t
        .as('region')
        .call<{ targets: Effective[] }>('GET', `/api/targets/effective?orgUnit=${tree.munB}&period=${P}`)
    ).body.targets.find((r) => r.indicator === INDICATOR)
    expect([region?.value, region?.source, region?.sourceOrgUnit]).toEqual([35, 'region', tree.region])
    // No target set in 2023-24 and the plugin's default is for 2025-26 only: nothing in force.
    expect((await at(tree.munA, '2023-24')).body.targets.find((r) => r.indicator === INDICATOR)).toBeUndefined()
    const plugin = (await at(tree.munA, P)).body.targets.find((r) => r.indicator === 'deficits.iom_share')
    if (plugin) expect([plugin.source, plugin.sourceOrgUnit, plugin.effectiveGap]).toEqual(['plugin', null, 1])
    // Analytics uses the same resolver: the school's target and score follow the region's bands.
    const rows = await t.call<{ rows: { option: string | null; target: number; score: number | null }[] }>(
      'GET',
      `/api/analytics?orgUnit=${tree.schoolA1}&period=${P}&indicator=${INDICATOR}`,
    )
    expect(rows.body.rows.find((r) => r.option === null)?.target).toBe(45)
    expect((await at(tree.munB)).status).toBe(403)
    const listed = await t
      .as('mun-a')
      .call<{ orgUnit: number; source: string }[]>('GET', `/api/targets?orgUnit=${tree.region}`)
    expect(listed.status).toBe(403)
    const own = await t
      .as('region')
      .call<{ orgUnit: number; source: string }[]>('GET', `/api/targets?orgUnit=${tree.region}&period=${P}`)
    expect(new Set(own.body.map((r) => r.source))).toEqual(new Set(['region', 'municipality']))
  })

  it("copies a period's targets below a unit to the next period, once, audited", async () => {
    const region = t.as('region')
    for (const [orgUnit, value] of [
      [tree.region, 28],
      [tree.munA, 33],
    ] as const)
      await region.call('PUT', '/api/targets', { indicator: INDICATOR, period: PREV, orgUnit, value, effectiveGap: 2 })
    // munA already has a target in 2025-26: it is kept.
    const copied = await region.call<{ copied: number; kept: number }>('POST', '/api/targets/copy', {
      orgUnit: tree.region,
      from: PREV,
      to: P,
    })
    expect(copied.body).toEqual({ copied: 0, kept: 2 })
    await region.call('PUT', '/api/targets', { indicator: INDICATOR, period: P, orgUnit: tree.munA, value: null })
    await region.call('PUT', '/api/targets', { indicator: INDICATOR, period: P, orgUnit: tree.region, value: null })
    const again = await region.call<{ copied: number; kept: number }>('POST', '/api/targets/copy', {
      orgUnit: tree.region,
      from: PREV,
      to: P,
    })
    expect(again.body).toEqual({ copied: 2, kept: 0 })
    const now = await region.call<{ orgUnit: number; value: number; effectiveGap: number | null }[]>(
      'GET',
      `/api/targets?orgUnit=${tree.region}&period=${P}`,
    )
    expect(
      now.body
        .filter((r) => 'indicator' in r && (r as { indicator: string }).indicator === INDICATOR)
        .map((r) => [r.orgUnit, r.value, r.effectiveGap]),
    ).toEqual([
      [tree.region, 28, 2],
      [tree.munA, 33, 2],
    ])
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'entity_key'])
      .where('entity', '=', 'target')
      .where('action', '=', 'copy')
      .execute()
    expect(audit.map((a) => a.entity_key).sort()).toEqual(
      [`${INDICATOR}|${tree.munA}|${P}`, `${INDICATOR}|${tree.region}|${P}`].sort(),
    )
    // A coordinator copies only what they may write, and never into the same period.
    const coord = await t.as('mun-a').call<{ copied: number; kept: number }>('POST', '/api/targets/copy', {
      orgUnit: tree.munA,
      from: PREV,
      to: P,
    })
    expect(coord.body).toEqual({ copied: 0, kept: 1 })
    const same = await region.call<ErrorBody>('POST', '/api/targets/copy', { orgUnit: tree.region, from: P, to: P })
    expect([same.status, same.body.error.details[0]?.path]).toEqual([400, 'to'])
    expect(
      (await t.as('mun-a').call('POST', '/api/targets/copy', { orgUnit: tree.region, from: PREV, to: P })).status,
    ).toBe(403)
  })
})
