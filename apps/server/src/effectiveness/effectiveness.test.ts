import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { PNG_BYTES } from '../collection/evidence/test-documents.ts'
import { requestAs } from '../collection/xlsx/test-workbook.ts'
import type { CycleView } from '../cycle/cycle.ts'
import type { DecisionView } from '../decisions/decisions.ts'
import type { MeasureView } from '../measures/measures.ts'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'
import type { Effectiveness, MeasureEffect } from './effectiveness.ts'

const T = '2024-25'
const NEXT = '2025-26'
const SHARE = 'deficits.diagnosed_share'
// The smallest PDF file-type recognises: the magic number and a trailer.
const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')

type Problem = { error: { details: { path: string; message: string }[] } }

describe(`decisions, effectiveness and the cycle on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  const measure = async (body: Record<string, unknown>, login = 'mun-a') => {
    const res = await t.as(login).call<MeasureView>('POST', '/api/measures', {
      orgUnit: tree.munA,
      period: T,
      title: 'Мера',
      startsOn: '2024-10-01',
      dueOn: '2025-05-31',
      responsible: { name: 'Петрова А. А.', position: 'методист' },
      ...body,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body
  }
  const effectiveness = async (login: string, orgUnit: number, period = T) => {
    const res = await t.as(login).call<Effectiveness>('GET', `/api/effectiveness?orgUnit=${orgUnit}&period=${period}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body
  }
  const values = async (rows: [number, string, string, number][]) => {
    const res = await t.call('POST', '/api/data-values', {
      values: rows.map(([orgUnit, period, element, value]) => ({ orgUnit, period, element, value })),
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
  const postDecision = async (
    login: string,
    data: Record<string, unknown>,
    file?: { bytes: Uint8Array; name: string },
  ) => {
    const form = new FormData()
    form.set('data', JSON.stringify(data))
    if (file) form.set('file', new File([new Uint8Array(file.bytes)], file.name))
    const res = await requestAs(t, login, 'POST', '/api/decisions', form)
    return { status: res.status, body: (await res.json()) as DecisionView & Problem }
  }

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('region', [{ role: 'region_admin', orgUnit: tree.region }])
    await t.createUser('mun-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    await t.createUser('mun-b', [{ role: 'municipal_coordinator', orgUnit: tree.munB }])
    await t.createUser('oper-a1', [{ role: 'school_operator', orgUnit: tree.schoolA1 }])
    await t.createUser('analyst-a', [{ role: 'analyst', orgUnit: tree.munA }])
    // munA: 15 % → 40 % (A1 10→20 of 50, A2 5→20 of 50); munB: 30 % → 20 % (B1 15→10 of 50).
    await values([
      [tree.schoolA1, T, 'core.teachers_total', 50],
      [tree.schoolA1, T, 'deficits.diagnosed', 10],
      [tree.schoolA2, T, 'core.teachers_total', 50],
      [tree.schoolA2, T, 'deficits.diagnosed', 5],
      [tree.schoolA1, NEXT, 'core.teachers_total', 50],
      [tree.schoolA1, NEXT, 'deficits.diagnosed', 20],
      [tree.schoolA2, NEXT, 'core.teachers_total', 50],
      [tree.schoolA2, NEXT, 'deficits.diagnosed', 20],
      [tree.schoolB1, T, 'core.teachers_total', 50],
      [tree.schoolB1, T, 'deficits.diagnosed', 15],
      [tree.schoolB1, NEXT, 'core.teachers_total', 50],
      [tree.schoolB1, NEXT, 'deficits.diagnosed', 10],
    ])
  })
  afterAll(() => t.close())

  it('judges each measure from the analytics at t and t+1: effective, not effective, no data; polarity and gap respected', async () => {
    const up = await measure({ title: 'Диагностика всех педагогов', indicators: [SHARE], expected: { [SHARE]: 35 } })
    const slow = await measure({ title: 'Медленная мера', indicators: [SHARE], expected: { [SHARE]: 90 } })
    const none = await measure({
      title: 'Без данных',
      indicators: ['deficits.iom_share'],
      expected: { 'deficits.iom_share': 50 },
    })
    const down = await measure(
      { orgUnit: tree.munB, title: 'Мера района Б', indicators: [SHARE], expected: { [SHARE]: 35 } },
      'mun-b',
    )
    const e = await effectiveness('mun-a', tree.munA)
    expect(e.nextPeriod).toBe(NEXT)
    const byId = new Map(e.measures.map((m) => [m.id, m]))
    expect(byId.get(up.id)).toMatchObject({
      verdict: 'effective',
      indicators: [{ indicator: SHARE, baseline: 15, after: 40, expected: 35, change: 25, verdict: 'effective' }],
    })
    // 15 → 40 against 90: not reached, but moved 25 points, more than the 1-point effective gap.
    expect(byId.get(slow.id)!.verdict).toBe('effective')
    expect(byId.get(none.id)).toMatchObject({
      verdict: 'no_data',
      indicators: [{ baseline: null, after: null, change: null, verdict: 'no_data' }],
    })
    expect(e.summary.total).toEqual({ effective: 2, partly: 0, not_effective: 0, no_data: 1 })
    // A sibling's measures are not in munA's view, and munA cannot read munB's.
    expect(byId.has(down.id)).toBe(false)
    expect((await t.as('mun-a').call('GET', `/api/effectiveness?orgUnit=${tree.munB}&period=${T}`)).status).toBe(403)
    const b = await effectiveness('mun-b', tree.munB)
    expect(b.measures[0]).toMatchObject({
      verdict: 'not_effective',
      indicators: [{ baseline: 30, after: 20, change: -10, verdict: 'not_effective' }],
    })
    // The region sees its municipalities' counts side by side.
    const region = await effectiveness('region', tree.region)
    expect(region.summary.children).toEqual([
      {
        orgUnit: tree.munA,
        orgUnitName: 'Алексеевский район',
        counts: { effective: 2, partly: 0, not_effective: 0, no_data: 1 },
      },
      {
        orgUnit: tree.munB,
        orgUnitName: 'Борисовский район',
        counts: { effective: 0, partly: 0, not_effective: 1, no_data: 0 },
      },
    ])
    // A lower-is-better target with a wider effective gap: the same figures move the other way.
    const gap = await t.call('PUT', '/api/targets', {
      indicator: SHARE,
      period: T,
      orgUnit: tree.munB,
      value: 10,
      effectiveGap: 15,
    })
    expect(gap.status, JSON.stringify(gap.body)).toBe(200)
    expect((await effectiveness('mun-b', tree.munB)).measures[0]!.indicators[0]!.effectiveGap).toBe(15)
  })

  it('takes the comment of the responsible, never a verdict; carries a not-effective measure into t+1 as a proposal', async () => {
    const b = (await effectiveness('mun-b', tree.munB)).measures[0]!
    const comment = await t
      .as('mun-b')
      .call<{ comment: MeasureEffect['comment'] }>('PUT', `/api/effectiveness/${b.id}/comment`, {
        text: 'Диагностика перенесена на весну',
      })
    expect(comment.status, JSON.stringify(comment.body)).toBe(200)
    expect(comment.body.comment).toMatchObject({ text: 'Диагностика перенесена на весну', author: 'mun-b' })
    expect(
      (await t.as('mun-b').call('PUT', `/api/effectiveness/${b.id}/comment`, { verdict: 'effective', text: 'x' }))
        .status,
    ).toBe(400)
    expect((await t.as('mun-a').call('PUT', `/api/effectiveness/${b.id}/comment`, { text: 'чужое' })).status).toBe(403)
    expect((await t.as('analyst-a').call('PUT', `/api/effectiveness/${b.id}/comment`, { text: 'x' })).status).toBe(403)

    const carried = await t.as('mun-b').call<MeasureView>('POST', `/api/measures/${b.id}/carry`)
    expect(carried.status, JSON.stringify(carried.body)).toBe(201)
    expect(carried.body).toMatchObject({
      period: NEXT,
      status: 'proposed',
      carriedFrom: b.id,
      title: 'Мера района Б',
      indicators: [SHARE],
      startsOn: '2025-10-01',
      dueOn: '2026-05-31',
      overdue: false,
    })
    const again = await t.as('mun-b').call<MeasureView>('POST', `/api/measures/${b.id}/carry`)
    expect(again.status).toBe(200)
    expect(again.body.id).toBe(carried.body.id)
    expect((await effectiveness('mun-b', tree.munB)).measures[0]!.carriedTo).toBe(carried.body.id)
    // A person confirms the proposal by planning it.
    const confirmed = await t
      .as('mun-b')
      .call<MeasureView>('PUT', `/api/measures/${carried.body.id}`, { status: 'planned' })
    expect(confirmed.body.status).toBe('planned')
    // Nothing after the last period to carry into.
    expect((await t.as('mun-b').call('POST', `/api/measures/${carried.body.id}/carry`)).status).toBe(400)
  })

  it('registers a decision with its PDF, links it to measures and shows what it changed; refuses bad input whole', async () => {
    const m = await measure({ title: 'Курсы ЦНППМ', indicators: [SHARE], expected: { [SHARE]: 35 } })
    const made = await postDecision(
      'mun-a',
      {
        orgUnit: tree.munA,
        period: T,
        kind: 'order',
        number: '112-од',
        date: '2024-09-20',
        title: 'Об организации диагностики профессиональных дефицитов',
        issuer: 'Управление образования',
        measures: [m.id],
        indicators: [SHARE],
      },
      { bytes: PDF_BYTES, name: 'Приказ 112.pdf' },
    )
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    expect(made.body.document).toMatchObject({ fileName: 'Приказ 112.pdf', mime: 'application/pdf' })
    const doc = await t.as('analyst-a').download(`/api/decisions/${made.body.id}/document`)
    expect(doc.status).toBe(200)
    expect(
      Buffer.from(await doc.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    expect((await t.as('mun-b').call('GET', `/api/decisions/${made.body.id}`)).status).toBe(403)

    const page = await t
      .as('mun-a')
      .call<DecisionView & { changes: { measures: MeasureEffect[]; indicators: unknown[] } }>(
        'GET',
        `/api/decisions/${made.body.id}`,
      )
    expect(page.body.changes.measures).toMatchObject([
      { id: m.id, verdict: 'effective', indicators: [{ baseline: 15, after: 40 }] },
    ])
    expect(page.body.changes.indicators).toEqual([
      { indicator: SHARE, title: expect.any(String), before: 15, after: 40, change: 25 },
    ])
    const e = await effectiveness('mun-a', tree.munA)
    expect(e.measures.find((x) => x.id === m.id)!.decisions).toEqual([
      { id: made.body.id, kind: 'order', number: '112-од', date: '2024-09-20', title: expect.any(String) },
    ])
    expect(e.summary.byPlugin.find((p) => p.plugin === 'deficits')!.decisions).toBe(1)

    // Searchable.
    const found = await t
      .as('mun-a')
      .call<{ items: DecisionView[] }>(
        'GET',
        `/api/decisions?orgUnit=${tree.munA}&q=${encodeURIComponent('112 диагност')}`,
      )
    expect(found.body.items.map((d) => d.id)).toEqual([made.body.id])
    const missing = await t
      .as('mun-a')
      .call<{ items: DecisionView[] }>('GET', `/api/decisions?orgUnit=${tree.munA}&q=${encodeURIComponent('бюджет')}`)
    expect(missing.body.items).toEqual([])

    // A PNG is no decision document; a foreign measure, an unknown indicator: 400 naming each, nothing stored.
    const count = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('decision')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const before = await count()
    const png = await postDecision(
      'mun-a',
      { orgUnit: tree.munA, period: T, kind: 'order', number: '1', date: '2024-09-20', title: 'x', issuer: 'y' },
      { bytes: PNG_BYTES, name: 'order.pdf' },
    )
    expect(png.status).toBe(415)
    const foreign = (await effectiveness('mun-b', tree.munB)).measures[0]!.id
    const bad = await t.as('mun-a').call<Problem>('POST', '/api/decisions', {
      orgUnit: tree.munA,
      period: T,
      kind: 'order',
      number: '2',
      date: '2024-09-20',
      title: 'x',
      issuer: 'y',
      measures: [foreign],
      indicators: ['deficits.nope'],
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.map((d) => d.path).sort()).toEqual(['indicators[0]', 'measures[0]'])
    expect(
      (await t.as('mun-a').call('POST', '/api/decisions', { orgUnit: tree.munA, period: T, kind: 'decree' })).status,
    ).toBe(400)
    expect((await t.as('analyst-a').call('DELETE', `/api/decisions/${made.body.id}`)).status).toBe(403)
    expect(await count()).toBe(before)
  })

  it('shows each cycle component present only when its record exists, and the region its municipalities side by side', async () => {
    const cycle = async (login: string, orgUnit: number, extra = '') => {
      const res = await t.as(login).call<CycleView>('GET', `/api/cycle?orgUnit=${orgUnit}&period=${NEXT}${extra}`)
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      return res.body
    }
    const deficits = async () => (await cycle('mun-a', tree.munA)).directions.find((d) => d.plugin === 'deficits')!
    const present = async () => (await deficits()).components.filter((c) => c.present).map((c) => c.component)
    const first = await deficits()
    expect(first.components.map((c) => c.component)).toEqual([
      'goals',
      'indicators',
      'collection',
      'monitoring',
      'analysis',
      'recommendations',
      'measures',
      'decisions',
      'effectiveness',
    ])
    expect(await present()).toEqual(['indicators'])
    let score = first.score

    const rises = async (component: string, step: () => Promise<unknown>) => {
      await step()
      const now = await deficits()
      expect(now.components.find((c) => c.component === component)!.present, component).toBe(true)
      expect(now.score, component).toBeGreaterThan(score)
      score = now.score
    }
    await rises('goals', () =>
      t.as('region').call('PUT', '/api/targets', { indicator: SHARE, period: NEXT, orgUnit: tree.region, value: 40 }),
    )
    await rises('collection', () =>
      t.as('region').call('PUT', `/api/campaigns?region=${tree.region}&period=${NEXT}`, {
        monitoringDue: '2026-01-20',
        analysisDue: '2026-03-30',
        measuresDue: '2026-12-31',
        effectivenessDue: '2027-08-31',
      }),
    )
    await rises('monitoring', async () => {
      for (const school of [tree.schoolA1, tree.schoolA2, tree.schoolA3]) {
        await t.call('POST', `/api/submissions/${school}/${NEXT}/deficits/submit`, {})
        await t.as('mun-a').call('POST', `/api/submissions/${school}/${NEXT}/deficits/approve`, {})
      }
      await t.as('mun-a').call('POST', `/api/submissions/${tree.munA}/${NEXT}/deficits/submit`, {})
      const approved = await t.as('region').call('POST', `/api/submissions/${tree.munA}/${NEXT}/deficits/approve`, {})
      expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    })
    await rises('analysis', async () => {
      const saved = await t.as('mun-a').call<{ id: number; version: number }>('PUT', '/api/conclusions', {
        orgUnit: tree.munA,
        period: NEXT,
        plugin: 'deficits',
        body: { blocks: [{ type: 'paragraph', runs: [{ text: 'Вывод' }] }] },
      })
      expect(saved.status, JSON.stringify(saved.body)).toBe(200)
      expect((await t.as('mun-a').call('POST', `/api/conclusions/${saved.body.id}/publish`)).status).toBe(200)
    })
    await rises('recommendations', async () => {
      const made = await t.as('mun-a').call<{ items: { id: number }[] }>('POST', '/api/recommendations', {
        period: NEXT,
        addressee: 'school_leadership',
        orgUnits: [tree.schoolA1],
        plugin: 'deficits',
        text: 'Провести диагностику',
      })
      expect(made.status, JSON.stringify(made.body)).toBe(201)
      await t.as('mun-a').call('POST', `/api/recommendations/${made.body.items[0]!.id}/publish`)
    })
    let planned = 0
    await rises('measures', async () => {
      planned = (await measure({ period: NEXT, startsOn: '2025-10-01', dueOn: '2026-05-31', indicators: [SHARE] })).id
    })
    await rises('decisions', async () => {
      const res = await t.as('mun-a').call('POST', '/api/decisions', {
        orgUnit: tree.munA,
        period: NEXT,
        kind: 'instruction',
        number: '7',
        date: '2025-10-02',
        title: 'О мерах',
        issuer: 'Управление образования',
        measures: [planned],
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
    })
    await rises('effectiveness', async () => {
      for (const m of (await effectiveness('mun-a', tree.munA)).measures)
        expect(
          (await t.as('mun-a').call('PUT', `/api/effectiveness/${m.id}/comment`, { text: 'Выполнено' })).status,
        ).toBe(200)
    })
    expect(score).toBe(100)

    const matrix = await cycle('region', tree.region, '&level=children')
    expect(matrix.children!.map((c) => c.orgUnitName)).toEqual(['Алексеевский район', 'Борисовский район'])
    const [a, b] = matrix.children!
    expect(a!.directions.find((d) => d.plugin === 'deficits')!.score).toBe(100)
    expect(b!.directions.find((d) => d.plugin === 'deficits')!.score).toBeLessThan(100)
    expect((await t.as('mun-a').call('GET', `/api/cycle?orgUnit=${tree.region}&period=${NEXT}`)).status).toBe(403)
    expect(
      (await t.as('mun-a').call('GET', `/api/cycle?orgUnit=${tree.schoolA1}&period=${NEXT}&level=children`)).status,
    ).toBe(400)
  })
})
