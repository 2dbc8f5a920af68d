import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileIndicator, evaluateIndicator, lookupFromValues, type RawValue } from '@profmon/contract'
import { testEngine } from '@profmon/db/testing'
import { generateRegion } from './index.ts'
import { createTestApp, type TestApp } from '@profmon/server/testing'
import type { AnalyticsRow } from '@profmon/server'

/**
 * The roll-up rule, proved on generated data: for every indicator and municipality, the
 * endpoint's value equals the formula evaluated on raw values summed over the municipality's
 * subtree (read straight from data_value), i.e. Σnumerators / Σdenominators.
 */
describe(`roll-up proof on ${testEngine}`, () => {
  let t: TestApp
  let regionId: number
  beforeAll(async () => {
    t = await createTestApp({ plugins: ['deficits'] })
    regionId = (await generateRegion(t.handle, { municipalities: 3, organizations: 15, seed: 3 })).regionId
  })
  afterAll(() => t.close())

  it('matches a recomputation from raw values for every indicator and municipality', async () => {
    const period = '2024-25'
    const res = await t.call<{ rows: AnalyticsRow[] }>(
      'GET',
      `/api/analytics?orgUnit=${regionId}&period=${period}&level=children`,
    )
    expect(res.status).toBe(200)
    const { catalog, db } = t.deps
    const municipalities = await db
      .selectFrom('org_unit')
      .select(['id', 'path'])
      .where('parent_id', '=', regionId)
      .execute()
    let compared = 0
    for (const m of municipalities) {
      const raw = await db
        .selectFrom('data_value as v')
        .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
        .innerJoin('period as p', 'p.id', 'v.period_id')
        .select(['v.org_unit_id', 'v.element_id', 'v.option_id', 'v.value'])
        .where('o.path', 'like', `${m.path}%`)
        .where('p.code', '=', period)
        .execute()
      const values: RawValue[] = raw.map((r) => ({
        orgUnit: String(r.org_unit_id),
        element: catalog.elementsById.get(r.element_id)!.definition.code,
        option: r.option_id === 0 ? null : catalog.optionsById.get(r.option_id)!.code,
        value: r.value,
      }))
      const lookup = lookupFromValues(
        [...catalog.elements.values()].map((e) => e.definition),
        values,
      )
      for (const { compiled } of catalog.indicators.values()) {
        const expected = evaluateIndicator(compileIndicator(compiled.indicator), lookup)
        // Generated data attaches no evidence documents: a presence "yes" that needs them counts as "no".
        if (compiled.indicator.kind === 'presence' && compiled.indicator.evidence.length && expected.value === 1)
          expected.value = 0
        const row = res.body.rows.find(
          (r) => r.orgUnit === m.id && r.indicator === compiled.indicator.code && r.option === null,
        )
        if (!row) continue // not meaningful at the municipal level
        const what = `${compiled.indicator.code} @ ${m.id}`
        for (const field of ['numerator', 'denominator', 'value'] as const) {
          if (expected[field] === null) expect(row[field], what).toBeNull()
          else expect(row[field], what).toBeCloseTo(expected[field]!, 5)
        }
        compared++
      }
    }
    expect(compared).toBeGreaterThan(15)
  })

  it('differs from the mean of the schools’ percentages', async () => {
    const period = '2024-25'
    const [m] = (await t.call<{ id: number }[]>('GET', `/api/org-units/${regionId}/children`)).body
    const q = `period=${period}&indicator=deficits.diagnosed_share`
    const mun = (await t.call<{ rows: AnalyticsRow[] }>('GET', `/api/analytics?orgUnit=${m!.id}&${q}`)).body.rows[0]!
    const schools = (
      await t.call<{ rows: AnalyticsRow[] }>('GET', `/api/analytics?orgUnit=${m!.id}&${q}&level=children`)
    ).body.rows.filter((r) => r.option === null && r.value !== null)
    const sumNum = schools.reduce((a, r) => a + r.numerator!, 0)
    const sumDen = schools.reduce((a, r) => a + r.denominator!, 0)
    expect(mun.value).toBeCloseTo((sumNum * 100) / sumDen, 6)
    const mean = schools.reduce((a, r) => a + r.value!, 0) / schools.length
    expect(Math.abs(mean - mun.value!)).toBeGreaterThan(0.01)
  })
})
