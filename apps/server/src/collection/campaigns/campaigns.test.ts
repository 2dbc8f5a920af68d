import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from '@profmon/db'
import { testEngine } from '@profmon/db/testing'
import { createFixtureTree, type FixtureTree } from '../../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../../testing/test-app.ts'
import { readWorkbook, requestAs, rowOf, columnOf } from '../xlsx/test-workbook.ts'

type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown>[] } }
type Campaign = { plugins: string[] | null; entryLevels: Record<string, string>; stored: boolean }

const P = '2025-26'
const deadlines = {
  monitoringDue: '2999-01-20',
  analysisDue: '2999-03-30',
  measuresDue: '2999-12-31',
  effectivenessDue: '3000-08-31',
}

describe(`campaign collection plan on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  let path: string
  const save = (body: object, login = 'region1') =>
    t.as(login).call<Campaign & ErrorBody>('PUT', path, { ...deadlines, ...body })
  const write = (login: string, orgUnit: number, element: string, value: number | null) =>
    t.as(login).call<ErrorBody>('POST', '/api/data-values', { values: [{ orgUnit, period: P, element, value }] })
  const fingerprint = async () =>
    (
      await sql<{ n: string }>`
        select (select count(*) from data_value) || '/' || (select count(*) from audit_log) || '/' ||
               coalesce((select entry_levels::text || coalesce(array_to_string(collected_plugins, ','), '*')
                         from campaign), '-') as n`.execute(t.deps.db)
    ).rows[0]!.n

  beforeAll(async () => {
    t = await createTestApp({ plugins: ['deficits', 'retraining'] })
    tree = await createFixtureTree(t.deps.db)
    path = `/api/campaigns?region=${tree.region}&period=${P}`
    await t.createUser('region1', [{ role: 'region_admin', orgUnit: tree.region }])
    await t.createUser('coord-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    await t.createUser('oper-a1', [{ role: 'school_operator', orgUnit: tree.schoolA1 }])
  })
  afterAll(() => t.close())

  it('collects every enabled direction at the manifests’ levels until the region decides', async () => {
    const res = await t.as('oper-a1').call<Campaign>('GET', path)
    expect(res.body).toMatchObject({ plugins: null, entryLevels: {}, stored: false })
    expect((await write('oper-a1', tree.schoolA1, 'retraining.retrained_total', 10)).status).toBe(200)
  })

  it('refuses unknown directions and elements, naming the field, and stores nothing', async () => {
    const before = await fingerprint()
    const res = await save({ plugins: ['deficits', 'nope'], entryLevels: { 'deficits.nope': 'municipality' } })
    expect(res.status).toBe(400)
    expect(res.body.error.details.map((d) => d.path)).toEqual(['plugins[1]', 'entryLevels.deficits.nope'])
    const badLevel = await save({ entryLevels: { 'core.teachers_total': 'district' } })
    expect(badLevel.status).toBe(400)
    expect(await fingerprint()).toBe(before)
  })

  it('a direction left out of the campaign is not collected: writes, template and submission are refused', async () => {
    const saved = await save({ plugins: ['deficits'] })
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({ plugins: ['deficits'], entryLevels: {}, stored: true })

    const refused = await write('oper-a1', tree.schoolA1, 'retraining.retrained_total', 11)
    expect(refused.status).toBe(400)
    expect(refused.body.error.details[0]).toMatchObject({ path: 'values[0].element' })
    expect(refused.body.error.details[0]!.message).toContain('not collected in 2025-26')
    const template = await requestAs(
      t,
      'coord-a',
      'GET',
      `/api/imports/template?orgUnit=${tree.munA}&period=${P}&plugin=retraining`,
    )
    expect(template.status).toBe(400)
    const submit = await t
      .as('oper-a1')
      .call<ErrorBody>('POST', `/api/submissions/${tree.schoolA1}/${P}/retraining/submit`, {})
    expect(submit.status).toBe(400)
    expect(submit.body.error.details[0]).toMatchObject({ path: 'plugin' })
    // The collected direction goes on; another period is not affected.
    expect((await write('oper-a1', tree.schoolA1, 'core.teachers_total', 30)).status).toBe(200)
    const otherPeriod = await t.as('oper-a1').call('POST', '/api/data-values', {
      values: [{ orgUnit: tree.schoolA1, period: '2024-25', element: 'retraining.retrained_total', value: 9 }],
    })
    expect(otherPeriod.status).toBe(200)
    // What was collected before stays readable.
    const analytics = await t
      .as('region1')
      .call<{ rows: { indicator: string; value: number | null }[] }>(
        'GET',
        `/api/analytics?orgUnit=${tree.schoolA1}&period=${P}&level=self`,
      )
    expect(analytics.status).toBe(200)
  })

  it('moves an element to the municipalities: schools are refused, the municipality enters it, the template follows', async () => {
    // The school's value of 30 stands in the way first.
    const blocked = await save({ plugins: null, entryLevels: { 'core.teachers_total': 'municipality' } })
    expect(blocked.status).toBe(400)
    expect(blocked.body.error.details).toEqual([
      expect.objectContaining({ path: 'entryLevels.core.teachers_total', values: 1 }),
    ])
    expect(blocked.body.error.message).toContain('already entered by organisations')
    expect((await t.as('region1').call<Campaign>('GET', path)).body.entryLevels).toEqual({})

    expect((await write('oper-a1', tree.schoolA1, 'core.teachers_total', null)).status).toBe(200)
    const moved = await save({ plugins: null, entryLevels: { 'core.teachers_total': 'municipality' } })
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ plugins: null, entryLevels: { 'core.teachers_total': 'municipality' } })

    const school = await write('oper-a1', tree.schoolA1, 'core.teachers_total', 30)
    expect(school.status).toBe(400)
    expect(school.body.error.details[0]).toMatchObject({ path: 'values[0].orgUnit' })
    expect(school.body.error.details[0]!.message).toContain('entered by a municipality')
    expect((await write('coord-a', tree.munA, 'core.teachers_total', 120)).status).toBe(200)

    const res = await requestAs(
      t,
      'coord-a',
      'GET',
      `/api/imports/template?orgUnit=${tree.munA}&period=${P}&plugin=deficits`,
    )
    const wb = await readWorkbook(await res.arrayBuffer())
    const municipalities = wb.getWorksheet('Муниципалитеты')!
    expect(
      municipalities.getRow(rowOf(municipalities, tree.munA)).getCell(columnOf(municipalities, 'core.teachers_total'))
        .value,
    ).toBe(120)
    expect(() => columnOf(wb.getWorksheet('Организации')!, 'core.teachers_total')).toThrow()

    // Setting it back to the manifest's level is refused while the municipality's value exists.
    const back = await save({ entryLevels: {} })
    expect(back.status).toBe(400)
    expect(back.body.error.details[0]).toMatchObject({ path: 'entryLevels.core.teachers_total', values: 1 })
  })

  it('audits the plan with the deadlines', async () => {
    const log = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'new_value'])
      .where('entity', '=', 'campaign')
      .orderBy('id')
      .execute()
    expect(log.map((l) => l.action)).toEqual(['create', 'update'])
    expect(log[1]!.new_value).toMatchObject({
      plugins: null,
      entryLevels: { 'core.teachers_total': 'municipality' },
    })
  })
})
