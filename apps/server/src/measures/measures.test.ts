import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { PNG_BYTES } from '../collection/evidence/test-documents.ts'
import { requestAs, uploadForm } from '../collection/xlsx/test-workbook.ts'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'
import type { MeasureView, ProgressView } from './measures.ts'

const P = '2024-25'
type Items = { items: MeasureView[] }
type Problem = { error: { details: { path: string }[] } }

describe(`measures on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  const base = () => ({
    orgUnit: tree.munA,
    period: P,
    title: 'Семинар для наставников',
    startsOn: '2024-10-01',
    dueOn: '2024-12-20',
  })
  const create = async (body: Record<string, unknown>, login = 'mun-a') => {
    const res = await t.as(login).call<MeasureView>('POST', '/api/measures', { ...base(), ...body })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body
  }
  const list = async (login: string, orgUnit: number, extra = '', period = P) => {
    const res = await t.as(login).call<Items>('GET', `/api/measures?orgUnit=${orgUnit}&period=${period}${extra}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.items
  }
  const audits = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('entity', '=', 'measure')
          .executeTakeFirstOrThrow()
      ).n,
    )

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('region', [{ role: 'region_admin', orgUnit: tree.region }])
    await t.createUser('mun-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    await t.createUser('mun-b', [{ role: 'municipal_coordinator', orgUnit: tree.munB }])
    await t.createUser('oper-a1', [{ role: 'school_operator', orgUnit: tree.schoolA1 }])
    await t.createUser('analyst-a', [{ role: 'analyst', orgUnit: tree.munA }])
    // The region's target of the next period is the default expected value.
    const target = await t.call('PUT', '/api/targets', {
      indicator: 'deficits.diagnosed_share',
      period: '2025-26',
      orgUnit: tree.region,
      value: 35,
    })
    expect(target.status, JSON.stringify(target.body)).toBe(200)
  })
  afterAll(() => t.close())

  it('creates, reads, updates and lists with filters, computing overdue and the default expected value', async () => {
    const before = await audits()
    const m = await create({
      indicators: ['deficits.diagnosed_share'],
      responsible: { name: 'Иванова М. П.', position: 'методист' },
      description: 'Для молодых педагогов',
    })
    expect(m).toMatchObject({
      orgUnit: tree.munA,
      period: P,
      plugin: 'deficits',
      status: 'planned',
      startsOn: '2024-10-01',
      dueOn: '2024-12-20',
      overdue: true,
      expected: { 'deficits.diagnosed_share': 35 },
      progress: 0,
      parent: null,
      template: null,
      responsible: { name: 'Иванова М. П.', position: 'методист', user: null },
    })
    const later = await create({ title: 'Конкурс', dueOn: '2099-08-31', status: 'in_progress' })
    expect(later.overdue).toBe(false)
    expect(later.plugin).toBeNull()
    expect(await audits()).toBe(before + 2)

    const got = await t.as('analyst-a').call<MeasureView>('GET', `/api/measures/${m.id}`)
    expect(got.body).toEqual(m)

    const upd = await t.as('mun-a').call<MeasureView>('PUT', `/api/measures/${m.id}`, {
      expected: { 'deficits.diagnosed_share': 50 },
      dueOn: '2025-01-31',
    })
    expect(upd.status, JSON.stringify(upd.body)).toBe(200)
    expect(upd.body).toMatchObject({ dueOn: '2025-01-31', expected: { 'deficits.diagnosed_share': 50 } })
    expect(await audits()).toBe(before + 3)

    const ids = (items: MeasureView[]) => items.map((i) => i.id)
    expect(ids(await list('mun-a', tree.munA))).toEqual([m.id, later.id])
    expect(ids(await list('mun-a', tree.munA, '&overdue=true'))).toEqual([m.id])
    expect(ids(await list('mun-a', tree.munA, '&overdue=false'))).toEqual([later.id])
    expect(ids(await list('mun-a', tree.munA, '&status=in_progress'))).toEqual([later.id])
    expect(ids(await list('mun-a', tree.munA, '&plugin=deficits'))).toEqual([m.id])
    expect(ids(await list('mun-a', tree.munA, '&indicator=deficits.diagnosed_share'))).toEqual([m.id])
    expect(ids(await list('mun-a', tree.munA, `&responsible=${encodeURIComponent('иванова')}`))).toEqual([m.id])
    expect(await list('region', tree.munA, '', '2025-26')).toEqual([])
  })

  it('refuses bad input naming the field, writing nothing', async () => {
    const before = await audits()
    const other = await t.as('mun-b').call<{ id: number }[]>('POST', '/api/recommendations', {
      period: P,
      addressee: 'teachers',
      orgUnits: [tree.schoolB1],
      text: 'Чужая',
    })
    expect(other.status, JSON.stringify(other.body)).toBe(201)
    const foreign = (other.body as unknown as { items: { id: number }[] }).items[0]!.id
    const cases: [Record<string, unknown>, string][] = [
      [{ startsOn: '2025-01-10', dueOn: '2025-01-01' }, 'dueOn'],
      [{ indicators: ['deficits.diagnosed_share', 'nope.nothing'] }, 'indicators[1]'],
      [{ recommendations: [foreign] }, 'recommendations[0]'],
      [{ recommendations: [999_999] }, 'recommendations[0]'],
      [{ indicators: [], expected: { 'deficits.diagnosed_share': 10 } }, 'expected.deficits.diagnosed_share'],
    ]
    for (const [body, path] of cases) {
      const res = await t.as('mun-a').call<Problem>('POST', '/api/measures', { ...base(), ...body })
      expect(res.status, JSON.stringify(res.body)).toBe(400)
      expect(res.body.error.details.map((d) => d.path)).toContain(path)
    }
    // A recommendation the region sees but addressed to another municipality: foreign to munA.
    const asRegion = await t.as('region').call<Problem>('POST', '/api/measures', {
      ...base(),
      recommendations: [foreign],
    })
    expect(asRegion.status).toBe(400)
    expect(asRegion.body.error.details.map((d) => d.path)).toEqual(['recommendations[0]'])
    expect(await audits()).toBe(before)
  })

  it('keeps siblings apart: a foreign unit or measure is a 403, never an empty list', async () => {
    const m = await create({ title: 'Только для А' })
    expect((await t.as('mun-b').call('GET', `/api/measures?orgUnit=${tree.munA}&period=${P}`)).status).toBe(403)
    expect((await t.as('mun-b').call('GET', `/api/measures/${m.id}`)).status).toBe(403)
    expect((await t.as('mun-b').call('PUT', `/api/measures/${m.id}`, { title: 'x' })).status).toBe(403)
    expect((await t.as('mun-b').call('DELETE', `/api/measures/${m.id}`)).status).toBe(403)
    expect((await t.as('mun-b').call('POST', '/api/measures', base())).status).toBe(403)
    expect((await t.as('analyst-a').call('POST', '/api/measures', base())).status).toBe(403)
    expect((await t.as('mun-a').call('DELETE', `/api/measures/${m.id}`)).status).toBe(204)
    expect((await t.as('mun-a').call('GET', `/api/measures/${m.id}`)).status).toBe(404)
  })

  it('records progress, also by the school operator of the school, and locks a done measure until reopened', async () => {
    const school = await create({ orgUnit: tree.schoolA1, title: 'Школьный семинар' })
    const entry = await t.as('oper-a1').call<ProgressView>('POST', `/api/measures/${school.id}/progress`, {
      date: '2024-11-05',
      text: 'Проведён первый семинар',
    })
    expect(entry.status, JSON.stringify(entry.body)).toBe(201)
    expect(entry.body).toMatchObject({ measure: school.id, date: '2024-11-05', author: 'oper-a1' })
    expect(
      (await t.as('analyst-a').call('POST', `/api/measures/${school.id}/progress`, { date: '2024-11-06', text: 'x' }))
        .status,
    ).toBe(403)
    expect((await t.as('oper-a1').call('PUT', `/api/measures/${school.id}`, { status: 'done' })).status).toBe(403)

    const done = await t.as('mun-a').call<MeasureView>('PUT', `/api/measures/${school.id}`, { status: 'done' })
    expect(done.body).toMatchObject({ status: 'done', overdue: false, progress: 1 })
    expect((await t.as('mun-a').call('PUT', `/api/measures/${school.id}`, { title: 'Другое' })).status).toBe(409)
    expect((await t.as('mun-a').call('DELETE', `/api/measures/${school.id}`)).status).toBe(409)
    expect(
      (await t.as('oper-a1').call('POST', `/api/measures/${school.id}/progress`, { date: '2024-12-01', text: 'ещё' }))
        .status,
    ).toBe(409)
    expect(
      (await t.as('mun-a').call('PUT', `/api/measures/${school.id}`, { status: 'in_progress', title: 'Другое' }))
        .status,
    ).toBe(409)
    const reopened = await t.as('mun-a').call<MeasureView>('PUT', `/api/measures/${school.id}`, {
      status: 'in_progress',
    })
    expect(reopened.status).toBe(200)
    expect(reopened.body.status).toBe('in_progress')
  })

  it('keeps a document with a progress entry (checked by content) for whoever reads the unit', async () => {
    const m = await create({ orgUnit: tree.schoolA1, title: 'Отчёт с файлом' })
    const res = await requestAs(
      t,
      'oper-a1',
      'POST',
      `/api/measures/${m.id}/progress`,
      uploadForm(PNG_BYTES, 'Фото.pdf', { date: '2024-11-10', text: 'Фотоотчёт' }),
    )
    const entry = (await res.json()) as ProgressView
    expect(res.status, JSON.stringify(entry)).toBe(201)
    expect(entry.documents).toEqual([
      { id: expect.any(Number), fileName: 'Фото.png', mime: 'image/png', size: PNG_BYTES.length },
    ])
    const file = await t.as('mun-a').download(`/api/measure-documents/${entry.documents[0]!.id}/content`)
    expect(file.status).toBe(200)
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG_BYTES)
    expect((await t.as('mun-b').download(`/api/measure-documents/${entry.documents[0]!.id}/content`)).status).toBe(403)
    const text = await requestAs(
      t,
      'oper-a1',
      'POST',
      `/api/measures/${m.id}/progress`,
      uploadForm(new TextEncoder().encode('not a pdf at all'), 'a.pdf', { date: '2024-11-10', text: 'x' }),
    )
    expect(text.status).toBe(415)
    expect((await requestAs(t, 'oper-a1', 'POST', `/api/measures/${m.id}/progress`)).status).toBe(400)
    const listed = await list('oper-a1', tree.schoolA1)
    expect(listed.find((x) => x.id === m.id)!.progress).toBe(1)
  })

  it('makes the 31 roadmap items of seed 004 measures due inside the cycle, once', async () => {
    const tpl = await t.call<{ templates: { code: string; items: { code: string; group: string }[] }[] }>(
      'GET',
      '/api/measure-templates',
    )
    expect(tpl.status).toBe(200)
    const seed = tpl.body.templates.find((x) => x.code === 'seed-004')!
    expect(seed.items).toHaveLength(31)
    expect(new Set(seed.items.map((i) => i.group))).toEqual(
      new Set(['goals', 'indicators', 'monitoring', 'analysis', 'measures', 'decisions', 'effectiveness']),
    )
    // The region moved its monitoring deadline: the monitoring item follows it.
    const campaign = await t.call('PUT', `/api/campaigns?region=${tree.region}&period=${P}`, {
      monitoringDue: '2025-01-25',
      analysisDue: '2025-03-30',
      measuresDue: '2025-12-31',
      effectivenessDue: '2026-08-31',
    })
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(200)
    const made = await t.as('region').call<{ created: number }>('POST', '/api/measures/from-template', {
      orgUnit: tree.munB,
      period: P,
      template: 'seed-004',
    })
    expect(made.status, JSON.stringify(made.body)).toBe(200)
    expect(made.body.created).toBe(31)
    const items = await list('mun-b', tree.munB)
    expect(items).toHaveLength(31)
    for (const m of items) {
      expect(m.dueOn >= '2024-09-01' && m.dueOn <= '2026-08-31', `${m.template} ${m.dueOn}`).toBe(true)
      expect(m.startsOn <= m.dueOn).toBe(true)
    }
    const due = (code: string) => items.find((m) => m.template === code)!.dueOn
    expect(due('seed-004.2')).toBe('2024-11-30')
    expect(due('seed-004.6')).toBe('2025-01-25')
    expect(due('seed-004.8')).toBe('2025-03-30')
    expect(due('seed-004.11')).toBe('2025-08-31')
    expect(due('seed-004.20')).toBe('2025-12-31')
    expect(due('seed-004.31')).toBe('2026-08-31')
    const again = await t.as('mun-b').call<{ created: number }>('POST', '/api/measures/from-template', {
      orgUnit: tree.munB,
      period: P,
      template: 'seed-004',
    })
    expect(again.body.created).toBe(0)
    expect(await list('mun-b', tree.munB)).toHaveLength(31)
    expect(
      (
        await t
          .as('mun-a')
          .call('POST', '/api/measures/from-template', { orgUnit: tree.munB, period: P, template: 'seed-004' })
      ).status,
    ).toBe(403)
    const bad = await t.as('mun-b').call<Problem>('POST', '/api/measures/from-template', {
      orgUnit: tree.munB,
      period: P,
      template: 'nope',
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details[0]!.path).toBe('template')
  })

  it("pushes a region's measure down to each municipality once", async () => {
    const r = await create({ orgUnit: tree.region, title: 'Региональный конкурс' }, 'region')
    const push = await t.as('region').call<{ created: number }>('POST', `/api/measures/${r.id}/push-down`)
    expect(push.status, JSON.stringify(push.body)).toBe(200)
    expect(push.body.created).toBe(2)
    const again = await t.as('region').call<{ created: number }>('POST', `/api/measures/${r.id}/push-down`)
    expect(again.body.created).toBe(0)
    for (const [login, unit] of [
      ['mun-a', tree.munA],
      ['mun-b', tree.munB],
    ] as const) {
      const copies = (await list(login, unit)).filter((m) => m.parent === r.id)
      expect(copies).toHaveLength(1)
      expect(copies[0]).toMatchObject({ title: 'Региональный конкурс', status: 'planned', orgUnit: unit })
    }
    expect((await t.as('mun-a').call('POST', `/api/measures/${r.id}/push-down`)).status).toBe(403)
    const mun = await create({ title: 'Муниципальное' })
    expect((await t.as('mun-a').call('POST', `/api/measures/${mun.id}/push-down`)).status).toBe(400)
  })
})
