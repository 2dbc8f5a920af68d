import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'
import type { AttentionItem } from './attention.ts'

const P = '2025-26'
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)

describe(`needs attention on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  const attention = async (login: string, orgUnit: number) => {
    const res = await t
      .as(login)
      .call<{ items: AttentionItem[] }>('GET', `/api/attention?orgUnit=${orgUnit}&period=${P}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.items
  }

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('region', [{ role: 'region_admin', orgUnit: tree.region }])
    await t.createUser('mun-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    await t.createUser('oper-a1', [{ role: 'school_operator', orgUnit: tree.schoolA1 }], 'Иванова М. П.')
    await t.createUser('oper-a2', [{ role: 'school_operator', orgUnit: tree.schoolA2 }])
    const campaign = await t.as('region').call('PUT', `/api/campaigns?region=${tree.region}&period=${P}`, {
      monitoringDue: inDays(3),
      analysisDue: inDays(60),
      measuresDue: inDays(200),
      effectivenessDue: inDays(400),
    })
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(200)
    // A1: 3 of 10, A2: 1 of 90 → munA 4 of 100 against 30 %: 26 people missing.
    const values = await t.call('POST', '/api/data-values', {
      values: [
        { orgUnit: tree.schoolA1, period: P, element: 'core.teachers_total', value: 10 },
        { orgUnit: tree.schoolA1, period: P, element: 'deficits.diagnosed', value: 3 },
        { orgUnit: tree.schoolA2, period: P, element: 'core.teachers_total', value: 90 },
        { orgUnit: tree.schoolA2, period: P, element: 'deficits.diagnosed', value: 1 },
      ],
    })
    expect(values.status).toBe(200)
    expect(
      (await t.as('oper-a1').call('POST', `/api/submissions/${tree.schoolA1}/${P}/deficits/submit`, {})).status,
    ).toBe(200)
  })
  afterAll(() => t.close())

  it("lists a municipality's next deadline, schools not submitted and the not-met indicator with its gap in people", async () => {
    const items = await attention('mun-a', tree.munA)
    expect(items.find((i) => i.kind === 'deadline')).toEqual({
      kind: 'deadline',
      severity: 'high',
      title: 'attention.deadline',
      detail: { stage: 'monitoring', daysLeft: 3, stored: 1 },
      link: `/entry?unit=${tree.munA}&period=${P}`,
      due: inDays(3),
    })
    expect(items.find((i) => i.kind === 'not_submitted')).toMatchObject({
      severity: 'medium',
      detail: { plugin: 'deficits', notSubmitted: 2, returned: 0, total: 3 },
      link: `/entry?unit=${tree.munA}&period=${P}&plugin=deficits`,
    })
    expect(items.find((i) => i.kind === 'indicator_not_met')).toMatchObject({
      detail: { indicator: 'deficits.diagnosed_share', value: 4, target: 30, gap: 26, gapUnit: 'people' },
      link: `/analysis?unit=${tree.munA}&period=${P}&plugin=deficits&indicator=deficits.diagnosed_share`,
    })
    // The subtree's data-quality flags, counted as GET /api/data-quality finds them (advisory, last).
    const quality = await t
      .as('mun-a')
      .call<{ flags: unknown[]; counts: Record<string, number> }>(
        'GET',
        `/api/data-quality?orgUnit=${tree.munA}&period=${P}`,
      )
    expect(quality.body.flags.length).toBeGreaterThan(0)
    expect(items.find((i) => i.kind === 'data_quality')).toEqual({
      kind: 'data_quality',
      severity: 'low',
      title: 'attention.data_quality',
      detail: { total: quality.body.flags.length, ...quality.body.counts },
      link: `/analysis?unit=${tree.munA}&period=${P}&tab=quality`,
    })
    expect(items[0]!.severity).toBe('high')
    // A school has no children to wait for, and its 30 % is met.
    const school = await attention('oper-a1', tree.schoolA1)
    expect(school.map((i) => i.kind)).toEqual(['deadline'])
    expect((await t.as('oper-a2').call('GET', `/api/attention?orgUnit=${tree.schoolA1}&period=${P}`)).status).toBe(403)
  })

  it('counts recommendations waiting for acknowledgement: for the school, and for the municipality that published them', async () => {
    const made = await t.as('mun-a').call<{ items: { id: number }[] }>('POST', '/api/recommendations', {
      period: P,
      addressee: 'school_leadership',
      orgUnits: [tree.schoolA1],
      text: 'Включить диагностику в план методической работы.',
    })
    const id = made.body.items[0]!.id
    expect((await attention('oper-a1', tree.schoolA1)).some((i) => i.kind.startsWith('recommendations'))).toBe(false)
    expect((await t.as('mun-a').call('POST', `/api/recommendations/${id}/publish`)).status).toBe(200)
    expect(
      (await attention('oper-a1', tree.schoolA1)).find((i) => i.kind === 'recommendations_to_acknowledge'),
    ).toEqual({
      kind: 'recommendations_to_acknowledge',
      severity: 'medium',
      title: 'attention.recommendations_to_acknowledge',
      detail: { count: 1 },
      link: `/recommendations?unit=${tree.schoolA1}&period=${P}&state=published`,
    })
    expect(
      (await attention('mun-a', tree.munA)).find((i) => i.kind === 'recommendations_unacknowledged')?.detail,
    ).toEqual({
      count: 1,
    })
    expect((await attention('oper-a2', tree.schoolA2)).some((i) => i.kind.startsWith('recommendations'))).toBe(false)
    expect((await t.as('oper-a1').call('POST', `/api/recommendations/${id}/acknowledge`)).status).toBe(200)
    expect((await attention('mun-a', tree.munA)).some((i) => i.kind.startsWith('recommendations'))).toBe(false)
  })

  it('reminds of measures due within 14 and 3 days and of overdue ones, to the unit and to its approving level', async () => {
    const plan = async (orgUnit: number, title: string, dueOn: string) => {
      const res = await t.as('mun-a').call('POST', '/api/measures', {
        orgUnit,
        period: P,
        title,
        startsOn: inDays(-30),
        dueOn,
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
    }
    await plan(tree.munA, 'Совещание', inDays(3))
    await plan(tree.munA, 'Семинар', inDays(3))
    await plan(tree.munA, 'Курсы', inDays(10))
    await plan(tree.munA, 'Через месяц', inDays(40))
    await plan(tree.schoolA1, 'План школы', inDays(-1))
    const mun = (await attention('mun-a', tree.munA)).filter((i) => i.kind.startsWith('measures'))
    // Most urgent first; the unit's own before its children's.
    expect(mun).toEqual([
      {
        kind: 'measures_due',
        severity: 'high',
        title: 'attention.measures_due',
        detail: { count: 2, daysLeft: 3 },
        link: `/measures?unit=${tree.munA}&period=${P}`,
        due: inDays(3),
      },
      {
        kind: 'measures_overdue',
        severity: 'high',
        title: 'attention.measures_overdue',
        detail: { count: 1, orgUnitName: 'Школа № 1' },
        link: `/measures?unit=${tree.schoolA1}&period=${P}&overdue=true`,
      },
      expect.objectContaining({ kind: 'measures_due', severity: 'medium', detail: { count: 1, daysLeft: 10 } }),
    ])
    const school = (await attention('oper-a1', tree.schoolA1)).filter((i) => i.kind.startsWith('measures'))
    expect(school).toEqual([
      expect.objectContaining({ kind: 'measures_overdue', detail: { count: 1, orgUnitName: null } }),
    ])
  })

  it('says which stages are past their deadline with their records missing, and stops once they exist', async () => {
    const T = '2024-25'
    const past = await t.as('region').call('PUT', `/api/campaigns?region=${tree.region}&period=${T}`, {
      monitoringDue: inDays(-300),
      analysisDue: inDays(-200),
      measuresDue: inDays(-100),
      effectivenessDue: inDays(-10),
    })
    expect(past.status, JSON.stringify(past.body)).toBe(200)
    const passed = async () => {
      const res = await t
        .as('mun-a')
        .call<{ items: AttentionItem[] }>('GET', `/api/attention?orgUnit=${tree.munA}&period=${T}`)
      return res.body.items.filter((i) => i.kind === 'deadline_passed').map((i) => [i.detail.stage, i.detail.missing])
    }
    const enabled = (await t.call<{ id: string }[]>('GET', '/api/plugins')).body.length
    expect(await passed()).toEqual([
      ['analysis', enabled],
      ['measures', 1],
    ])
    const made = await t.as('mun-a').call<{ id: number }>('POST', '/api/measures', {
      orgUnit: tree.munA,
      period: T,
      title: 'Семинар',
      startsOn: '2024-10-01',
      dueOn: '2024-12-01',
      status: 'done',
    })
    expect(made.status).toBe(201)
    expect(await passed()).toEqual([
      ['analysis', enabled],
      ['effectiveness', 1],
    ])
    await t.as('mun-a').call('PUT', `/api/effectiveness/${made.body.id}/comment`, { text: 'Проведён' })
    expect(await passed()).toEqual([['analysis', enabled]])
    // A school has no conclusions or roadmap of its own to be late with.
    const school = await t
      .as('oper-a1')
      .call<{ items: AttentionItem[] }>('GET', `/api/attention?orgUnit=${tree.schoolA1}&period=${T}`)
    expect(school.body.items.some((i) => i.kind === 'deadline_passed')).toBe(false)
  })
})
