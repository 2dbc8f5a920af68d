import { indicatorSchema } from '@profmon/contract'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { uiMessages } from '../i18n/messages.ts'
import type { AnalyticsRow } from '../api/types.ts'
import IndicatorTable from './IndicatorTable.vue'

const share = indicatorSchema.parse({
  code: 'd.share',
  title: { ru: 'Доля педагогов, прошедших диагностику' },
  shortTitle: { ru: 'Диагностика' },
  kind: 'share',
  numerator: '#{d.num}',
  denominator: '#{d.den}',
})
const row = (over: Partial<AnalyticsRow>): AnalyticsRow => ({
  indicator: 'd.share',
  orgUnit: 1,
  period: '2025-26',
  option: null,
  numerator: 4,
  denominator: 100,
  value: 4,
  target: 30,
  status: 'not_met',
  score: 0,
  ...over,
})

function render(rows: AnalyticsRow[], previous: AnalyticsRow[] = []) {
  const i18n = createI18n({ legacy: false, locale: 'ru', messages: uiMessages })
  return mount(IndicatorTable, {
    props: { rows, previous, indicators: new Map([['d.share', share]]) },
    global: { plugins: [i18n] },
  })
}

describe('IndicatorTable', () => {
  it('renders value, fraction, target and status of each total row', () => {
    const text = render([row({}), row({ option: 'math', value: 50 })])
      .text()
      .replace(/\u00a0/g, ' ')
    expect(text).toContain('Диагностика')
    expect(text).toContain('4 %')
    expect(text).toContain('4 / 100')
    expect(text).toContain('не соответствует')
    expect(text).not.toContain('50 %') // breakdown rows are not totals
  })

  it('shows "no data" for a missing value, never 0', () => {
    const wrapper = render([row({ value: null, numerator: null, denominator: null, status: 'no_data' })])
    expect(wrapper.find('[data-col=value]').text()).toBe('нет данных')
    expect(wrapper.text()).not.toContain('0 %')
  })

  it('shows the change from the previous period in percentage points', () => {
    const text = render([row({ value: 25 })], [row({ value: 19.5, period: '2024-25' })]).text()
    expect(text.replace(/\u00a0/g, ' ')).toContain('+5,5 п.п.')
  })

  it('emits the indicator when a row is chosen', async () => {
    const wrapper = render([row({})])
    await wrapper.find('[data-indicator="d.share"]').trigger('click')
    expect(wrapper.emitted('select')).toEqual([['d.share']])
  })
})
