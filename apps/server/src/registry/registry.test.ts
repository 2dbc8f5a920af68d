import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type ExcelJS from 'exceljs'
import { sql } from '@profmon/db'
import { testEngine } from '@profmon/db/testing'
import { readWorkbook, requestAs, uploadForm, workbookBytes } from '../collection/xlsx/test-workbook.ts'
import { startReportWorker } from '../reports/reports.ts'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'
import { REGISTRY_LAYOUT } from './workbook.ts'

/** Valid SNILS numbers (checksum right) and one with a wrong check number. */
const SNILS = {
  ivanova: '112-233-445 95',
  petrov: '123-456-789 64',
  sidorova: '987-654-321 83',
  wrong: '112-233-445 96',
}

interface Person {
  id: number
  surname?: string
  name?: string
  birthDate?: string
  snils?: string | null
  hasSnils: boolean
  version: number
  employments: { orgUnit: number; startsOn: string; endsOn: string | null }[]
  subjects: string[]
}

interface ImportAnswer {
  ok: boolean
  written: number
  errors: { sheet: string; row: number | null; column: string; message: string }[]
}

const NAMES = ['Иванова', 'Петров', 'Сидорова', 'Кузнецов', 'Мирон', 'Смирнова']

describe(`teacher registry on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree

  /** The template of an organisation, filled: rows of cells by column code per sheet. */
  const filled = async (
    orgUnit: number,
    staff: Record<string, unknown>[],
    events: Record<string, unknown>[] = [],
    login = 'oper-a1',
  ) => {
    const res = await requestAs(t, login, 'GET', `/api/teachers/template?orgUnit=${orgUnit}`)
    expect(res.status).toBe(200)
    const wb = await readWorkbook(await res.arrayBuffer())
    const fill = (ws: ExcelJS.Worksheet, rows: Record<string, unknown>[]) => {
      const codes = new Map<string, number>()
      ws.getRow(REGISTRY_LAYOUT.codeRow).eachCell((cell, n) => codes.set(String(cell.value), n))
      rows.forEach((r, i) => {
        const row = ws.getRow(REGISTRY_LAYOUT.firstDataRow + i)
        for (const [code, v] of Object.entries(r)) row.getCell(codes.get(code)!).value = v as ExcelJS.CellValue
      })
    }
    fill(wb.getWorksheet('Сотрудники')!, staff)
    fill(wb.getWorksheet('События')!, events)
    return workbookBytes(wb)
  }
  const importFile = async (login: string, orgUnit: number, bytes: Uint8Array) => {
    const res = await requestAs(t, login, 'POST', '/api/teachers/import', uploadForm(bytes, 'staff.xlsx', { orgUnit }))
    return { status: res.status, body: (await res.json()) as ImportAnswer }
  }
  const count = async (table: 'person' | 'employment' | 'person_event' | 'audit_log') =>
    Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.deps.db)).rows[0]!.n)
  const anyName = (body: unknown) => NAMES.filter((n) => JSON.stringify(body).includes(n))

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('oper-a1', [{ role: 'school_operator', orgUnit: tree.schoolA1 }])
    await t.createUser('oper-a2', [{ role: 'school_operator', orgUnit: tree.schoolA2 }])
    await t.createUser('oper-a3', [{ role: 'school_operator', orgUnit: tree.schoolA3 }])
    await t.createUser('coord-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    await t.createUser('coord-b', [{ role: 'municipal_coordinator', orgUnit: tree.munB }])
    await t.createUser('analyst', [{ role: 'analyst', orgUnit: tree.region }])
    await t.createUser('region', [{ role: 'region_admin', orgUnit: tree.region }])
  })
  afterAll(() => t.close())

  it('imports the staff lists of two schools of one municipality, one teacher working in both, once in the registry', async () => {
    const a1 = await filled(tree.schoolA1, [
      {
        surname: 'Иванова',
        name: 'Анна',
        patronymic: 'Сергеевна',
        birth_date: '12.03.1995',
        snils: SNILS.ivanova,
        position: 'учитель',
        rate: 1,
        main: 'да',
        starts_on: '01.09.2018',
        subjects: 'Математика; Информатика',
        education: 'высшее педагогическое',
        experience_since: '01.09.2018',
        category: 'первая',
        category_on: '15.04.2023',
      },
      {
        surname: 'Петров',
        name: 'Пётр',
        patronymic: 'Ильич',
        birth_date: new Date(Date.UTC(1968, 6, 2)),
        snils: SNILS.petrov,
        position: 'руководитель',
        starts_on: '2010-08-25',
        subjects: 'history',
        management_reserve: 'нет',
      },
    ])
    const r1 = await importFile('oper-a1', tree.schoolA1, a1)
    expect(r1).toEqual({ status: 200, body: { ok: true, written: 2, errors: [] } })
    // School 2: Ivanova part-time (matched by SNILS), Sidorova without SNILS.
    const a2 = await filled(
      tree.schoolA2,
      [
        {
          surname: 'Иванова',
          name: 'Анна',
          patronymic: 'Сергеевна',
          birth_date: '12.03.1995',
          snils: SNILS.ivanova,
          position: 'учитель',
          rate: 0.5,
          main: 'нет',
          starts_on: '01.09.2022',
          subjects: 'Математика',
        },
        {
          surname: 'Сидорова',
          name: 'Ольга',
          birth_date: '30.11.2000',
          position: 'учитель',
          starts_on: '01.09.2023',
          subjects: 'Начальные классы',
        },
      ],
      [
        {
          surname: 'Сидорова',
          name: 'Ольга',
          birth_date: '30.11.2000',
          kind: 'диагностика',
          occurred_on: '10.10.2024',
          title: 'Региональная диагностика',
          deficits: 'Методические; Цифровые',
        },
        {
          surname: 'Сидорова',
          name: 'Ольга',
          birth_date: '30.11.2000',
          kind: 'ИОМ',
          occurred_on: '01.11.2024',
        },
      ],
      'oper-a2',
    )
    const r2 = await importFile('oper-a2', tree.schoolA2, a2)
    expect(r2.body).toEqual({ ok: true, written: 4, errors: [] })
    expect(await count('person')).toBe(3)

    // The municipality sees three distinct people, Ivanova once with both employments.
    const mun = await t
      .as('coord-a')
      .call<{ personal: boolean; items: Person[] }>('GET', `/api/teachers?orgUnit=${tree.munA}`)
    expect(mun.status).toBe(200)
    expect(mun.body.personal).toBe(true)
    expect(mun.body.items.map((p) => p.surname)).toEqual(['Иванова', 'Петров', 'Сидорова'])
    const ivanova = mun.body.items[0]!
    expect(ivanova.employments.map((e) => [e.orgUnit, e.startsOn])).toEqual([
      [tree.schoolA1, '2018-09-01'],
      [tree.schoolA2, '2022-09-01'],
    ])
    expect(ivanova.subjects).toEqual(['math'])
    expect(ivanova).not.toHaveProperty('snils')

    // Under 35 on the reference date, counted from the birth dates as a derived element would.
    const reference = '2025-09-01'
    const ages = mun.body.items.map((p) => {
      const [y, m, d] = p.birthDate!.split('-').map(Number) as [number, number, number]
      const [ry, rm, rd] = reference.split('-').map(Number) as [number, number, number]
      return ry - y - (rm < m || (rm === m && rd < d) ? 1 : 0)
    })
    expect(ages.filter((a) => a < 35)).toHaveLength(2)

    // The card shows the SNILS to the school; the ИОМ of the file is built on the diagnostics.
    const card = await t.as('oper-a1').call<Person>('GET', `/api/teachers/${ivanova.id}`)
    expect(card.body.snils).toBe(SNILS.ivanova)
    expect(card.body.employments.map((e) => e.orgUnit)).toEqual([tree.schoolA1])
    const sidorova = mun.body.items[2]!
    const events = await t
      .as('oper-a2')
      .call<{ items: { id: number; kind: string; basedOn: number | null; deficits: string[] }[] }>(
        'GET',
        `/api/teachers/${sidorova.id}/events`,
      )
    const diag = events.body.items.find((e) => e.kind === 'diagnostics')!
    expect(diag.deficits).toEqual(['methodical', 'digital'])
    expect(events.body.items.find((e) => e.kind === 'iom')!.basedOn).toBe(diag.id)

    // The same file again changes nothing new: employments updated in place, events not doubled.
    expect((await importFile('oper-a2', tree.schoolA2, a2)).body.ok).toBe(true)
    expect(await count('person')).toBe(3)
    expect(await count('employment')).toBe(4)
    expect(await count('person_event')).toBe(2)

    // SNILS is stored encrypted, never as typed.
    const stored = await t.deps.db
      .selectFrom('person')
      .select(['snils_enc', 'snils_hash'])
      .where('id', '=', ivanova.id)
      .executeTakeFirstOrThrow()
    expect(stored.snils_enc).not.toContain('1122')
    expect(stored.snils_hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('refuses a bad file whole, with errors by sheet, row and column that never quote the value', async () => {
    const before = {
      people: await count('person'),
      employments: await count('employment'),
      audit: await count('audit_log'),
    }
    const bad = await filled(
      tree.schoolA3,
      [
        {
          surname: 'Кузнецов',
          name: 'Иван',
          birth_date: '01.02.1990',
          snils: SNILS.wrong,
          position: 'учитель',
          starts_on: '01.09.2015',
        },
        {
          surname: 'Мирон',
          name: 'Яна',
          birth_date: '05.06.1999',
          position: 'учитель',
          starts_on: '01.09.2021',
          subjects: 'Алхимия',
        },
        {
          surname: 'Смирнова',
          name: 'Ева',
          birth_date: '07.08.1985',
          position: 'учитель',
          starts_on: '01.09.2020',
          ends_on: '31.08.2019',
        },
        { surname: 'Смирнова', name: 'Ева', birth_date: '07.08.1985', position: 'методист', starts_on: '01.09.2020' },
        { surname: 'Новикова', name: 'Вера', birth_date: '09.09.1991', position: 'учитель', starts_on: '01.09.2020' },
      ],
      [],
      'oper-a3',
    )
    const r = await importFile('oper-a3', tree.schoolA3, bad)
    expect(r.status).toBe(200)
    expect(r.body.ok).toBe(false)
    expect(r.body.written).toBe(0)
    expect(r.body.errors).toEqual([
      { sheet: 'Сотрудники', row: 4, column: 'СНИЛС (E)', message: 'неверная контрольная сумма СНИЛС' },
      {
        sheet: 'Сотрудники',
        row: 5,
        column: 'Предметы (через «;») (K)',
        message: 'неизвестный предмет: см. лист «Справочники»',
      },
      { sheet: 'Сотрудники', row: 6, column: 'Дата увольнения (J)', message: 'дата увольнения раньше даты приёма' },
      { sheet: 'Сотрудники', row: 7, column: 'Фамилия (A)', message: 'этот человек уже указан в строке 6' },
    ])
    expect(JSON.stringify(r.body)).not.toMatch(/Кузнецов|Мирон|Смирнова|112-233/)
    expect({
      people: await count('person'),
      employments: await count('employment'),
      audit: await count('audit_log'),
    }).toEqual(before)
  })

  it('refuses what is no staff file, or a staff list of a unit that is no organisation', async () => {
    const notXlsx = await requestAs(
      t,
      'oper-a1',
      'POST',
      '/api/teachers/import',
      uploadForm(new TextEncoder().encode('Фамилия;Имя'), 'staff.csv', { orgUnit: tree.schoolA1 }),
    )
    expect(notXlsx.status).toBe(415)
    const empty = await filled(tree.schoolA1, [])
    const municipality = await requestAs(
      t,
      'coord-a',
      'POST',
      '/api/teachers/import',
      uploadForm(empty, 'staff.xlsx', { orgUnit: tree.munA }),
    )
    expect(municipality.status).toBe(400)
    const foreign = await requestAs(
      t,
      'oper-a1',
      'POST',
      '/api/teachers/import',
      uploadForm(empty, 'staff.xlsx', { orgUnit: tree.schoolA2 }),
    )
    expect(foreign.status).toBe(403)
  })

  it('shows the analyst and a sibling municipality no personal field, and audits every view', async () => {
    const analystList = await t
      .as('analyst')
      .call<{ personal: boolean; items: Person[] }>('GET', `/api/teachers?orgUnit=${tree.munA}`)
    expect(analystList.status).toBe(200)
    expect(analystList.body.personal).toBe(false)
    expect(analystList.body.items).toHaveLength(3)
    expect(anyName(analystList.body)).toEqual([])
    for (const p of analystList.body.items) {
      expect(Object.keys(p)).not.toContain('surname')
      expect(Object.keys(p)).not.toContain('birthDate')
    }
    const id = analystList.body.items[0]!.id
    const card = await t.as('analyst').call('GET', `/api/teachers/${id}`)
    expect(card.status).toBe(200)
    expect(anyName(card.body)).toEqual([])
    expect(JSON.stringify(card.body)).not.toMatch(/snils"|birthDate/)
    expect((await t.as('analyst').call('GET', `/api/teachers/${id}/export`)).status).toBe(403)
    const events = await t.as('analyst').call('GET', `/api/teachers/${id}/events`)
    expect(anyName(events.body)).toEqual([])

    // A sibling municipality and another school: 403, never an empty list.
    for (const [login, path] of [
      ['coord-b', `/api/teachers?orgUnit=${tree.schoolA1}`],
      ['coord-b', `/api/teachers/${id}`],
      ['coord-b', `/api/teachers/${id}/events`],
      ['coord-b', `/api/teachers/${id}/export`],
      ['oper-a3', `/api/teachers?orgUnit=${tree.schoolA1}`],
      ['oper-a3', `/api/teachers/${id}`],
    ] as const) {
      const res = await t.as(login).call<{ error: { code: string } }>('GET', path)
      expect([path, res.status, res.body.error.code]).toEqual([path, 403, 'forbidden'])
      expect(anyName(res.body)).toEqual([])
    }
    // The region admin reads personal data only once the region grants it.
    const admin = await t
      .as('region')
      .call<{ personal: boolean; items: Person[] }>('GET', `/api/teachers?orgUnit=${tree.schoolA1}`)
    expect(admin.body.personal).toBe(false)
    expect(anyName(admin.body)).toEqual([])
    expect(
      (await t.as('region').call('PUT', `/api/registry/settings?region=${tree.region}`, { regionAdminRead: true }))
        .status,
    ).toBe(200)
    const granted = await t
      .as('region')
      .call<{ personal: boolean; items: Person[] }>('GET', `/api/teachers?orgUnit=${tree.schoolA1}`)
    expect(granted.body.personal).toBe(true)
    expect(granted.body.items.map((p) => p.surname)).toEqual(['Иванова', 'Петров'])
    await t.as('region').call('PUT', `/api/registry/settings?region=${tree.region}`, { regionAdminRead: false })

    // Analytics and the audit log carry no names either.
    const analytics = await t
      .as('coord-a')
      .call('GET', `/api/analytics?orgUnit=${tree.munA}&period=2025-26&level=children`)
    expect(anyName(analytics.body)).toEqual([])
    const audit = await t
      .as('coord-a')
      .call<{ entries: { actor: string; action: string; entity: string; key: string; new: unknown }[] }>(
        'GET',
        `/api/audit?orgUnit=${tree.region}&limit=500`,
      )
    expect(anyName(audit.body)).toEqual([])
    expect(JSON.stringify(audit.body)).not.toMatch(/112-233|1122334/)

    // Each view in the audit log: who looked at which people, with or without personal data.
    const views = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor', 'entity', 'entity_key', 'new_value'])
      .where('action', '=', 'view')
      .orderBy('id')
      .execute()
    expect(views.filter((v) => v.actor === 'analyst').map((v) => [v.entity, v.entity_key])).toEqual([
      ['person_list', String(tree.munA)],
      ['person', String(id)],
      ['person_events', String(id)],
    ])
    expect(views.find((v) => v.actor === 'analyst')!.new_value).toMatchObject({
      personal: false,
      people: analystList.body.items.map((p) => p.id),
    })
    expect(views.filter((v) => v.actor === 'coord-a' && v.entity === 'person_list')).toHaveLength(1)
    // Refused reads are not views.
    expect(views.some((v) => v.actor === 'coord-b' || v.actor === 'oper-a3')).toBe(false)
  })

  it('keeps every name out of the aggregate exports and the analytical report, the registry switched on', async () => {
    await t.as('region').call('PUT', `/api/registry/settings?region=${tree.region}`, { enabled: true })
    try {
      // The XLSX exports of values and analytics: every cell of every sheet.
      for (const path of [
        `/api/exports/values?orgUnit=${tree.munA}&period=2025-26&plugin=deficits`,
        `/api/exports/analytics?orgUnit=${tree.munA}&period=2025-26&level=children`,
      ]) {
        const res = await requestAs(t, 'coord-a', 'GET', path)
        expect(res.status, path).toBe(200)
        const wb = await readWorkbook(await res.arrayBuffer())
        const cells: string[] = []
        wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.text)))))
        expect(cells.length, path).toBeGreaterThan(0)
        expect(anyName(cells), path).toEqual([])
      }
      // The municipality's analytical report, rendered to DOCX by the job, read back as text.
      await startReportWorker(t.deps.jobs, t.deps)
      const ordered = await t
        .as('coord-a')
        .call<{ id: number }>('POST', '/api/reports', { orgUnit: tree.munA, period: '2025-26', format: 'docx' })
      expect(ordered.status, JSON.stringify(ordered.body)).toBe(202)
      let status = ''
      for (let i = 0; i < 300 && status !== 'done' && status !== 'failed'; i++) {
        status = (await t.as('coord-a').call<{ status: string }>('GET', `/api/reports/${ordered.body.id}`)).body.status
        if (status !== 'done') await new Promise((r) => setTimeout(r, 100))
      }
      expect(status).toBe('done')
      const file = await requestAs(t, 'coord-a', 'GET', `/api/reports/${ordered.body.id}/file`)
      const zip = await JSZip.loadAsync(new Uint8Array(await file.arrayBuffer()))
      const xml = await zip.file('word/document.xml')!.async('string')
      expect(xml).toContain('Аналитическая справка')
      expect(anyName(xml)).toEqual([])
    } finally {
      await t.as('region').call('PUT', `/api/registry/settings?region=${tree.region}`, { enabled: false })
    }
  })

  it('records a teacher, a diagnostics and an ИОМ built on it, with optimistic versions', async () => {
    const school = t.as('oper-a3')
    const created = await school.call<Person>('POST', '/api/teachers', {
      surname: 'Кузнецов',
      name: 'Иван',
      birthDate: '1990-02-01',
      snils: '111 111 111 45',
      subjects: ['physics'],
      employments: [{ orgUnit: tree.schoolA3, position: 'teacher', startsOn: '2015-09-01' }],
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      surname: 'Кузнецов',
      snils: '111-111-111 45',
      subjects: ['physics'],
      version: 1,
    })
    const id = created.body.id

    // Another school adding the same SNILS gets the same person, with its own employment.
    const again = await t.as('oper-a1').call<Person>('POST', '/api/teachers', {
      surname: 'Кузнецов',
      name: 'Иван',
      birthDate: '1990-02-01',
      snils: '11111111145',
      employments: [{ orgUnit: tree.schoolA1, position: 'teacher', startsOn: '2024-09-01', rate: 0.25, main: false }],
    })
    expect(again.status).toBe(200)
    expect(again.body.id).toBe(id)
    // A SNILS of someone else is a conflict that names no one.
    const clash = await school.call<{ error: { code: string; message: string } }>('POST', '/api/teachers', {
      surname: 'Другой',
      name: 'Человек',
      birthDate: '1991-01-01',
      snils: '111-111-111 45',
      employments: [{ orgUnit: tree.schoolA3, position: 'teacher', startsOn: '2015-09-01' }],
    })
    expect([clash.status, clash.body.error.code]).toEqual([409, 'snils_taken'])
    expect(clash.body.error.message).not.toContain('Кузнецов')
    // A bad SNILS: 400 naming the field, not the value.
    const bad = await school.call<{ error: { message: string; details: { path: string }[] } }>(
      'POST',
      '/api/teachers',
      {
        surname: 'Новый',
        name: 'Учитель',
        birthDate: '1991-01-01',
        snils: SNILS.wrong,
        employments: [{ orgUnit: tree.schoolA3, position: 'teacher', startsOn: '2015-09-01', endsOn: '2014-01-01' }],
      },
    )
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.map((d) => d.path)).toEqual(['snils'])
    expect(bad.body.error.message).not.toContain('112-233')

    const diagnostics = await school.call<{ id: number; deficits: string[]; orgUnit: number }>(
      'POST',
      `/api/teachers/${id}/events`,
      {
        kind: 'diagnostics',
        occurredOn: '2025-10-01',
        details: { instrument: 'ЕФОМ' },
        deficits: ['subject', 'burnout'],
      },
    )
    expect(diagnostics.status).toBe(201)
    expect(diagnostics.body).toMatchObject({ deficits: ['subject', 'burnout'], orgUnit: tree.schoolA3 })
    const iom = await school.call<{
      id: number
      basedOn: number
      steps: { id: number; title: string; completedOn: string | null }[]
    }>('POST', `/api/teachers/${id}/events`, {
      kind: 'iom',
      occurredOn: '2025-10-15',
      basedOn: diagnostics.body.id,
      steps: [
        { kind: 'course', title: 'Курс ЦНППМ по физике', dueOn: '2025-12-20' },
        { kind: 'mentoring', title: 'Наставник — методист', dueOn: '2026-03-01' },
      ],
    })
    expect(iom.status).toBe(201)
    expect(iom.body.basedOn).toBe(diagnostics.body.id)
    expect(iom.body.steps.map((s) => s.title)).toEqual(['Курс ЦНППМ по физике', 'Наставник — методист'])
    const done = await school.call<{ steps: { completedOn: string | null }[] }>(
      'PUT',
      `/api/teachers/${id}/events/${iom.body.id}`,
      {
        occurredOn: '2025-10-15',
        basedOn: diagnostics.body.id,
        steps: [
          { kind: 'course', title: 'Курс ЦНППМ по физике', dueOn: '2025-12-20', completedOn: '2025-12-18' },
          { kind: 'mentoring', title: 'Наставник — методист', dueOn: '2026-03-01' },
        ],
      },
    )
    expect(done.body.steps.map((s) => s.completedOn)).toEqual(['2025-12-18', null])
    const wrongKind = await school.call('POST', `/api/teachers/${id}/events`, {
      kind: 'course',
      occurredOn: '2025-10-01',
      details: { title: 'Курс', provider: 'nowhere' },
    })
    expect(wrongKind.status).toBe(400)
    // A course recorded by school 1 is not school 3's to delete.
    const course = await t.as('oper-a1').call<{ id: number }>('POST', `/api/teachers/${id}/events`, {
      kind: 'course',
      occurredOn: '2025-09-10',
      completedOn: '2025-09-30',
      details: { title: 'Функциональная грамотность', provider: 'cnppm', hours: 36 },
    })
    expect(course.status).toBe(201)
    expect((await school.call('DELETE', `/api/teachers/${id}/events/${course.body.id}`)).status).toBe(403)
    // School 3 sees the event of school 1 without the unit that recorded it.
    const seen = await school.call<{ items: { id: number; orgUnit: number | null }[] }>(
      'GET',
      `/api/teachers/${id}/events`,
    )
    expect(seen.body.items.find((e) => e.id === course.body.id)!.orgUnit).toBeNull()

    // Optimistic versions.
    const v = (await school.call<Person>('GET', `/api/teachers/${id}`)).body.version
    const changed = await school.call<Person>('PUT', `/api/teachers/${id}`, {
      version: v,
      category: 'highest',
      categoryOn: '2025-05-01',
    })
    expect(changed.status).toBe(200)
    expect(changed.body.version).toBe(v + 1)
    const stale = await school.call<{ error: { code: string } }>('PUT', `/api/teachers/${id}`, {
      version: v,
      category: 'first',
    })
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict'])
    // A coordinator of another municipality: 403.
    expect(
      (await t.as('coord-b').call('PUT', `/api/teachers/${id}`, { version: v + 1, category: 'first' })).status,
    ).toBe(403)

    // The export on request: card with SNILS and every event.
    const exported = await school.call<{ person: Person; events: unknown[] }>('GET', `/api/teachers/${id}/export`)
    expect(exported.status).toBe(200)
    expect(exported.body.person.snils).toBe('111-111-111 45')
    expect(exported.body.events).toHaveLength(3)

    // Deleting at school 3 keeps the person for school 1.
    expect((await school.call('DELETE', `/api/teachers/${id}`)).status).toBe(204)
    expect((await school.call('GET', `/api/teachers/${id}`)).status).toBe(403)
    const kept = await t.as('oper-a1').call<Person>('GET', `/api/teachers/${id}`)
    expect(kept.body.employments.map((e) => e.orgUnit)).toEqual([tree.schoolA1])
  })

  it('matches a region-wide course file across the schools and lists the unmatched rows', async () => {
    const wb = await readWorkbook(
      await (await requestAs(t, 'region', 'GET', `/api/teachers/template?orgUnit=${tree.region}`)).arrayBuffer(),
    )
    const ws = wb.getWorksheet('События')!
    const codes = new Map<string, number>()
    ws.getRow(REGISTRY_LAYOUT.codeRow).eachCell((cell, n) => codes.set(String(cell.value), n))
    const rows = [
      { surname: 'Иванова', name: 'Анна', birth_date: '12.03.1995', snils: SNILS.ivanova },
      { surname: 'Петров', name: 'Пётр', patronymic: 'Ильич', birth_date: '02.07.1968' },
      { surname: 'Незнакомова', name: 'Нина', birth_date: '01.01.1980' },
    ]
    rows.forEach((r, i) => {
      const row = ws.getRow(REGISTRY_LAYOUT.firstDataRow + i)
      const cells = {
        ...r,
        kind: 'курсы',
        occurred_on: '01.10.2025',
        completed_on: '20.10.2025',
        title: 'Школа Минпросвещения',
        provider: 'ЦНППМ',
        hours: 72,
      }
      for (const [code, v] of Object.entries(cells)) row.getCell(codes.get(code)!).value = v
    })
    const bytes = await workbookBytes(wb)
    const form = uploadForm(bytes, 'courses.xlsx', { region: tree.region })
    expect((await requestAs(t, 'coord-a', 'POST', '/api/teachers/events/import', form)).status).toBe(403)
    const res = await requestAs(
      t,
      'region',
      'POST',
      '/api/teachers/events/import',
      uploadForm(bytes, 'courses.xlsx', { region: tree.region }),
    )
    const body = (await res.json()) as { ok: boolean; matched: number; unmatched: Record<string, unknown>[] }
    expect(res.status).toBe(200)
    expect(body).toEqual({
      ok: true,
      matched: 2,
      unmatched: [
        {
          sheet: 'События',
          row: 6,
          reason: 'not_found',
          surname: 'Незнакомова',
          name: 'Нина',
          patronymic: null,
          birthDate: '1980-01-01',
          snils: null,
        },
      ],
      errors: [],
    })
    const events = await t.deps.db
      .selectFrom('person_event')
      .select(['org_unit_id', 'details'])
      .where('kind', '=', 'course')
      .where('org_unit_id', '=', tree.region)
      .execute()
    expect(events).toHaveLength(2)
    expect(events[0]!.details).toEqual({ title: 'Школа Минпросвещения', provider: 'cnppm', hours: 72, distance: false })
  })

  it('anonymises the people who left more than the retention period ago, keeping their records for the counts', async () => {
    const gone = await t.as('oper-a1').call<Person>('POST', '/api/teachers', {
      surname: 'Уволенная',
      name: 'Давно',
      birthDate: '1960-05-17',
      snils: '222-222-222 90',
      employments: [{ orgUnit: tree.schoolA1, position: 'teacher', startsOn: '2000-09-01', endsOn: '2020-06-30' }],
    })
    expect(gone.status).toBe(201)
    expect((await t.as('oper-a1').call('POST', '/api/registry/anonymise', { region: tree.region })).status).toBe(403)
    const r = await t
      .as('region')
      .call<{ anonymised: number }>('POST', '/api/registry/anonymise', { region: tree.region })
    expect(r.body.anonymised).toBe(1)
    const row = await t.deps.db
      .selectFrom('person')
      .selectAll()
      .where('id', '=', gone.body.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      surname: 'Обезличено',
      patronymic: null,
      birth_date: '1960-07-01',
      snils_enc: null,
      snils_hash: null,
    })
    expect(row.anonymised_at).not.toBeNull()
    expect(
      await t.deps.db.selectFrom('employment').select('id').where('person_id', '=', gone.body.id).execute(),
    ).toHaveLength(1)
    expect(
      (await t.as('region').call<{ anonymised: number }>('POST', '/api/registry/anonymise', { region: tree.region }))
        .body.anonymised,
    ).toBe(0)
  })
})
