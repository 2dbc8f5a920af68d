import type { DataElement, ValidationRule } from '@profmon/contract'
import { uiMessages, type Me, type OrgUnit } from '@profmon/ui'
import { stubApi } from '@profmon/ui/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import ru from '../../i18n/ru.ts'
import { useSessionStore } from '../../stores/session.ts'
import { useSubmissionsStore } from '../../stores/submissions.ts'

import SchoolsGrid from './SchoolsGrid.vue'
import { useEntryValues } from './use-entry-values.ts'

let api: ReturnType<typeof stubApi>

const element = (code: string, valueType: DataElement['valueType'], extra: Partial<DataElement> = {}) =>
  ({
    code,
    title: { ru: code },
    valueType,
    entryLevel: 'organization',
    aggregation: valueType === 'boolean' ? 'count_true' : 'sum',
    required: false,
    ...extra,
  }) as DataElement
const elements = [
  element('d.teachers', 'integer', { min: 0, max: 5000 }),
  element('d.routes', 'integer', { min: 0 }),
  element('d.has_plan', 'boolean'),
  element('d.head', 'text'),
]
const rules: ValidationRule[] = [
  {
    code: 'd.routes_le_teachers',
    left: '#{d.routes}',
    operator: '<=',
    right: '#{d.teachers}',
    perOption: false,
    message: { ru: 'Маршрутов не больше, чем педагогов' },
  },
]
const school = (id: number, name: string) => ({ id, name, path: `/1/2/${id}/`, level: 3 }) as OrgUnit
const schools = [school(10, 'Школа № 1'), school(11, 'Школа № 2')]
const me = (role: Me['roles'][number]['role']): Me => ({
  id: 1,
  login: 'u',
  name: 'u',
  regionId: 1,
  roles: [{ role, orgUnit: { id: 2, name: 'Район', level: 2, path: '/1/2/' } }],
})

async function render(role: Me['roles'][number]['role'] = 'municipal_coordinator') {
  setActivePinia(createPinia())
  useSessionStore().me = me(role)
  api.answer({
    self: { orgUnit: 2, state: 'draft', comment: null, updatedAt: null, updatedBy: null },
    children: [
      {
        orgUnit: 10,
        state: 'submitted',
        comment: null,
        updatedAt: null,
        updatedBy: 'op',
        name: 'Школа № 1',
        values: 3,
      },
      { orgUnit: 11, state: 'draft', comment: null, updatedAt: null, updatedBy: null, name: 'Школа № 2', values: 0 },
    ],
    counts: { total: 2, notSubmitted: 1 },
  })
  await useSubmissionsStore().load(2, '2025-26', 'd')
  const entry = useEntryValues(
    () => '2025-26',
    () => 'd',
    60_000,
  )
  entry.ensure(
    schools.map((s) => s.id),
    elements.map((e) => ({ element: e.code, option: null })),
  )
  entry.edit(entry.cell(10, 'd.teachers', null), '40')
  entry.edit(entry.cell(11, 'd.teachers', null), '40')
  const i18n = createI18n({ legacy: false, locale: 'ru', messages: { ru: { ...ru, ...uiMessages.ru } } })
  const wrapper = mount(SchoolsGrid, {
    props: {
      orgUnit: 2,
      period: '2025-26',
      plugin: 'd',
      schools,
      elements,
      allElements: elements,
      rules,
      options: () => [],
      entry,
    },
    global: { plugins: [i18n] },
  })
  await flushPromises()
  return { wrapper, entry }
}
const row = (w: Awaited<ReturnType<typeof render>>['wrapper'], id: number) => w.find(`tr[data-school="${id}"]`)

describe('SchoolsGrid', () => {
  beforeEach(() => (api = stubApi()))
  afterEach(() => vi.unstubAllGlobals())

  it("gives numbers the element's bounds and checks each school's rules on its own row", async () => {
    const { wrapper } = await render()
    const teachers = row(wrapper, 10).find('input[data-testid="school-cell-10-total"]')
    expect(teachers.attributes()).toMatchObject({ type: 'number', min: '0', max: '5000' })

    await wrapper.find('[data-testid=schools-element]').setValue('d.routes')
    const routes = row(wrapper, 10).find('input[data-testid="school-cell-10-total"]')
    await routes.setValue('45')
    expect(
      row(wrapper, 10)
        .findAll('[data-testid=school-error]')
        .map((e) => e.text()),
    ).toEqual(['Маршрутов не больше, чем педагогов'])
    expect(routes.attributes('aria-invalid')).toBe('true')
    expect(row(wrapper, 11).findAll('[data-testid=school-error]')).toHaveLength(0)
    await routes.setValue('30')
    expect(row(wrapper, 10).findAll('[data-testid=school-error]')).toHaveLength(0)
  })

  it('offers yes/no for a boolean and a text input for a text element', async () => {
    const { wrapper, entry } = await render()
    await wrapper.find('[data-testid=schools-element]').setValue('d.has_plan')
    const select = row(wrapper, 11).find('select[data-testid="school-cell-11-total"]')
    expect(select.findAll('option').map((o) => o.text())).toEqual(['—', 'да', 'нет'])
    await select.setValue('1')
    expect(entry.cell(11, 'd.has_plan', null)).toMatchObject({ text: '1', dirty: true })

    await wrapper.find('[data-testid=schools-element]').setValue('d.head')
    const head = row(wrapper, 11).find('input[data-testid="school-cell-11-total"]')
    expect(head.attributes('type')).toBe('text')
    await head.setValue('Петрова А. А.')
    expect(entry.cell(11, 'd.head', null)).toMatchObject({ kind: 'text', text: 'Петрова А. А.', dirty: true })
    expect(row(wrapper, 11).findAll('[data-testid=school-error]')).toHaveLength(0)
  })

  it("shows each school's entry state; the approving level still edits a submitted school", async () => {
    const { wrapper } = await render()
    expect(wrapper.findAll('[data-testid=school-state]').map((c) => [c.attributes('data-state'), c.text()])).toEqual([
      ['submitted', 'отправлено'],
      ['draft', 'черновик'],
    ])
    expect(row(wrapper, 10).find('input').attributes('readonly')).toBeUndefined()
  })

  it('is read-only for a user who does not enter data', async () => {
    const { wrapper } = await render('analyst')
    expect(row(wrapper, 11).find('input').attributes('readonly')).toBeDefined()
  })
})
