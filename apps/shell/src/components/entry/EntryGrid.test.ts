import type { DataElement } from '@profmon/contract'
import { uiMessages } from '@profmon/ui'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import ru from '../../i18n/ru.ts'
import { boundsError } from './cell-checks.ts'
import EntryGrid from './EntryGrid.vue'
import { useEntryValues } from './use-entry-values.ts'

const element = (code: string, valueType: DataElement['valueType'], extra: Partial<DataElement> = {}) =>
  ({ code, title: { ru: code }, valueType, entryLevel: 'organization', aggregation: 'sum', ...extra }) as DataElement
const t = (key: string, named?: Record<string, unknown>) => `${key}${named ? JSON.stringify(named) : ''}`

describe('boundsError', () => {
  it('checks numbers against type and bounds, and lets yes/no, text and blank through', () => {
    const count = element('d.n', 'integer', { min: 0, max: 10 })
    expect(boundsError(count, '-1', t)).toBe('entry.min{"min":0}')
    expect(boundsError(count, '11', t)).toBe('entry.max{"max":10}')
    expect(boundsError(count, '2,5', t)).toBe('entry.wholeNumber')
    expect(boundsError(count, 'пять', t)).toBe('entry.notANumber')
    expect(boundsError(count, ' ', t)).toBeNull()
    expect(boundsError(element('d.b', 'boolean'), '1', t)).toBeNull()
    expect(boundsError(element('d.s', 'text', { min: 0 }), 'Иванова', t)).toBeNull()
  })
})

describe('EntryGrid', () => {
  it('gives a text element a text input whose entry is saved as text, without a number check', async () => {
    const entry = useEntryValues(
      () => '2025-26',
      () => 'd',
      60_000,
    )
    const elements = [element('d.n', 'integer', { min: 0 }), element('d.head', 'text')]
    const i18n = createI18n({ legacy: false, locale: 'ru', messages: { ru: { ...ru, ...uiMessages.ru } } })
    const wrapper = mount(EntryGrid, {
      props: { orgUnit: 7, elements, options: () => [], entry, violations: [], readonly: false },
      global: { plugins: [i18n] },
    })
    expect(wrapper.find('[data-testid="cell-d.n-total"]').attributes()).toMatchObject({ type: 'number', min: '0' })
    const head = wrapper.find('[data-testid="cell-d.head-total"]')
    expect(head.attributes('type')).toBe('text')
    await head.setValue('Петрова А. А.')
    expect(entry.cell(7, 'd.head', null)).toMatchObject({ kind: 'text', text: 'Петрова А. А.', dirty: true })
    expect(wrapper.find('[data-row-key="d.head|"]').findAll('[data-testid=cell-error]')).toHaveLength(0)
    expect(entry.numbers.value.map((n) => n.element)).toEqual(['d.n'])
  })
})
