import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import type { AnalyticsRow } from '../analytics/analytics.ts'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const P = '2025-26'
const PREV = '2024-25'

interface LocalIndicator {
  code: string
  revision: number
  archived: boolean
  owner: { id: number; name: string }
  usage: { orgUnits: number }
}
interface ErrorBody {
  error: { code: string; details: { path: string; position?: number; code?: string }[] }
}

describe(`local indicators on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  let shareCode: string
  const share = {
    title: 'Доля педагогов, прошедших диагностику (местная)',
    kind: 'share',
    numerator: '#{deficits.diagnosed}',
    denominator: '#{core.teachers_total}',
  }
  const analytics = async (login: string, query: string) => {
    const res = await t.as(login).call<{ rows: AnalyticsRow[] }>('GET', `/api/analytics?${query}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.rows
  }
  const totals = (rows: AnalyticsRow[], code: string) =>
    rows.filter((r) => r.indicator === code && r.option === null).map((r) => [r.orgUnit, r.period, r.value, r.revision])

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('coord-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    await t.createUser('coord-b', [{ role: 'municipal_coordinator', orgUnit: tree.munB }])
    await t.createUser('region', [{ role: 'region_admin', orgUnit: tree.region }])
    await t.createUser('oper-a1', [{ role: 'school_operator', orgUnit: tree.schoolA1 }])
    const v = (orgUnit: number, period: string, element: string, value: number) => ({
      orgUnit,
      period,
      element: element.includes('.') ? element : `deficits.${element}`,
      value,
    })
    const res = await t.call('POST', '/api/data-values', {
      values: [
        // 2025-26: A1 3 of 10, A2 1 of 90, A3 nothing, B1 5 of 20. 2024-25: A1 2 of 10, A2 8 of 90.
        v(tree.schoolA1, P, 'core.teachers_total', 10),
        v(tree.schoolA1, P, 'diagnosed', 3),
        v(tree.schoolA2, P, 'core.teachers_total', 90),
        v(tree.schoolA2, P, 'diagnosed', 1),
        v(tree.schoolB1, P, 'core.teachers_total', 20),
        v(tree.schoolB1, P, 'diagnosed', 5),
        v(tree.schoolA1, PREV, 'core.teachers_total', 10),
        v(tree.schoolA1, PREV, 'diagnosed', 2),
        v(tree.schoolA2, PREV, 'core.teachers_total', 90),
        v(tree.schoolA2, PREV, 'diagnosed', 8),
      ],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const created = await t.as('coord-a').call<LocalIndicator>('POST', '/api/local-indicators', {
      orgUnit: tree.munA,
      ...share,
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    shareCode = created.body.code
  })
  afterAll(() => t.close())

  it('names the indicator after its owner and title, revision 1', () => {
    expect(shareCode).toBe(`local.${tree.munA}.dolya_pedagogov_proshedshih_diagnostiku`)
  })

  it("rolls the municipality's value up as Σnumerators / Σdenominators of its schools: 3/10 and 1/90 → 4 %", async () => {
    const self = await analytics('coord-a', `orgUnit=${tree.munA}&period=${P}&indicator=${shareCode}`)
    expect(self.find((r) => r.option === null)).toMatchObject({ numerator: 4, denominator: 100, value: 4, revision: 1 })
    const children = await analytics('coord-a', `orgUnit=${tree.munA}&period=${P}&level=children`)
    expect(totals(children, shareCode)).toEqual([
      [tree.schoolA1, P, 30, 1],
      [tree.schoolA2, P, 1.111111, 1],
      [tree.schoolA3, P, null, 1],
    ])
    // A school of the owner sees it too.
    const school = await analytics('oper-a1', `orgUnit=${tree.schoolA1}&period=${P}`)
    expect(totals(school, shareCode)).toEqual([[tree.schoolA1, P, 30, 1]])
  })

  it('refuses an unknown code and a syntax error with the field, position and code', async () => {
    const typo = await t.as('coord-a').call<ErrorBody>('POST', '/api/local-indicators', {
      ...share,
      orgUnit: tree.munA,
      numerator: '#{deficits.diagnosed} + #{deficits.typo}',
    })
    expect(typo.status).toBe(400)
    expect(typo.body.error.details).toEqual([
      expect.objectContaining({ path: 'numerator', position: 24, code: 'deficits.typo' }),
    ])
    const syntax = await t.as('coord-a').call<ErrorBody>('POST', '/api/local-indicators/preview', {
      ...share,
      orgUnit: tree.munA,
      denominator: '#{core.teachers_total} /',
    })
    expect(syntax.status).toBe(400)
    expect(syntax.body.error.details[0]).toMatchObject({ path: 'denominator' })
    expect(typeof syntax.body.error.details[0]!.position).toBe('number')
  })

  it('refuses a foreign org unit with 403 and a school operator with 403', async () => {
    const foreign = await t.as('coord-a').call<ErrorBody>('POST', '/api/local-indicators', {
      ...share,
      orgUnit: tree.munB,
    })
    expect(foreign.status).toBe(403)
    const school = await t.as('oper-a1').call('POST', '/api/local-indicators', { ...share, orgUnit: tree.munA })
    expect(school.status).toBe(403)
    const edit = await t.as('coord-b').call('PUT', `/api/local-indicators/${shareCode}`, share)
    expect(edit.status).toBe(403)
  })

  it('shows nothing of it to a sibling municipality', async () => {
    const rows = await analytics('coord-b', `orgUnit=${tree.munB}&period=${P}`)
    expect(rows.some((r) => r.indicator.startsWith('local.'))).toBe(false)
    const asked = await t.as('coord-b').call('GET', `/api/analytics?orgUnit=${tree.munB}&indicator=${shareCode}`)
    expect(asked.status).toBe(400)
    const defs = await t.as('coord-b').call('GET', '/api/definitions')
    expect(JSON.stringify(defs.body)).not.toContain(shareCode)
    const list = await t
      .as('coord-b')
      .call<{ indicators: LocalIndicator[] }>('GET', `/api/local-indicators?orgUnit=${tree.munB}`)
    expect(list.body.indicators).toEqual([])
    const own = await t.as('coord-a').call('GET', '/api/definitions')
    expect(JSON.stringify(own.body)).toContain(shareCode)
  })

  it('previews a draft for the unit and its children without saving it', async () => {
    const res = await t.as('coord-a').call<{ rows: AnalyticsRow[] }>('POST', '/api/local-indicators/preview', {
      orgUnit: tree.munA,
      period: P,
      kind: 'share',
      numerator: '#{deficits.diagnosed}',
      denominator: '#{core.teachers_total}',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.rows.filter((r) => r.option === null).map((r) => [r.orgUnit, r.value])).toEqual([
      [tree.munA, 4],
      [tree.schoolA1, 30],
      [tree.schoolA2, 1.111111],
      [tree.schoolA3, null],
    ])
  })

  it('writes a local data element through POST /api/data-values in the owner subtree only, and uses it', async () => {
    const el = await t.as('coord-a').call<{ code: string }>('POST', '/api/local-data-elements', {
      orgUnit: tree.munA,
      title: 'Наставники',
      valueType: 'integer',
    })
    expect(el.status, JSON.stringify(el.body)).toBe(201)
    expect(el.body.code).toBe(`local.${tree.munA}.nastavniki`)
    const ok = await t.as('coord-a').call('POST', '/api/data-values', {
      values: [
        { orgUnit: tree.schoolA1, period: P, element: el.body.code, value: 2 },
        { orgUnit: tree.schoolA2, period: P, element: el.body.code, value: 3 },
      ],
    })
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    const elsewhere = await t.call<ErrorBody>('POST', '/api/data-values', {
      values: [{ orgUnit: tree.schoolB1, period: P, element: el.body.code, value: 1 }],
    })
    expect(elsewhere.status).toBe(400)
    expect(elsewhere.body.error.details[0]).toMatchObject({ path: 'values[0].element' })
    const elements = await t
      .as('coord-a')
      .call<{ elements: { code: string }[] }>('GET', `/api/data-elements?orgUnit=${tree.munA}`)
    expect(elements.body.elements.map((e) => e.code)).toContain(el.body.code)
    const sibling = await t.as('coord-b').call<{ elements: { code: string }[] }>('GET', '/api/data-elements')
    expect(sibling.body.elements.map((e) => e.code)).not.toContain(el.body.code)

    const mentors = await t.as('coord-a').call<LocalIndicator>('POST', '/api/local-indicators', {
      orgUnit: tree.munA,
      title: { ru: 'Доля наставников', en: 'Mentors' },
      kind: 'share',
      numerator: `#{${el.body.code}}`,
      denominator: '#{core.teachers_total}',
    })
    expect(mentors.status, JSON.stringify(mentors.body)).toBe(201)
    // (2 + 3) mentors of (10 + 90) teachers → 5 %
    const rows = await analytics('coord-a', `orgUnit=${tree.munA}&period=${P}&indicator=${mentors.body.code}`)
    expect(rows[0]).toMatchObject({ numerator: 5, denominator: 100, value: 5 })
  })

  it('keeps the old revision for earlier periods after an edit', async () => {
    const res = await t.as('coord-a').call<LocalIndicator>('PUT', `/api/local-indicators/${shareCode}`, {
      ...share,
      numerator: '#{deficits.diagnosed} * 2',
      validFrom: P,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.revision).toBe(2)
    const rows = await analytics('coord-a', `orgUnit=${tree.munA}&period=${P}&period=${PREV}&indicator=${shareCode}`)
    // 2024-25, revision 1: (2 + 8) / 100 → 10 %; 2025-26, revision 2: 2 × (3 + 1) / 100 → 8 %
    expect(totals(rows, shareCode)).toEqual([
      [tree.munA, P, 8, 2],
      [tree.munA, PREV, 10, 1],
    ])
  })

  it("lists every municipality's local indicators to the region admin, with owner and usage", async () => {
    const res = await t
      .as('region')
      .call<{ indicators: LocalIndicator[] }>('GET', `/api/local-indicators?orgUnit=${tree.region}`)
    expect(res.status).toBe(200)
    const found = res.body.indicators.find((i) => i.code === shareCode)!
    expect(found).toMatchObject({ revision: 2, archived: false, owner: { id: tree.munA, name: 'Алексеевский район' } })
    // A1 and A2 have data for its elements; A3 has none.
    expect(found.usage.orgUnits).toBe(2)
  })

  it('archives: no longer evaluated, listed as archived, audited', async () => {
    const res = await t.as('coord-a').call<LocalIndicator>('DELETE', `/api/local-indicators/${shareCode}`)
    expect(res.status).toBe(200)
    expect(res.body.archived).toBe(true)
    const rows = await analytics('coord-a', `orgUnit=${tree.munA}&period=${P}`)
    expect(rows.some((r) => r.indicator === shareCode)).toBe(false)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'local_indicator')
      .where('entity_key', '=', shareCode)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'archive'])
  })
})
