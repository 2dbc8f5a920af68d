import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { createFixtureTree, type FixtureTree } from '../../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../../testing/test-app.ts'

type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown>[] } }
type State = { state: string; comment: string | null }

describe(`entry workflow on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  const P = '2025-26'
  const count = async (table: 'data_value' | 'audit_log') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const write = (login: string, orgUnit: number, value: number, period = P) =>
    t.as(login).call<ErrorBody>('POST', '/api/data-values', {
      values: [{ orgUnit, period, element: 'core.teachers_total', value }],
    })
  const move = (login: string, orgUnit: number, action: string, comment?: string, period = P) =>
    t
      .as(login)
      .call<State & ErrorBody>(
        'POST',
        `/api/submissions/${orgUnit}/${period}/deficits/${action}`,
        comment === undefined ? {} : { comment },
      )

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('region1', [{ role: 'region_admin', orgUnit: tree.region }])
    await t.createUser('coord-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    await t.createUser('coord-b', [{ role: 'municipal_coordinator', orgUnit: tree.munB }])
    await t.createUser('oper-a1', [{ role: 'school_operator', orgUnit: tree.schoolA1 }])
  })
  afterAll(() => t.close())

  it('locks submitted data for the school; the municipality still corrects it; nothing is written on refusal', async () => {
    expect((await write('oper-a1', tree.schoolA1, 40)).status).toBe(200)
    const submitted = await move('oper-a1', tree.schoolA1, 'submit')
    expect(submitted.status).toBe(200)
    expect(submitted.body).toMatchObject({ state: 'submitted', comment: null })

    const before = [await count('data_value'), await count('audit_log')]
    const refused = await write('oper-a1', tree.schoolA1, 41)
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('locked')
    expect(refused.body.error.details[0]).toMatchObject({ path: 'values[0]', lock: 'submitted', plugin: 'deficits' })
    expect(refused.body.error.message).toContain('only the approving level may change it')
    expect([await count('data_value'), await count('audit_log')]).toEqual(before)

    expect((await write('coord-a', tree.schoolA1, 42)).status).toBe(200)
  })

  it('lets only the level above approve or return, and only from the right state', async () => {
    expect((await move('oper-a1', tree.schoolA1, 'approve')).status).toBe(403)
    expect((await move('coord-b', tree.schoolA1, 'approve')).status).toBe(403)
    expect((await move('oper-a1', tree.schoolA1, 'submit')).body.error.code).toBe('invalid_transition')
    const approved = await move('coord-a', tree.schoolA1, 'approve')
    expect(approved.body.state).toBe('approved')
    expect((await move('coord-a', tree.schoolA1, 'approve')).status).toBe(409)
    const locked = await write('oper-a1', tree.schoolA1, 43)
    expect(locked.status).toBe(409)
    expect(locked.body.error.details[0]).toMatchObject({ lock: 'approved' })
    // A municipality's own data is approved by the region, never by itself.
    await move('coord-a', tree.munA, 'submit')
    expect((await move('coord-a', tree.munA, 'approve')).status).toBe(403)
    expect((await move('region1', tree.munA, 'approve')).body.state).toBe('approved')
  })

  it('returns with a required comment; the school edits again and resubmits', async () => {
    const bare = await move('coord-a', tree.schoolA1, 'return', '  ')
    expect(bare.status).toBe(400)
    expect(bare.body.error.details).toEqual([{ path: 'comment', message: 'say why the data is returned' }])
    const returned = await move('coord-a', tree.schoolA1, 'return', 'Итог меньше суммы по предметам')
    expect(returned.body).toMatchObject({ state: 'returned', comment: 'Итог меньше суммы по предметам' })
    expect((await write('oper-a1', tree.schoolA1, 44)).status).toBe(200)
    const again = await move('oper-a1', tree.schoolA1, 'submit')
    // The comment stays, so the approver sees what had been asked.
    expect(again.body).toMatchObject({ state: 'submitted', comment: 'Итог меньше суммы по предметам' })
  })

  it('audits every move with the old and new state', async () => {
    const log = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'old_value', 'new_value'])
      .where('entity', '=', 'submission')
      .where('entity_key', '=', `deficits|${tree.schoolA1}|${P}`)
      .orderBy('id')
      .execute()
    expect(log).toEqual([
      { actor: 'oper-a1', action: 'submit', old_value: { state: 'draft' }, new_value: { state: 'submitted' } },
      { actor: 'coord-a', action: 'approve', old_value: { state: 'submitted' }, new_value: { state: 'approved' } },
      {
        actor: 'coord-a',
        action: 'return',
        old_value: { state: 'approved' },
        new_value: { state: 'returned', comment: 'Итог меньше суммы по предметам' },
      },
      { actor: 'oper-a1', action: 'submit', old_value: { state: 'returned' }, new_value: { state: 'submitted' } },
    ])
  })

  it('counts who has not submitted among the children', async () => {
    // A1 submitted (above), A2 returned, A3 nothing: 2 of 3 still owe their data.
    await write('coord-a', tree.schoolA2, 10)
    await move('coord-a', tree.schoolA2, 'submit')
    await move('coord-a', tree.schoolA2, 'return', 'Заполните по предметам')
    const res = await t.as('coord-a').call<{
      self: State
      children: (State & { orgUnit: number; values: number })[]
      counts: Record<string, number>
    }>('GET', `/api/submissions?orgUnit=${tree.munA}&period=${P}&plugin=deficits`)
    expect(res.status).toBe(200)
    expect(res.body.self.state).toBe('approved')
    expect(res.body.children.map((c) => [c.orgUnit, c.state, c.values])).toEqual([
      [tree.schoolA1, 'submitted', 1],
      [tree.schoolA2, 'returned', 1],
      [tree.schoolA3, 'draft', 0],
    ])
    expect(res.body.counts).toEqual({ total: 3, draft: 1, submitted: 1, approved: 0, returned: 1, notSubmitted: 2 })
    expect(
      (await t.as('coord-b').call('GET', `/api/submissions?orgUnit=${tree.munA}&period=${P}&plugin=deficits`)).status,
    ).toBe(403)
  })
})

describe(`campaign deadlines on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  const P = '2024-25'
  const deadlines = (monitoringDue: string) => ({
    monitoringDue,
    analysisDue: '2999-03-30',
    measuresDue: '2999-12-31',
    effectivenessDue: '3000-08-31',
  })

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('region1', [{ role: 'region_admin', orgUnit: tree.region }])
    await t.createUser('coord-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    await t.createUser('oper-a1', [{ role: 'school_operator', orgUnit: tree.schoolA1 }])
  })
  afterAll(() => t.close())

  it('shows the seed-004 defaults until the region stores its own', async () => {
    const res = await t.as('oper-a1').call('GET', `/api/campaigns?region=${tree.region}&period=${P}`)
    // 2024-25 ends in 2025: monitoring by 20 January, analysis by 30 March, measures by 31 December 2025,
    // effectiveness by 31 August 2026.
    expect(res.body).toEqual({
      region: tree.region,
      period: P,
      monitoringDue: '2025-01-20',
      analysisDue: '2025-03-30',
      measuresDue: '2025-12-31',
      effectivenessDue: '2026-08-31',
      plugins: null,
      entryLevels: {},
      stored: false,
    })
  })

  it('is set by the region admin only, and audited', async () => {
    const path = `/api/campaigns?region=${tree.region}&period=${P}`
    expect((await t.as('coord-a').call('PUT', path, deadlines('2000-01-20'))).status).toBe(403)
    const notRegion = await t
      .as('region1')
      .call('PUT', `/api/campaigns?region=${tree.munA}&period=${P}`, deadlines('2000-01-20'))
    expect(notRegion.status).toBe(400)
    const put = await t.as('region1').call('PUT', path, deadlines('2000-01-20'))
    expect(put.status).toBe(200)
    expect(put.body).toMatchObject({ monitoringDue: '2000-01-20', stored: true })
    const log = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'old_value', 'new_value'])
      .where('entity', '=', 'campaign')
      .execute()
    expect(log).toEqual([
      {
        actor: 'region1',
        action: 'create',
        old_value: null,
        new_value: { ...deadlines('2000-01-20'), plugins: null, entryLevels: {} },
      },
    ])
  })

  it('after the monitoring deadline only the approving level edits', async () => {
    const value = { orgUnit: tree.schoolA1, period: P, element: 'core.teachers_total', value: 25 }
    const late = await t.as('oper-a1').call<ErrorBody>('POST', '/api/data-values', { values: [value] })
    expect(late.status).toBe(403)
    expect(late.body.error.code).toBe('deadline_passed')
    expect(late.body.error.details[0]).toMatchObject({ lock: 'deadline', due: '2000-01-20' })
    expect((await t.as('coord-a').call('POST', '/api/data-values', { values: [value] })).status).toBe(200)
    // The other periods have no stored campaign: not closed.
    expect(
      (await t.as('oper-a1').call('POST', '/api/data-values', { values: [{ ...value, period: '2025-26' }] })).status,
    ).toBe(200)

    await t.as('region1').call('PUT', `/api/campaigns?region=${tree.region}&period=${P}`, deadlines('2999-01-20'))
    expect((await t.as('oper-a1').call('POST', '/api/data-values', { values: [{ ...value, value: 26 }] })).status).toBe(
      200,
    )
  })
})
