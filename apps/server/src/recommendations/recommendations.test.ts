import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ORG_LEVEL_DEPTH } from '@profmon/contract'
import { testEngine } from '@profmon/db/testing'
import type { AnalyticsRow } from '../analytics/analytics.ts'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'
import { conditionHolds } from './fire.ts'
import type { RecommendationView } from './recommendations.ts'

const P = '2025-26'
type Items = { items: RecommendationView[] }

describe(`recommendations on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  const write = async (values: [number, string, number][]) => {
    const res = await t.call('POST', '/api/data-values', {
      values: values.map(([orgUnit, element, value]) => ({
        orgUnit,
        period: P,
        element: element.includes('.') ? element : `deficits.${element}`,
        value,
      })),
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
  const generate = async (login = 'region', orgUnit = tree.region) => {
    const res = await t.as(login).call('POST', '/api/recommendations/generate', { orgUnit, period: P })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body
  }
  const list = async (login: string, orgUnit: number, extra = '') => {
    const res = await t.as(login).call<Items>('GET', `/api/recommendations?orgUnit=${orgUnit}&period=${P}${extra}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.items
  }
  const generated = async () =>
    (await list('region', tree.region, '&includeDescendants=true')).filter((r) => r.source === 'generated')
  const keys = (items: RecommendationView[]) => items.map((r) => `${r.rule}|${r.orgUnit}`).sort()

  /**
   * What should fire, recomputed from the manifest's rules and GET /api/analytics (self of the
   * region, children of every unit above the schools): a rule at its levels, on total rows.
   */
  const expectedKeys = async () => {
    const rows: AnalyticsRow[] = []
    const depth = new Map<number, number>()
    for (const [unit, level] of [
      [tree.region, 'self'],
      [tree.region, 'children'],
      [tree.munA, 'children'],
      [tree.munB, 'children'],
    ] as const) {
      const res = await t.call<{ rows: AnalyticsRow[] }>(
        'GET',
        `/api/analytics?orgUnit=${unit}&period=${P}&level=${level}`,
      )
      rows.push(...res.body.rows)
    }
    for (const u of await t.deps.db.selectFrom('org_unit').select(['id', 'level']).execute()) depth.set(u.id, u.level)
    const rules = t.deps.catalog.plugins.get('deficits')!.recommendations
    return rules
      .flatMap((rule) =>
        rows
          .filter((r) => r.indicator === rule.indicator && r.option === null)
          .filter((r) => rule.levels.some((l) => ORG_LEVEL_DEPTH[l] === depth.get(r.orgUnit)))
          .filter((r) => conditionHolds(rule.when, r))
          .map((r) => `${rule.code}|${r.orgUnit}`),
      )
      .sort()
  }

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('region', [{ role: 'region_admin', orgUnit: tree.region }], 'Региональный администратор')
    await t.createUser('mun-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }], 'Координатор А')
    await t.createUser('oper-a1', [{ role: 'school_operator', orgUnit: tree.schoolA1 }], 'Иванова Мария Петровна')
    await t.createUser('oper-a2', [{ role: 'school_operator', orgUnit: tree.schoolA2 }], 'Петров Пётр')
    await t.createUser('analyst-a1', [{ role: 'analyst', orgUnit: tree.schoolA1 }], 'Аналитик')
    // A1: 2 of 10 diagnosed (20 % against 30 ± 5: not met), 1 route, 1 in targeted courses, 1 of 2 with deficits;
    // A2: 40 of 90; A3 reports nothing (no data fires no "not met" rule); B1: 5 of 20 (25 %: partly met).
    await write([
      [tree.schoolA1, 'core.teachers_total', 10],
      [tree.schoolA1, 'diagnosed', 2],
      [tree.schoolA1, 'iom_built', 1],
      [tree.schoolA1, 'targeted_pd', 1],
      [tree.schoolA1, 'with_deficit', 1],
      [tree.schoolA2, 'core.teachers_total', 90],
      [tree.schoolA2, 'diagnosed', 40],
      [tree.schoolA2, 'iom_built', 30],
      [tree.schoolA2, 'targeted_pd', 9],
      [tree.schoolA2, 'with_deficit', 5],
      [tree.schoolB1, 'core.teachers_total', 20],
      [tree.schoolB1, 'diagnosed', 5],
      [tree.schoolB1, 'iom_built', 2],
      [tree.schoolB1, 'targeted_pd', 1],
      [tree.schoolB1, 'with_deficit', 1],
    ])
  })
  afterAll(() => t.close())

  it('makes one draft per rule and unit that fires, as recomputed from the rules and the analytics rows', async () => {
    const expected = await expectedKeys()
    expect(expected).toContain(`deficits.diagnostics_low_school|${tree.schoolA1}`)
    expect(expected).not.toContain(`deficits.diagnostics_low_school|${tree.schoolA3}`)
    expect(await generate()).toEqual({ created: expected.length, updated: 0, stale: 0 })
    const drafts = await generated()
    expect(keys(drafts)).toEqual(expected)
    expect(drafts.every((r) => r.state === 'draft' && !r.stale && !r.edited)).toBe(true)
    const a1 = drafts.find((r) => r.rule === 'deficits.diagnostics_low_school' && r.orgUnit === tree.schoolA1)!
    // 2 of 10 = 20 %; 30 % of 10 = 3 people → 1 missing
    expect(a1.text).toContain('«Диагностика дефицитов» — 20 % при целевом значении 30 %; до цели не хватает 1 чел.')
    expect(a1).toMatchObject({
      addressee: 'school_leadership',
      plugin: 'deficits',
      indicator: 'deficits.diagnosed_share',
      figures: { value: 20, target: 30, status: 'not_met', numerator: 2, denominator: 10, gap: 1 },
    })
    expect(await generate()).toEqual({ created: 0, updated: 0, stale: 0 })
  })

  it('keeps an edited draft, marks what no longer fires stale, adds what newly fires, un-stales what fires again', async () => {
    const a1 = (await generated()).find(
      (r) => r.rule === 'deficits.diagnostics_low_school' && r.orgUnit === tree.schoolA1,
    )!
    const edited = await t.as('region').call<RecommendationView>('PUT', `/api/recommendations/${a1.id}`, {
      text: 'Провести диагностику до 1 марта.',
    })
    expect(edited.status).toBe(200)
    expect(edited.body).toMatchObject({ text: 'Провести диагностику до 1 марта.', edited: true })

    const before = await expectedKeys()
    // A1 reaches 30 % (3 of 10); A2 falls to 10 of 90, which also takes munA down to 13 of 100.
    await write([
      [tree.schoolA1, 'diagnosed', 3],
      [tree.schoolA2, 'diagnosed', 10],
    ])
    const after = await expectedKeys()
    const gone = before.filter((k) => !after.includes(k))
    const added = after.filter((k) => !before.includes(k))
    expect(gone).toContain(`deficits.diagnostics_low_school|${tree.schoolA1}`)
    expect(added).toEqual(
      expect.arrayContaining([
        `deficits.diagnostics_low_school|${tree.schoolA2}`,
        `deficits.diagnostics_low_municipality|${tree.munA}`,
      ]),
    )
    const result = (await generate()) as { created: number; updated: number; stale: number }
    expect(result).toMatchObject({ created: added.length, stale: gone.length })
    const drafts = await generated()
    expect(keys(drafts.filter((r) => !r.stale))).toEqual(after)
    expect(keys(drafts.filter((r) => r.stale))).toEqual(gone)
    expect(drafts.find((r) => r.id === a1.id)).toMatchObject({
      stale: true,
      edited: true,
      text: 'Провести диагностику до 1 марта.',
    })

    await write([[tree.schoolA1, 'diagnosed', 2]])
    expect(await generate()).toMatchObject({ created: 0 })
    expect((await generated()).find((r) => r.id === a1.id)).toMatchObject({
      stale: false,
      edited: true,
      text: 'Провести диагностику до 1 марта.',
    })
    expect(await generate()).toEqual({ created: 0, updated: 0, stale: 0 })
  })

  it('evaluates nothing of a disabled direction and leaves its drafts alone', async () => {
    const toggle = (enabled: boolean) =>
      t.as('region').call('PUT', `/api/regions/${tree.region}/plugins/deficits`, { enabled })
    const before = await generated()
    const drafts = keys(before)
    const staleBefore = before.filter((r) => r.stale).length
    // B1 falls to 1 of 20 while the direction is switched off: nothing is evaluated, nothing goes stale.
    await write([[tree.schoolB1, 'diagnosed', 1]])
    expect((await toggle(false)).status).toBe(200)
    expect(await generate()).toEqual({ created: 0, updated: 0, stale: 0 })
    // Hidden while switched off, kept as they were.
    expect(await generated()).toEqual([])
    const stored = await t.deps.db
      .selectFrom('recommendation')
      .select(['rule_code', 'org_unit_id', 'stale'])
      .where('source', '=', 'generated')
      .execute()
    expect(stored.map((r) => `${r.rule_code}|${r.org_unit_id}`).sort()).toEqual(drafts)
    expect(stored.filter((r) => r.stale).length).toBe(staleBefore)
    expect((await toggle(true)).status).toBe(200)
    await write([[tree.schoolB1, 'diagnosed', 5]])
    expect(await generate()).toEqual({ created: 0, updated: 0, stale: 0 })
    expect(keys(await generated())).toEqual(drafts)
  })

  it('shows a published recommendation to the addressed school only; its operator acknowledges, the coordinator sees who and when', async () => {
    const a1 = (await generated()).find(
      (r) => r.rule === 'deficits.diagnostics_low_school' && r.orgUnit === tree.schoolA1,
    )!
    // Drafts: the region's own are not the municipality's to see, and never a school's.
    expect((await list('mun-a', tree.munA, '&includeDescendants=true')).map((r) => r.id)).not.toContain(a1.id)
    expect(await list('oper-a1', tree.schoolA1)).toEqual([])
    expect((await t.as('oper-a1').call('POST', `/api/recommendations/${a1.id}/acknowledge`)).status).toBe(403)
    expect((await t.as('mun-a').call('POST', `/api/recommendations/${a1.id}/publish`)).status).toBe(403)

    const published = await t.as('region').call<RecommendationView>('POST', `/api/recommendations/${a1.id}/publish`)
    expect(published.status).toBe(200)
    expect(published.body).toMatchObject({ state: 'published', publishedBy: 'region' })
    expect((await list('oper-a1', tree.schoolA1)).map((r) => r.id)).toEqual([a1.id])
    expect((await list('mun-a', tree.munA, '&includeDescendants=true')).map((r) => r.id)).toContain(a1.id)
    // A sibling school: its own list lacks it, and asking for A1 is a 403, not an empty list.
    expect((await list('oper-a2', tree.schoolA2)).map((r) => r.id)).not.toContain(a1.id)
    const foreign = await t.as('oper-a2').call('GET', `/api/recommendations?orgUnit=${tree.schoolA1}&period=${P}`)
    expect(foreign.status).toBe(403)
    expect((await t.as('oper-a2').call('POST', `/api/recommendations/${a1.id}/acknowledge`)).status).toBe(403)
    // An analyst of the school reads it but does not acknowledge; editing a published one is a conflict.
    expect((await list('analyst-a1', tree.schoolA1)).map((r) => r.id)).toEqual([a1.id])
    expect((await t.as('analyst-a1').call('POST', `/api/recommendations/${a1.id}/acknowledge`)).status).toBe(403)
    expect((await t.as('region').call('PUT', `/api/recommendations/${a1.id}`, { text: 'x' })).status).toBe(409)

    const ack = await t.as('oper-a1').call<RecommendationView>('POST', `/api/recommendations/${a1.id}/acknowledge`)
    expect(ack.status).toBe(200)
    const seen = (await list('mun-a', tree.schoolA1)).find((r) => r.id === a1.id)!
    expect(seen).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'Иванова Мария Петровна' })
    expect(Date.now() - new Date(seen.acknowledgedAt!).getTime()).toBeLessThan(60_000)
    expect((await t.as('oper-a1').call('POST', `/api/recommendations/${a1.id}/acknowledge`)).status).toBe(409)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('entity', '=', 'recommendation')
      .where('entity_key', '=', String(a1.id))
      .orderBy('id')
      .execute()
    expect(audit.map((a) => `${a.actor}:${a.action}`)).toEqual([
      'region:generate',
      'region:update',
      'region:stale',
      'region:regenerate',
      'region:publish',
      'oper-a1:acknowledge',
    ])
  })

  it('writes recommendations by hand inside the caller’s subtree only, publishes all or nothing and withdraws with a reason', async () => {
    const mun = t.as('mun-a')
    const body = { period: P, addressee: 'teachers', text: 'Пройти курсы по функциональной грамотности.' }
    const outside = await mun.call<{ error: { details: { path: string }[] } }>('POST', '/api/recommendations', {
      ...body,
      orgUnits: [tree.schoolA2, tree.schoolB1],
    })
    expect(outside.status).toBe(403)
    expect(outside.body.error.details.map((d) => d.path)).toEqual(['orgUnits[1]'])
    const unknown = await mun.call<{ error: { details: { path: string }[] } }>('POST', '/api/recommendations', {
      ...body,
      orgUnits: [tree.schoolA2],
      indicators: ['deficits.diagnosed_share', 'deficits.nope'],
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.details.map((d) => d.path)).toEqual(['indicators[1]'])
    expect(
      (await t.as('oper-a1').call('POST', '/api/recommendations', { ...body, orgUnits: [tree.schoolA1] })).status,
    ).toBe(403)

    const made = await mun.call<Items>('POST', '/api/recommendations', {
      ...body,
      orgUnits: [tree.schoolA2, tree.schoolA3],
      indicators: ['deficits.targeted_pd_share'],
    })
    expect(made.status).toBe(201)
    expect(made.body.items.map((r) => [r.orgUnit, r.ownerOrgUnit, r.source, r.plugin, r.state, r.targets])).toEqual([
      [tree.schoolA2, tree.munA, 'authored', 'deficits', 'draft', [tree.schoolA2]],
      [tree.schoolA3, tree.munA, 'authored', 'deficits', 'draft', [tree.schoolA3]],
    ])
    const [a2, a3] = made.body.items.map((r) => r.id) as [number, number]
    expect((await list('mun-a', tree.munA, '&includeDescendants=true')).map((r) => r.id)).toEqual(
      expect.arrayContaining([a2, a3]),
    )
    const acknowledged = (await generated()).find((r) => r.state === 'acknowledged')!.id
    const refused = await mun.call<{ error: { details: { path: string }[] } }>(
      'POST',
      '/api/recommendations/bulk-publish',
      {
        ids: [a2, a3, acknowledged],
      },
    )
    expect(refused.status).toBe(403) // the acknowledged one is the region's
    expect(refused.body.error.details.map((d) => d.path)).toEqual(['ids[2]'])
    expect((await list('oper-a2', tree.schoolA2)).map((r) => r.id)).not.toContain(a2)
    const done = await mun.call<Items>('POST', '/api/recommendations/bulk-publish', { ids: [a2, a3] })
    expect(done.status).toBe(200)
    expect(done.body.items.map((r) => r.state)).toEqual(['published', 'published'])
    expect((await list('oper-a2', tree.schoolA2)).map((r) => r.id)).toContain(a2)
    expect((await mun.call('POST', '/api/recommendations/bulk-publish', { ids: [a2] })).status).toBe(409)

    expect((await mun.call('POST', `/api/recommendations/${a3}/withdraw`, {})).status).toBe(400)
    const withdrawn = await mun.call<RecommendationView>('POST', `/api/recommendations/${a3}/withdraw`, {
      reason: 'Курсы перенесены на следующий год',
    })
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', withdrawnReason: 'Курсы перенесены на следующий год' })
    expect((await list('region', tree.schoolA3)).find((r) => r.id === a3)?.state).toBe('withdrawn')
    // Withdrawing again is a conflict.
    expect((await mun.call('POST', `/api/recommendations/${a3}/withdraw`, { reason: 'ещё раз' })).status).toBe(409)
  })

  it('exports what the caller sees as XLSX, a text that looks like a formula kept literal', async () => {
    const mun = t.as('mun-a')
    await t.createUser('mun-b', [{ role: 'municipal_coordinator', orgUnit: tree.munB }])
    const made = await mun.call<Items>('POST', '/api/recommendations', {
      period: P,
      addressee: 'teachers',
      orgUnits: [tree.schoolA1],
      text: '=HYPERLINK("x")',
    })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    const res = await mun.download(
      `/api/recommendations/export?orgUnit=${tree.munA}&period=${P}&includeDescendants=true`,
    )
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const ws = wb.getWorksheet('Рекомендации')!
    const listed = await mun.call<Items>(
      'GET',
      `/api/recommendations?orgUnit=${tree.munA}&period=${P}&includeDescendants=true`,
    )
    expect(ws.rowCount - 2).toBe(listed.body.items.length)
    const row = ws.getRows(3, ws.rowCount - 2)!.find((r) => r.getCell(5).value === '=HYPERLINK("x")')!
    expect(row.getCell(5).type).toBe(ExcelJS.ValueType.String)
    expect(row.getCell(5).numFmt).toBe('@')
    expect([row.getCell(2).value, row.getCell(6).value]).toEqual(['педагогам', 'черновик'])
    // A sibling municipality's coordinator gets a 403, not an empty file.
    expect((await t.as('mun-b').download(`/api/recommendations/export?orgUnit=${tree.munA}&period=${P}`)).status).toBe(
      403,
    )
  })
})
