import { elementsOf } from '@profmon/contract'
import type { DatabaseHandle } from '@profmon/db'
import { createTestDatabase, testEngine } from '@profmon/db/testing'
import { consoleLogger, discoverPlugins, manifestsOf, syncPlugins, WORKSPACE_PLUGINS } from '@profmon/plugin-host'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateRegion } from './generate-region.ts'
import { hasData } from './has-data.ts'
import type { GenerateOptions, GenerateResult } from './options.ts'

const SMALL: GenerateOptions = { municipalities: 2, organizations: 8 }

interface Row {
  org_unit_id: number
  level: number
  kind: string
  period: string
  element: string
  option_id: number
  value: number
}

// The workspace's deficits plugin, found and synced as the server does it.
const found = (await discoverPlugins([WORKSPACE_PLUGINS], consoleLogger)).filter(
  (p) => p.ok && p.manifest.id === 'deficits',
)
const deficits = manifestsOf(found)[0]!

async function freshDatabase(): Promise<DatabaseHandle> {
  const handle = await createTestDatabase()
  await syncPlugins(handle.db, found, consoleLogger)
  return handle
}

async function allValues(handle: DatabaseHandle): Promise<Row[]> {
  const { rows } = await handle.pool.query<Row>(`
    select v.org_unit_id, u.level, u.kind, p.code as period, e.code as element, v.option_id, v.value
    from data_value v
    join org_unit u on u.id = v.org_unit_id
    join period p on p.id = v.period_id
    join data_element e on e.id = v.element_id
    order by v.org_unit_id, p.code, e.code, v.option_id
  `)
  return rows
}

/** `element → "unit|period" → option id → value`, for checks across elements. */
function index(rows: Row[]) {
  const out = new Map<string, Map<string, Map<number, number>>>()
  for (const r of rows) {
    const byUnit = out.get(r.element) ?? new Map<string, Map<number, number>>()
    out.set(r.element, byUnit)
    const key = `${r.org_unit_id}|${r.period}`
    const options = byUnit.get(key) ?? new Map<number, number>()
    byUnit.set(key, options)
    options.set(r.option_id, r.value)
  }
  return out
}

describe(`generateRegion on ${testEngine}`, () => {
  let handle: DatabaseHandle
  let result: GenerateResult
  let rows: Row[]
  let values: ReturnType<typeof index>

  beforeAll(async () => {
    handle = await freshDatabase()
    expect(await hasData(handle)).toBe(false)
    result = await generateRegion(handle, SMALL)
    rows = await allValues(handle)
    values = index(rows)
  }, 120_000)
  afterAll(() => handle?.close())

  it('builds the org tree with materialized paths of ids', async () => {
    expect(await hasData(handle)).toBe(true)
    const units = await handle.db.selectFrom('org_unit').selectAll().orderBy('id').execute()
    expect(units.filter((u) => u.level === 1)).toHaveLength(1)
    expect(units.filter((u) => u.level === 2)).toHaveLength(2)
    expect(units.filter((u) => u.level === 3)).toHaveLength(8)
    const byId = new Map(units.map((u) => [u.id, u]))
    for (const u of units) {
      const parentPath = u.parent_id === null ? '/' : byId.get(u.parent_id)!.path
      expect(u.path).toBe(`${parentPath}${u.id}/`)
    }
    const region = units.find((u) => u.level === 1)!
    expect(region).toMatchObject({ id: result.regionId, kind: 'region', name: 'Демонстрационный край' })
    expect(units.filter((u) => u.level === 2).every((u) => u.kind === 'municipality')).toBe(true)
    // Every municipality has at least 3 organisations, and schools have school names.
    for (const m of units.filter((u) => u.level === 2))
      expect(units.filter((u) => u.parent_id === m.id).length).toBeGreaterThanOrEqual(3)
    for (const s of units.filter((u) => u.kind === 'school')) expect(s.name).toMatch(/^М[БАК]ОУ «.+»$/)
    expect(result).toMatchObject({ municipalities: 2, organizations: 8, periods: 3 })
  })

  it('creates the periods and a campaign per period with the seed-004 deadlines', async () => {
    const periods = await handle.db.selectFrom('period').selectAll().orderBy('code').execute()
    expect(periods.map((p) => p.code)).toEqual(['2023-24', '2024-25', '2025-26'])
    expect(periods[1]).toMatchObject({ starts_on: '2024-09-01', ends_on: '2025-08-31' })
    const campaigns = await handle.db.selectFrom('campaign').selectAll().execute()
    expect(campaigns).toHaveLength(3)
    expect(campaigns.find((c) => c.period_id === periods[1]!.id)).toMatchObject({
      region_id: result.regionId,
      monitoring_due: '2025-01-20',
      analysis_due: '2025-03-30',
      measures_due: '2025-12-31',
      effectiveness_due: '2026-08-31',
    })
  })

  it('enables every active plugin for the region', async () => {
    const enabled = await handle.db.selectFrom('region_plugin').selectAll().execute()
    expect(enabled).toMatchObject([{ region_id: result.regionId, plugin_id: 'deficits', enabled: true }])
  })

  it('writes every element at its entry level, all of a plugin or nothing per organisation and period', async () => {
    expect(result.values).toBe(rows.length)
    const orgElements = elementsOf(deficits)
      .filter((e) => e.entryLevel === 'organization')
      .map((e) => e.code)
    const levels = new Map(elementsOf(deficits).map((e) => [e.code, e.entryLevel === 'organization' ? 3 : 2]))
    for (const r of rows) expect(r.level).toBe(levels.get(r.element))
    for (const period of ['2023-24', '2024-25', '2025-26']) {
      const reported = new Map<number, Set<string>>()
      for (const r of rows.filter((r) => r.period === period && r.level === 3))
        reported.set(r.org_unit_id, (reported.get(r.org_unit_id) ?? new Set()).add(r.element))
      // The default 3 % missing leaves most organisations reporting.
      expect(reported.size).toBeGreaterThanOrEqual(6)
      for (const elements of reported.values()) expect([...elements].sort()).toEqual([...orgElements].sort())
      const municipal = rows.filter((r) => r.period === period && r.element === 'deficits.analysis_done')
      expect(municipal).toHaveLength(2)
    }
  })

  it('writes a total and every option of a breakdown (a kindergarten: the total only); partitions add up exactly', () => {
    const subjects = 19
    const kindergartens = new Set(rows.filter((r) => r.kind === 'kindergarten').map((r) => r.org_unit_id))
    expect(kindergartens.size).toBeGreaterThan(0)
    for (const code of ['core.teachers_total', 'deficits.diagnosed']) {
      const units = [...values.get(code)!.entries()]
      expect(units.length).toBeGreaterThan(0)
      for (const [key, options] of units) {
        // No physics teachers in a kindergarten: its subject breakdown is no data, not zeros.
        if (kindergartens.has(Number(key.split('|')[0]))) {
          expect([...options.keys()]).toEqual([0])
          continue
        }
        expect(options.size).toBe(subjects + 1)
        let sum = 0
        for (const [id, v] of options) if (id !== 0) sum += v
        expect(sum).toBe(options.get(0))
      }
    }
  })

  it('keeps parts within their wholes, per option and in total', () => {
    const teachers = values.get('core.teachers_total')!
    for (const [key, diagnosed] of values.get('deficits.diagnosed')!)
      for (const [option, v] of diagnosed) expect(v).toBeLessThanOrEqual(teachers.get(key)!.get(option)!)
    for (const code of ['iom_built', 'targeted_pd', 'pd_cnppm', 'pd_federal'])
      for (const [key, part] of values.get(`deficits.${code}`)!)
        expect(part.get(0)!).toBeLessThanOrEqual(teachers.get(key)!.get(0)!)
    for (const r of rows) {
      expect(r.value).toBeGreaterThanOrEqual(0)
      expect(Number.isInteger(r.value)).toBe(true)
    }
    for (const code of ['deficits.majority_assessed', 'deficits.analysis_done'])
      for (const options of values.get(code)!.values()) expect([0, 1]).toContain(options.get(0))
  })

  it('keeps subsets within the whole: each option ≤ diagnosed, max(options) ≤ total ≤ diagnosed', () => {
    const diagnosed = values.get('deficits.diagnosed')!
    for (const [key, subsets] of values.get('deficits.with_deficit')!) {
      const whole = diagnosed.get(key)!.get(0)!
      const options = [...subsets].filter(([id]) => id !== 0).map(([, v]) => v)
      expect(options).toHaveLength(7)
      for (const v of options) expect(v).toBeLessThanOrEqual(whole)
      expect(subsets.get(0)!).toBeGreaterThanOrEqual(Math.max(...options))
      expect(subsets.get(0)!).toBeLessThanOrEqual(whole)
    }
  })

  it('shows the trend: the region sum of diagnosed teachers grows over the years', () => {
    const regionSum = (element: string, period: string) =>
      rows
        .filter((r) => r.element === element && r.period === period && r.option_id === 0)
        .reduce((a, r) => a + r.value, 0)
    const share = (period: string) => regionSum('deficits.diagnosed', period) / regionSum('core.teachers_total', period)
    expect(regionSum('deficits.diagnosed', '2025-26')).toBeGreaterThan(regionSum('deficits.diagnosed', '2023-24'))
    // +25 % a year on the rate: the share grows clearly even with missing organisations.
    expect(share('2025-26')).toBeGreaterThan(share('2023-24') * 1.25)
  })

  it('gives identical values for the same seed and other values for another', async () => {
    const same = await freshDatabase()
    const other = await freshDatabase()
    try {
      await generateRegion(same, SMALL)
      await generateRegion(other, { ...SMALL, seed: 2 })
      expect(await allValues(same)).toEqual(rows)
      expect(await allValues(other)).not.toEqual(rows)
    } finally {
      await same.close()
      await other.close()
    }
  }, 120_000)

  it('leaves out whole plugins of organisations that reported nothing', async () => {
    const empty = await freshDatabase()
    try {
      const r = await generateRegion(empty, { ...SMALL, missingRate: 1 })
      const left = await allValues(empty)
      expect(left.filter((v) => v.level === 3)).toEqual([])
      // Municipal elements are still entered.
      expect(left.filter((v) => v.element === 'deficits.analysis_done')).toHaveLength(6)
      expect(r.values).toBe(left.length)
    } finally {
      await empty.close()
    }
  }, 120_000)

  it('runs in one transaction: a failing load leaves nothing behind', async () => {
    const broken = await freshDatabase()
    try {
      await broken.pool.query('alter table data_value add constraint generator_test_refuse check (value < 0)')
      await expect(generateRegion(broken, SMALL)).rejects.toThrow(/generator_test_refuse/)
      expect(await hasData(broken)).toBe(false)
      expect(await broken.db.selectFrom('campaign').selectAll().execute()).toEqual([])
    } finally {
      await broken.close()
    }
  }, 120_000)
})
