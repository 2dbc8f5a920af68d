import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import type { AnalyticsRow } from '../analytics/analytics.ts'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'
import type { ConclusionView } from './conclusions.ts'

const P = '2025-26'
const paragraph = (...texts: string[]) => ({
  blocks: [{ type: 'paragraph', runs: texts.map((text, i) => (i % 2 ? { text, bold: true } : { text })) }],
})

describe(`analysis conclusions on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  const diagnosed = async (orgUnit: number, value: number) => {
    const res = await t.call('POST', '/api/data-values', {
      values: [{ orgUnit, period: P, element: 'deficits.diagnosed', value }],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
  /** What GET /api/analytics shows of munA and its schools for the deficits direction. */
  const liveRows = async () => {
    const rows: AnalyticsRow[] = []
    for (const level of ['self', 'children'])
      rows.push(
        ...(
          await t.call<{ rows: AnalyticsRow[] }>(
            'GET',
            `/api/analytics?orgUnit=${tree.munA}&period=${P}&level=${level}`,
          )
        ).body.rows,
      )
    return rows.filter((r) => r.indicator.startsWith('deficits.'))
  }
  const share = (rows: AnalyticsRow[]) =>
    rows.find((r) => r.orgUnit === tree.munA && r.indicator === 'deficits.diagnosed_share' && r.option === null)!.value

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('mun-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    await t.createUser('mun-b', [{ role: 'municipal_coordinator', orgUnit: tree.munB }])
    await t.createUser('analyst', [{ role: 'analyst', orgUnit: tree.munA }])
    const res = await t.call('POST', '/api/data-values', {
      values: [
        { orgUnit: tree.schoolA1, period: P, element: 'core.teachers_total', value: 10 },
        { orgUnit: tree.schoolA1, period: P, element: 'deficits.diagnosed', value: 3 },
        { orgUnit: tree.schoolA2, period: P, element: 'core.teachers_total', value: 90 },
        { orgUnit: tree.schoolA2, period: P, element: 'deficits.diagnosed', value: 1 },
      ],
    })
    expect(res.status).toBe(200)
  })
  afterAll(() => t.close())

  it('saves drafts with an optimistic version, in the writer’s subtree only; analysts read', async () => {
    const mun = t.as('mun-a')
    const draft = { orgUnit: tree.munA, period: P, plugin: 'deficits' }
    const first = await mun.call<ConclusionView>('PUT', '/api/conclusions', {
      ...draft,
      body: paragraph('Диагностику прошли ', '4 %', ' педагогов.'),
    })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toMatchObject({ version: 1, published: null, updatedBy: 'mun-a' })
    const stale = await mun.call<{ error: { code: string } }>('PUT', '/api/conclusions', {
      ...draft,
      body: paragraph('Другое'),
      version: 0,
    })
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict'])
    const second = await mun.call<ConclusionView>('PUT', '/api/conclusions', {
      ...draft,
      body: paragraph('Диагностику прошли ', '4 %', ' педагогов: 4 из 100.'),
      version: 1,
    })
    expect(second.body.version).toBe(2)

    expect(
      (await t.as('analyst').call('PUT', '/api/conclusions', { ...draft, body: paragraph('x'), version: 2 })).status,
    ).toBe(403)
    expect(
      (await t.as('mun-b').call('PUT', '/api/conclusions', { ...draft, body: paragraph('x'), version: 2 })).status,
    ).toBe(403)
    const html = await mun.call('PUT', '/api/conclusions', { ...draft, body: { html: '<p>x</p>' }, version: 2 })
    expect(html.status).toBe(400)
    const read = await t
      .as('analyst')
      .call<{ items: ConclusionView[] }>('GET', `/api/conclusions?orgUnit=${tree.munA}&period=${P}&plugin=deficits`)
    expect(read.body.items.map((c) => [c.id, c.version])).toEqual([[second.body.id, 2]])
    expect((await t.as('mun-b').call('GET', `/api/conclusions/${second.body.id}`)).status).toBe(403)
  })

  it('freezes the analytics rows with the published body: a later data change alters live analytics, not the snapshot', async () => {
    const mun = t.as('mun-a')
    const [conclusion] = (
      await mun.call<{ items: ConclusionView[] }>('GET', `/api/conclusions?orgUnit=${tree.munA}&period=${P}`)
    ).body.items
    const before = await liveRows()
    expect(share(before)).toBe(4)
    const published = await mun.call<ConclusionView>('POST', `/api/conclusions/${conclusion!.id}/publish`)
    expect(published.status).toBe(200)
    expect(published.body.published).toMatchObject({ version: 2, by: 'mun-a', body: conclusion!.body })
    expect(published.body.published!.figures).toEqual(before)

    await diagnosed(tree.schoolA2, 47) // 50 of 100
    expect(share(await liveRows())).toBe(50)
    await mun.call('PUT', '/api/conclusions', {
      orgUnit: tree.munA,
      period: P,
      plugin: 'deficits',
      body: paragraph('Половина педагогов прошла диагностику.'),
      version: 2,
    })
    const later = await t.as('analyst').call<ConclusionView>('GET', `/api/conclusions/${conclusion!.id}`)
    expect(later.body.version).toBe(3)
    expect(later.body.published!.body).toEqual(conclusion!.body)
    expect(later.body.published!.figures).toEqual(before)
    expect(share(later.body.published!.figures)).toBe(4)

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'conclusion')
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'publish', 'update'])
  })
})
