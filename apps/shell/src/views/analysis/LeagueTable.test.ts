import type { Indicator } from '@profmon/contract'
import { uiMessages, type Analysis, type AnalysisRow } from '@profmon/ui'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { createMemoryHistory, createRouter } from 'vue-router'
import ru from '../../i18n/ru.ts'
import LeagueTable from './LeagueTable.vue'

const row = (orgUnit: number, name: string, extra: Partial<AnalysisRow>): AnalysisRow => ({
  orgUnit,
  orgUnitName: name,
  option: null,
  optionTitle: null,
  value: null,
  numerator: null,
  denominator: null,
  target: 30,
  status: 'no_data',
  score: null,
  rank: null,
  previous: null,
  change: null,
  trend: null,
  gap: null,
  gapShare: null,
  aboveParent: null,
  ...extra,
})

// Target 30 %: 12 of 20 met; 1 of 20 needs ⌈6⌉ − 1 = 5 people; 5 of 20 needs 1 — 5 + 1 = 6 in all.
const analysis: Analysis = {
  indicator: 'd.share',
  indicatorTitle: 'Доля',
  period: '2025-26',
  previousPeriod: '2024-25',
  by: 'orgUnit',
  effectiveGap: 1,
  parent: row(1, 'Район', { value: 30, numerator: 18, denominator: 60, status: 'met', gap: 0 }),
  rows: [
    row(3, 'Школа № 3', {
      value: 5,
      numerator: 1,
      denominator: 20,
      status: 'not_met',
      rank: 3,
      gap: 5,
      gapShare: 500 / 6,
    }),
    row(2, 'Школа № 2', {
      value: 25,
      numerator: 5,
      denominator: 20,
      status: 'partly_met',
      rank: 2,
      gap: 1,
      gapShare: 100 / 6,
      change: -3,
      trend: 'down',
    }),
    row(4, 'Школа № 1', {
      value: 60,
      numerator: 12,
      denominator: 20,
      status: 'met',
      rank: 1,
      gap: 0,
      change: 0.5,
      trend: 'flat',
    }),
  ],
}
const indicator = { code: 'd.share', kind: 'share', polarity: 'higher', decimals: 1 } as Indicator

async function mountTable(query = '') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/analysis', component: { template: '<div />' } }],
  })
  await router.push(`/analysis${query}`)
  const i18n = createI18n({ legacy: false, locale: 'ru', messages: { ru: { ...ru, ...uiMessages.ru } } })
  const wrapper = mount(LeagueTable, {
    props: { analysis, indicator, drillable: true },
    global: { plugins: [router, i18n] },
  })
  return { wrapper, router }
}
const units = (w: Awaited<ReturnType<typeof mountTable>>['wrapper']) =>
  w.findAll('tbody tr[data-unit]:not([data-testid=league-parent])').map((tr) => tr.attributes('data-unit'))

describe('LeagueTable', () => {
  it('lists by rank under the parent, with the gap in people and parts adding up to 100 %', async () => {
    const { wrapper } = await mountTable()
    expect(wrapper.find('[data-testid=league-parent]').text()).toContain('Район')
    expect(units(wrapper)).toEqual(['4', '2', '3'])
    expect(wrapper.find('tr[data-unit="3"] [data-col=gap]').text()).toBe('5')
    expect(wrapper.find('tr[data-unit="3"] [data-col=gapShare]').text()).toBe('83,3 %')
    expect(wrapper.find('tr[data-unit="2"] [data-col=gapShare]').text()).toBe('16,7 %')
    expect(wrapper.text()).toContain('Не хватает, чел.')
  })

  it('shows an arrow only for a move beyond the effective gap', async () => {
    const { wrapper } = await mountTable()
    // ICU versions differ on the minus sign of ru-RU: a hyphen or U+2212.
    expect(wrapper.find('tr[data-unit="2"] [data-col=change]').text()).toMatch(/^[−-]3 п\.п\. ↓$/)
    expect(wrapper.find('tr[data-unit="4"] [data-col=change]').text()).toBe('+0,5 п.п.')
  })

  it('sorts by a clicked column and filters through the URL', async () => {
    const { wrapper, router } = await mountTable()
    await wrapper.find('[data-sort=gap]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query.sort).toBe('gap.desc')
    expect(units(wrapper)).toEqual(['3', '2', '4'])
    await wrapper.find('[data-filter=worsened]').trigger('change')
    await flushPromises()
    expect(router.currentRoute.value.query.only).toBe('worsened')
    expect(units(wrapper)).toEqual(['2'])
  })

  it('reads its order and filters from a shared link', async () => {
    const { wrapper } = await mountTable('?sort=name.desc&only=notMet')
    expect(units(wrapper)).toEqual(['3', '2'])
  })
})
