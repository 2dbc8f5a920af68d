import { useOrgUnitStore, usePeriodStore, type Report } from '@profmon/ui'
import { stubApi } from '@profmon/ui/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '../../i18n/index.ts'
import ReportsView from './ReportsView.vue'

const report = (id: number, extra: Partial<Report>): Report => ({
  id,
  orgUnit: 2,
  orgUnitName: 'Алексеевский район',
  period: '2025-26',
  periodTitle: '2025/2026 учебный год',
  format: 'pdf',
  sections: {},
  status: 'done',
  progress: { done: 9, total: 9, section: null },
  error: null,
  size: 204_800,
  fileName: 'Аналитическая справка.pdf',
  requestedBy: 'Иванова Мария Петровна',
  requestedAt: '2026-03-02T11:05:00Z',
  finishedAt: '2026-03-02T11:05:09Z',
  ...extra,
})

async function mountView(api: ReturnType<typeof stubApi>) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useOrgUnitStore().unit = { id: 2, name: 'Алексеевский район', level: 2 } as never
  usePeriodStore().code = '2025-26'
  const view = mount(ReportsView, { global: { plugins: [pinia, i18n] } })
  await flushPromises()
  expect(api.requests[0]?.path).toBe('/api/reports?orgUnit=2&period=2025-26')
  return view
}

describe('the reports page', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('shows a running job as «раздел 3 из 9», the finished ones with size and download, and why one failed', async () => {
    vi.useFakeTimers()
    const api = stubApi()
    api.answer({
      items: [
        report(3, { status: 'running', progress: { done: 2, total: 9, section: 'Наставничество' }, size: null }),
        report(2, {}),
        report(1, { status: 'failed', error: 'org unit 2 is outside your org tree', size: null }),
      ],
    })
    const view = await mountView(api)
    const progress = view.get('[data-testid=report-progress]')
    expect(progress.text()).toContain('раздел 3 из 9')
    expect(progress.text()).toContain('Наставничество')
    expect(progress.get('progress').attributes()).toMatchObject({ max: '9', value: '2' })
    const rows = view.findAll('[data-testid=report-row]')
    expect(rows[1]!.text()).toContain('200 КБ')
    expect(rows[1]!.text()).toContain('Иванова Мария Петровна')
    expect(rows[1]!.get('[data-testid=report-download]').attributes('href')).toBe('/api/reports/2/file')
    expect(rows[2]!.text()).toContain('Не удалось: org unit 2 is outside your org tree')
    expect(rows[2]!.find('[data-testid=report-download]').exists()).toBe(false)

    // It polls while a job runs, and stops once none does.
    api.answer({ items: [report(3, {}), report(2, {})] })
    await vi.advanceTimersByTimeAsync(1000)
    expect(api.requests).toHaveLength(2)
    expect(view.find('[data-testid=report-progress]').exists()).toBe(false)
    await vi.advanceTimersByTimeAsync(3000)
    expect(api.requests).toHaveLength(2)
  })

  it('orders a DOCX with the chosen sections', async () => {
    const api = stubApi()
    api.answer({ items: [] })
    const view = await mountView(api)
    await view.get('[data-testid=report-format-docx]').setValue(true)
    api.answer({ id: 7, status: 'queued' })
    api.answer({ items: [report(7, { status: 'queued', progress: { done: 0, total: 0, section: null } })] })
    await view.get('form').trigger('submit')
    await flushPromises()
    expect(api.requests[1]).toEqual({
      method: 'POST',
      path: '/api/reports',
      body: { orgUnit: 2, period: '2025-26', format: 'docx', sections: { appendix: true, children: 'compact' } },
    })
    expect(view.get('[data-testid=report-progress]').text()).toContain('В очереди')
  })
})
