import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from '@profmon/db'
import { testEngine } from '@profmon/db/testing'
import {
  columnOf,
  readWorkbook,
  requestAs,
  rowOf,
  uploadForm,
  workbookBytes,
} from '../collection/xlsx/test-workbook.ts'
import { LAYOUT } from '../collection/xlsx/layout.ts'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const P = '2025-26'
const SURNAME = 'Реестрова'

interface Derived {
  element: string
  source: 'registry' | 'entered'
  values: { option: string | null; value: number }[]
  people: { count: number; href: string } | null
}
interface FormAnswer {
  values: { element: string; option: string | null; value: unknown }[]
  derived: Derived[]
}

/**
 * The entry form of a region that keeps a teacher registry: derived elements come with their
 * source, counts and the people behind them; writes (the form's batch, the XLSX import) to
 * registry-sourced elements are refused whole; a campaign switched to "entered" lets them in again.
 */
describe(`derived elements in the entry form on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  const form = async (login: string, unit: number) => {
    const res = await t
      .as(login)
      .call<FormAnswer>('GET', `/api/data-values?orgUnit=${unit}&period=${P}&plugin=deficits`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body
  }
  const derivedOf = (answer: FormAnswer, code: string) => answer.derived.find((d) => d.element === code)

  beforeAll(async () => {
    t = await createTestApp({ plugins: ['deficits'] })
    tree = await createFixtureTree(t.deps.db)
    const db = t.deps.db
    // The campaign is open: its monitoring deadline lies ahead.
    const campaign = await t.call('PUT', `/api/campaigns?region=${tree.region}&period=${P}`, {
      monitoringDue: '2099-01-20',
      analysisDue: '2099-03-30',
      measuresDue: '2099-12-31',
      effectivenessDue: '2100-08-31',
    })
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(200)
    await t.createUser('oper-a1', [{ role: 'school_operator', orgUnit: tree.schoolA1 }])
    await t.createUser('analyst-r', [{ role: 'analyst', orgUnit: tree.region }])
    // Two teachers of school A1: one diagnosed with a route built on it, one not diagnosed.
    const person = async (surname: string, birth: string) => {
      const row = await sql<{ id: number }>`insert into person (region_id, surname, name, birth_date, experience_since)
        values (${tree.region}, ${surname}, 'Тест', ${birth}, '2015-09-01') returning id`.execute(db)
      const id = row.rows[0]!.id
      await sql`insert into employment (person_id, org_unit_id, position, starts_on, main)
        values (${id}, ${tree.schoolA1}, 'teacher', '2015-09-01', true)`.execute(db)
      return id
    }
    const diagnosed = await person(SURNAME, '1990-02-03')
    await person('Другова', '1980-06-07')
    const diag = await sql<{ id: number }>`insert into person_event (person_id, org_unit_id, kind, occurred_on)
      values (${diagnosed}, ${tree.schoolA1}, 'diagnostics', '2025-10-01') returning id`.execute(db)
    await sql`insert into person_event (person_id, org_unit_id, kind, occurred_on, based_on)
      values (${diagnosed}, ${tree.schoolA1}, 'iom', '2025-11-01', ${diag.rows[0]!.id})`.execute(db)
  })
  afterAll(() => t?.close())

  it('says every derived element is entered while the region keeps no registry', async () => {
    const answer = await form('oper-a1', tree.schoolA1)
    expect(answer.derived.length).toBeGreaterThan(0)
    expect(answer.derived.every((d) => d.source === 'entered' && d.people === null && !d.values.length)).toBe(true)
    expect(derivedOf(answer, 'deficits.majority_assessed')).toBeUndefined() // not derived: not listed
    const res = await t.as('oper-a1').call('POST', '/api/data-values', {
      values: [{ orgUnit: tree.schoolA1, period: P, element: 'deficits.iom_built', option: null, value: 7 }],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  })

  it('gives registry-sourced elements with their counts and the people behind them, no personal field', async () => {
    await sql`insert into registry_setting (region_id, enabled) values (${tree.region}, true)`.execute(t.deps.db)
    for (const login of ['oper-a1', 'analyst-r']) {
      const answer = await form(login, tree.schoolA1)
      expect(derivedOf(answer, 'deficits.iom_built')).toEqual({
        element: 'deficits.iom_built',
        source: 'registry',
        values: [{ option: null, value: 1 }],
        people: { count: 1, href: `/teachers?unit=${tree.schoolA1}&period=${P}` },
      })
      const total = derivedOf(answer, 'core.teachers_total')!
      expect(total.source).toBe('registry')
      expect(total.values.find((v) => v.option === null)?.value).toBe(2)
      expect(total.people?.count).toBe(2)
      expect(JSON.stringify(answer)).not.toContain(SURNAME)
    }
    // A school where nobody works: no data, not 0, and nobody behind it.
    const empty = derivedOf(await form('admin', tree.schoolA2), 'deficits.iom_built')!
    expect(empty).toMatchObject({ source: 'registry', values: [], people: { count: 0 } })
  })

  it('refuses a batch with a registry-sourced element whole, naming it', async () => {
    const res = await t
      .as('oper-a1')
      .call<{ error: { code: string; message: string; details: { path: string }[] } }>('POST', '/api/data-values', {
        values: [
          { orgUnit: tree.schoolA1, period: P, element: 'deficits.majority_assessed', option: null, value: true },
          { orgUnit: tree.schoolA1, period: P, element: 'deficits.iom_built', option: null, value: 5 },
        ],
      })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('registry_sourced')
    expect(res.body.error.message).toContain('deficits.iom_built')
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'values[1].element' })])
    const stored = await form('oper-a1', tree.schoolA1)
    expect(stored.values.find((v) => v.element === 'deficits.majority_assessed')).toBeUndefined()
    expect(stored.values.find((v) => v.element === 'deficits.iom_built')?.value).toBe(7) // the typed value stays
  })

  it('leaves registry-sourced columns out of the template and refuses an import that changes them', async () => {
    const template = await t.download(`/api/imports/template?orgUnit=${tree.schoolA1}&period=${P}&plugin=deficits`)
    expect(template.status).toBe(200)
    const wb = await readWorkbook(await template.arrayBuffer())
    const ws = wb.worksheets[0]!
    expect(() => columnOf(ws, 'deficits.iom_built')).toThrow()
    const assessed = columnOf(ws, 'deficits.majority_assessed')
    const row = rowOf(ws, tree.schoolA1)
    ws.getRow(row).getCell(assessed).value = 'да'
    // A column of a template from before the registry was switched on, with a changed value.
    const extra = ws.getRow(LAYOUT.codeRow).cellCount + 1
    ws.getRow(LAYOUT.codeRow).getCell(extra).value = 'deficits.iom_built'
    ws.getRow(row).getCell(extra).value = 9
    const res = await requestAs(
      t,
      'oper-a1',
      'POST',
      '/api/imports',
      uploadForm(await workbookBytes(wb), 'deficits.xlsx', { period: P, plugin: 'deficits' }),
    )
    const body = (await res.json()) as { ok: boolean; written: number; errors: { message: string; cell: string }[] }
    expect(res.status, JSON.stringify(body)).toBe(200)
    expect(body.ok).toBe(false)
    expect(body.written).toBe(0)
    expect(body.errors).toHaveLength(1)
    expect(body.errors[0]!.message).toContain('из реестра педагогов')
    expect(body.errors[0]!.message).toContain('«Количество педагогов с ИОМ')
    const stored = await form('oper-a1', tree.schoolA1)
    expect(stored.values.find((v) => v.element === 'deficits.majority_assessed')).toBeUndefined()
  })

  it('brings entry back when the campaign takes the element as entered', async () => {
    const put = await t.call('PUT', `/api/campaigns/${tree.region}/${P}/element-sources`, {
      sources: { 'deficits.iom_built': 'entered' },
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    const answer = await form('oper-a1', tree.schoolA1)
    expect(derivedOf(answer, 'deficits.iom_built')).toEqual({
      element: 'deficits.iom_built',
      source: 'entered',
      values: [],
      people: null,
    })
    expect(derivedOf(answer, 'deficits.iom_completed')?.source).toBe('registry')
    const res = await t.as('oper-a1').call('POST', '/api/data-values', {
      values: [{ orgUnit: tree.schoolA1, period: P, element: 'deficits.iom_built', option: null, value: 5 }],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  })

  it('keeps the deadlines unset when only the sources of a period without a campaign are chosen', async () => {
    // 2024-25's default monitoring deadline (20 January 2025) has passed; no campaign is stored.
    const put = await t.call('PUT', `/api/campaigns/${tree.region}/2024-25/element-sources`, {
      sources: { 'deficits.iom_built': 'entered' },
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    const campaign = await t.call<{ stored: boolean }>('GET', `/api/campaigns?region=${tree.region}&period=2024-25`)
    expect(campaign.body.stored).toBe(false)
    const res = await t.as('oper-a1').call('POST', '/api/data-values', {
      values: [{ orgUnit: tree.schoolA1, period: '2024-25', element: 'deficits.iom_built', option: null, value: 4 }],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  })
})
